/**
 * What people type into money, percent and time fields, parsed the way they wrote it (the rules of
 * reading a number: ./numbers.ts), one file a kind: ./money.ts, ./duration.ts, percents in ./numbers.ts.
 * This file reads one field of a kind and shows what was read.
 */
import { parseDurationInput } from "./duration";
import { parseMoneyInput } from "./money";
import { parsePercentInput, separatorsOf, type Parsed } from "./numbers";

export * from "./numbers";
export * from "./money";
export * from "./duration";

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
