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

export function addDays(iso: string, days: number): string {
  const d = toUtc(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

/** Inclusive count of days from `from` to `to`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000) + 1;
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
