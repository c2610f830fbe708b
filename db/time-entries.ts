/** Time spent on quotes: rows in, plain objects out. The rules (a day's 24 h, the quote's client) are server/time-entries.ts. */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "./connection";
import { quotes, timeEntries } from "./schema";
import type { TimeEntry } from "@/lib/domain";

export type TimeEntryValues = typeof timeEntries.$inferInsert;

/** A quote's time entries, by day then id. */
export function listTimeEntries(db: DbOrTx, quoteId: number): TimeEntry[] {
  return db.select().from(timeEntries).where(eq(timeEntries.quoteId, quoteId)).orderBy(asc(timeEntries.occurredOn), asc(timeEntries.id)).all();
}

/** Every time entry on a client's quotes, by day then id. */
export function listClientTimeEntries(db: DbOrTx, clientId: number): TimeEntry[] {
  return db
    .select()
    .from(timeEntries)
    .where(inArray(timeEntries.quoteId, db.select({ id: quotes.id }).from(quotes).where(eq(quotes.clientId, clientId))))
    .orderBy(asc(timeEntries.occurredOn), asc(timeEntries.id))
    .all();
}

export function findTimeEntry(db: DbOrTx, id: number): TimeEntry | undefined {
  return db.select().from(timeEntries).where(eq(timeEntries.id, id)).get();
}

export function insertTimeEntry(db: DbOrTx, values: TimeEntryValues): number {
  return Number(db.insert(timeEntries).values(values).run().lastInsertRowid);
}

/** Rows deleted: 0 when the entry is not on that quote. */
export function deleteTimeEntryRow(db: DbOrTx, quoteId: number, id: number): number {
  return db.delete(timeEntries).where(and(eq(timeEntries.id, id), eq(timeEntries.quoteId, quoteId))).run().changes;
}

/** Minutes logged on a day across the whole book (a person has one day, whatever the quote). */
export function minutesLoggedOn(db: DbOrTx, day: string): number {
  return db.select({ m: sql<number>`coalesce(sum(${timeEntries.minutes}), 0)` }).from(timeEntries).where(eq(timeEntries.occurredOn, day)).get()?.m ?? 0;
}

/** Minutes logged on a quote. */
export function minutesLoggedOnQuote(db: DbOrTx, quoteId: number): number {
  return db.select({ m: sql<number>`coalesce(sum(${timeEntries.minutes}), 0)` }).from(timeEntries).where(eq(timeEntries.quoteId, quoteId)).get()?.m ?? 0;
}

/** The time entry with this import key, if any (the same file imported twice adds nothing). */
export function findTimeEntryBySourceKey(db: DbOrTx, sourceKey: string): TimeEntry | undefined {
  return db.select().from(timeEntries).where(eq(timeEntries.sourceKey, sourceKey)).get();
}
