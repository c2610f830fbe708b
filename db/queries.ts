/**
 * Data access: small functions fn(db, params) that return plain objects.
 * Every write runs in one transaction; no SQL lives outside db/.
 */
import { and, asc, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { DB } from "./connection";
import { ConflictError, InputError, NotFoundError } from "./errors";
import { clients, interactions, quoteEvents, quotes, services, settings, templates } from "./schema";
import {
  DEFAULT_SETTINGS,
  OPEN_QUOTE_STATUSES,
  type Client,
  type ClientHistory,
  type ClientStatus,
  type Interaction,
  type Quote,
  type QuoteEvent,
  type QuoteWithEvents,
  type Service,
  type Settings,
} from "@/lib/domain";
import { divRound } from "@/lib/money";
import { replayNegotiation } from "@/lib/negotiation";
import type {
  CreateInteraction,
  CreateQuoteEvent,
  QuoteOutcome,
  UpsertClient,
  UpsertQuote,
  UpsertService,
  UpsertTemplate,
} from "@/lib/schemas";

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function isUniqueViolation(e: unknown): boolean {
  return e instanceof Error && /UNIQUE constraint failed/.test(e.message);
}

// ---------------- settings ----------------
export function getSettings(db: DB): Settings {
  const row = db.select().from(settings).where(eq(settings.id, 1)).get();
  if (!row) return { ...DEFAULT_SETTINGS };
  const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = row;
  return rest;
}

export function updateSettings(db: DB, input: Settings): Settings {
  db.insert(settings)
    .values({ id: 1, ...input })
    .onConflictDoUpdate({ target: settings.id, set: { ...input, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` } })
    .run();
  return getSettings(db);
}

// ---------------- services ----------------
const serviceColumns = {
  id: services.id,
  name: services.name,
  unit: services.unit,
  currency: services.currency,
  marketRate: services.marketRate,
  targetRate: services.targetRate,
  floorRate: services.floorRate,
};

export function listServices(db: DB): Service[] {
  return db.select(serviceColumns).from(services).orderBy(asc(services.name)).all();
}

export function getService(db: DB, id: number): Service {
  const row = db.select(serviceColumns).from(services).where(eq(services.id, id)).get();
  if (!row) throw new NotFoundError("service", id);
  return row;
}

export function createService(db: DB, input: UpsertService): Service {
  try {
    const row = db.insert(services).values(input).returning(serviceColumns).get();
    return row;
  } catch (e) {
    if (isUniqueViolation(e)) throw new ConflictError(`A service named "${input.name}" already exists`, { name: ["A service with this name already exists"] });
    throw e;
  }
}

export function updateService(db: DB, id: number, input: UpsertService): Service {
  getService(db, id);
  try {
    return db
      .update(services)
      .set({ ...input, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` })
      .where(eq(services.id, id))
      .returning(serviceColumns)
      .get()!;
  } catch (e) {
    if (isUniqueViolation(e)) throw new ConflictError(`A service named "${input.name}" already exists`, { name: ["A service with this name already exists"] });
    throw e;
  }
}

export function deleteService(db: DB, id: number): void {
  const res = db.delete(services).where(eq(services.id, id)).run();
  if (res.changes === 0) throw new NotFoundError("service", id);
}

// ---------------- clients ----------------
export interface ClientListParams {
  q?: string;
  status?: ClientStatus;
}

export function listClients(db: DB, params: ClientListParams = {}): Client[] {
  const conds: SQL[] = [];
  if (params.q) {
    const pattern = `%${params.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(
      or(
        sql`${clients.name} LIKE ${pattern} ESCAPE '\\'`,
        sql`${clients.company} LIKE ${pattern} ESCAPE '\\'`,
        sql`${clients.email} LIKE ${pattern} ESCAPE '\\'`,
      )!,
    );
  }
  if (params.status) conds.push(eq(clients.status, params.status));
  return db
    .select()
    .from(clients)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(sql`${clients.name} COLLATE NOCASE`, asc(clients.id))
    .all();
}

export function getClient(db: DB, id: number): Client {
  const row = db.select().from(clients).where(eq(clients.id, id)).get();
  if (!row) throw new NotFoundError("client", id);
  return row;
}

export function createClient(db: DB, input: UpsertClient): Client {
  return db
    .insert(clients)
    .values({ ...input, company: input.company ?? null, email: input.email ?? null, notes: input.notes ?? null })
    .returning()
    .get();
}

export function updateClient(db: DB, id: number, input: UpsertClient): Client {
  getClient(db, id);
  return db
    .update(clients)
    .set({ ...input, company: input.company ?? null, email: input.email ?? null, notes: input.notes ?? null, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` })
    .where(eq(clients.id, id))
    .returning()
    .get()!;
}

