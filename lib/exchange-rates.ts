/**
 * Which kept exchange rate applies to a quote: the latest row for its currency (to the book's currency)
 * effective on or before the quote's date. Pure: the rows come from db/exchange-rates.ts.
 */
import type { ExchangeRate } from "./domain";

/** The rate in force on `day` for `currency`, or null when none was kept from that day or before. */
export function rateInForce(rates: readonly Pick<ExchangeRate, "currency" | "effectiveFrom" | "rate">[], currency: string, day: string): string | null {
  let best: { effectiveFrom: string; rate: string } | null = null;
  for (const r of rates) {
    if (r.currency !== currency || r.effectiveFrom > day) continue;
    if (!best || r.effectiveFrom > best.effectiveFrom) best = r;
  }
  return best?.rate ?? null;
}
