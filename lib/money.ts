/**
 * Money is an integer count of minor units (cents) plus an ISO-4217 code.
 * Nothing here uses floating point for amounts; division rounds half away from zero, once.
 */
import type { Unit } from "./domain";

export interface Money {
  amount: number;
  currency: string;
}

/** Minor-unit digits per currency (ISO 4217); anything else has 2. */
const ZERO_DECIMAL = new Set(["JPY", "KRW", "VND", "CLP", "ISK", "HUF", "XOF", "XAF", "UGX", "PYG", "RWF"]);
export function minorDigits(currency: string): number {
  return ZERO_DECIMAL.has(currency.toUpperCase()) ? 0 : 2;
}

/** Integer division rounding half away from zero. Both arguments are integers; divisor non-zero. */
export function divRound(numerator: number, divisor: number): number {
  if (divisor === 0) throw new RangeError("division by zero");
  const sign = Math.sign(numerator) * Math.sign(divisor);
  const n = Math.abs(numerator);
  const d = Math.abs(divisor);
  const q = Math.floor(n / d);
  const r = n - q * d;
  return sign * (r * 2 >= d ? q + 1 : q);
}

const DECIMAL_RE = /^\s*(-)?(\d{1,13})(?:[.,](\d*))?\s*$/;

/**
 * Parse what a person types ("1,200.50", "1200", "99.9") into minor units.
 * Returns null when it is not a plain decimal amount or has more decimals than the currency allows.
 */
export function parseMoney(input: string, currency: string): number | null {
  let cleaned = input.replace(/[\s_'\u00a0\u202f]/g, "");
  // "1.200,50" or "1,200.50": with both separators, the last one is the decimal point
  const lastDot = cleaned.lastIndexOf(".");
  const lastComma = cleaned.lastIndexOf(",");
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? "." : ",";
    const group = decimal === "." ? /,/g : /\./g;
    cleaned = cleaned.replace(group, "");
  } else {
    cleaned = cleaned.replace(/,(?=\d{3}(\D|$))/g, "");
  }
  const m = DECIMAL_RE.exec(cleaned);
  if (!m) return null;
  const digits = minorDigits(currency);
  const frac = m[3] ?? "";
  if (frac.length > digits) return null;
  const whole = Number(m[2]);
  const minor = whole * 10 ** digits + (frac ? Number(frac.padEnd(digits, "0")) : 0);
  if (!Number.isSafeInteger(minor)) return null;
  return m[1] ? -minor : minor;
}

/** Minor units to a plain decimal string for inputs ("1200.50"). */
export function toDecimalString(amount: number, currency: string): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(amount);
  const sign = amount < 0 ? "-" : "";
  const abs = Math.abs(amount);
  const whole = Math.floor(abs / 10 ** digits);
  const frac = String(abs % 10 ** digits).padStart(digits, "0");
  return `${sign}${whole}.${frac}`;
}

const formatters = new Map<string, Intl.NumberFormat>();
/** Locale display, e.g. formatMoney(120050, "EUR", "de-DE") → "1.200,50 €". */
export function formatMoney(amount: number, currency: string, locale = "en-US"): string {
  const digits = minorDigits(currency);
  // short forms ("$5.2K") are lib/dashboard/compact.ts: Intl's compact notation differs between Node and browsers
  const key = `${locale}|${currency}`;
  let f = formatters.get(key);
  if (!f) {
    try {
      f = new Intl.NumberFormat(locale, {
        style: "currency",
        currency,
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
    } catch {
      f = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
    }
    formatters.set(key, f);
  }
  // display only: the one place a minor-unit integer becomes a float
  return f.format(amount / 10 ** digits);
}

/** Intl formatters are expensive to build (most of the worth model's time): one per locale and kind. */
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, kind: "percent" | "hours"): Intl.NumberFormat {
  const key = `${locale}|${kind}`;
  let f = numberFormats.get(key);
  if (!f) {
    const opts: Intl.NumberFormatOptions = kind === "percent" ? { style: "percent", maximumFractionDigits: 1 } : { maximumFractionDigits: 1 };
    try {
      f = new Intl.NumberFormat(locale, opts);
    } catch {
      f = new Intl.NumberFormat("en-US", opts);
    }
    numberFormats.set(key, f);
  }
  return f;
}

/** Percent from basis points for display: 1500 → "15%". */
export function formatPercentBp(bp: number, locale = "en-US"): string {
  return numberFormat(locale, "percent").format(bp / 10000);
}

/** Apply a percent discount given in basis points: price × (1 − bp/10000), rounded. */
export function applyDiscountBp(amount: number, bp: number): number {
  return divRound(amount * (10000 - bp), 10000);
}

/** Discount between two prices, in basis points of the first. */
export function discountBp(from: number, to: number): number {
  if (from <= 0) return 0;
  return divRound((from - to) * 10000, from);
}

/**
 * Effective rate of an amount over an estimate, in the service's unit (minor units per hour or per day).
 * minutes > 0. For day-rated services a day is `hoursPerDay` hours.
 */
export function effectiveRate(amount: number, minutes: number, unit: Unit = "hour", hoursPerDay = 8): number {
  if (minutes <= 0) throw new RangeError("minutes must be positive");
  const perUnitMinutes = unit === "day" ? 60 * hoursPerDay : 60;
  return divRound(amount * perUnitMinutes, minutes);
}

/** What `minutes` of work is worth at `rate` (minor units per unit). */
export function valueAtRate(rate: number, minutes: number, unit: Unit = "hour", hoursPerDay = 8): number {
  const perUnitMinutes = unit === "day" ? 60 * hoursPerDay : 60;
  return divRound(rate * minutes, perUnitMinutes);
}

/** Minutes of work a budget buys at a rate (floored: never promise more than the budget pays for). */
export function minutesForBudget(budget: number, rate: number, unit: Unit = "hour", hoursPerDay = 8): number {
  if (rate <= 0) return 0;
  const perUnitMinutes = unit === "day" ? 60 * hoursPerDay : 60;
  return Math.floor((budget * perUnitMinutes) / rate);
}

/** "7.5" hours → 450 minutes; null when not a positive decimal with at most 2 places. */
export function parseHoursToMinutes(input: string): number | null {
  const m = /^\s*(\d{1,6})(?:[.,](\d{1,2}))?\s*$/.exec(input);
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + (m[2] ? divRound(Number(m[2].padEnd(2, "0")) * 60, 100) : 0);
  return minutes;
}

export function formatHours(minutes: number, locale = "en-US"): string {
  return numberFormat(locale, "hours").format(minutes / 60) + " h";
}
