import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "./connection";
import { quoteEvents } from "./schema";
import type { QuoteEvent } from "@/lib/domain";
import type { QuoteEventValues } from "@/lib/quote-lifecycle";

export function insertQuoteEvent(db: DbOrTx, values: QuoteEventValues): number {
  return Number(db.insert(quoteEvents).values(values).run().lastInsertRowid);
}

export function findQuoteEvent(db: DbOrTx, id: number): QuoteEvent | undefined {
  return db.select().from(quoteEvents).where(eq(quoteEvents.id, id)).get();
}

/** Rows deleted: 0 when the event is not on that quote. */
export function deleteQuoteEventRow(db: DbOrTx, quoteId: number, eventId: number): number {
  return db.delete(quoteEvents).where(and(eq(quoteEvents.id, eventId), eq(quoteEvents.quoteId, quoteId))).run().changes;
}

/** Rows changed: 0 when the event is not on that quote. The caller reads it back. */
export function updateQuoteEventRow(db: DbOrTx, quoteId: number, eventId: number, values: QuoteEventValues): number {
  return db.update(quoteEvents).set(values).where(and(eq(quoteEvents.id, eventId), eq(quoteEvents.quoteId, quoteId))).run().changes;
}
