/**
 * Turns what is recorded about a client into the offer check's view of them, and decides whether a
 * deadline makes an offer rush work. Pure: the database read happens in db/offers.ts.
 */
import type { ClientHistory } from "../domain";
import { isDecided } from "../quote-lifecycle";
import { replayNegotiation } from "../negotiation";
import { askMinutes, isUnpaidAsk } from "../settling";
import type { FitAssessment } from "../worth";
import type { OfferClient } from "./types";

/** Decided = every known status that is not open; an unknown status counts as neither. */

export function offerClientFrom(history: ClientHistory | null, assessment: FitAssessment | null, newName?: string | null): OfferClient {
  if (!history || !assessment) {
    return {
      isNew: true,
      name: newName?.trim() || "New prospect",
      fitScore: null,
      verdict: "not_enough_data",
      haggledQuotes: 0,
      quotesWithDecision: 0,
      avgDaysLate: null,
      unpaidAskMinutes: 0,
      unansweredFollowUpsInARow: 0,
    };
  }
  const decided = history.quotes.filter((q) => isDecided(q.status));
  const haggled = decided.filter((q) => replayNegotiation(q).asks > 0).length;
  const payments = history.interactions.filter((i) => i.kind === "payment" && i.daysLate != null);
  const avgDaysLate = payments.length ? payments.reduce((s, p) => s + Math.max(0, p.daysLate ?? 0), 0) / payments.length : null;
  const unpaid = history.interactions.filter(isUnpaidAsk).reduce((s, i) => s + askMinutes(i), 0);
  return {
    isNew: false,
    name: history.client.name,
    fitScore: assessment.score,
    verdict: assessment.verdict,
    haggledQuotes: haggled,
    quotesWithDecision: decided.length,
    avgDaysLate: avgDaysLate == null ? null : Math.round(avgDaysLate * 10) / 10,
    unpaidAskMinutes: unpaid,
    unansweredFollowUpsInARow: assessment.stopChasing.unansweredInARow,
  };
}

/**
 * A deadline makes work "rush" when the scope does not fit in the working days left at the
 * user's weekly capacity (5 working days a week).
 */
export function deadlineIsRush(deadline: string | null | undefined, today: string, minutes: number, weeklyCapacityHours: number): boolean {
  if (!deadline) return false;
  const days = Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  if (days <= 0) return true;
  const workingDays = Math.max(1, Math.floor((days * 5) / 7));
  const minutesPerDay = (Math.max(1, weeklyCapacityHours) * 60) / 5;
  return minutes > workingDays * minutesPerDay;
}

export function scopeToMinutes(amount: number, unit: "hours" | "days", hoursPerDay: number): number {
  return Math.max(1, Math.round(amount * 60 * (unit === "days" ? hoursPerDay : 1)));
}
