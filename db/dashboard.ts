/**
 * The fit dashboard's queries: the rows and counts of one view (a period, a service, a lead source).
 * Plain objects out; the arithmetic is lib/dashboard, the composition server/dashboard.ts getDashboard.
 *
 * SQL (GROUP BY) does the counting that needs no negotiation replay, per client: unpaid asks and their
 * minutes, how each haggled quote was answered and how those quotes ended, rejection reasons, follow-ups.
 * Every function takes an optional list of clients (`scope.clientIds`): after a write, only the clients
 * the change log names are read again (server/dashboard-slices.ts).
 * Settling needs the replay (lib/negotiation.ts), so the quotes of the period are loaded with their
 * events and settled in lib/, each with its service's rates in force on its date (lib/rates.ts): raising
 * your rates today never turns last year's quotes into settling. docs/dashboard.md explains every figure.
 */
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "./connection";
import { clients, interactions, quoteEvents, quotes, timeEntries } from "./schema";
import type { Client, Interaction, LeadSource, QuoteEvent } from "@/lib/domain";
import { DECIDED_QUOTE_STATUSES } from "@/lib/quote-lifecycle";
import { ratesForQuotes } from "@/lib/rates";
import { listAllServiceRates } from "./service-rates";
import type { ChaseCount, DateRange, NegotiationCount, PerClient, RejectionCount, ScopedQuote, UnpaidAskCount } from "@/lib/dashboard";

/** What one dashboard view selects: a date range (inclusive, either end open), a service, a lead source. */
export interface DashboardScope {
  range: DateRange;
  serviceId: number | null;
  leadSource: LeadSource | null;
  /** only these clients (a patch after a write: server/dashboard-slices.ts); absent: every client */
  clientIds?: readonly number[];
}

// ---------------- WHERE clauses ----------------

/** A quote belongs to the period by its decided date, else its sent date, else (a draft) the day it was created. */
const quoteDate = sql<string>`coalesce(${quotes.decidedOn}, ${quotes.sentOn}, substr(${quotes.createdAt}, 1, 10))`;

function dateConds(column: SQL | typeof interactions.occurredOn, range: DateRange): SQL[] {
  const conds: SQL[] = [];
  if (range.from) conds.push(sql`${column} >= ${range.from}`);
  if (range.to) conds.push(sql`${column} <= ${range.to}`);
  return conds;
}

function leadSourceCond(column: typeof quotes.clientId | typeof interactions.clientId, leadSource: LeadSource): SQL {
  return sql`${column} in (select ${clients.id} from ${clients} where ${clients.leadSource} = ${leadSource})`;
}

function quoteScope({ range, serviceId, leadSource, clientIds }: DashboardScope): SQL {
  const conds = dateConds(quoteDate, range);
  if (serviceId != null) conds.push(eq(quotes.serviceId, serviceId));
  if (leadSource) conds.push(leadSourceCond(quotes.clientId, leadSource));
  if (clientIds) conds.push(inArray(quotes.clientId, [...clientIds]));
  return conds.length ? and(...conds)! : sql`1 = 1`;
}

/** Interactions by occurredOn; with a service filter only those logged against a quote of that service. */
function interactionScope({ range, serviceId, leadSource, clientIds }: DashboardScope): SQL {
  const conds = dateConds(interactions.occurredOn, range);
  if (serviceId != null) {
    conds.push(sql`${interactions.quoteId} in (select ${quotes.id} from ${quotes} where ${quotes.serviceId} = ${serviceId})`);
  }
  if (leadSource) conds.push(leadSourceCond(interactions.clientId, leadSource));
  if (clientIds) conds.push(inArray(interactions.clientId, [...clientIds]));
  return conds.length ? and(...conds)! : sql`1 = 1`;
}

// ---------------- rows ----------------

/** The quotes in the scope (optionally only the accepted ones), by id, each with its events in order and the rates in force on its date. */
export function listScopedQuotes(db: DbOrTx, scope: DashboardScope & { acceptedOnly?: boolean }): ScopedQuote[] {
  const where = scope.acceptedOnly ? and(quoteScope(scope), eq(quotes.status, "accepted"))! : quoteScope(scope);
  const rows = db
    .select({
      quote: quotes,
      periodDate: quoteDate,
      clientName: clients.name,
      leadSource: clients.leadSource,
      // time logged on the quote (the true hourly rate, lib/true-rate.ts)
      actualMinutes: sql<number>`(select coalesce(sum(${timeEntries.minutes}), 0) from ${timeEntries} where ${timeEntries.quoteId} = ${quotes.id})`,
    })
    .from(quotes)
    .innerJoin(clients, eq(clients.id, quotes.clientId))
    .where(where)
    .orderBy(asc(quotes.id))
    .all();
  const events = rows.length
    ? db
        .select()
        .from(quoteEvents)
        .where(sql`${quoteEvents.quoteId} in (select ${quotes.id} from ${quotes} where ${where})`)
        .orderBy(asc(quoteEvents.quoteId), asc(quoteEvents.occurredOn), asc(quoteEvents.id))
        .all()
    : [];
  const byQuote = new Map<number, QuoteEvent[]>();
  for (const e of events) {
    const list = byQuote.get(e.quoteId);
    if (list) list.push(e);
    else byQuote.set(e.quoteId, [e]);
  }
  // the rate history is a few rows per service: read whole, resolved per quote in JS
  const ratesOf = ratesForQuotes(rows.length ? listAllServiceRates(db) : []);
  return rows.map((r) => ({ ...r.quote, events: byQuote.get(r.quote.id) ?? [], rates: ratesOf(r.quote), actualMinutes: r.actualMinutes, periodDate: r.periodDate, clientName: r.clientName, leadSource: r.leadSource }));
}

