/**
 * What Today's rules read about open quotes, in four indexed queries whatever the book's size: the quotes
 * still waiting on the client (sent or negotiating) with their negotiation steps, my follow-ups on them,
 * and their clients. Data access only (the rules are lib/today).
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "./connection";
import { clients, interactions, quoteEvents, quotes } from "./schema";
import type { Client, Interaction, QuoteWithEvents } from "@/lib/domain";

const WAITING = ["sent", "negotiating"] as const;

export interface OpenQuoteFacts {
  clients: Client[];
  /** quotes by id, each with its steps in date order (then id) */
  quotes: QuoteWithEvents[];
  /** my follow-ups on those quotes, by date then id */
  followUps: Interaction[];
}

export function readOpenQuoteFacts(db: DbOrTx): OpenQuoteFacts {
  const waiting = db.select({ id: quotes.id }).from(quotes).where(inArray(quotes.status, [...WAITING]));
  const rows = db.select().from(quotes).where(inArray(quotes.status, [...WAITING])).orderBy(asc(quotes.id)).all();
  if (!rows.length) return { clients: [], quotes: [], followUps: [] };
  const events = db.select().from(quoteEvents).where(inArray(quoteEvents.quoteId, waiting)).orderBy(asc(quoteEvents.occurredOn), asc(quoteEvents.id)).all();
  const followUps = db
    .select()
    .from(interactions)
    .where(and(eq(interactions.kind, "follow_up"), inArray(interactions.quoteId, waiting)))
    .orderBy(asc(interactions.occurredOn), asc(interactions.id))
    .all();
  const owners = db.select().from(clients).where(inArray(clients.id, db.select({ id: quotes.clientId }).from(quotes).where(inArray(quotes.status, [...WAITING])))).all();
  const byQuote = new Map<number, typeof events>();
  for (const e of events) {
    const list = byQuote.get(e.quoteId);
    if (list) list.push(e);
    else byQuote.set(e.quoteId, [e]);
  }
  return { clients: owners, quotes: rows.map((q) => ({ ...q, events: byQuote.get(q.id) ?? [] })), followUps };
}
