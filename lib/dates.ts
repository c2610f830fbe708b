/**
 * The one date module. Dates are calendar days as ISO strings (YYYY-MM-DD); nothing here reads the
 * clock: "today" comes from server/clock.ts (or the page that passes it down).
 */

/** An ISO calendar date → a Date at UTC midnight (arithmetic only; never shown). */
function toUtc(iso: string): Date {
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
  const date = new Date(Date.UTC(2000, m - 1, d));
  // Date.UTC reads years 0–99 as 1900–1999: set the year on its own
  date.setUTCFullYear(y);
  return date;
}

function fromUtc(d: Date): string {
  const y = d.getUTCFullYear();
  return `${y < 0 ? "-" : ""}${String(Math.abs(y)).padStart(4, "0")}-${String(d.getUTCMonth() + 1).padStart(2, "0")}-${String(d.getUTCDate()).padStart(2, "0")}`;
}

/** The calendar day of an instant, as UTC sees it. */
export function isoDateOf(instant: Date): string {
  return fromUtc(instant);
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar day of an instant in a time zone ("" or an unknown zone: UTC). */
export function isoDateIn(instant: Date, timeZone: string): string {
  if (!timeZone) return fromUtc(instant);
  let f = dayFormatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    } catch {
      return fromUtc(instant);
    }
    dayFormatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

export function addDays(iso: string, days: number): string {
  const d = toUtc(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

/**
 * The day number of an ISO date (days since 1970-01-01), by arithmetic: the worth model ages every piece
 * of evidence against today, and building a Date per piece was a quarter of scoring a whole book.
 * Same answer as the Date route; anything but a real YYYY-MM-DD day (Feb 30, month 13) takes the Date
 * route, which rolls such a day over its own way.
 */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function dayNumber(iso: string): number {
  if (iso.length >= 10 && iso.charCodeAt(4) === 45 && iso.charCodeAt(7) === 45) {
    const y0 = digitAt(iso, 0) * 1000 + digitAt(iso, 1) * 100 + digitAt(iso, 2) * 10 + digitAt(iso, 3);
    const m = digitAt(iso, 5) * 10 + digitAt(iso, 6);
    const d = digitAt(iso, 8) * 10 + digitAt(iso, 9);
    const leap = y0 % 4 === 0 && (y0 % 100 !== 0 || y0 % 400 === 0);
    // NaN (a non-digit) fails every comparison
    if (m >= 1 && m <= 12 && d >= 1 && d <= (m === 2 ? (leap ? 29 : 28) : MONTH_DAYS[m - 1])) {
      // days from civil (H. Hinnant): March-based years, 400-year eras
      const y = m <= 2 ? y0 - 1 : y0;
      const era = Math.floor(y / 400);
      const yoe = y - era * 400;
      const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
      const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
      return era * 146_097 + doe - 719_468;
    }
  }
  return Math.round(toUtc(iso).getTime() / 86_400_000);
}

/** The digit at `i`, NaN for any other character. */
function digitAt(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : NaN;
}

/** Inclusive count of days from `from` to `to`. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from) + 1;
}

/** Every month (YYYY-MM) from `from` to `to`, inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split("-").map(Number);
  const [ty, tm] = to.split("-").map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

// ---- the one date rule ----

/**
 * Every calendar date the app accepts (forms, API, import, CSV, dashboard filters) lies within these
 * bounds, inclusive. Far wider than a working life, narrow enough that no date can make a month-by-
 * month series or a "days since" figure explode. lib/schemas.ts isoDateSchema applies them.
 */
export const DATE_MIN = "1970-01-01";
export const DATE_MAX = "2100-12-31";
export const DATE_RANGE_MESSAGE = "Use a date between 1970 and 2100, like 2026-11-24";

/** True for an ISO date (or the date part of a timestamp) within DATE_MIN … DATE_MAX. Strings compare as dates in this format. */
export function isDateInBounds(iso: string): boolean {
  const day = iso.slice(0, 10);
  return day >= DATE_MIN && day <= DATE_MAX;
}

/** An ISO date moved inside DATE_MIN … DATE_MAX (a date already inside is returned as it is). */
export function clampDate(iso: string): string {
  return iso < DATE_MIN ? DATE_MIN : iso > DATE_MAX ? DATE_MAX : iso;
}

/** A month (YYYY-MM) as a count of months since year 0, for arithmetic on spans without listing them; NaN when it is not a month. */
export function monthIndex(month: string): number {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  return m ? Number(m[1]) * 12 + Number(m[2]) - 1 : NaN;
}

/** How many months monthsBetween(from, to) would list (0 when `to` is before `from` or either is not a month), without listing them. */
export function monthsBetweenCount(from: string, to: string): number {
  const n = monthIndex(to) - monthIndex(from) + 1;
  return Number.isFinite(n) && n > 0 ? n : 0;
}

/** The month (YYYY-MM, year padded to four digits) that monthIndex maps to `index`. */
export function monthOfIndex(index: number): string {
  const y = Math.floor(index / 12);
  return `${String(y).padStart(4, "0")}-${String(index - y * 12 + 1).padStart(2, "0")}`;
}
