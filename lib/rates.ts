/**
 * Rates in force: a quote is judged against the rates its service had when the quote was made (sent,
 * else created), never today's rate card. The server attaches those rates to each quote it loads
 * (`quote.rates`); everything that compares a quote with a service goes through `serviceForQuote`.
 */
import type { QuoteWithEvents, Service } from "./domain";

/** The three rates of a service at one time, minor units per unit. */
export interface ServiceRates {
  marketRate: number;
  targetRate: number;
  floorRate: number;
}

/** The service as it was for this quote: its rates in force then when known, else the rate card's. */
export function serviceForQuote(quote: Pick<QuoteWithEvents, "serviceId" | "rates">, serviceById: ReadonlyMap<number, Service>): Service | undefined {
  const service = quote.serviceId != null ? serviceById.get(quote.serviceId) : undefined;
  if (!service || !quote.rates) return service;
  return { ...service, ...quote.rates };
}
