/**
 * Re-expressing money in another currency, exactly.
 *
 * A rate is what a person types ("1 USD = 0.79 GBP" → "0.79"): a positive decimal string, parsed into
 * an integer fraction (79/100), never a float. Converting an amount of minor units is then integer
 * arithmetic on BigInt:
 *
 *     to_minor = from_minor × rate × 10^digits(to) / 10^digits(from)
 *
 * rounded ONCE to the target currency's minor unit, **half away from zero** (half-up for the amounts
 * the book holds, which are never negative) — the same rule as lib/money.ts divRound. Each amount is
 * off by at most half a minor unit, so n amounts are off by at most n/2 minor units in total.
 * The decimals of each currency come from lib/money.ts minorDigits (JPY 0, EUR 2, …).
 *
 * Also here: the ISO 4217 codes a book may use, their names, and a currency guessed from a locale.
 */
import { minorDigits } from "./money";

/** A positive exchange rate as an exact fraction: 1 unit of `from` = numerator / denominator units of `to`. */
export interface Rate {
  numerator: bigint;
  denominator: bigint;
}

/** At most this many digits after the decimal point, and this many before it. */
export const RATE_MAX_DECIMALS = 10;
const RATE_MAX_WHOLE_DIGITS = 9;
const RATE_RE = /^(\d+)(?:[.,](\d+))?$/;

export type RateError = "empty" | "not_a_number" | "not_positive" | "too_precise" | "too_large";

export const RATE_MESSAGES: Record<RateError, string> = {
  empty: "Enter the rate, e.g. 0.79",
  not_a_number: "Enter the rate as a plain number, e.g. 0.79 or 1.1650",
  not_positive: "The rate must be above zero",
  too_precise: `Use at most ${RATE_MAX_DECIMALS} digits after the decimal point`,
  too_large: "That rate is too large",
};

