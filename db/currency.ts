/**
 * Every money column of the book, read and written for re-expressing it in another currency
 * (server/currency.ts; the arithmetic is lib/currency-conversion.ts). The money columns:
 * services.market_rate/target_rate/floor_rate (+ services.currency), service_rates.market_rate/
 * target_rate/floor_rate (in their service's currency), quotes.quoted_amount/agreed_amount
 * (+ quotes.currency), quote_events.amount (in its quote's currency) and interactions.amount (no
 * currency column: in the book's currency), client_rates.rate (in its service's currency) and
 * rate_plans.current_rate/target_rate/new_rate/outcome_rate (+ rate_plans.currency), proposals'
 * floor_rate/target_rate/market_rate/minimum_fee (+ proposals.currency: its quote's) and their options'
 * price/rate_card_price. Settings hold the minimum fee (in the book's currency: server/currency.ts
 * converts it with the book); clients and templates hold no money.
 */
import { and, count, eq, isNotNull, isNull } from "drizzle-orm";
import type { DbOrTx } from "./connection";
import { clientRates, exchangeRates, interactions, now, proposalOptions, proposals, quoteEvents, quotes, ratePlans, serviceRates, services } from "./schema";

export interface RatesRow {
  id: number;
  marketRate: number;
  targetRate: number;
  floorRate: number;
}
export interface MoneyRows {
  services: RatesRow[];
  serviceRates: RatesRow[];
  quotes: { id: number; quotedAmount: number; agreedAmount: number | null }[];
  events: { id: number; amount: number }[];
  interactions: { id: number; amount: number }[];
  clientRates: { id: number; rate: number }[];
  ratePlans: RatePlanMoney[];
  proposals: ProposalMoney[];
  proposalOptions: { id: number; price: number; rateCardPrice: number }[];
}
/** A proposal's pricing snapshot: the rates it was priced at and the minimum fee then. */
export interface ProposalMoney extends RatesRow {
  minimumFee: number;
}
export interface RatePlanMoney {
  id: number;
  currentRate: number;
  targetRate: number;
  newRate: number;
  outcomeRate: number | null;
}

/**
 * The rows holding money in `currency`: services and quotes in it, their rate history and negotiation
 * steps, and — when `withInteractions` (the currency is the book's) — every interaction amount.
 */
export function moneyRowsIn(db: DbOrTx, currency: string, withInteractions: boolean): MoneyRows {
  const svc = db.select({ id: services.id, marketRate: services.marketRate, targetRate: services.targetRate, floorRate: services.floorRate }).from(services).where(eq(services.currency, currency)).all();
  const q = db.select({ id: quotes.id, quotedAmount: quotes.quotedAmount, agreedAmount: quotes.agreedAmount }).from(quotes).where(eq(quotes.currency, currency)).all();
  const rates = db
    .select({ id: serviceRates.id, marketRate: serviceRates.marketRate, targetRate: serviceRates.targetRate, floorRate: serviceRates.floorRate })
    .from(serviceRates)
    .innerJoin(services, eq(serviceRates.serviceId, services.id))
    .where(eq(services.currency, currency))
    .all();
  const events = db
    .select({ id: quoteEvents.id, amount: quoteEvents.amount })
    .from(quoteEvents)
    .innerJoin(quotes, eq(quoteEvents.quoteId, quotes.id))
    .where(and(eq(quotes.currency, currency), isNotNull(quoteEvents.amount)))
    .all() as { id: number; amount: number }[];
  const inter = withInteractions ? (db.select({ id: interactions.id, amount: interactions.amount }).from(interactions).where(isNotNull(interactions.amount)).all() as { id: number; amount: number }[]) : [];
  const own = db
    .select({ id: clientRates.id, rate: clientRates.rate })
    .from(clientRates)
    .innerJoin(services, eq(clientRates.serviceId, services.id))
    .where(eq(services.currency, currency))
    .all();
  const plans = db
    .select({ id: ratePlans.id, currentRate: ratePlans.currentRate, targetRate: ratePlans.targetRate, newRate: ratePlans.newRate, outcomeRate: ratePlans.outcomeRate })
    .from(ratePlans)
    .where(eq(ratePlans.currency, currency))
    .all();
  const offered = db
    .select({ id: proposals.id, marketRate: proposals.marketRate, targetRate: proposals.targetRate, floorRate: proposals.floorRate, minimumFee: proposals.minimumFee })
    .from(proposals)
    .where(eq(proposals.currency, currency))
    .all();
  const options = db
    .select({ id: proposalOptions.id, price: proposalOptions.price, rateCardPrice: proposalOptions.rateCardPrice })
    .from(proposalOptions)
    .innerJoin(proposals, eq(proposalOptions.proposalId, proposals.id))
    .where(eq(proposals.currency, currency))
    .all();
  return { services: svc, serviceRates: rates, quotes: q, events, interactions: inter, clientRates: own, ratePlans: plans, proposals: offered, proposalOptions: options };
}

