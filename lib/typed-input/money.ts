/** Money as typed: a number read by ./numbers.ts, with an optional currency sign or code checked against the field's currency, and "k" for thousands. */
import { minorDigits } from "../money";
import { plural } from "../text";
import { example, normalise, readDecimal, type Parsed, type Separators } from "./numbers";

// ---- money ----

interface Sign {
  currencies: string[];
  /** how the error names it when it is none of the field's */
  name: string;
}
const DOLLARS = ["USD", "CAD", "AUD", "NZD", "SGD", "HKD", "MXN", "TWD", "ARS", "CLP", "COP"];
/** Currency signs people type. A code ("USD", "eur") is recognised by itself. */
const SIGNS: Record<string, Sign> = {
  $: { currencies: DOLLARS, name: "dollars or pesos" },
  us$: { currencies: ["USD"], name: "USD" },
  $us: { currencies: ["USD"], name: "USD" },
  $ca: { currencies: ["CAD"], name: "CAD" },
  $au: { currencies: ["AUD"], name: "AUD" },
  $nz: { currencies: ["NZD"], name: "NZD" },
  $hk: { currencies: ["HKD"], name: "HKD" },
  $sg: { currencies: ["SGD"], name: "SGD" },
  $mx: { currencies: ["MXN"], name: "MXN" },
  "£gb": { currencies: ["GBP"], name: "GBP" },
  "u$s": { currencies: ["USD"], name: "USD" },
  ca$: { currencies: ["CAD"], name: "CAD" },
  c$: { currencies: ["CAD"], name: "CAD" },
  a$: { currencies: ["AUD"], name: "AUD" },
  au$: { currencies: ["AUD"], name: "AUD" },
  nz$: { currencies: ["NZD"], name: "NZD" },
  hk$: { currencies: ["HKD"], name: "HKD" },
  s$: { currencies: ["SGD"], name: "SGD" },
  mx$: { currencies: ["MXN"], name: "MXN" },
  nt$: { currencies: ["TWD"], name: "TWD" },
  r$: { currencies: ["BRL"], name: "BRL" },
  "€": { currencies: ["EUR"], name: "EUR" },
  eu: { currencies: ["EUR"], name: "EUR" },
  "£": { currencies: ["GBP"], name: "GBP" },
  "¥": { currencies: ["JPY", "CNY"], name: "yen or yuan" },
  "￥": { currencies: ["JPY", "CNY"], name: "yen or yuan" },
  "jp¥": { currencies: ["JPY"], name: "JPY" },
  "cn¥": { currencies: ["CNY"], name: "CNY" },
  "₹": { currencies: ["INR"], name: "INR" },
  "₩": { currencies: ["KRW"], name: "KRW" },
  "₽": { currencies: ["RUB"], name: "RUB" },
  "₺": { currencies: ["TRY"], name: "TRY" },
  "₪": { currencies: ["ILS"], name: "ILS" },
  "₫": { currencies: ["VND"], name: "VND" },
  "₱": { currencies: ["PHP"], name: "PHP" },
  "₴": { currencies: ["UAH"], name: "UAH" },
  "₦": { currencies: ["NGN"], name: "NGN" },
  "₿": { currencies: ["BTC"], name: "bitcoin" },
  zł: { currencies: ["PLN"], name: "PLN" },
  kč: { currencies: ["CZK"], name: "CZK" },
  ft: { currencies: ["HUF"], name: "HUF" },
  fr: { currencies: ["CHF"], name: "CHF" },
  "fr.": { currencies: ["CHF"], name: "CHF" },
  kr: { currencies: ["SEK", "NOK", "DKK", "ISK"], name: "kronor or kroner" },
  "kr.": { currencies: ["SEK", "NOK", "DKK", "ISK"], name: "kronor or kroner" },
  r: { currencies: ["ZAR"], name: "ZAR" },
};

let isoCodes: Set<string> | null = null;
function isIsoCode(code: string): boolean {
  if (!isoCodes) {
    try {
      isoCodes = new Set(Intl.supportedValuesOf("currency"));
    } catch {
      isoCodes = new Set();
    }
  }
  return isoCodes.has(code);
}

/** "$", "£", "usd" → the currencies it can mean; null when it is not a currency sign at all. */
export function currencySign(text: string): Sign | null {
  const t = text.trim().toLowerCase();
  if (SIGNS[t]) return SIGNS[t];
  const code = t.toUpperCase();
  if (/^[A-Z]{3}$/.test(code) && isIsoCode(code)) return { currencies: [code], name: code };
  return null;
}

/**
 * What a person typed into a money field → integer minor units of `currency`.
 * Refuses (with a message for the field) garbage, a sign or code of another currency, and more
 * decimals than the currency has.
 */
export function parseMoneyInput(text: string, currency: string, seps: Separators): Parsed<number> {
  const cur = currency.toUpperCase();
  const digits = minorDigits(cur);
  const garbage = { ok: false as const, error: `Type an amount like ${example(seps, digits)}` };
  const t = normalise(text);
  if (t === "") return { ok: false, error: "Enter an amount" };
  const first = t.search(/\d/);
  if (first < 0) return garbage;
  // the number runs from the first digit over digits, separators and spaces up to its last digit
  const run = /^\d[\d.,' \u2019_]*/.exec(t.slice(first))![0];
  const lastDigit = run.search(/\d[^\d]*$/);
  const numberText = run.slice(0, lastDigit + 1);
  let before = t.slice(0, first).trim();
  let after = t.slice(first + numberText.length).trim();
  let negative = false;
  // the minus sign may come before or after the currency sign: "-$12", "$-12", "- 12 €"
  if (before.startsWith("-")) {
    negative = true;
    before = before.slice(1).trim();
  } else if (before.endsWith("-")) {
    negative = true;
    before = before.slice(0, -1).trim();
  }
  let thousands = false;
  const k = /^[kK](?![a-zA-Z])/.exec(after);
  if (k) {
    thousands = true;
    after = after.slice(1).trim();
  }
  for (const sign of [before, after]) {
    if (sign === "") continue;
    const s = currencySign(sign);
    if (!s) return garbage;
    if (!s.currencies.includes(cur)) return { ok: false, error: `This is in ${s.name}; the amount here is in ${cur}` };
  }
  const d = readDecimal(numberText, seps);
  if (!d) return garbage;
  let { whole, fraction } = d;
  if (thousands) {
    const moved = fraction.padEnd(3, "0");
    whole = (whole + moved.slice(0, 3)).replace(/^0+(?=\d)/, "");
    fraction = moved.slice(3);
  }
  if (fraction.length > digits) {
    if (d.ambiguous && !thousands) {
      const plain = d.whole + fraction;
      return {
        ok: false,
        error: `Here "${d.ambiguous}" separates decimals, so this has ${plural(fraction.length, "decimal")} and ${cur} has ${digits === 0 ? "none" : digits}. For ${plain} type ${plain} or ${d.whole}${seps.group === " " || seps.group === "\u202f" || seps.group === "\u00a0" ? " " : seps.group}${fraction}`,
      };
    }
    return { ok: false, error: digits === 0 ? `${cur} has no cents: type a whole amount, like ${example(seps, 0)}` : `${cur} has ${digits} decimals: type at most ${digits}, like ${example(seps, digits)}` };
  }
  if (whole.length > 15) return { ok: false, error: "That amount is too large" };
  const minor = Number(whole) * 10 ** digits + (fraction ? Number(fraction.padEnd(digits, "0")) : 0);
  if (!Number.isSafeInteger(minor)) return { ok: false, error: "That amount is too large" };
  return { ok: true, value: negative || d.negative ? -minor : minor };
}

