/**
 * What people type into money, percent and time fields, parsed the way they wrote it: "$1,200",
 * "1.200,50 €", "1 200,50" (fr-FR), "12k", "20 %", "12,5%", "10h", "1h30", "1:30", "90 min", "1.5 days".
 * Pure: the locale's decimal and group separators come in as parameters (`separatorsOf` reads them with
 * Intl, which is plain JavaScript), so the same text in the same locale always gives the same answer.
 *
 * How a number is read (money, percents and times alike):
 * - Spaces (also no-break and narrow no-break), apostrophes and underscores between digits group thousands.
 * - With both "." and ",", the last one is the decimal separator and the other groups thousands
 *   ("1.200,50" and "1,200.50" are both twelve hundred and fifty cents, in every locale).
 * - One separator used several times groups thousands ("1,200,000", "1.200.000").
 * - One separator used once is a decimal separator unless exactly three digits follow it. With three
 *   digits ("1,200", "1.200") the text is ambiguous and **the locale decides**: the locale's decimal
 *   separator reads as decimals, anything else as a thousands group. So "1,200" is 1200 in en-US and
 *   en-GB but 1,2 in de-DE and fr-FR; "1.200" is 1200 in de-DE. A money amount with more decimals than
 *   its currency has is refused with a message saying how it was read — never silently rounded.
 *   ("0,125" starts with a lone 0, so it can only be a decimal.)
 * - Groups after the first must have three digits ("1,2345" groups nothing: it is a decimal).
 *
 * Money also takes a currency sign or code before or after the number ("$", "€", "£ ", "USD", "kr"),
 * checked against the field's currency: "£12" in a USD field is an error ("This is in GBP…"), not a
 * conversion. A "k" right after the number means thousands ("12k", "1.5k", "€2,5k"): a freelancer's
 * shorthand with one meaning, so it is accepted; "m"/"M" is not (minutes? millions?).
 */
import { divRound, minorDigits } from "./money";
import { plural } from "./text";

