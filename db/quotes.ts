import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "./connection";
import { now, quoteEvents, quotes } from "./schema";
import type { Quote, QuoteWithEvents } from "@/lib/domain";
import type { QuoteValues } from "@/lib/quote-lifecycle";
import { minutesLoggedOnQuote } from "./time-entries";

export function listQuotes(db: DbOrTx, params: { clientId?: number } = {}): Quote[] {
  return db
    .select()
    .from(quotes)
    .where(params.clientId != null ? eq(quotes.clientId, params.clientId) : undefined)
    .orderBy(desc(quotes.createdAt), desc(quotes.id))
    .all();
}

/**
 * The quotes in `statuses` anywhere in the book, plus every quote of `clientIds` and the quotes `ids`, in
 * listQuotes' order: what a quick log can point at, without reading the whole book's history.
 */
export function listQuotesWhere(db: DbOrTx, params: { statuses: readonly Quote["status"][]; clientIds: number[]; ids: number[] }): Quote[] {
  // one indexed query per part (an OR across the three columns would scan the whole table), merged
  const parts = [
    db.select().from(quotes).where(inArray(quotes.status, [...params.statuses])).all(),
    params.clientIds.length ? db.select().from(quotes).where(inArray(quotes.clientId, params.clientIds)).all() : [],
    params.ids.length ? db.select().from(quotes).where(inArray(quotes.id, params.ids)).all() : [],
  ];
  const byId = new Map<number, Quote>();
  for (const part of parts) for (const q of part) byId.set(q.id, q);
  return [...byId.values()].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.id - a.id));
}

/** The quote's row alone (no events), or undefined. */
export function findQuoteRow(db: DbOrTx, id: number): Quote | undefined {
  return db.select().from(quotes).where(eq(quotes.id, id)).get();
}

/** A quote with its negotiation events in the order they happened and the minutes logged on it. */
export function findQuote(db: DbOrTx, id: number): QuoteWithEvents | undefined {
  const row = db.select().from(quotes).where(eq(quotes.id, id)).get();
  if (!row) return undefined;
  const events = db.select().from(quoteEvents).where(eq(quoteEvents.quoteId, id)).orderBy(asc(quoteEvents.occurredOn), asc(quoteEvents.id)).all();
  return { ...row, events, actualMinutes: minutesLoggedOnQuote(db, id) };
}

/** Quotes priced on a service in a currency other than `currency`. */
export function countServiceQuotesNotIn(db: DbOrTx, serviceId: number, currency: string): number {
  return db.select({ n: sql<number>`count(*)` }).from(quotes).where(and(eq(quotes.serviceId, serviceId), ne(quotes.currency, currency))).get()?.n ?? 0;
}

export function insertQuote(db: DbOrTx, values: QuoteValues): number {
  return Number(db.insert(quotes).values(values).run().lastInsertRowid);
}

/** Rows changed: 0 when there is no such quote. */
export function updateQuoteRow(db: DbOrTx, id: number, values: Partial<QuoteValues>): number {
  return db.update(quotes).set({ ...values, updatedAt: now }).where(eq(quotes.id, id)).run().changes;
}

export function deleteQuoteRow(db: DbOrTx, id: number): number {
  return db.delete(quotes).where(eq(quotes.id, id)).run().changes;
}
