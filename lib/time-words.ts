/**
 * The words of time spent and scope creep: which minutes the pay is judged on, the creep notice, the
 * unpaid asks behind it, a client's jobs against their estimates, the offer check's warning. Numbers
 * come in already worked out (lib/true-rate.ts, lib/time-spent.ts); this module only words them, in the
 * book's locale, with correct plurals. Pure.
 */
import type { Unit } from "./domain";
import { formatHours, formatMoney, formatPercentBp } from "./money";
import { plural } from "./text";
import type { ClientCreep, RatePosition } from "./time-spent";
import type { TimeJudgement } from "./true-rate";

/** "$57.14/h", "$650.00/day" */
export function perUnit(rate: number, currency: string, unit: Unit | null, locale: string): string {
  return `${formatMoney(rate, currency, locale)}/${unit === "day" ? "day" : "h"}`;
}

/** Which minutes the rate is judged on, and why, in one sentence. */
export function basisSentence(t: Pick<TimeJudgement, "basis" | "actualMinutes" | "estimateMinutes" | "estimateKnown" | "workDone">, locale: string): string {
  const logged = formatHours(t.actualMinutes, locale);
  const estimate = formatHours(t.estimateMinutes, locale);
  // a past job brought in with the hours it took (the jobs import): those hours are the time, not an estimate
  if (t.actualMinutes <= 0 && !t.estimateKnown && t.estimateMinutes > 0) return `Judged on the ${formatHours(t.estimateMinutes, locale)} the job took, as the imported file says.`;
  if (t.actualMinutes <= 0) return t.estimateMinutes > 0 ? "No time logged yet: judged on the estimate." : "No time logged yet and no estimate: the rate cannot be judged.";
  if (t.basis === "estimate_while_in_progress") return `Judged on the ${estimate} estimate while the work is in progress: ${logged} logged so far.`;
  if (!t.estimateKnown) return `Judged on the ${logged} logged: the quote has no estimate of its own.`;
  if (t.workDone) return `Judged on the ${logged} logged: the work is done.`;
  if (t.actualMinutes > t.estimateMinutes) return `Judged on the ${logged} logged: past the ${estimate} estimate while the work is still going.`;
  return `Judged on the ${logged} logged: the whole ${estimate} estimate is used and the work is still going.`;
}

/** A quote not accepted (yet): time may be logged, but only accepted work is judged. */
export function notJudgedSentence(actualMinutes: number, locale: string): string {
  const head = "Not accepted yet: the rate is judged once the quote is accepted.";
  return actualMinutes > 0 ? `${head} ${formatHours(actualMinutes, locale)} logged so far.` : head;
}

/** "70 h logged against 40 h estimated" (or "12 h logged, no estimate of its own"). */
export function loggedAgainstEstimate(t: Pick<TimeJudgement, "actualMinutes" | "estimateMinutes" | "estimateKnown">, locale: string): string {
  const logged = `${formatHours(t.actualMinutes, locale)} logged`;
  if (!t.estimateKnown && t.actualMinutes <= 0) return `${formatHours(t.estimateMinutes, locale)} taken, as imported; no estimate of its own`;
  if (!t.estimateKnown) return `${logged}, no estimate of its own`;
  return `${logged} against ${formatHours(t.estimateMinutes, locale)} estimated`;
}

/** "75% over", "10% under", "on the estimate" */
export function overrunWords(overrunBp: number, locale: string): string {
  if (overrunBp === 0) return "on the estimate";
  return `${formatPercentBp(Math.abs(overrunBp), locale)} ${overrunBp > 0 ? "over" : "under"}`;
}

const POSITION_WORDS: Record<RatePosition, string> = {
  below_floor: "below your floor",
  below_target: "below your target",
  below_market: "at or above your target",
  at_market: "at or above the market rate",
};

/** "below your floor of $60.00/h" — the position and the rate it is measured against. */
export function positionWords(position: RatePosition, rates: { floorRate: number; targetRate: number; marketRate: number }, currency: string, unit: Unit | null, locale: string): string {
  const of = position === "below_floor" ? rates.floorRate : position === "below_target" || position === "below_market" ? rates.targetRate : rates.marketRate;
  return `${POSITION_WORDS[position]} of ${perUnit(of, currency, unit, locale)}`;
}

/**
 * The creep notice: "Ran 75% over its estimate: 70 h against 40 h. True rate $57.14/h — below your floor
 * of $60.00/h." The rate part is left out when the rate cannot be compared.
 */
export function creepNotice(
  t: Pick<TimeJudgement, "actualMinutes" | "estimateMinutes" | "overrunBp">,
  rate: { rate: number; position: RatePosition; rates: { floorRate: number; targetRate: number; marketRate: number }; currency: string; unit: Unit | null } | null,
  locale: string,
): string {
  const pct = formatPercentBp(Math.max(0, t.overrunBp ?? 0), locale);
  const head = `Ran ${pct} over its estimate: ${formatHours(t.actualMinutes, locale)} against ${formatHours(t.estimateMinutes, locale)}.`;
  if (!rate) return head;
  return `${head} True rate ${perUnit(rate.rate, rate.currency, rate.unit, locale)} — ${positionWords(rate.position, rate.rates, rate.currency, rate.unit, locale)}.`;
}

/** "Likely cause: 3 unpaid asks logged on this quote (4.5 h)." null when there are none. */
export function unpaidAsksCause(asks: { count: number; minutes: number }, locale: string): string | null {
  if (asks.count <= 0) return null;
  return `Likely cause: ${plural(asks.count, "unpaid ask")} logged on this quote (${formatHours(asks.minutes, locale)}).`;
}

/** "2 of 5 jobs ran more than 20% over their estimate; together 35% over." null when none crept. */
export function clientCreepLine(c: ClientCreep, thresholdPct: number, locale: string): string | null {
  if (c.crept <= 0 || c.jobs <= 0) return null;
  const share = formatPercentBp(Math.max(0, thresholdPct) * 100, locale);
  if (c.jobs === 1) return `Their 1 job with time logged ran more than ${share} over its estimate.`;
  const together = c.overrunBp == null ? "" : `; together ${overrunWords(c.overrunBp, locale)}`;
  return `${c.crept} of ${plural(c.jobs, "job")} ran more than ${share} over ${c.crept === 1 ? "its" : "their"} estimate${together}.`;
}

/** The offer check's warning: "Their jobs ran 35% over estimate on average (3 jobs): price the overrun in." */
export function pastOverrunWarning(overrunBp: number, jobs: number, locale: string): string {
  const pct = formatPercentBp(Math.max(0, overrunBp), locale);
  if (jobs === 1) return `Their job ran ${pct} over estimate (1 job): price the overrun in.`;
  return `Their jobs ran ${pct} over estimate on average (${plural(jobs, "job")}): price the overrun in.`;
}

/** A time entry, for a list and its delete button: "2 h on 2026-11-30". */
export function entryLabel(minutes: number, day: string, locale: string): string {
  return `${formatHours(minutes, locale)} on ${day}`;
}
