/**
 * Rates in force: a quote is judged against the rates its service had when the quote was made (sent,
 * else created), never today's rate card. The server attaches those rates to each quote it loads
 * (`quote.rates`); everything that compares a quote with a service goes through `serviceForQuote`.
 *
 * The rate card keeps its history (db table service_rates): each row holds a service's rates from a
 * calendar day on, until the service's next row. `ratesOn` picks the row in force on a day.
 */
import { serviceInQuoteCurrency, type Converted } from "./book-currency";
import { z } from "@/lib/zod";
import { DATE_MIN } from "./dates";
import type { QuoteWithEvents, Service } from "./domain";
import { isoDateSchema, upsertServiceSchema } from "./schemas";

/** The three rates of a service at one time, minor units per unit. */
export interface ServiceRates {
  marketRate: number;
  targetRate: number;
  floorRate: number;
}

/** One row of a service's rate history: its rates from `effectiveFrom` (YYYY-MM-DD) on. */
export interface ServiceRateRow extends ServiceRates {
  id: number;
  serviceId: number;
  effectiveFrom: string;
  createdAt: string;
}

/** What ratesOn needs of a history row. */
export type RatesFrom = Pick<ServiceRateRow, "serviceId" | "effectiveFrom"> & ServiceRates;

/** The day a service's first rates apply from: "since the beginning". */
export const RATES_SINCE = DATE_MIN;

/** The service as it was for this quote: its rates in force then when known, else the rate card's. */
export function serviceForQuote(
  quote: Pick<QuoteWithEvents, "serviceId" | "rates"> & Converted & { currency?: string },
  serviceById: ReadonlyMap<number, Service>,
): Service | undefined {
  const found = quote.serviceId != null ? serviceById.get(quote.serviceId) : undefined;
  const service = found && quote.rates ? { ...found, ...quote.rates } : found;
  return service && quote.currency ? serviceInQuoteCurrency(service, { convertedFrom: quote.convertedFrom, currency: quote.currency }) : service;
}

/** Just the three rates of a service or a history row. */
export function ratesOf(r: ServiceRates): ServiceRates {
  return { marketRate: r.marketRate, targetRate: r.targetRate, floorRate: r.floorRate };
}

export function sameRates(a: ServiceRates, b: ServiceRates): boolean {
  return a.marketRate === b.marketRate && a.targetRate === b.targetRate && a.floorRate === b.floorRate;
}

/** The day a quote is judged on: the day it was sent, else the day it was created (created_at's UTC day). */
export function quoteRatesDate(quote: Pick<QuoteWithEvents, "sentOn" | "createdAt">): string {
  return quote.sentOn ?? quote.createdAt.slice(0, 10);
}

/**
 * The history row of `serviceId` in force on `date`: the one with the greatest effectiveFrom ≤ date;
 * before the service's first row, its first row (a service's rates never start later than its oldest
 * known rates). Undefined when the service has no history at all. Rows may come in any order.
 */
export function rowOn<R extends RatesFrom>(history: readonly R[], serviceId: number, date: string): R | undefined {
  let inForce: R | undefined;
  let first: R | undefined;
  for (const r of history) {
    if (r.serviceId !== serviceId) continue;
    if (!first || r.effectiveFrom < first.effectiveFrom) first = r;
    if (r.effectiveFrom <= date && (!inForce || r.effectiveFrom > inForce.effectiveFrom)) inForce = r;
  }
  return inForce ?? first;
}

/** The rates of `serviceId` in force on `date` (see rowOn); undefined when the service has no history. */
export function ratesOn(history: readonly RatesFrom[], serviceId: number, date: string): ServiceRates | undefined {
  const row = rowOn(history, serviceId, date);
  return row ? ratesOf(row) : undefined;
}

/** The rates in force on each quote's date (null: no service, or no history for it), for many quotes at once. */
export function ratesForQuotes(history: readonly RatesFrom[]): (quote: Pick<QuoteWithEvents, "serviceId" | "sentOn" | "createdAt">) => ServiceRates | null {
  // one list per service, newest first: the first row at or before the date is the one in force
  const byService = new Map<number, RatesFrom[]>();
  for (const r of history) {
    const list = byService.get(r.serviceId);
    if (list) list.push(r);
    else byService.set(r.serviceId, [r]);
  }
  const resolved = new Map<number, { from: string[]; rates: ServiceRates[] }>();
  for (const [id, list] of byService) {
    list.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : a.effectiveFrom > b.effectiveFrom ? -1 : 0));
    resolved.set(id, { from: list.map((r) => r.effectiveFrom), rates: list.map(ratesOf) });
  }
  return (quote) => {
    if (quote.serviceId == null) return null;
    const h = resolved.get(quote.serviceId);
    if (!h) return null;
    const date = quoteRatesDate(quote);
    for (let i = 0; i < h.from.length; i++) if (h.from[i] <= date) return h.rates[i];
    return h.rates[h.rates.length - 1];
  };
}

/** Each quote with `rates`: its service's rates in force on its date (null when unknown). New objects; the input is not changed. */
export function withRates<Q extends Pick<QuoteWithEvents, "serviceId" | "sentOn" | "createdAt">>(quotes: readonly Q[], history: readonly RatesFrom[]): (Q & { rates: ServiceRates | null })[] {
  const lookup = ratesForQuotes(history);
  return quotes.map((q) => ({ ...q, rates: lookup(q) }));
}

const rateFields = upsertServiceSchema.shape;

/**
 * POST /api/v1/services/:id/rates and the rate card's "Change rates from a date": the rates from a day on.
 * Same rules as the rate card's (money in minor units, floor ≤ target).
 */
export const serviceRatesChangeSchema = z
  .object({
    effectiveFrom: isoDateSchema,
    marketRate: rateFields.marketRate,
    targetRate: rateFields.targetRate,
    floorRate: rateFields.floorRate,
  })
  .superRefine((s, ctx) => {
    if (s.floorRate > s.targetRate)
      ctx.addIssue({ code: "custom", path: ["floorRate"], message: "Your floor (walk-away) rate cannot be above your target rate" });
  });
export type ServiceRatesChange = z.infer<typeof serviceRatesChangeSchema>;