/** The interactions in the scope, by day then id. */
export function listScopedInteractions(db: DbOrTx, scope: DashboardScope): Interaction[] {
  return db.select().from(interactions).where(interactionScope(scope)).orderBy(asc(interactions.occurredOn), asc(interactions.id)).all();
}

/** The clients with these ids, by id. */
export function listClientsByIds(db: DbOrTx, ids: readonly number[]): Client[] {
  return ids.length ? db.select().from(clients).where(inArray(clients.id, [...ids])).orderBy(asc(clients.id)).all() : [];
}

// ---------------- counts ----------------

// Every count is per client, so a write re-counts only the clients it touched (server/dashboard-slices.ts);
// the page's totals are the per-client rows summed (lib/dashboard/slices.ts).

/** Per client: asks not marked paid (paid false or not recorded), with their logged minutes and how many have none. */
export function countUnpaidAsks(db: DbOrTx, scope: DashboardScope): PerClient<UnpaidAskCount>[] {
  return db
    .select({
      clientId: interactions.clientId,
      asks: sql<number>`count(*)`,
      loggedMinutes: sql<number>`coalesce(sum(case when ${interactions.minutes} > 0 then ${interactions.minutes} else 0 end), 0)`,
      unloggedAsks: sql<number>`coalesce(sum(case when ${interactions.minutes} > 0 then 0 else 1 end), 0)`,
    })
    .from(interactions)
    .where(and(interactionScope(scope), eq(interactions.kind, "ask"), sql`coalesce(${interactions.paid}, 0) = 0`))
    .groupBy(interactions.clientId)
    .all();
}

/**
 * Per client: priced quotes (sent or decided, or any with negotiation events) per answer class, with how
 * many asks they had and how many were decided and accepted. One class per quote, in this precedence: any
 * concession, then a scope cut, then a counter-offer, then holding firm; no ask at all is "not_asked".
 */
export function countNegotiationResponses(db: DbOrTx, scope: DashboardScope): PerClient<NegotiationCount>[] {
  const where = quoteScope(scope);
  const asked = sql`${quoteEvents.kind} in ('discount_request', 'client_counter')`;
  const answered = (answers: string[]) => sql`max(case when ${quoteEvents.kind} = 'my_answer' and ${quoteEvents.answer} in ${answers} then 1 else 0 end) = 1`;
  const decided = sql.join(
    DECIDED_QUOTE_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
  return db.all<PerClient<NegotiationCount>>(sql`
    select client_id as clientId, response, count(*) as quotes, sum(asks) as asks,
      sum(case when status in (${decided}) then 1 else 0 end) as decided,
      sum(case when status = 'accepted' then 1 else 0 end) as accepted
    from (
      select ${quotes.clientId} as client_id, ${quotes.status} as status,
        coalesce(sum(case when ${asked} then 1 else 0 end), 0) as asks,
        case
          when coalesce(sum(case when ${asked} then 1 else 0 end), 0) = 0 then 'not_asked'
          when ${answered(["conceded", "met_halfway"])} then 'conceded'
          when ${answered(["cut_scope"])} then 'cut_scope'
          when max(case when ${quoteEvents.kind} = 'my_counter' then 1 else 0 end) = 1 then 'countered'
          when ${answered(["held_firm"])} then 'held_firm'
          else 'no_answer'
        end as response
      from ${quotes} left join ${quoteEvents} on ${quoteEvents.quoteId} = ${quotes.id}
      where ${where} and (${quotes.status} <> 'draft' or ${quoteEvents.id} is not null)
        -- an imported job with no step logged on it says nothing about haggling (lib/worth/price-pressure.ts)
        and (${quotes.sourceKey} is null or ${quoteEvents.id} is not null)
      group by ${quotes.id}
    )
    group by client_id, response
  `);
}

/** Per client: rejected and declined quotes per recorded reason (null: none) and status. */
export function countRejections(db: DbOrTx, scope: DashboardScope): PerClient<RejectionCount>[] {
  return db
    .select({ clientId: quotes.clientId, reason: quotes.rejectionReason, status: quotes.status, n: sql<number>`count(*)` })
    .from(quotes)
    .where(and(quoteScope(scope), inArray(quotes.status, ["rejected", "declined_by_me"])))
    .groupBy(quotes.clientId, quotes.rejectionReason, quotes.status)
    .all();
}

/** Follow-ups per client: sent, answered, unanswered and with no answer recorded. */
export function countFollowUps(db: DbOrTx, scope: DashboardScope): ChaseCount[] {
  return db
    .select({
      clientId: interactions.clientId,
      name: clients.name,
      sent: sql<number>`count(*)`,
      answered: sql<number>`coalesce(sum(case when ${interactions.answered} = 1 then 1 else 0 end), 0)`,
      unanswered: sql<number>`coalesce(sum(case when ${interactions.answered} = 0 then 1 else 0 end), 0)`,
      pending: sql<number>`coalesce(sum(case when ${interactions.answered} is null then 1 else 0 end), 0)`,
    })
    .from(interactions)
    .innerJoin(clients, eq(clients.id, interactions.clientId))
    .where(and(interactionScope(scope), eq(interactions.kind, "follow_up")))
    .groupBy(interactions.clientId, clients.name)
    .all();
}
