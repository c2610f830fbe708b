/**
 * Done, snoozed, not relevant: what the user said about an item holds only while the item's facts are
 * the ones it was said about (its fingerprint), and a snooze only until its day (the item shows again on
 * it). When the facts change the item comes back, and the old state is stale. Pure.
 */
import { addDays } from "../dates";
import type { TodayItemState } from "../domain";
import type { TodayItem, TodayList } from "./types";

/** A snooze with no day lasts a week. */
export const DEFAULT_SNOOZE_DAYS = 7;

export const defaultSnoozeUntil = (today: string) => addDays(today, DEFAULT_SNOOZE_DAYS);

type StateFacts = Pick<TodayItemState, "state" | "fingerprint" | "snoozedUntil">;

/** Does `state` still hide `item` on `today`? */
export function stateHides(item: Pick<TodayItem, "fingerprint">, state: StateFacts, today: string): boolean {
  if (state.fingerprint !== item.fingerprint) return false;
  if (state.state === "snoozed") return state.snoozedUntil != null && state.snoozedUntil > today;
  return true;
}

/**
 * Split items into open and hidden by their stored states; `stale` lists the keys of states that no
 * longer hide anything (facts changed, snooze over, or no such item any more): they may be deleted.
 */
export function applyStates(items: readonly TodayItem[], states: readonly TodayItemState[], today: string): Pick<TodayList, "items" | "hidden"> & { stale: string[] } {
  const byKey = new Map(states.map((s) => [s.itemKey, s]));
  const open: TodayItem[] = [];
  const hidden: TodayList["hidden"] = [];
  const live = new Set<string>();
  for (const item of items) {
    const state = byKey.get(item.key);
    if (state && stateHides(item, state, today)) {
      live.add(item.key);
      hidden.push({ item, state: state.state, snoozedUntil: state.state === "snoozed" ? state.snoozedUntil : null });
    } else open.push(item);
  }
  return { items: open, hidden, stale: states.filter((s) => !live.has(s.itemKey)).map((s) => s.itemKey) };
}