export interface Separators {
  decimal: string;
  group: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const separatorCache = new Map<string, Separators>();
/** The locale's decimal and group separators (en-US "." and ",", de-DE "," and ".", fr-FR "," and a narrow no-break space). */
export function separatorsOf(locale: string): Separators {
  let s = separatorCache.get(locale);
  if (!s) {
    let parts: Intl.NumberFormatPart[];
    try {
      parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
    } catch {
      parts = new Intl.NumberFormat("en-US").formatToParts(1234567.5);
    }
    s = { decimal: parts.find((p) => p.type === "decimal")?.value ?? ".", group: parts.find((p) => p.type === "group")?.value ?? "," };
    separatorCache.set(locale, s);
  }
  return s;
}

/** A decimal read from text as digit strings: no floating point until someone asks for it. */
export interface DecimalText {
  negative: boolean;
  whole: string;
  fraction: string;
  /** the separator read as decimal when the text was ambiguous ("1,200"), to explain a refusal */
  ambiguous?: string;
}

const SPACES = /[\s\u00a0\u202f\u2009\u2007]/g;
const GROUP_ONLY = new Set([" ", "'", "\u2019", "_"]);

/** Normalise spaces and minus signs; what is left is what the parsers look at. */
function normalise(text: string): string {
  return text.replace(SPACES, " ").replace(/[\u2212\u2013]/g, "-").trim();
}

/** "1.200,50", "1 200", "12,5" → digits, in the locale's reading (see the module comment). null when not a number. */
export function readDecimal(text: string, seps: Separators): DecimalText | null {
  let t = normalise(text);
  let negative = false;
  if (t.startsWith("-")) {
    negative = true;
    t = t.slice(1).trim();
  }
  if (!/^\d[\d.,' \u2019_]*$/.test(t)) return null;
  if (/[.,' \u2019_]{2}/.test(t)) return null; // two separators in a row: "1,,2", "1. 200"
  const hasDot = t.includes(".");
  const hasComma = t.includes(",");
  const hasSpaceGroup = [...t].some((c) => GROUP_ONLY.has(c));
  let decimal: string | null = null;
  let ambiguous: string | undefined;
  if (hasDot && hasComma) {
    decimal = t.lastIndexOf(".") > t.lastIndexOf(",") ? "." : ",";
  } else if (hasDot || hasComma) {
    const c = hasDot ? "." : ",";
    const count = t.split(c).length - 1;
    if (count === 1) {
      const [before, after] = t.split(c);
      if (after.length !== 3 || hasSpaceGroup || /^0$/.test(before.replace(/[' \u2019_]/g, ""))) decimal = c;
      else if (c === seps.decimal) {
        decimal = c;
        ambiguous = c;
      }
      // else: a thousands group ("1,200" in en-US, "1.200" in de-DE)
    }
  }
  let wholePart = t;
  let fraction = "";
  if (decimal) {
    const at = t.lastIndexOf(decimal);
    if (t.indexOf(decimal) !== at) return null; // "1,2,3.4" reads commas as groups; "1.2.3,4" with "." decimal is not a number
    wholePart = t.slice(0, at);
    fraction = t.slice(at + 1);
    if (!/^\d*$/.test(fraction)) return null;
  }
  const groups = wholePart.split(/[.,' \u2019_]/);
  if (groups.length > 1 && (groups[0].length < 1 || groups[0].length > 3 || groups.slice(1).some((g) => g.length !== 3))) return null;
  const whole = groups.join("").replace(/^0+(?=\d)/, "");
  if (!/^\d+$/.test(whole)) return null;
  return { negative, whole, fraction, ambiguous };
}

/** A number as people write it ("7,5", "1,200", "1 200,5") → a JS number, for plain number fields. */
export function parseLocaleNumber(text: string, seps: Separators): number | null {
  const d = readDecimal(text, seps);
  if (!d || d.whole.length > 15) return null;
  const n = Number(`${d.whole}.${d.fraction || "0"}`);
  return Number.isFinite(n) ? (d.negative ? -n : n) : null;
}

/** 1234.5 in the locale's way, for examples in messages: "1,200.50", "1.200,50", "1 200,50". */
function example(seps: Separators, digits: number): string {
  return digits === 0 ? `1${seps.group}200` : `1${seps.group}200${seps.decimal}${"50".slice(0, digits)}`;
}

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

// ---- percent ----

/** "20", "20%", "20 %", "12.5%", "12,5 %" → basis points (2000, 1250). At most two decimals. */
export function parsePercentInput(text: string, seps: Separators): Parsed<number> {
  const t = normalise(text).replace(/\s*%$/, "").replace(/^%\s*/, "");
  const d = t === "" ? null : readDecimal(t, seps);
  if (!d) return { ok: false, error: `Type a percent like 20% or 12${seps.decimal}5%` };
  if (d.fraction.length > 2) return { ok: false, error: `At most two decimals, like 12${seps.decimal}5%` };
  if (d.whole.length > 9) return { ok: false, error: "At most 100%" };
  const bp = Number(d.whole) * 100 + Number(d.fraction.padEnd(2, "0") || "0");
  return { ok: true, value: d.negative ? -bp : bp };
}

// ---- durations ----

export type DurationUnit = "day" | "hour" | "minute";
const UNIT_WORDS: Record<string, DurationUnit> = {
  d: "day",
  day: "day",
  days: "day",
  h: "hour",
  hr: "hour",
  hrs: "hour",
  hour: "hour",
  hours: "hour",
  m: "minute",
  min: "minute",
  mins: "minute",
  minute: "minute",
  minutes: "minute",
};
const UNIT_ORDER: Record<DurationUnit, number> = { day: 0, hour: 1, minute: 2 };

export interface DurationOptions {
  seps: Separators;
  /** what a bare number means: "hour" in an hours field ("10" = 10 h), "minute" in a minutes field */
  bare: DurationUnit;
  /** a day of work, in hours (settings.hoursPerDay) */
  hoursPerDay: number;
}

/** Minutes in `d` units of `unit`, rounded half away from zero to whole minutes; a positive time never rounds to 0. */
function minutesOf(d: DecimalText, unit: DurationUnit, hoursPerDay: number): number {
  const per = unit === "day" ? 60 * hoursPerDay : unit === "hour" ? 60 : 1;
  const scale = 10 ** d.fraction.length;
  const scaled = Number(d.whole + d.fraction);
  const minutes = divRound(scaled * per, scale);
  return scaled > 0 && minutes === 0 ? 1 : minutes;
}

/**
 * "10", "10h", "10 h", "1.5h", "90 min", "90m", "1h30", "1h 30m", "1:30", "1.5 days", "2d", "1d 4h" → minutes.
 * Days are `hoursPerDay` hours. Each unit at most once, largest first; a number right after hours is minutes ("1h30").
 */
export function parseDurationInput(text: string, { seps, bare, hoursPerDay }: DurationOptions): Parsed<number> {
  const garbage = { ok: false as const, error: `Type a time like 10h, 1h30, 90 min or 1${seps.decimal}5 days` };
  const t = normalise(text).toLowerCase();
  if (t === "") return { ok: false, error: "Enter the time" };
  const clock = /^(\d{1,6}):([0-5]\d)$/.exec(t);
  if (clock) return { ok: true, value: Number(clock[1]) * 60 + Number(clock[2]) };
  const tokens = /^(\d[\d.,]*)\s*([a-z]+\.?)?\s*/;
  let rest = t;
  let total = 0;
  let lastUnit: DurationUnit | null = null;
  while (rest !== "") {
    const m = tokens.exec(rest);
    if (!m) return garbage;
    rest = rest.slice(m[0].length);
    const d = readDecimal(m[1], seps);
    if (!d || d.whole.length > 7 || d.fraction.length > 6) return garbage;
    let unit: DurationUnit;
    if (m[2]) {
      const u = UNIT_WORDS[m[2].replace(/\.$/, "")];
      if (!u) return garbage;
      unit = u;
    } else if (lastUnit === null && rest === "") unit = bare;
    else if (lastUnit === "hour" && rest === "" && d.fraction === "") unit = "minute";
    else return garbage;
    if (lastUnit !== null && UNIT_ORDER[unit] <= UNIT_ORDER[lastUnit]) return garbage;
    total += minutesOf(d, unit, hoursPerDay);
    lastUnit = unit;
  }
  return { ok: true, value: total };
}

// ---- one field ----

/** How the person writes numbers and how long their working day is (settings.locale, settings.hoursPerDay). */
export interface TypedInputOptions {
  locale?: string;
  hoursPerDay?: number;
}

/**
 * One typed value for a field of `kind`: the number the schema reads, or why it cannot be read.
 * Shared by the server (lib/form-input.ts) and the fields that show what they read as it is typed.
 */
export function parseTyped(kind: "money" | "percent" | "duration", text: string, currency: string, opts: TypedInputOptions & { per?: number } = {}): Parsed<number> {
  const seps = separatorsOf(opts.locale ?? "en-US");
  const per = opts.per ?? 1;
  if (kind === "money") return parseMoneyInput(text, currency, seps);
  if (kind === "percent") return parsePercentInput(text, seps);
  return parseDurationInput(text, { seps, bare: per === 1 ? "minute" : "hour", hoursPerDay: opts.hoursPerDay ?? 8 });
}

// ---- showing what was read ----

/** 630 → "10 h 30 min"; 45 → "45 min"; 600 → "10 h". */
export function formatDuration(minutes: number, locale = "en-US"): string {
  const h = Math.floor(Math.abs(minutes) / 60);
  const m = Math.abs(minutes) % 60;
  const n = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const parts = [h > 0 ? `${n.format(h)} h` : "", m > 0 || h === 0 ? `${m} min` : ""].filter(Boolean);
  return (minutes < 0 ? "-" : "") + parts.join(" ");
}

/** Minutes as a person would type them into an hours field: 600 → "10", 630 → "10h30", 20 → "0h20". Reads back exactly. */
export function hoursText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? String(h) : `${h}h${String(m).padStart(2, "0")}`;
}

/** 1250 → "12.5%" (de-DE "12,5 %"); two decimals at most, as stored. */
export function formatBasisPoints(bp: number, locale = "en-US"): string {
  let f: Intl.NumberFormat;
  try {
    f = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 });
  } catch {
    f = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 2 });
  }
  return f.format(bp / 10000);
}