export function deleteClient(db: DB, id: number): void {
  const res = db.delete(clients).where(eq(clients.id, id)).run();
  if (res.changes === 0) throw new NotFoundError("client", id);
}

// ---------------- quotes ----------------
function touchQuote(db: DB, id: number) {
  db.update(quotes).set({ updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` }).where(eq(quotes.id, id)).run();
}

function checkQuoteRefs(db: DB, input: { clientId: number; serviceId?: number | null; currency: string }) {
  const client = db.select({ id: clients.id }).from(clients).where(eq(clients.id, input.clientId)).get();
  if (!client) throw new InputError("Unknown client", { clientId: [`No client with id ${input.clientId}`] });
  if (input.serviceId != null) {
    const service = db.select(serviceColumns).from(services).where(eq(services.id, input.serviceId)).get();
    if (!service) throw new InputError("Unknown service", { serviceId: [`No service with id ${input.serviceId}`] });
    if (service.currency !== input.currency)
      throw new InputError("Currency does not match the service", {
        currency: [`${service.name} is priced in ${service.currency}; quote in ${service.currency} or change the rate card`],
      });
  }
}

function quoteValues(input: UpsertQuote) {
  const { estimatedHours, ...rest } = input;
  return {
    ...rest,
    serviceId: rest.serviceId ?? null,
    scope: rest.scope ?? null,
    agreedAmount: rest.agreedAmount ?? null,
    sentOn: rest.sentOn ?? null,
    decidedOn: rest.decidedOn ?? null,
    rejectionReason: rest.rejectionReason ?? null,
    cameBackAtMyPrice: rest.cameBackAtMyPrice ?? false,
    estimatedMinutes: Math.max(1, Math.round(estimatedHours * 60)),
  };
}

export function listQuotes(db: DB, params: { clientId?: number } = {}): Quote[] {
  return db
    .select()
    .from(quotes)
    .where(params.clientId != null ? eq(quotes.clientId, params.clientId) : undefined)
    .orderBy(desc(quotes.createdAt), desc(quotes.id))
    .all();
}

export function getQuote(db: DB, id: number): QuoteWithEvents {
  const row = db.select().from(quotes).where(eq(quotes.id, id)).get();
  if (!row) throw new NotFoundError("quote", id);
  const events = db.select().from(quoteEvents).where(eq(quoteEvents.quoteId, id)).orderBy(asc(quoteEvents.occurredOn), asc(quoteEvents.id)).all();
  return { ...row, events };
}

/** An accepted quote with no agreed amount agrees at the price on the table. */
function settleAgreedAmount(db: DB, id: number) {
  const q = getQuote(db, id);
  if (q.status === "accepted" && q.agreedAmount == null) {
    const { currentPrice } = replayNegotiation(q);
    db.update(quotes).set({ agreedAmount: currentPrice }).where(eq(quotes.id, id)).run();
  }
  if ((q.status === "accepted" || q.status === "rejected" || q.status === "declined_by_me" || q.status === "withdrawn" || q.status === "expired") && !q.decidedOn) {
    db.update(quotes).set({ decidedOn: today() }).where(eq(quotes.id, id)).run();
  }
}

export function createQuote(db: DB, input: UpsertQuote): QuoteWithEvents {
  return db.transaction((tx) => {
    const t = tx as unknown as DB;
    checkQuoteRefs(t, input);
    const values = quoteValues(input);
    if (values.status !== "draft" && !values.sentOn) values.sentOn = today();
    const row = t.insert(quotes).values(values).returning().get();
    settleAgreedAmount(t, row.id);
    return getQuote(t, row.id);
  });
}

export function updateQuote(db: DB, id: number, input: UpsertQuote): QuoteWithEvents {
  return db.transaction((tx) => {
    const t = tx as unknown as DB;
    const existing = getQuote(t, id);
    checkQuoteRefs(t, input);
    if (existing.clientId !== input.clientId) throw new InputError("A quote cannot move to another client", { clientId: ["A quote cannot move to another client"] });
    t.update(quotes)
      .set({ ...quoteValues(input), updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` })
      .where(eq(quotes.id, id))
      .run();
    settleAgreedAmount(t, id);
    return getQuote(t, id);
  });
}

