/**
 * Every quote counted in the book's currency. A quote priced in another currency keeps its own amounts
 * (what was agreed) and carries `fxRate`, book-currency units per one unit of its currency, entered by
 * the user or defaulted from the rates they keep (Settings). The worth model, settling and the dashboard
 * read each quote through `inBookCurrency`: its amounts re-expressed exactly (lib/currency-conversion.ts,
 * one rounding per amount), so none is left out. A foreign quote with no rate stays as it is and is
 * counted as "not comparable" where it is read, never silently.
 */
import type { QuoteWithEvents, Service } from "./domain";
import { convertMaybe, convertMinor, parseRate } from "./currency-conversion";

export interface Converted {
  /** the currency and rate the quote was agreed in, when it was converted */
  convertedFrom?: { currency: string; fxRate: string } | null;
}

/** The quote's rate as an exact fraction, or null (none, or not a valid rate). */
function rateOf(fxRate: string | null | undefined) {
  if (fxRate == null) return null;
  const r = parseRate(fxRate);
  return r.ok ? r.rate : null;
}

/** True when a quote in another currency than `bookCurrency` has no usable rate: it cannot be counted in the book's money. */
export function lacksRate(q: { currency: string; fxRate?: string | null }, bookCurrency: string): boolean {
  return q.currency !== bookCurrency && rateOf(q.fxRate) === null;
}

export function inBookCurrency<Q extends QuoteWithEvents>(q: Q, bookCurrency: string): Q & Converted {
  if (q.currency === bookCurrency) return q;
  const rate = rateOf(q.fxRate);
  if (!rate) return q;
  const from = q.currency;
  return {
    ...q,
    currency: bookCurrency,
    quotedAmount: convertMinor(q.quotedAmount, rate, from, bookCurrency),
    agreedAmount: convertMaybe(q.agreedAmount, rate, from, bookCurrency),
    events: q.events.map((e) => (e.amount == null ? e : { ...e, amount: convertMinor(e.amount, rate, from, bookCurrency) })),
    convertedFrom: { currency: from, fxRate: q.fxRate! },
  };
}

/**
 * A service priced in the currency a converted quote was agreed in (a rate card in EUR for a EUR job
 * in a USD book): its rates re-expressed at the quote's own rate, so the comparison is the one made in
 * EUR and the money counts in the book's currency.
 */
export function serviceInQuoteCurrency<S extends Service>(service: S, quote: Converted & { currency: string }): S {
  const from = quote.convertedFrom;
  if (!from || service.currency !== from.currency || service.currency === quote.currency) return service;
  const rate = rateOf(from.fxRate);
  if (!rate) return service;
  const to = quote.currency;
  return {
    ...service,
    currency: to,
    marketRate: convertMinor(service.marketRate, rate, from.currency, to),
    targetRate: convertMinor(service.targetRate, rate, from.currency, to),
    floorRate: convertMinor(service.floorRate, rate, from.currency, to),
  };
}
