/**
 * A proposal as pages and the API show it: each option's price, minutes, effective rate and where it
 * stands against the (rush-adjusted) floor, target and market; its status; the link's path.
 */
import type { DbOrTx } from "@/db/connection";
import { findClient } from "@/db/clients";
import { findProposal, findProposalForQuote, listProposals } from "@/db/proposals";
import { getSettings } from "@/db/settings";
import type { ProposalDeclineReason, QuoteStatus, QuoteWithEvents, Unit } from "@/lib/domain";
import { notFound } from "@/lib/errors";
import { effectiveRate } from "@/lib/money";
import { proposalRates, rateStanding, type RateStanding } from "@/lib/proposals/pricing";
import { proposalStatus } from "@/lib/proposals/rules";
import type { ProposalStatus, ProposalWithOptions } from "@/lib/proposals/types";
import { getQuote } from "./quotes";
// ---- the view: what pages and the API show -----------------------------------------------------

export interface ProposalOptionView {
  id: number;
  position: number;
  name: string;
  summary: string | null;
  minutes: number;
  price: number;
  priceSource: ProposalWithOptions["options"][number]["priceSource"];
  rateCardPrice: number;
  /** the price per unit (hour or day) in minor units */
  effectiveRate: number;
  standing: RateStanding;
  /** the items it includes, by id and by position in `items` (0-based) */
  itemIds: number[];
  items: number[];
}

export interface ProposalView {
  id: number;
  quoteId: number;
  quoteTitle: string;
  quoteStatus: QuoteStatus;
  clientId: number;
  clientName: string;
  /** the user's name or business name (Settings); "" until given */
  businessName: string;
  status: ProposalStatus;
  currency: string;
  unit: Unit;
  /** the rates priced with, rush-adjusted when rush */
  rates: { floor: number; target: number; market: number };
  rush: boolean;
  rushMultiplierPct: number;
  hoursPerDay: number;
  minimumFee: number;
  belowFloorConfirmed: boolean;
  intro: string | null;
  terms: string | null;
  expiresOn: string;
  sentOn: string | null;
  /** the client's link is on */
  shared: boolean;
  /** the path of the client's page (`/p/<secret>`) when the link is on */
  shareUrl: string | null;
  items: { id: number; position: number; name: string; minutes: number }[];
  options: ProposalOptionView[];
  chosenOptionId: number | null;
  chosenOptionName: string | null;
  declineReason: ProposalDeclineReason | null;
  declineNote: string | null;
  answeredOn: string | null;
  answeredAt: string | null;
  createdAt: string;
  updatedAt: string;
}

function viewOf(p: ProposalWithOptions, quote: Pick<QuoteWithEvents, "title" | "status" | "clientId">, clientName: string, businessName: string, today: string): ProposalView {
  const rates = proposalRates(p);
  const positionOf = new Map(p.items.map((item, i) => [item.id, i]));
  const options = p.options.map((o): ProposalOptionView => {
    const rate = effectiveRate(o.price, o.minutes, p.unit, p.hoursPerDay);
    return {
      id: o.id,
      position: o.position,
      name: o.name,
      summary: o.summary,
      minutes: o.minutes,
      price: o.price,
      priceSource: o.priceSource,
      rateCardPrice: o.rateCardPrice,
      effectiveRate: rate,
      standing: rateStanding(rate, rates),
      itemIds: o.itemIds,
      items: o.itemIds.map((id) => positionOf.get(id) ?? -1).filter((i) => i >= 0),
    };
  });
  return {
    id: p.id,
    quoteId: p.quoteId,
    quoteTitle: quote.title,
    quoteStatus: quote.status,
    clientId: quote.clientId,
    clientName,
    businessName,
    status: proposalStatus(p, today),
    currency: p.currency,
    unit: p.unit,
    rates,
    rush: p.rush,
    rushMultiplierPct: p.rushMultiplierPct,
    hoursPerDay: p.hoursPerDay,
    minimumFee: p.minimumFee,
    belowFloorConfirmed: p.belowFloorConfirmed,
    intro: p.intro,
    terms: p.terms,
    expiresOn: p.expiresOn,
    sentOn: p.sentOn,
    shared: p.shareToken != null,
    shareUrl: p.shareToken ? `/p/${p.shareToken}` : null,
    items: p.items.map((i) => ({ id: i.id, position: i.position, name: i.name, minutes: i.minutes })),
    options,
    chosenOptionId: p.chosenOptionId,
    chosenOptionName: p.chosenOptionId != null ? (p.options.find((o) => o.id === p.chosenOptionId)?.name ?? null) : null,
    declineReason: p.declineReason,
    declineNote: p.declineNote,
    answeredOn: p.answeredOn,
    answeredAt: p.answeredAt,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

function viewFor(db: DbOrTx, p: ProposalWithOptions, today: string): ProposalView {
  const quote = getQuote(db, p.quoteId);
  return viewOf(p, quote, findClient(db, quote.clientId)?.name ?? "", getSettings(db).businessName, today);
}

/** The quote's proposal, or null when it has none (not_found for an unknown quote). */
export function findProposalView(db: DbOrTx, quoteId: number, today: string): ProposalView | null {
  getQuote(db, quoteId);
  const p = findProposalForQuote(db, quoteId);
  return p ? viewFor(db, p, today) : null;
}

/** GET /quotes/:id/proposal: not_found when the quote has none. */
export function getProposalView(db: DbOrTx, quoteId: number, today: string): ProposalView {
  const view = findProposalView(db, quoteId, today);
  if (!view) throw notFound("proposal for quote", quoteId);
  return view;
}

export function proposalOr404(db: DbOrTx, id: number): ProposalWithOptions {
  const p = findProposal(db, id);
  if (!p) throw notFound("proposal", id);
  return p;
}

/** GET /proposals/:id */
export function getProposalById(db: DbOrTx, id: number, today: string): ProposalView {
  return viewFor(db, proposalOr404(db, id), today);
}

/** GET /proposals: every proposal, oldest first. */
export function listProposalViews(db: DbOrTx, today: string): ProposalView[] {
  const settings = getSettings(db);
  return listProposals(db).map((p) => {
    const quote = getQuote(db, p.quoteId);
    return viewOf(p, quote, findClient(db, quote.clientId)?.name ?? "", settings.businessName, today);
  });
}