export function setQuoteOutcome(db: DB, id: number, input: QuoteOutcome): QuoteWithEvents {
  return db.transaction((tx) => {
    const t = tx as unknown as DB;
    const existing = getQuote(t, id);
    const decided = !OPEN_QUOTE_STATUSES.includes(input.status);
    t.update(quotes)
      .set({
        status: input.status,
        agreedAmount: input.status === "accepted" ? (input.agreedAmount ?? existing.agreedAmount ?? null) : input.agreedAmount !== undefined ? input.agreedAmount : existing.agreedAmount,
        decidedOn: decided ? (input.decidedOn ?? existing.decidedOn ?? today()) : null,
        rejectionReason: input.status === "rejected" || input.status === "declined_by_me" ? (input.rejectionReason ?? existing.rejectionReason) : null,
        cameBackAtMyPrice: input.cameBackAtMyPrice ?? existing.cameBackAtMyPrice,
        sentOn: existing.sentOn ?? (input.status !== "draft" ? today() : null),
        updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`,
      })
      .where(eq(quotes.id, id))
      .run();
    settleAgreedAmount(t, id);
    return getQuote(t, id);
  });
}

export function deleteQuote(db: DB, id: number): void {
  const res = db.delete(quotes).where(eq(quotes.id, id)).run();
  if (res.changes === 0) throw new NotFoundError("quote", id);
}

// ---------------- negotiation events ----------------
export function addQuoteEvent(db: DB, quoteId: number, input: CreateQuoteEvent): QuoteEvent {
  return db.transaction((tx) => {
    const t = tx as unknown as DB;
    const quote = getQuote(t, quoteId);
    const base = { quoteId, kind: input.kind, note: input.note ?? null, occurredOn: input.occurredOn ?? today() };
    let values: typeof quoteEvents.$inferInsert;
    switch (input.kind) {
      case "discount_request":
        values = { ...base, percentBp: input.percent != null ? Math.round(input.percent * 100) : null, amount: input.amountOff ?? null };
        break;
      case "client_counter":
      case "my_counter":
        values = { ...base, amount: input.amount };
        break;
      case "my_answer":
        values = {
          ...base,
          answer: input.answer,
          amount: input.amount ?? null,
          scopeMinutes: input.scopeHours != null ? Math.max(1, Math.round(input.scopeHours * 60)) : null,
        };
        break;
    }
    const row = t.insert(quoteEvents).values(values).returning().get();
    // A negotiation has started: an open quote moves to "negotiating".
    if (quote.status === "draft" || quote.status === "sent") {
      t.update(quotes).set({ status: "negotiating", sentOn: quote.sentOn ?? row.occurredOn }).where(eq(quotes.id, quoteId)).run();
    }
    touchQuote(t, quoteId);
    return row;
  });
}

export function deleteQuoteEvent(db: DB, quoteId: number, eventId: number): void {
  const res = db.delete(quoteEvents).where(and(eq(quoteEvents.id, eventId), eq(quoteEvents.quoteId, quoteId))).run();
  if (res.changes === 0) throw new NotFoundError("negotiation event", eventId);
}

// ---------------- interactions ----------------
export function listInteractions(db: DB, clientId: number): Interaction[] {
  return db.select().from(interactions).where(eq(interactions.clientId, clientId)).orderBy(desc(interactions.occurredOn), desc(interactions.id)).all();
}

export function addInteraction(db: DB, clientId: number, input: CreateInteraction): Interaction {
  return db.transaction((tx) => {
    const t = tx as unknown as DB;
    getClient(t, clientId);
    if (input.quoteId != null) {
      const q = t.select({ clientId: quotes.clientId }).from(quotes).where(eq(quotes.id, input.quoteId)).get();
      if (!q || q.clientId !== clientId) throw new InputError("Unknown quote for this client", { quoteId: ["That quote does not belong to this client"] });
    }
    const base = { clientId, quoteId: input.quoteId ?? null, kind: input.kind, note: input.note ?? null, occurredOn: input.occurredOn ?? today() };
    let values: typeof interactions.$inferInsert;
    switch (input.kind) {
      case "ask":
        values = { ...base, subtype: input.subtype, minutes: input.minutes, paid: input.paid, initiatedBy: "client" };
        break;
      case "give":
        values = { ...base, subtype: input.subtype, amount: input.amount ?? null, initiatedBy: "client" };
        break;
      case "follow_up":
        values = { ...base, answered: input.answered, initiatedBy: "me" };
        break;
      case "payment":
        values = { ...base, daysLate: input.daysLate, amount: input.amount ?? null, initiatedBy: "client" };
        break;
    }
    const row = t.insert(interactions).values(values).returning().get();
    t.update(clients).set({ updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` }).where(eq(clients.id, clientId)).run();
    return row;
  });
}

export function deleteInteraction(db: DB, clientId: number, interactionId: number): void {
  const res = db.delete(interactions).where(and(eq(interactions.id, interactionId), eq(interactions.clientId, clientId))).run();
  if (res.changes === 0) throw new NotFoundError("interaction", interactionId);
}

