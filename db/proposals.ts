/** Proposals, their scope items and options: read whole, written whole (callers wrap writes in writeTransaction). */
import { and, asc, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import type { DbOrTx } from "./connection";
import { now, proposalItems, proposalOptionItems, proposalOptions, proposals } from "./schema";
import type { OptionPriceSource } from "@/lib/domain";
import type { Proposal, ProposalItem, ProposalOption, ProposalWithOptions } from "@/lib/proposals/types";

const columns = {
  id: proposals.id,
  quoteId: proposals.quoteId,
  currency: proposals.currency,
  unit: proposals.unit,
  floorRate: proposals.floorRate,
  targetRate: proposals.targetRate,
  marketRate: proposals.marketRate,
  rush: proposals.rush,
  rushMultiplierPct: proposals.rushMultiplierPct,
  hoursPerDay: proposals.hoursPerDay,
  minimumFee: proposals.minimumFee,
  belowFloorConfirmed: proposals.belowFloorConfirmed,
  intro: proposals.intro,
  terms: proposals.terms,
  expiresOn: proposals.expiresOn,
  sentOn: proposals.sentOn,
  shareToken: proposals.shareToken,
  chosenOptionId: proposals.chosenOptionId,
  declineReason: proposals.declineReason,
  declineNote: proposals.declineNote,
  answeredOn: proposals.answeredOn,
  answeredAt: proposals.answeredAt,
  createdAt: proposals.createdAt,
  updatedAt: proposals.updatedAt,
};

const optionColumns = {
  id: proposalOptions.id,
  proposalId: proposalOptions.proposalId,
  position: proposalOptions.position,
  name: proposalOptions.name,
  summary: proposalOptions.summary,
  minutes: proposalOptions.minutes,
  price: proposalOptions.price,
  priceSource: proposalOptions.priceSource,
  rateCardPrice: proposalOptions.rateCardPrice,
};

/** Items and options (with their item ids, in item order) of the given proposals, grouped by proposal. */
function withOptions(db: DbOrTx, rows: Proposal[]): ProposalWithOptions[] {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const items: ProposalItem[] = db.select().from(proposalItems).where(inArray(proposalItems.proposalId, ids)).orderBy(asc(proposalItems.position), asc(proposalItems.id)).all();
  const options = db.select(optionColumns).from(proposalOptions).where(inArray(proposalOptions.proposalId, ids)).orderBy(asc(proposalOptions.position), asc(proposalOptions.id)).all();
  const links = options.length
    ? db
        .select()
        .from(proposalOptionItems)
        .where(
          inArray(
            proposalOptionItems.optionId,
            options.map((o) => o.id),
          ),
        )
        .all()
    : [];
  const position = new Map(items.map((i) => [i.id, i.position]));
  const itemIdsOf = new Map<number, number[]>();
  for (const l of links) (itemIdsOf.get(l.optionId) ?? itemIdsOf.set(l.optionId, []).get(l.optionId)!).push(l.itemId);
  return rows.map((r) => ({
    ...r,
    items: items.filter((i) => i.proposalId === r.id),
    options: options
      .filter((o) => o.proposalId === r.id)
      .map((o): ProposalOption => ({ ...o, itemIds: (itemIdsOf.get(o.id) ?? []).sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0)) })),
  }));
}

export function findProposal(db: DbOrTx, id: number): ProposalWithOptions | undefined {
  const row = db.select(columns).from(proposals).where(eq(proposals.id, id)).get();
  return row ? withOptions(db, [row])[0] : undefined;
}

export function findProposalForQuote(db: DbOrTx, quoteId: number): ProposalWithOptions | undefined {
  const row = db.select(columns).from(proposals).where(eq(proposals.quoteId, quoteId)).get();
  return row ? withOptions(db, [row])[0] : undefined;
}

/** By the public link's secret: only a shared (not revoked) proposal has one. */
export function findProposalByToken(db: DbOrTx, token: string): ProposalWithOptions | undefined {
  const row = db
    .select(columns)
    .from(proposals)
    .where(and(isNotNull(proposals.shareToken), eq(proposals.shareToken, token)))
    .get();
  return row ? withOptions(db, [row])[0] : undefined;
}

