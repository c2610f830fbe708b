/**
 * One client, one message: Today never tells the user to walk away from a client and to raise their rate
 * in the same list. A client in the walk-away band (a walk_away item was made for them, whatever its mark)
 * gets no raise_due items, and an answer owed to them says so, so the answer is given knowing it. Pure.
 */
import type { TodayItem } from "./types";
import { todayWords } from "./words";

/**
 * `walkAway`: the clients Today tells to walk away from, with their fit score. Returns a new list: their
 * raise_due items left out, their answers owed with the walk-away note added to the reason (the
 * fingerprint is unchanged: the note is about the client, not new facts about the ask).
 */
export function oneMessagePerClient<T extends TodayItem>(items: readonly T[], walkAway: ReadonlyMap<number, number>): T[] {
  if (walkAway.size === 0) return [...items];
  return items
    .filter((i) => !(i.kind === "raise_due" && walkAway.has(i.clientId)))
    .map((i) => (i.kind === "answer_owed" && walkAway.has(i.clientId) ? { ...i, reason: `${i.reason} ${todayWords.walkAwayNote(walkAway.get(i.clientId)!)}` } : i));
}
