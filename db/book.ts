/** The whole book as tables: read in one snapshot, cleared, written in chunks. For export and import. */
import { asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "./connection";
import { HISTORY_SOURCES, HISTORY_TABLES } from "@/lib/export-schema";
import {
  clientRates,
  clients,
  exchangeRates,
  IMPORT_SOURCES,
  IMPORT_TABLES,
  importBatches,
  importRows,
  interactions,
  proposalItems,
  proposalOptionItems,
  proposalOptions,
  proposals,
  quoteEvents,
  quotes,
  ratePlans,
  serviceRates,
  services,
  templates,
  timeEntries,
  todayItemStates,
} from "./schema";

// the export file's lists of import sources and tables are the database's (lib/ cannot import db/)
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const listsAgree: [Same<(typeof IMPORT_SOURCES)[number], (typeof HISTORY_SOURCES)[number]>, Same<(typeof IMPORT_TABLES)[number], (typeof HISTORY_TABLES)[number]>] = [true, true];
void listsAgree;

export const BOOK_TABLES = {
  services,
  serviceRates,
  templates,
  clients,
  quotes,
  quoteEvents,
  interactions,
  timeEntries,
  exchangeRates,
  importBatches,
  importRows,
  ratePlans,
  clientRates,
  todayItemStates,
  proposals,
  proposalItems,
  proposalOptions,
  proposalOptionItems,
} as const;
export type BookTable = keyof typeof BOOK_TABLES;
export type BookRow<T extends BookTable> = (typeof BOOK_TABLES)[T]["$inferInsert"];
export type BookCounts = Record<BookTable, number>;

/** Every table's rows, by id (call inside a transaction for one consistent snapshot). */
export function readBookTables(db: DbOrTx) {
  return {
    services: db.select().from(services).orderBy(asc(services.id)).all(),
    serviceRates: db.select().from(serviceRates).orderBy(asc(serviceRates.id)).all(),
    templates: db.select().from(templates).orderBy(asc(templates.id)).all(),
    clients: db.select().from(clients).orderBy(asc(clients.id)).all(),
    quotes: db.select().from(quotes).orderBy(asc(quotes.id)).all(),
    quoteEvents: db.select().from(quoteEvents).orderBy(asc(quoteEvents.id)).all(),
    interactions: db.select().from(interactions).orderBy(asc(interactions.id)).all(),
    timeEntries: db.select().from(timeEntries).orderBy(asc(timeEntries.id)).all(),
    exchangeRates: db.select().from(exchangeRates).orderBy(asc(exchangeRates.id)).all(),
    importBatches: db.select().from(importBatches).orderBy(asc(importBatches.id)).all(),
    importRows: db.select().from(importRows).orderBy(asc(importRows.batchId), asc(importRows.tableName), asc(importRows.rowId)).all(),
    ratePlans: db.select().from(ratePlans).orderBy(asc(ratePlans.id)).all(),
    clientRates: db.select().from(clientRates).orderBy(asc(clientRates.id)).all(),
    todayItemStates: db.select().from(todayItemStates).orderBy(asc(todayItemStates.itemKey)).all(),
    proposals: db.select().from(proposals).orderBy(asc(proposals.id)).all(),
    proposalItems: db.select().from(proposalItems).orderBy(asc(proposalItems.id)).all(),
    proposalOptions: db.select().from(proposalOptions).orderBy(asc(proposalOptions.id)).all(),
    proposalOptionItems: db.select().from(proposalOptionItems).orderBy(asc(proposalOptionItems.optionId), asc(proposalOptionItems.itemId)).all(),
  };
}

export function bookCounts(db: DbOrTx): BookCounts {
  const n = (t: BookTable) => db.select({ n: sql<number>`count(*)` }).from(BOOK_TABLES[t]).get()?.n ?? 0;
  return Object.fromEntries((Object.keys(BOOK_TABLES) as BookTable[]).map((t) => [t, n(t)])) as BookCounts;
}

/** Delete every row of the user's (settings stay), children first: time entries and proposals before their quotes, import rows before their batches. */
export function clearBook(db: DbOrTx): void {
  for (const t of ["proposalOptionItems", "proposalOptions", "proposalItems", "proposals", "todayItemStates", "clientRates", "ratePlans", "importRows", "importBatches", "timeEntries", "interactions", "quoteEvents", "quotes", "clients", "templates", "serviceRates", "services", "exchangeRates"] as const)
    db.delete(BOOK_TABLES[t]).run();
}

const CHUNK = 200;
/** Insert rows as they are (ids included when given), a few hundred per statement. */
export function insertBookRows<T extends BookTable>(db: DbOrTx, table: T, rows: BookRow<T>[]): void {
  for (let i = 0; i < rows.length; i += CHUNK) db.insert(BOOK_TABLES[table]).values(rows.slice(i, i + CHUNK) as never).run();
}

/** Insert one row and return its new id. */
export function insertBookRow<T extends BookTable>(db: DbOrTx, table: T, row: BookRow<T>): number {
  return Number(db.insert(BOOK_TABLES[table]).values(row as never).run().lastInsertRowid);
}

/** The source keys already in the book (quotes and time entries), for a merge that must not repeat one. */
export function sourceKeysInBook(db: DbOrTx): { quotes: Set<string>; timeEntries: Set<string> } {
  const keys = (rows: { k: string | null }[]) => new Set(rows.map((r) => r.k).filter((k): k is string => k != null));
  return {
    quotes: keys(db.select({ k: quotes.sourceKey }).from(quotes).where(sql`${quotes.sourceKey} IS NOT NULL`).all()),
    timeEntries: keys(db.select({ k: timeEntries.sourceKey }).from(timeEntries).where(sql`${timeEntries.sourceKey} IS NOT NULL`).all()),
  };
}

/** The exchange rates already kept, as "currency:bookCurrency:effectiveFrom" keys. */
export function exchangeRateKeys(db: DbOrTx): Set<string> {
  return new Set(db.select().from(exchangeRates).all().map((r) => `${r.currency}:${r.bookCurrency}:${r.effectiveFrom}`));
}

/** The quotes that already have a proposal (one per quote): a merge never gives them a second. */
export function quotesWithProposals(db: DbOrTx): Set<number> {
  return new Set(db.select({ quoteId: proposals.quoteId }).from(proposals).all().map((r) => r.quoteId));
}

/** A merged proposal's answer, once its options have their new ids. Rows changed. */
export function setMergedChoice(db: DbOrTx, proposalId: number, chosenOptionId: number): number {
  return db.update(proposals).set({ chosenOptionId }).where(eq(proposals.id, proposalId)).run().changes;
}