export function setProposalMoney(db: DbOrTx, id: number, currency: string, r: Omit<ProposalMoney, "id">): number {
  return db.update(proposals).set({ currency, ...r, updatedAt: now }).where(eq(proposals.id, id)).run().changes;
}
export function setProposalOptionMoney(db: DbOrTx, id: number, r: { price: number; rateCardPrice: number }): number {
  return db.update(proposalOptions).set(r).where(eq(proposalOptions.id, id)).run().changes;
}

export function setClientRateMoney(db: DbOrTx, id: number, rate: number): number {
  return db.update(clientRates).set({ rate }).where(eq(clientRates.id, id)).run().changes;
}
export function setRatePlanMoney(db: DbOrTx, id: number, currency: string, r: Omit<RatePlanMoney, "id">): number {
  return db.update(ratePlans).set({ currency, ...r }).where(eq(ratePlans.id, id)).run().changes;
}

export function setServiceMoney(db: DbOrTx, id: number, currency: string, r: Omit<RatesRow, "id">): number {
  return db.update(services).set({ currency, ...r, updatedAt: now }).where(eq(services.id, id)).run().changes;
}
export function setServiceRateMoney(db: DbOrTx, id: number, r: Omit<RatesRow, "id">): number {
  return db.update(serviceRates).set(r).where(eq(serviceRates.id, id)).run().changes;
}
export function setQuoteMoney(db: DbOrTx, id: number, currency: string, quotedAmount: number, agreedAmount: number | null): number {
  return db.update(quotes).set({ currency, quotedAmount, agreedAmount, updatedAt: now }).where(eq(quotes.id, id)).run().changes;
}
export function setEventAmount(db: DbOrTx, id: number, amount: number): number {
  return db.update(quoteEvents).set({ amount }).where(eq(quoteEvents.id, id)).run().changes;
}
export function setInteractionAmount(db: DbOrTx, id: number, amount: number): number {
  return db.update(interactions).set({ amount }).where(eq(interactions.id, id)).run().changes;
}

/**
 * How many quotes and services are in each currency; with `lackingRate`, only the quotes that carry no
 * exchange rate (those not counted in the book's money, lib/book-currency.ts).
 */
export function currencyCounts(db: DbOrTx, opts: { lackingRate?: boolean } = {}): { currency: string; quotes: number; services: number }[] {
  const out = new Map<string, { currency: string; quotes: number; services: number }>();
  const row = (c: string) => out.get(c) ?? (out.set(c, { currency: c, quotes: 0, services: 0 }), out.get(c)!);
  const q = db.select({ currency: quotes.currency, n: count() }).from(quotes);
  for (const r of (opts.lackingRate ? q.where(isNull(quotes.fxRate)) : q).groupBy(quotes.currency).all()) row(r.currency).quotes = r.n;
  for (const r of db.select({ currency: services.currency, n: count() }).from(services).groupBy(services.currency).all()) row(r.currency).services = r.n;
  return [...out.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}


/** Every quote's currency and rate, with the day a kept rate would be looked up on (decided, sent, else created). */
export function quoteRates(db: DbOrTx): { id: number; currency: string; fxRate: string | null; day: string }[] {
  return db
    .select({ id: quotes.id, currency: quotes.currency, fxRate: quotes.fxRate, decidedOn: quotes.decidedOn, sentOn: quotes.sentOn, createdAt: quotes.createdAt })
    .from(quotes)
    .all()
    .map((q) => ({ id: q.id, currency: q.currency, fxRate: q.fxRate, day: q.decidedOn ?? q.sentOn ?? q.createdAt.slice(0, 10) }));
}
export function setQuoteFxRate(db: DbOrTx, id: number, fxRate: string | null): number {
  return db.update(quotes).set({ fxRate, updatedAt: now }).where(eq(quotes.id, id)).run().changes;
}
/** Keep a rate unless one is already kept for the same currencies and day (that one stays). Rows added. */
export function addExchangeRateIfNew(db: DbOrTx, values: { currency: string; bookCurrency: string; effectiveFrom: string; rate: string }): number {
  return db.insert(exchangeRates).values(values).onConflictDoNothing().run().changes;
}
