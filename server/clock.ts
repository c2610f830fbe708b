/** The one place that reads the clock for "today" (a calendar day, see lib/dates.ts). */
import { isoDateOf } from "@/lib/dates";

export function today(now: Date = new Date()): string {
  return isoDateOf(now);
}
