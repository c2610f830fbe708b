/**
 * The one place that reads the clock for "today": a calendar day (lib/dates.ts) in the user's time
 * zone (Settings → time zone; UTC until one is chosen). Forms get it as a prop from their page.
 */
import type { DbOrTx } from "@/db/connection";
import { getSettings } from "@/db/settings";
import { isoDateIn } from "@/lib/dates";

/** Today in `timeZone` ("" = UTC). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return isoDateIn(now, timeZone);
}

/** Today in the book's time zone. */
export function todayFor(db: DbOrTx, now: Date = new Date()): string {
  return todayIn(getSettings(db).timeZone, now);
}

/** Today in UTC: only for what has no book (scripts, benchmarks). */
export function today(now: Date = new Date()): string {
  return todayIn("", now);
}
