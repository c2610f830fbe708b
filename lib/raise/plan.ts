/**
 * The rate-increase planner's arithmetic and words (docs/today.md, "The rate-increase planner"):
 * the suggested new rate, the default start day, the notice letter, and the outcome counts.
 */
import type { RatePlan, Unit } from "../domain";
import { formatDay } from "../format-date";
import { divRound } from "../money";
import { fillTemplate } from "../offer-check/templates";
import { plural } from "../text";
import { addMonths } from "./due";
import { rateWords } from "./rates";

export type RaiseMode = "to_target" | "by_pct";

/** To the target when they pay below it, else by the setting's percentage. */
export function defaultRaiseMode(current: number | null, target: number): RaiseMode {
  return current != null && current < target ? "to_target" : "by_pct";
}

/**
 * The suggested new rate: "to_target" = the target (never below what they pay now); "by_pct" = what they
 * pay now × (100 + pct) / 100, rounded to whole minor units (the target when nothing is known of what they pay).
 */
export function suggestRate(current: number | null, target: number, mode: RaiseMode, pct: number): number {
  if (current == null || current <= 0) return target;
  if (mode === "to_target") return Math.max(current, target);
  return divRound(current * (100 + Math.max(0, Math.round(pct))), 100);
}

/** The new rate's default first day: the notice period (months) after today. */
export function defaultEffectiveFrom(today: string, noticeMonths: number): string {
  return addMonths(today, Math.max(0, noticeMonths));
}

export const DEFAULT_RAISE_TEMPLATE =
  "Hi {client},\n\n" +
  "Thank you for the work we have done together. From {effective_date}, my rate for {service} will be {new_rate} (it is {current_rate} today). " +
  "Work booked before then keeps the current rate.\n\n" +
  "I am happy to talk it through if you have any questions.\n\nBest regards";

export interface LetterFacts {
  client: string;
  service: string;
  currency: string;
  unit: Unit;
  /** null: not known (shown as "your current rate") */
  currentRate: number | null;
  newRate: number;
  effectiveFrom: string;
  locale: string;
}

/** The placeholders a raise template may use: {client}, {service}, {current_rate}, {new_rate}, {effective_date}. */
export function letterVars(f: LetterFacts): Record<string, string> {
  return {
    client: f.client,
    service: f.service,
    current_rate: f.currentRate == null ? "your current rate" : rateWords(f.currentRate, f.currency, f.unit, f.locale),
    new_rate: rateWords(f.newRate, f.currency, f.unit, f.locale),
    effective_date: formatDay(f.effectiveFrom, f.locale),
  };
}

export function fillRaiseLetter(body: string, f: LetterFacts): string {
  return fillTemplate(body, letterVars(f));
}

export type PlanForStats = Pick<RatePlan, "noticeOn" | "outcome" | "currentRate" | "targetRate">;

export interface RaiseStats {
  /** plans with noticeOn in the last 12 months (today included) */
  total: number;
  accepted: number;
  negotiated: number;
  left: number;
  waiting: number;
  /** those who left: what they paid as a share of the target, percent (average when several); null when none left */
  leftPaidPctOfTarget: number | null;
  /** the sentence; null when there is nothing to say */
  words: string | null;
}

/** Outcomes of the raises noticed in the 12 months up to today. */
export function raiseStats(plans: readonly PlanForStats[], today: string): RaiseStats {
  const from = addMonths(today, -12);
  const recent = plans.filter((p) => p.noticeOn > from && p.noticeOn <= today);
  const count = (o: RatePlan["outcome"]) => recent.filter((p) => p.outcome === o).length;
  const leavers = recent.filter((p) => p.outcome === "left" && p.targetRate > 0 && p.currentRate > 0); // 0: what they paid was not known
  const pct = leavers.length ? divRound(leavers.reduce((s, p) => s + divRound(p.currentRate * 10000, p.targetRate), 0), leavers.length * 100) : null;
  const stats: RaiseStats = {
    total: recent.length,
    accepted: count("accepted"),
    negotiated: count("negotiated"),
    left: count("left"),
    waiting: count(null),
    leftPaidPctOfTarget: pct,
    words: null,
  };
  if (!recent.length) {
    stats.words = plans.length ? "No raises in the last 12 months." : "No raises planned yet.";
    return stats;
  }
  const parts: string[] = [];
  if (stats.accepted) parts.push(`${stats.accepted} accepted`);
  if (stats.negotiated) parts.push(`${stats.negotiated} negotiated`);
  if (stats.left) parts.push(`${stats.left} left`);
  if (stats.waiting) parts.push(`${stats.waiting} waiting for an answer`);
  let words = `Of ${plural(stats.total, "raise")} in the last 12 months, ${parts.join(", ")}`;
  if (pct != null) words += stats.left === 1 ? `; the one who left paid ${pct}% of target` : `; the ${stats.left} who left paid ${pct}% of target on average`;
  stats.words = words + ".";
  return stats;
}
