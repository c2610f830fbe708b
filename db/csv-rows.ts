/** Rows for the CSV exports: each table joined with the names a spreadsheet reader needs. */
import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "./connection";
import { clients, interactions, quoteEvents, quotes, services, timeEntries } from "./schema";

export function clientRows(db: DbOrTx) {
  return db.select().from(clients).orderBy(asc(clients.id)).all();
}

export function quoteRows(db: DbOrTx) {
  return db
    .select({ q: quotes, clientName: clients.name, serviceName: services.name })
    .from(quotes)
    .innerJoin(clients, eq(quotes.clientId, clients.id))
    .leftJoin(services, eq(quotes.serviceId, services.id))
    .orderBy(asc(quotes.id))
    .all();
}

export function eventRows(db: DbOrTx) {
  return db
    .select({ e: quoteEvents, title: quotes.title, currency: quotes.currency, clientId: quotes.clientId, clientName: clients.name })
    .from(quoteEvents)
    .innerJoin(quotes, eq(quoteEvents.quoteId, quotes.id))
    .innerJoin(clients, eq(quotes.clientId, clients.id))
    .orderBy(asc(quoteEvents.id))
    .all();
}

export function interactionRows(db: DbOrTx) {
  return db
    .select({ i: interactions, clientName: clients.name })
    .from(interactions)
    .innerJoin(clients, eq(interactions.clientId, clients.id))
    .orderBy(asc(interactions.id))
    .all();
}

export function timeEntryRows(db: DbOrTx) {
  return db
    .select({ e: timeEntries, title: quotes.title, clientId: quotes.clientId, clientName: clients.name })
    .from(timeEntries)
    .innerJoin(quotes, eq(timeEntries.quoteId, quotes.id))
    .innerJoin(clients, eq(quotes.clientId, clients.id))
    .orderBy(asc(timeEntries.id))
    .all();
}
