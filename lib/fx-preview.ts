/**
 * The quote form's exchange-rate field, worked out from what is typed: whether it is asked for (the
 * quote is in another currency than the book's), the rate it starts with (the one kept in Settings in
 * force on the quote's date, lib/exchange-rates.ts rateInForce — the same the server falls back on, as
 * server/quotes.ts resolveFxRate), and the amount re-expressed in the book's currency, exactly
 * (lib/currency-conversion.ts convertMinor). Pure.
 */
import type { ExchangeRate } from "./domain";
import { rateInForce } from "./exchange-rates";
import { convertMinor, parseRate, RATE_MESSAGES } from "./currency-conversion";

export interface FxFieldInput {
  /** the quote's currency as typed (upper-case ISO code) */
  currency: string;
  bookCurrency: string;
  /** the rates kept in Settings */
  rates: readonly Pick<ExchangeRate, "currency" | "effectiveFrom" | "rate">[];
  /** the day the quote's rate is taken on: decided, else sent, else today */
  day: string;
  /** the rate the quote already carries (editing), used while its currency is unchanged */
  ownRate?: string | null;
  ownCurrency?: string | null;
}

export interface FxField {
  /** the quote is in another currency than the book's: the field is shown */
  asked: boolean;
  /** what the field starts with: the quote's own rate, else the kept rate in force, else "" */
  startRate: string;
  /** where the start came from */
  source: "quote" | "kept" | "none";
}

export function fxField(i: FxFieldInput): FxField {
  if (i.currency === i.bookCurrency) return { asked: false, startRate: "", source: "none" };
  if (i.ownRate && i.ownCurrency === i.currency) return { asked: true, startRate: i.ownRate, source: "quote" };
  const kept = rateInForce(i.rates, i.currency, i.day);
  return kept ? { asked: true, startRate: kept, source: "kept" } : { asked: true, startRate: "", source: "none" };
}

/**
 * An amount in the quote's currency in the book's at the typed rate: the converted minor units, or why
 * it cannot be (the rate's own message; null message while the rate is empty).
 */
export function convertAtTyped(amount: number, rateText: string, from: string, to: string): { ok: true; amount: number } | { ok: false; message: string | null } {
  const r = parseRate(rateText);
  if (!r.ok) return { ok: false, message: r.error === "empty" ? null : RATE_MESSAGES[r.error] };
  try {
    return { ok: true, amount: convertMinor(amount, r.rate, from, to) };
  } catch {
    return { ok: false, message: RATE_MESSAGES.too_large };
  }
}
