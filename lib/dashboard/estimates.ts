/**
 * Estimate vs actual: over the accepted quotes of the period that have time logged that counts (done, or
 * past the estimate) and an estimate of their own, how far the time logged ran from the estimate, by client and by service. Overruns are
 * pooled (total logged against total estimated, lib/true-rate.ts pooledOverrun: a big job weighs more
 * than a small one). Rates are the agreed money per hour, on the estimate and on the time logged,
 * over the jobs whose money counts in the book's currency. Pure: integers in, integers out.
 */
import { divRound } from "../money";
import { pooledOverrun } from "../true-rate";
import type { EstimateFigures, EstimateGroup, EstimateTotals, SettledQuote } from "./types";

/** The chart draws this many clients at most: those that ran over the most. The table keeps everyone. */
export const ESTIMATE_CHART_MAX = 8;

/**
 * A job with time logged against an estimate of its own, whose logged time counts (lib/true-rate.ts: the
 * work is done, or the time logged reached the estimate): a job under way, 10 h into 24, is not "58% under".
 */
export function isMeasuredJob(r: SettledQuote): boolean {
  return r.actualMinutes > 0 && r.estimateMinutes != null && r.estimateMinutes > 0 && r.minutes === r.actualMinutes;
}

/** Money per hour: price minor units over minutes, × 60, rounded half away from zero; null without minutes. */
export function perHour(price: number, minutes: number): number | null {
  return minutes > 0 ? divRound(price * 60, minutes) : null;
}

/** The totals of a set of measured jobs. */
export function estimateTotals(jobs: readonly SettledQuote[]): EstimateTotals {
  const measured = jobs.filter(isMeasuredJob);
  const pooled = pooledOverrun(measured.map((j) => ({ estimateMinutes: j.estimateMinutes!, actualMinutes: j.actualMinutes })));
  // the rates only over jobs whose money is in the book's currency (a quote lacking a rate is not money we can add)
  let price = 0;
  let pricedEstimate = 0;
  let pricedActual = 0;
  let pricedJobs = 0;
  let crept = 0;
  for (const j of measured) {
    if (j.crept) crept += 1;
    if (!j.inSettingsCurrency) continue;
    pricedJobs += 1;
    price += j.price;
    pricedEstimate += j.estimateMinutes!;
    pricedActual += j.actualMinutes;
  }
  return {
    jobs: pooled.jobs,
    estimateMinutes: pooled.estimateMinutes,
    actualMinutes: pooled.actualMinutes,
    overrunBp: pooled.overrunBp,
    creptJobs: crept,
    pricedJobs,
    agreed: price,
    estimateRate: perHour(price, pricedEstimate),
    trueRate: perHour(price, pricedActual),
  };
}

/** Groups of measured jobs, the largest overrun first (then more hours logged, then by name). */
export function estimateGroups(
  jobs: readonly SettledQuote[],
  keyOf: (r: SettledQuote) => string,
  labelOf: (r: SettledQuote) => string,
  clientIdOf: (r: SettledQuote) => number | null = () => null,
): EstimateGroup[] {
  const groups = new Map<string, SettledQuote[]>();
  for (const r of jobs) {
    if (!isMeasuredJob(r)) continue;
    const k = keyOf(r);
    const list = groups.get(k);
    if (list) list.push(r);
    else groups.set(k, [r]);
  }
  return [...groups.entries()]
    .map(([key, list]) => ({ key, label: labelOf(list[0]), clientId: clientIdOf(list[0]), ...estimateTotals(list) }))
    .sort((a, b) => (b.overrunBp ?? -Infinity) - (a.overrunBp ?? -Infinity) || b.actualMinutes - a.actualMinutes || a.label.localeCompare(b.label));
}

/**
 * The dashboard's "estimate vs actual" section from the period's settled accepted quotes. `loggedWithoutEstimate`
 * counts jobs with time logged but no estimate of their own (made from imported time): nothing to compare, said apart.
 */
export function estimateFigures(settled: readonly SettledQuote[]): EstimateFigures {
  const byClient = estimateGroups(
    settled,
    (r) => String(r.clientId),
    (r) => r.clientName,
    (r) => r.clientId,
  );
  return {
    totals: estimateTotals(settled),
    loggedWithoutEstimate: settled.filter((r) => r.actualMinutes > 0 && !isMeasuredJob(r)).length,
    byClient,
    byService: estimateGroups(
      settled,
      (r) => (r.serviceId == null ? "none" : String(r.serviceId)),
      (r) => r.service?.name ?? "No service",
    ),
    chartClients: byClient.slice(0, ESTIMATE_CHART_MAX).map((g) => g.key),
  };
}