// ---------------- history (input of the worth model) ----------------
export function loadClientHistory(db: DB, clientId: number): ClientHistory {
  const client = getClient(db, clientId);
  const qs = db.select().from(quotes).where(eq(quotes.clientId, clientId)).orderBy(desc(quotes.createdAt), desc(quotes.id)).all();
  const ids = qs.map((q) => q.id);
  const events = ids.length ? db.select().from(quoteEvents).where(inArray(quoteEvents.quoteId, ids)).orderBy(asc(quoteEvents.occurredOn), asc(quoteEvents.id)).all() : [];
  const byQuote = new Map<number, QuoteEvent[]>();
  for (const e of events) (byQuote.get(e.quoteId) ?? byQuote.set(e.quoteId, []).get(e.quoteId)!).push(e);
  return {
    client,
    quotes: qs.map((q) => ({ ...q, events: byQuote.get(q.id) ?? [] })),
    interactions: listInteractions(db, clientId),
  };
}

/** Every client's history in three queries (no N+1), for scoring the whole book. */
export function loadAllHistories(db: DB): ClientHistory[] {
  const cs = db.select().from(clients).orderBy(asc(clients.id)).all();
  const qs = db.select().from(quotes).orderBy(asc(quotes.id)).all();
  const es = db.select().from(quoteEvents).orderBy(asc(quoteEvents.quoteId), asc(quoteEvents.occurredOn), asc(quoteEvents.id)).all();
  const is = db.select().from(interactions).orderBy(asc(interactions.clientId), desc(interactions.occurredOn), desc(interactions.id)).all();
  const eventsByQuote = new Map<number, QuoteEvent[]>();
  for (const e of es) (eventsByQuote.get(e.quoteId) ?? eventsByQuote.set(e.quoteId, []).get(e.quoteId)!).push(e);
  const histories = new Map<number, ClientHistory>(cs.map((c) => [c.id, { client: c, quotes: [], interactions: [] }]));
  for (const q of qs) histories.get(q.clientId)?.quotes.push({ ...q, events: eventsByQuote.get(q.id) ?? [] });
  for (const i of is) histories.get(i.clientId)?.interactions.push(i);
  return [...histories.values()];
}

/** Minutes of accepted, still-open work and the open pipeline: the offer check's capacity inputs. */
export function loadCapacity(db: DB, since: string): { committedMinutes: number; openPipelineCount: number; openPipelineValue: number } {
  const committed = db
    .select({ m: sql<number>`coalesce(sum(${quotes.estimatedMinutes}), 0)` })
    .from(quotes)
    .where(and(eq(quotes.status, "accepted"), sql`coalesce(${quotes.decidedOn}, substr(${quotes.createdAt}, 1, 10)) >= ${since}`))
    .get();
  const open = db
    .select({ n: sql<number>`count(*)`, v: sql<number>`coalesce(sum(${quotes.quotedAmount}), 0)` })
    .from(quotes)
    .where(inArray(quotes.status, [...OPEN_QUOTE_STATUSES]))
    .get();
  return { committedMinutes: committed?.m ?? 0, openPipelineCount: open?.n ?? 0, openPipelineValue: open?.v ?? 0 };
}

// ---------------- templates ----------------
export type Template = typeof templates.$inferSelect;

export function listTemplates(db: DB): Template[] {
  return db.select().from(templates).orderBy(asc(templates.kind), desc(templates.isDefault), asc(templates.name)).all();
}

export function getTemplate(db: DB, id: number): Template {
  const row = db.select().from(templates).where(eq(templates.id, id)).get();
  if (!row) throw new NotFoundError("template", id);
  return row;
}

export function createTemplate(db: DB, input: UpsertTemplate): Template {
  return db.transaction((tx) => {
    if (input.isDefault) tx.update(templates).set({ isDefault: false }).where(eq(templates.kind, input.kind)).run();
    return tx.insert(templates).values(input).returning().get();
  });
}

export function updateTemplate(db: DB, id: number, input: UpsertTemplate): Template {
  return db.transaction((tx) => {
    getTemplate(tx as unknown as DB, id);
    if (input.isDefault) tx.update(templates).set({ isDefault: false }).where(eq(templates.kind, input.kind)).run();
    return tx.update(templates).set({ ...input, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` }).where(eq(templates.id, id)).returning().get()!;
  });
}

export function deleteTemplate(db: DB, id: number): void {
  const res = db.delete(templates).where(eq(templates.id, id)).run();
  if (res.changes === 0) throw new NotFoundError("template", id);
}

export function isEmptyBook(db: DB): boolean {
  const row = db.select({ n: sql<number>`count(*)` }).from(clients).get();
  const s = db.select({ n: sql<number>`count(*)` }).from(services).get();
  return (row?.n ?? 0) === 0 && (s?.n ?? 0) === 0;
}

export { divRound };
