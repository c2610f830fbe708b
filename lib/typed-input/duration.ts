/** Times as typed: "10h", "1h30", "1:30", "90 min", "1.5 days" → whole minutes. */
import { divRound } from "../money";
import { normalise, readDecimal, type DecimalText, type Parsed, type Separators } from "./numbers";

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
