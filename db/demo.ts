/**
 * The demo book's rows: which rows it created (demo_rows), and the links between rows that decide what
 * "Remove demo data" may take away (server/demo.ts). Every function takes DbOrTx.
 */
import { gt, inArray, max } from "drizzle-orm";
import type { DbOrTx } from "./connection";
import { clientRates, clients, DEMO_TABLES, demoRows, interactions, proposals, quoteEvents, quotes, ratePlans, serviceRates, services, templates, timeEntries, type DemoTable } from "./schema";

const TABLES = {
  clients,
  quotes,
  quote_events: quoteEvents,
  interactions,
  services,
  service_rates: serviceRates,
  templates,
  time_entries: timeEntries,
  client_rates: clientRates,
  rate_plans: ratePlans,
  proposals,
} as const satisfies Record<DemoTable, unknown>;

export type RowIds = Record<DemoTable, number>;
export type IdSets = Record<DemoTable, Set<number>>;

/** The highest id in each table now (0 when empty): rows written after this have larger ids (AUTOINCREMENT). */
export function highestIds(db: DbOrTx): RowIds {
  const out = {} as RowIds;
  for (const name of DEMO_TABLES) {
    const t = TABLES[name];
    out[name] = db.select({ id: max(t.id) }).from(t).get()?.id ?? 0;
  }
  return out;
}

/** Every row with an id above `before` (those the demo book just wrote, in its own transaction) is marked as demo. Returns how many. */
export function markDemoRowsAfter(db: DbOrTx, before: RowIds): number {
  let marked = 0;
  for (const name of DEMO_TABLES) {
    const t = TABLES[name];
    const ids = db.select({ id: t.id }).from(t).where(gt(t.id, before[name])).all();
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500).map((r) => ({ tableName: name, rowId: r.id }));
      marked += db.insert(demoRows).values(chunk).onConflictDoNothing().run().changes;
    }
  }
  return marked;
}

/** The demo rows that still exist, per table. */
export function liveDemoIds(db: DbOrTx): IdSets {
  const marked = db.select().from(demoRows).all();
  const out = {} as IdSets;
  for (const name of DEMO_TABLES) {
    const t = TABLES[name];
    const wanted = marked.filter((m) => m.tableName === name).map((m) => m.rowId);
    out[name] = new Set(wanted.length ? chunked(wanted, (ids) => db.select({ id: t.id }).from(t).where(inArray(t.id, ids)).all().map((r) => r.id)) : []);
  }
  return out;
}

/** The links that decide what removing the demo must keep: who points at whom. */
export function bookLinks(db: DbOrTx) {
  return {
    quotes: db.select({ id: quotes.id, clientId: quotes.clientId, serviceId: quotes.serviceId }).from(quotes).all(),
    events: db.select({ id: quoteEvents.id, quoteId: quoteEvents.quoteId }).from(quoteEvents).all(),
    interactions: db.select({ id: interactions.id, clientId: interactions.clientId, quoteId: interactions.quoteId }).from(interactions).all(),
    serviceRates: db.select({ id: serviceRates.id, serviceId: serviceRates.serviceId }).from(serviceRates).all(),
    timeEntries: db.select({ id: timeEntries.id, quoteId: timeEntries.quoteId }).from(timeEntries).all(),
    ratePlans: db.select({ id: ratePlans.id, clientId: ratePlans.clientId, serviceId: ratePlans.serviceId }).from(ratePlans).all(),
    clientRates: db.select({ id: clientRates.id, clientId: clientRates.clientId, serviceId: clientRates.serviceId }).from(clientRates).all(),
    proposals: db.select({ id: proposals.id, quoteId: proposals.quoteId }).from(proposals).all(),
  };
}
export type BookLinks = ReturnType<typeof bookLinks>;

/** Delete these rows of one table; rows changed. (Foreign keys cascade as the schema says.) */
export function deleteRows(db: DbOrTx, name: DemoTable, ids: number[]): number {
  const t = TABLES[name];
  let n = 0;
  for (let i = 0; i < ids.length; i += 500) n += db.delete(t).where(inArray(t.id, ids.slice(i, i + 500))).run().changes;
  return n;
}

/** Forget every demo mark (after a removal: what was kept is the user's now). */
export function clearDemoMarks(db: DbOrTx): number {
  return db.delete(demoRows).run().changes;
}

function chunked<T>(ids: number[], run: (ids: number[]) => T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 500) out.push(...run(ids.slice(i, i + 500)));
  return out;
}
