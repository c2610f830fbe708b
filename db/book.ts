/** The whole book as tables: read in one snapshot, cleared, written in chunks. For export and import. */
import { asc, sql } from "drizzle-orm";
import type { DbOrTx } from "./connection";
import { clients, interactions, quoteEvents, quotes, serviceRates, services, templates } from "./schema";

export const BOOK_TABLES = { services, serviceRates, templates, clients, quotes, quoteEvents, interactions } as const;
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
  };
}

export function bookCounts(db: DbOrTx): BookCounts {
  const n = (t: BookTable) => db.select({ n: sql<number>`count(*)` }).from(BOOK_TABLES[t]).get()?.n ?? 0;
  return { services: n("services"), serviceRates: n("serviceRates"), templates: n("templates"), clients: n("clients"), quotes: n("quotes"), quoteEvents: n("quoteEvents"), interactions: n("interactions") };
}

/** Delete every row of the user's (settings stay), children first. */
export function clearBook(db: DbOrTx): void {
  for (const t of ["interactions", "quoteEvents", "quotes", "clients", "templates", "serviceRates", "services"] as const) db.delete(BOOK_TABLES[t]).run();
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
