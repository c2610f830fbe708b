/** What every Today rule shares: item keys, whole days between calendar days. Pure. */
import { daysBetween } from "../dates";

/** Whole days from `from` to `to` (0 on the same day; never negative: a day in the future counts as today). */
export function daysSince(from: string, to: string): number {
  return Math.max(0, daysBetween(from.slice(0, 10), to) - 1);
}

/** The calendar day of a stored timestamp or day. */
export const dayOf = (stamp: string): string => stamp.slice(0, 10);

/** Item keys: stable across days, one per thing to do. */
export const todayKeys = {
  answer: (quoteId: number) => `answer:quote:${quoteId}`,
  /** follow_up and stop_chasing share it: one chase per quote */
  chase: (quoteId: number) => `chase:quote:${quoteId}`,
  walkAway: (clientId: number) => `walk_away:client:${clientId}`,
};

/** The day a sent quote started waiting: its sending day, else the day it was created. */
export function sentDayOf(quote: { sentOn: string | null; createdAt: string }): string {
  return quote.sentOn ?? dayOf(quote.createdAt);
}
