/**
 * The true hourly rate: pay judged on the time really spent.
 *
 * A quote is priced on an estimate; the job may take longer. Once time is logged on accepted work, the
 * minutes the pay is judged on ("the basis") are:
 *   - the estimate, while nothing is logged;
 *   - the time logged, once the work is marked done, or once the time logged reaches the estimate
 *     (an overrun is known to be real even before the job ends), or when the quote has no estimate of
 *     its own (made from imported time);
 *   - the estimate, while the work is still going and the time logged is below it: 10 h logged on a
 *     40 h job is not a job done at four times the rate.
 * A job has crept when its logged time passes the estimate by more than the creep threshold (a setting,
 * percent). Pure integer arithmetic: minutes and basis points.
 */
import { divRound } from "./money";

export type TimeBasis = "estimate" | "time_logged" | "estimate_while_in_progress";

export interface TimeJudgement {
  /** the estimate after any scope cut, minutes */
  estimateMinutes: number;
  /** time logged on the quote, minutes (0: none) */
  actualMinutes: number;
  estimateKnown: boolean;
  workDone: boolean;
  basis: TimeBasis;
  /** the minutes the pay is judged on */
  basisMinutes: number;
  /** (logged − estimate) ÷ estimate in basis points (negative: under); null without both */
  overrunBp: number | null;
  /** the logged time passed the estimate by more than the threshold */
  crept: boolean;
}

export interface TimeInput {
  actualMinutes?: number;
  estimateKnown?: boolean;
  workDoneOn?: string | null;
}

export function judgeTime(quote: TimeInput, estimateMinutes: number, creepThresholdPct: number): TimeJudgement {
  const actual = Math.max(0, Math.round(quote.actualMinutes ?? 0));
  const estimate = Math.max(0, Math.round(estimateMinutes));
  const estimateKnown = quote.estimateKnown !== false;
  const workDone = quote.workDoneOn != null && quote.workDoneOn !== "";
  let basis: TimeBasis = "estimate";
  if (actual > 0) basis = workDone || !estimateKnown || actual >= estimate ? "time_logged" : "estimate_while_in_progress";
  const basisMinutes = basis === "time_logged" ? actual : estimate;
  const overrunBp = actual > 0 && estimateKnown && estimate > 0 ? overrunOf(actual, estimate) : null;
  return {
    estimateMinutes: estimate,
    actualMinutes: actual,
    estimateKnown,
    workDone,
    basis,
    basisMinutes,
    overrunBp,
    crept: overrunBp != null && overrunBp > Math.max(0, creepThresholdPct) * 100,
  };
}

/** (actual − estimate) ÷ estimate, in basis points, rounded half away from zero. estimate > 0. */
export function overrunOf(actualMinutes: number, estimateMinutes: number): number {
  const diff = (actualMinutes - estimateMinutes) * 10000;
  return diff < 0 ? -divRound(-diff, estimateMinutes) : divRound(diff, estimateMinutes);
}

/**
 * Overrun of several jobs together: total logged against total estimated (a big job weighs more than a
 * small one), in basis points; null when none has both.
 */
export function pooledOverrun(jobs: readonly { estimateMinutes: number; actualMinutes: number }[]): { overrunBp: number | null; jobs: number; estimateMinutes: number; actualMinutes: number } {
  let estimate = 0;
  let actual = 0;
  let n = 0;
  for (const j of jobs) {
    if (j.estimateMinutes <= 0 || j.actualMinutes <= 0) continue;
    estimate += j.estimateMinutes;
    actual += j.actualMinutes;
    n += 1;
  }
  return { overrunBp: n > 0 ? overrunOf(actual, estimate) : null, jobs: n, estimateMinutes: estimate, actualMinutes: actual };
}
