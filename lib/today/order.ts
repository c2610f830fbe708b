/**
 * The order to do things in: answers owed, then chases to stop, follow-ups, payments overdue, clients to
 * walk away from, raises due. Within a kind the longest-waiting first (for a payment: most days late).
 * Items made elsewhere (payments, raises) are ordered the same way. Pure.
 */
import type { TodayItem, TodayKind } from "./types";

export const TODAY_ORDER: readonly TodayKind[] = ["answer_owed", "stop_chasing", "follow_up", "payment_overdue", "walk_away", "raise_due"];

/** A new array in the order to do them: kind, then most days first, then the earliest start, then key. */
export function orderToday<T extends Pick<TodayItem, "kind" | "days" | "since" | "key">>(items: readonly T[]): T[] {
  const rank = (k: TodayKind) => {
    const i = TODAY_ORDER.indexOf(k);
    return i < 0 ? TODAY_ORDER.length : i;
  };
  return [...items].sort(
    (a, b) => rank(a.kind) - rank(b.kind) || b.days - a.days || (a.since < b.since ? -1 : a.since > b.since ? 1 : 0) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}
