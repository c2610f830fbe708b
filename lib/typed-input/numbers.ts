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
export function normalise(text: string): string {
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
export function example(seps: Separators, digits: number): string {
  return digits === 0 ? `1${seps.group}200` : `1${seps.group}200${seps.decimal}${"50".slice(0, digits)}`;
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