/** "0.79" → 79/100; "1,25" (a decimal comma) → 125/100. No signs, no exponents, no group separators. */
export function parseRate(input: string): { ok: true; rate: Rate } | { ok: false; error: RateError } {
  const s = input.trim();
  if (s === "") return { ok: false, error: "empty" };
  if (/^-/.test(s)) return { ok: false, error: "not_positive" };
  const m = RATE_RE.exec(s);
  if (!m) return { ok: false, error: "not_a_number" };
  const whole = m[1].replace(/^0+(?=\d)/, "");
  const frac = m[2] ?? "";
  if (frac.length > RATE_MAX_DECIMALS) return { ok: false, error: "too_precise" };
  if (whole.length > RATE_MAX_WHOLE_DIGITS) return { ok: false, error: "too_large" };
  const numerator = BigInt(whole + frac);
  if (numerator === 0n) return { ok: false, error: "not_positive" };
  const rate = reduce({ numerator, denominator: 10n ** BigInt(frac.length) });
  return { ok: true, rate };
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function reduce(r: Rate): Rate {
  const g = gcd(r.numerator, r.denominator);
  return { numerator: r.numerator / g, denominator: r.denominator / g };
}

export const RATE_ONE: Rate = { numerator: 1n, denominator: 1n };

/** The rate as a plain decimal string when it has one ("0.79"), for messages. */
export function formatRate(r: Rate): string {
  // a denominator made of 2s and 5s divides a power of ten: write the rate as that many decimals
  for (let k = 0; k <= 40; k++) {
    const p = 10n ** BigInt(k);
    if (p % r.denominator !== 0n) continue;
    const digits = (r.numerator * (p / r.denominator)).toString().padStart(k + 1, "0");
    return k === 0 ? digits : `${digits.slice(0, -k)}.${digits.slice(-k)}`.replace(/\.?0+$/, "");
  }
  return `${r.numerator}/${r.denominator}`;
}

/** a × b, exact (1 X = a Y and 1 Y = b Z: 1 X = a × b Z). */
export function multiplyRates(a: Rate, b: Rate): Rate {
  return reduce({ numerator: a.numerator * b.numerator, denominator: a.denominator * b.denominator });
}

/** a ÷ b, exact (1 X = a Z and 1 X = b Y: 1 Y = a ÷ b Z). */
export function divideRates(a: Rate, b: Rate): Rate {
  return reduce({ numerator: a.numerator * b.denominator, denominator: a.denominator * b.numerator });
}

/**
 * A rate as the decimal text a quote or a kept rate stores ("0.8532"): at most RATE_MAX_DECIMALS digits
 * after the point, rounded ONCE half away from zero, trailing zeros dropped; so parseRate reads it back.
 * Refused when it rounds to zero or needs more than 9 digits before the point.
 */
export function rateToText(r: Rate): { ok: true; text: string } | { ok: false; error: "not_positive" | "too_large" } {
  const scale = 10n ** BigInt(RATE_MAX_DECIMALS);
  const scaled = divHalfAwayFromZero(r.numerator * scale, r.denominator);
  if (scaled <= 0n) return { ok: false, error: "not_positive" };
  const digits = scaled.toString().padStart(RATE_MAX_DECIMALS + 1, "0");
  const whole = digits.slice(0, -RATE_MAX_DECIMALS);
  if (whole.length > RATE_MAX_WHOLE_DIGITS) return { ok: false, error: "too_large" };
  const frac = digits.slice(-RATE_MAX_DECIMALS).replace(/0+$/, "");
  return { ok: true, text: frac ? `${whole}.${frac}` : whole };
}

/**
 * How amounts move from one currency to another: `book` when the book's own currency is converted (its
 * amounts re-expressed, the book's currency becomes `to`); `amounts` when amounts of another currency
 * are re-expressed and the book's currency stays `book`. 1 `from` = `rate` `to`.
 */
export type CurrencyMove = { kind: "book"; from: string; to: string; rate: Rate } | { kind: "amounts"; from: string; to: string; rate: Rate; book: string };

/**
 * The rate a quote (or a kept rate of `currency`) carries after a move: book-currency units per one unit
 * of its currency, as stored text, or null when it is in the book's currency (or had no rate to carry).
 * `currency` and `fxRate` are the quote's before the move.
 *
 * - the book converted A → B at r: a quote in A or B is in the book's currency (none); one in C with
 *   1 C = f A now has 1 C = f × r B;
 * - amounts of X re-expressed in Y at r, the book staying in A: a quote in X is now in Y; with
 *   1 X = f A it has 1 Y = f ÷ r A (none when Y is A); other quotes do not move.
 * Rounded once to RATE_MAX_DECIMALS (rateToText); what rounds to zero or is too large is an error.
 */
export function rateAfterMove(currency: string, fxRate: string | null, move: CurrencyMove): { ok: true; fxRate: string | null } | { ok: false; error: "not_positive" | "too_large" } {
  const f = fxRate == null ? null : parseRate(fxRate);
  if (move.kind === "book") {
    if (currency === move.from || currency === move.to) return { ok: true, fxRate: null };
    if (!f?.ok) return { ok: true, fxRate: null };
    const t = rateToText(multiplyRates(f.rate, move.rate));
    return t.ok ? { ok: true, fxRate: t.text } : t;
  }
  if (currency !== move.from) return { ok: true, fxRate: currency === move.book ? null : fxRate };
  if (move.to === move.book || !f?.ok) return { ok: true, fxRate: null };
  const t = rateToText(divideRates(f.rate, move.rate));
  return t.ok ? { ok: true, fxRate: t.text } : t;
}

/** n / d rounded half away from zero; d > 0. */
function divHalfAwayFromZero(n: bigint, d: bigint): bigint {
  const neg = n < 0n;
  const a = neg ? -n : n;
  const q = a / d;
  const r = a - q * d;
  const rounded = r * 2n >= d ? q + 1n : q;
  return neg ? -rounded : rounded;
}

/**
 * One amount of `from` minor units in `to` minor units at `rate` (1 from = rate to), rounded half away
 * from zero to the target's minor unit. Exact for any safe integer amount; throws RangeError when the
 * result is not a safe integer.
 */
export function convertMinor(amount: number, rate: Rate, from: string, to: string): number {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`not a whole number of minor units: ${amount}`);
  const num = BigInt(amount) * rate.numerator * 10n ** BigInt(minorDigits(to));
  const den = rate.denominator * 10n ** BigInt(minorDigits(from));
  const out = divHalfAwayFromZero(num, den);
  if (out > BigInt(Number.MAX_SAFE_INTEGER) || out < -BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError("converted amount is too large");
  return Number(out);
}

/** The same for a value that may be absent (an agreed amount not set yet). */
export function convertMaybe(amount: number | null, rate: Rate, from: string, to: string): number | null {
  return amount == null ? null : convertMinor(amount, rate, from, to);
}

/**
 * How far the rounded result is from the exact one, as a fraction of the target's minor unit
 * (numerator / denominator, |value| ≤ 1/2). For tests and for explaining the rounding.
 */
export function roundingError(amount: number, rate: Rate, from: string, to: string): { numerator: bigint; denominator: bigint } {
  const exactNum = BigInt(amount) * rate.numerator * 10n ** BigInt(minorDigits(to));
  const den = rate.denominator * 10n ** BigInt(minorDigits(from));
  const rounded = BigInt(convertMinor(amount, rate, from, to));
  return { numerator: rounded * den - exactNum, denominator: den };
}

// ---- the currencies a book may use ----

/** ISO 4217 codes the runtime knows (Node's and the browser's ICU), sorted. */
export function isoCurrencies(): string[] {
  return Intl.supportedValuesOf("currency");
}

let known: Set<string> | null = null;
/** True for an ISO 4217 code the runtime knows ("GBP"); false for "ABC" (which Intl would still format). */
export function isIsoCurrency(code: string): boolean {
  known ??= new Set(isoCurrencies());
  return known.has(code);
}

/** Codes with their names in `locale` ("GBP — British Pound"), for a select. */
export function currencyOptions(locale: string, codes: string[] = isoCurrencies()): { value: string; label: string }[] {
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([locale, "en"], { type: "currency" });
  } catch {
    names = null;
  }
  return codes.map((code) => {
    const name = names?.of(code);
    return { value: code, label: name && name !== code ? `${code} — ${name}` : code };
  });
}

