/**
 * Short money for chart ticks, legends and labels: integer minor units → "$600", "$5K", "$5.2K", "$1.2M".
 *
 * Our own rules, not Intl's `notation: "compact"`: Node's ICU and the browser's disagree on compact
 * notation ("$5.0K" vs "$5K"), which made the server's HTML differ from the browser's (a hydration error).
 * Only stable pieces are read from Intl: the currency symbol, where it sits, and the decimal separator.
 * No floating point: the rounding is integer division, half away from zero.
 */
import { divRound, minorDigits } from "@/lib/money";

const TIERS = [
  { suffix: "T", whole: 1_000_000_000_000 },
  { suffix: "B", whole: 1_000_000_000 },
  { suffix: "M", whole: 1_000_000 },
  { suffix: "K", whole: 1_000 },
] as const;

interface Shape {
  prefix: string;
  suffix: string;
  decimal: string;
}

const shapes = new Map<string, Shape>();

/** The currency's symbol and where it goes, read from how the locale writes one whole unit. */
function shapeOf(currency: string, locale: string): Shape {
  const key = `${locale}|${currency}`;
  const known = shapes.get(key);
  if (known) return known;
  let parts: Intl.NumberFormatPart[];
  let decimal = ".";
  try {
    parts = new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: 0, maximumFractionDigits: 0 }).formatToParts(1);
    decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === "decimal")?.value ?? ".";
  } catch {
    parts = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 0, maximumFractionDigits: 0 }).formatToParts(1);
  }
  const first = parts.findIndex((p) => p.type === "integer");
  const last = parts.findLastIndex((p) => p.type === "integer");
  const join = (ps: Intl.NumberFormatPart[]) => ps.map((p) => p.value).join("");
  const shape = { prefix: join(parts.slice(0, first)), suffix: join(parts.slice(last + 1)), decimal };
  shapes.set(key, shape);
  return shape;
}

/** The number part alone: 500000 cents → "5K", 520000 → "5.2K", 60000 → "600" (decimal separator as given). */
export function compactNumber(amount: number, currency: string, decimal = "."): string {
  const unit = 10 ** minorDigits(currency);
  const abs = Math.abs(amount);
  const sign = amount < 0 ? "-" : "";
  const wholeUnits = divRound(abs, unit);
  if (wholeUnits < 1000) return wholeUnits === 0 ? "0" : `${sign}${wholeUnits}`;
  for (let i = TIERS.length - 1; i >= 0; i--) {
    const tier = TIERS[i];
    // tenths of the tier, from minor units: abs / (tier × unit / 10)
    const tenths = divRound(abs, (tier.whole * unit) / 10);
    // 999.96K rounds to 1000.0K: that is 1M (unless there is no bigger tier)
    if (tenths >= 10_000 && i > 0) continue;
    const whole = Math.floor(tenths / 10);
    const frac = tenths % 10;
    return `${sign}${whole}${frac ? `${decimal}${frac}` : ""}${tier.suffix}`;
  }
  return `${sign}${wholeUnits}`;
}

/** "$5.2K" in en-US, "5,2K €" in de-DE: byte-identical on the server and in the browser. */
export function formatMoneyCompact(amount: number, currency: string, locale = "en-US"): string {
  const { prefix, suffix, decimal } = shapeOf(currency, locale);
  const n = compactNumber(amount, currency, decimal);
  const negative = n.startsWith("-");
  return `${negative ? "-" : ""}${prefix}${negative ? n.slice(1) : n}${suffix}`;
}
