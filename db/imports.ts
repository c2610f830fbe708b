/**
 * History imports (server/history-import.ts): the batches, the rows each one created (import_rows), and
 * the lookups an import and its undo need. Every function takes DbOrTx; nothing here decides anything.
 */
import { and, desc, eq, inArray, isNotNull, notInArray, sql } from "drizzle-orm";
import type { DbOrTx } from "./connection";
import { clients, importBatches, importRows, interactions, quoteEvents, quotes, timeEntries, type ImportTable } from "./schema";

export type ImportBatch = typeof importBatches.$inferSelect;
export type ImportBatchValues = typeof importBatches.$inferInsert;

const CHUNK = 500;
function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

export function insertImportBatch(db: DbOrTx, values: ImportBatchValues): number {
  return Number(db.insert(importBatches).values(values).run().lastInsertRowid);
}

export function findImportBatch(db: DbOrTx, id: number): ImportBatch | undefined {
  return db.select().from(importBatches).where(eq(importBatches.id, id)).get();
}

/** Newest first. */
export function listImportBatches(db: DbOrTx, limit = 50): ImportBatch[] {
  return db.select().from(importBatches).orderBy(desc(importBatches.id)).limit(limit).all();
}

export function markImportBatchUndone(db: DbOrTx, id: number): number {
  return db.update(importBatches).set({ undoneAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` }).where(eq(importBatches.id, id)).run().changes;
}

/** Record that the batch created these rows of a table. */
export function markImportRows(db: DbOrTx, batchId: number, tableName: ImportTable, ids: readonly number[]): void {
  for (const part of chunks(ids)) if (part.length) db.insert(importRows).values(part.map((rowId) => ({ batchId, tableName, rowId }))).run();
}

/** The ids the batch created, per table. */
export function importRowIds(db: DbOrTx, batchId: number): Record<ImportTable, number[]> {
  const rows = db.select().from(importRows).where(eq(importRows.batchId, batchId)).all();
  const out: Record<ImportTable, number[]> = { clients: [], quotes: [], time_entries: [] };
  for (const r of rows) out[r.tableName].push(r.rowId);
  return out;
}

/** Every client's id and name (names are matched without case in server/). */
export function clientNames(db: DbOrTx): { id: number; name: string }[] {
  return db.select({ id: clients.id, name: clients.name }).from(clients).all();
}

/** Every quote's id, client, title and import key. */
export function quoteTitles(db: DbOrTx): { id: number; clientId: number; title: string; sourceKey: string | null }[] {
  return db.select({ id: quotes.id, clientId: quotes.clientId, title: quotes.title, sourceKey: quotes.sourceKey }).from(quotes).all();
}

/** Which of these keys a time entry already carries. */
export function existingTimeEntryKeys(db: DbOrTx, keys: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const part of chunks(keys))
    if (part.length) for (const r of db.select({ k: timeEntries.sourceKey }).from(timeEntries).where(inArray(timeEntries.sourceKey, part)).all()) if (r.k) out.add(r.k);
  return out;
}

/** Which of these keys a quote already carries. */
export function existingQuoteKeys(db: DbOrTx, keys: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const part of chunks(keys)) if (part.length) for (const r of db.select({ k: quotes.sourceKey }).from(quotes).where(inArray(quotes.sourceKey, part)).all()) if (r.k) out.add(r.k);
  return out;
}

/** Of these quotes, those that have rows the batch did not create: time entries not in `batchEntries`, negotiation events, interactions. */
export function quotesWithOtherRows(db: DbOrTx, quoteIds: readonly number[], batchEntries: readonly number[]): Set<number> {
  const out = new Set<number>();
  for (const part of chunks(quoteIds)) {
    if (!part.length) continue;
    const entryCond = batchEntries.length ? and(inArray(timeEntries.quoteId, part), notInArray(timeEntries.id, [...batchEntries])) : inArray(timeEntries.quoteId, part);
    for (const r of db.selectDistinct({ id: timeEntries.quoteId }).from(timeEntries).where(entryCond).all()) out.add(r.id);
    for (const r of db.selectDistinct({ id: quoteEvents.quoteId }).from(quoteEvents).where(inArray(quoteEvents.quoteId, part)).all()) out.add(r.id);
    for (const r of db.selectDistinct({ id: interactions.quoteId }).from(interactions).where(and(isNotNull(interactions.quoteId), inArray(interactions.quoteId, part))).all()) if (r.id != null) out.add(r.id);
  }
  return out;
}

/** Of these clients, those that have quotes not in `batchQuotes`, or interactions. */
export function clientsWithOtherRows(db: DbOrTx, clientIds: readonly number[], batchQuotes: readonly number[]): Set<number> {
  const out = new Set<number>();
  for (const part of chunks(clientIds)) {
    if (!part.length) continue;
    const quoteCond = batchQuotes.length ? and(inArray(quotes.clientId, part), notInArray(quotes.id, [...batchQuotes])) : inArray(quotes.clientId, part);
    for (const r of db.selectDistinct({ id: quotes.clientId }).from(quotes).where(quoteCond).all()) out.add(r.id);
    for (const r of db.selectDistinct({ id: interactions.clientId }).from(interactions).where(inArray(interactions.clientId, part)).all()) out.add(r.id);
  }
  return out;
}

const TABLES = { clients, quotes, time_entries: timeEntries } as const;

/** Delete these rows of a table; rows deleted. */
export function deleteImportedRows(db: DbOrTx, tableName: ImportTable, ids: readonly number[]): number {
  const t = TABLES[tableName];
  let n = 0;
  for (const part of chunks(ids)) if (part.length) n += db.delete(t).where(inArray(t.id, part)).run().changes;
  return n;
}