/** The currency of a region (ISO 3166 alpha-2), for guessing a first-run default from the browser's locale. */
const REGION_CURRENCY: Record<string, string> = {
  US: "USD", GB: "GBP", IE: "EUR", CA: "CAD", AU: "AUD", NZ: "NZD", IN: "INR", ZA: "ZAR", SG: "SGD", HK: "HKD",
  DE: "EUR", FR: "EUR", ES: "EUR", IT: "EUR", NL: "EUR", BE: "EUR", AT: "EUR", PT: "EUR", FI: "EUR", GR: "EUR",
  LU: "EUR", SK: "EUR", SI: "EUR", EE: "EUR", LV: "EUR", LT: "EUR", MT: "EUR", CY: "EUR", HR: "EUR", MC: "EUR",
  CH: "CHF", LI: "CHF", SE: "SEK", NO: "NOK", DK: "DKK", IS: "ISK", PL: "PLN", CZ: "CZK", HU: "HUF", RO: "RON",
  BG: "BGN", RS: "RSD", UA: "UAH", TR: "TRY", IL: "ILS", AE: "AED", SA: "SAR", EG: "EGP", NG: "NGN", KE: "KES",
  JP: "JPY", CN: "CNY", KR: "KRW", TW: "TWD", TH: "THB", VN: "VND", ID: "IDR", MY: "MYR", PH: "PHP", PK: "PKR",
  BD: "BDT", BR: "BRL", MX: "MXN", AR: "ARS", CL: "CLP", CO: "COP", PE: "PEN", UY: "UYU",
};

/**
 * The currency a locale's region uses ("en-GB" → "GBP", "de-DE" → "EUR", "fr" with its likely region FR
 * → "EUR"), or `fallback` when the locale names no region we know.
 */
export function currencyForLocale(locale: string, fallback = "USD"): string {
  try {
    const loc = new Intl.Locale(locale);
    const region = loc.region ?? loc.maximize().region;
    const code = region ? REGION_CURRENCY[region] : undefined;
    return code && isIsoCurrency(code) ? code : fallback;
  } catch {
    return fallback;
  }
}
