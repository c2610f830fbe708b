/**
 * The offer check's warning about a client's past overruns: when their past accepted jobs, with time
 * logged that counts (done, or past the estimate) and an estimate of their own, ran over by more than
 * the creep threshold taken together (lib/true-rate.ts pooledOverrun: a big job weighs more), the answer
 * says "Their jobs ran 35% over estimate on average (3 jobs): price the overrun in." Pure.
 */
import type { QuoteWithEvents } from "../domain";
import { safeReplay } from "../settling";
import { pastOverrunWarning } from "../time-words";
import { judgeTime, pooledOverrun } from "../true-rate";
import { divRound } from "../money";

/** What the warning needs: the client's past jobs pooled (overrun in basis points, how many jobs). */
export interface PastOverrun {
  overrunBp: number | null;
  jobs: number;
}

export interface OverrunWarning {
  overrunBp: number;
  jobs: number;
  text: string;
}

/** Gather the client's past jobs: accepted quotes whose logged time counts and that have an estimate of their own. */
export function pastOverrunOf(quotes: readonly QuoteWithEvents[], creepThresholdPct: number): PastOverrun {
  const jobs = quotes.flatMap((q) => {
    if (q.status !== "accepted") return [];
    const t = judgeTime(q, safeReplay(q).currentMinutes, creepThresholdPct);
    return t.basis === "time_logged" && t.estimateKnown && t.estimateMinutes > 0 ? [{ estimateMinutes: t.estimateMinutes, actualMinutes: t.actualMinutes }] : [];
  });
  const pooled = pooledOverrun(jobs);
  return { overrunBp: pooled.overrunBp, jobs: pooled.jobs };
}

/** The rule: warn when the pooled overrun is above the creep threshold (at it exactly is not creep). */
export function overrunWarning(
  past: PastOverrun | null | undefined,
  creepThresholdPct: number,
  locale: string,
  offer?: { rate: number | null; floor: number | null; target: number | null; format: (rate: number) => string },
): OverrunWarning | null {
  if (!past || past.overrunBp == null || past.jobs <= 0) return null;
  if (past.overrunBp <= Math.max(0, creepThresholdPct) * 100) return null;
  let text = pastOverrunWarning(past.overrunBp, past.jobs, locale);
  // what this offer pays if the job runs over as much: the rate over (1 + overrun) of the scope
  if (offer && offer.rate != null && offer.rate > 0) {
    const ifOver = divRound(offer.rate * 10000, 10000 + past.overrunBp);
    const where =
      offer.floor != null && ifOver < offer.floor
        ? ` — below your floor of ${offer.format(offer.floor)}`
        : offer.target != null && ifOver < offer.target
          ? ` — below your target of ${offer.format(offer.target)}`
          : "";
    text += ` If this one runs over as much, it pays ${offer.format(ifOver)}${where}.`;
  }
  return { overrunBp: past.overrunBp, jobs: past.jobs, text };
}
