/**
 * What Today says after an action, in the page's status line: what was done, to what, and how it moved
 * the client's score ("Marked “Platform migration plan” expired; Kestrel’s chasing 46 → 26"), with an
 * undo where one is cheap (a mark: clear it; a follow-up just logged: delete it). Pure: the use cases pass
 * the facts and the score change (lib/score-change.ts) in.
 */
import type { ActionState } from "../action-state";
import { formatDay } from "../format-date";
import { mainCriterionLine, type ScoreChange } from "../score-change";
import { lowerFirst, plural, possessive } from "../text";

/** An item's or quote's title in quotes — unless it already holds quoted words ("Answer Acme on “Logo”"), which nested quotes would only muddle. */
const quoted = (title: string) => (/[\u201c\u201d"]/.test(title) ? title : `\u201c${title}\u201d`);

/** What "Undo" does: clear the mark just set, or delete the follow-up just logged. */
export type TodayUndo = { type: "clear_mark"; key: string } | { type: "delete_follow_up"; quoteId: number; interactionId: number };

/** A Today action's answer: the sentence for the status line, and its undo when there is one. */
export interface TodayDone {
  message: string;
  undo?: TodayUndo;
}

/**
 * "Kestrel’s chasing 46 → 26" (the criterion that moved most), with the fit score when it moved too
 * ("Kestrel’s chasing 46 → 26, fit score 52 → 47"); "Kestrel’s fit score stays 72" when nothing moved;
 * null when there is no score change to tell.
 */
export function scoreMoveWords(clientName: string, change: ScoreChange | null | undefined): string | null {
  if (!change) return null;
  const who = possessive(clientName);
  const main = mainCriterionLine(change);
  const fit = change.before === change.after ? null : change.before == null ? `fit score now ${change.after ?? "–"}` : `fit score ${change.before} → ${change.after ?? "–"}`;
  if (main) return `${who} ${lowerFirst(main)}${fit ? `, ${fit}` : ""}`;
  return fit ? `${who} ${fit}` : `${who} fit score stays ${change.after ?? "–"}`;
}

const withScore = (sentence: string, clientName: string, change: ScoreChange | null | undefined) => {
  const moved = scoreMoveWords(clientName, change);
  return moved ? `${sentence}; ${moved}.` : `${sentence}.`;
};

export const todayConfirm = {
  /** "Marked done", "Snoozed until Dec 8, 2026", "Marked not relevant": with the item's title */
  marked(state: "done" | "snoozed" | "not_relevant", title: string, snoozedUntil: string | null, locale: string): string {
    if (state === "snoozed") return `Snoozed ${quoted(title)} until ${formatDay(snoozedUntil!, locale)}.`;
    return `Marked ${quoted(title)} ${state === "done" ? "done" : "not relevant"}.`;
  },
  broughtBack: (title: string | null) => (title ? `Brought back ${quoted(title)}.` : "Brought back."),
  /** "Follow-up logged: Today will remind you again on Dec 8, 2026 if they stay quiet." */
  followUp: (remindOn: string, locale: string) => `Follow-up logged: Today will remind you again on ${formatDay(remindOn, locale)} if they stay quiet.`,
  followUpUndone: "Follow-up removed.",
  /** "Marked “Platform migration plan” expired; Kestrel’s chasing 46 → 26." */
  expired: (title: string, clientName: string, change?: ScoreChange | null) => withScore(`Marked ${quoted(title)} expired`, clientName, change),
  /** "Recorded: Kestrel walked away from “Platform migration plan”; Kestrel’s chasing 46 → 26." */
  theyWalkedAway: (title: string, clientName: string, change?: ScoreChange | null) => withScore(`Recorded: ${clientName} walked away from ${quoted(title)}`, clientName, change),
  /** "You walked away from Kestrel: their status is now walked away." */
  youWalkedAway: (clientName: string) => `You walked away from ${clientName}: their status is now walked away.`,
  /** "Payment logged: 20 days late; Kestrel’s payment 81 → 52." / "Payment logged: on time; …" */
  payment: (daysLate: number, clientName: string, change?: ScoreChange | null) => withScore(`Payment logged: ${daysLate > 0 ? `${plural(daysLate, "day")} late` : "on time"}`, clientName, change),
};

/** What Today's server actions answer: the usual state, with the undo of what was just done. */
export interface TodayActionState extends ActionState {
  undo?: TodayUndo;
}