/** Every proposal, with options (the dashboard, export): oldest first. Optionally only these quotes'. */
export function listProposals(db: DbOrTx, filter: { quoteIds?: number[] } = {}): ProposalWithOptions[] {
  const where = filter.quoteIds ? inArray(proposals.quoteId, filter.quoteIds) : undefined;
  return withOptions(db, db.select(columns).from(proposals).where(where).orderBy(asc(proposals.id)).all());
}

/** The stored header of a proposal: the pricing, texts and expiry (not the link, not the answer). */
export type ProposalHeaderValues = Omit<Proposal, "id" | "createdAt" | "updatedAt" | "sentOn" | "shareToken" | "chosenOptionId" | "declineReason" | "declineNote" | "answeredOn" | "answeredAt">;

export interface ProposalOptionValues {
  name: string;
  summary: string | null;
  minutes: number;
  price: number;
  priceSource: OptionPriceSource;
  rateCardPrice: number;
  /** positions in the items list (0-based) */
  items: number[];
}

/**
 * Writes a quote's proposal whole: the header (inserted, or updated keeping its link, sending and
 * answer), and its items and options replaced. → the proposal's id.
 */
export function saveProposalRows(db: DbOrTx, header: ProposalHeaderValues, items: { name: string; minutes: number }[], options: ProposalOptionValues[]): number {
  const existing = db.select({ id: proposals.id }).from(proposals).where(eq(proposals.quoteId, header.quoteId)).get();
  let id: number;
  if (existing) {
    id = existing.id;
    db.update(proposals)
      .set({ ...header, updatedAt: now })
      .where(eq(proposals.id, id))
      .run();
    db.delete(proposalOptions).where(eq(proposalOptions.proposalId, id)).run();
    db.delete(proposalItems).where(eq(proposalItems.proposalId, id)).run();
  } else {
    id = Number(db.insert(proposals).values(header).run().lastInsertRowid);
  }
  const itemIds = items.map((item, position) => Number(db.insert(proposalItems).values({ proposalId: id, position, name: item.name, minutes: item.minutes }).run().lastInsertRowid));
  options.forEach((o, position) => {
    const { items: included, ...values } = o;
    const optionId = Number(
      db
        .insert(proposalOptions)
        .values({ ...values, proposalId: id, position })
        .run().lastInsertRowid,
    );
    for (const i of new Set(included)) db.insert(proposalOptionItems).values({ optionId, itemId: itemIds[i] }).run();
  });
  return id;
}

/** The link on (a new secret; the first time also the day it was sent) or off (NULL). Rows changed. */
export function setProposalShare(db: DbOrTx, id: number, values: { shareToken: string | null; sentOn?: string }): number {
  return db
    .update(proposals)
    .set({ ...values, updatedAt: now })
    .where(eq(proposals.id, id))
    .run().changes;
}

/** Marks it given to the client (a PDF sent by email) on a day, when it was not yet. Rows changed. */
export function markProposalSent(db: DbOrTx, id: number, sentOn: string): number {
  return db
    .update(proposals)
    .set({ sentOn, updatedAt: now })
    .where(eq(proposals.id, id))
    .run().changes;
}

/**
 * Records the client's answer, only if there is none yet (so two answers racing cannot both land).
 * Rows changed: 0 means it was already answered.
 */
export function setProposalAnswer(
  db: DbOrTx,
  id: number,
  values: Pick<Proposal, "chosenOptionId" | "declineReason" | "declineNote" | "answeredOn" | "answeredAt">,
): number {
  return db
    .update(proposals)
    .set({ ...values, updatedAt: now })
    .where(and(eq(proposals.id, id), isNull(proposals.answeredOn)))
    .run().changes;
}

export function deleteProposal(db: DbOrTx, id: number): number {
  return db.delete(proposals).where(eq(proposals.id, id)).run().changes;
}
