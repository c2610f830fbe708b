/**
 * The verdict, confidence and assessClient, which scores one client.
 *
 * Pure and deterministic: no I/O, no clock (the day evidence is aged against is passed in as `asOf`), no
 * randomness. Inputs are sorted (by occurredOn then id, quotes by id) and every sum is over integers, so the
 * same history in any array order gives the same result. Every formula, its reasoning and worked
 * examples: docs/worth-model.md.
 */
import type { ClientHistory, Service, Settings } from "../domain";
import { unansweredRun } from "./chasing";
import { measureHistory, overallWeight } from "./measure";
import { CONFIDENCE_BANDS } from "./rules";
import { byDateThenId, clockFor } from "./shared";
import { trendOf } from "./trend";
import type { CriterionScore, FitAssessment, Mass, Verdict } from "./types";
import { VERDICT_LABELS, stopChasingMessage, summarize, trendSummary } from "./words";

/** How many red flags make the verdict "walk away" on their own (0: never); missing in settings → 2. */
function redFlagsForWalkAway(settings: Settings): number {
  const n = Number(settings.redFlagsForWalkAway ?? 2);
  return Number.isFinite(n) && n > 0 ? Math.round(n) : 0;
}

/**
 * The verdict of a score and its red flags (counted criteria in the walk-away band):
 * the bands first; then a red flag keeps it from "keep" (settings.capVerdictOnRedFlag), and
 * settings.redFlagsForWalkAway of them make it "walk away".
 */
export function verdictFor(score: number | null, settings: Settings, redFlags = 0): Verdict {
  if (score == null || !Number.isFinite(score)) return "not_enough_data";
  let verdict: Verdict = score >= settings.bandKeep ? "keep" : score < settings.bandWalkAway ? "walk_away" : "set_boundaries";
  if (redFlags > 0 && verdict === "keep" && (settings.capVerdictOnRedFlag ?? true)) verdict = "set_boundaries";
  const walkAt = redFlagsForWalkAway(settings);
  if (walkAt > 0 && redFlags >= walkAt) verdict = "walk_away";
  return verdict;
}

export function confidenceFor(evidenceCount: number): FitAssessment["confidence"] {
  if (evidenceCount >= CONFIDENCE_BANDS.high) return "high";
  if (evidenceCount >= CONFIDENCE_BANDS.medium) return "medium";
  if (evidenceCount >= CONFIDENCE_BANDS.low) return "low";
  return "none";
}

/**
 * The counted criteria in order of the points they cost the overall score, most first:
 * (100 − score) × their weight in it (settings weight × evidence, see measure.ts). Ties keep CRITERIA order.
 */
function byCost(counted: CriterionScore[], massOf: (c: CriterionScore) => Mass): CriterionScore[] {
  const cost = (c: CriterionScore) => (100 - c.score!) * overallWeight(c.weight, massOf(c));
  return counted
    .map((c, i) => ({ c, i, cost: cost(c) }))
    .sort((a, b) => b.cost - a.cost || a.i - b.i)
    .map((x) => x.c);
}

export interface AssessOptions {
  /** the calendar day (YYYY-MM-DD) evidence is aged against and the trend measured from; none: no decay, no trend */
  asOf?: string;
}

export function assessClient(history: ClientHistory, services: Service[], settings: Settings, options: AssessOptions = {}): FitAssessment {
  const clock = clockFor(settings, options.asOf);
  const m = measureHistory(history, services, settings, clock);
  const massOf = (c: CriterionScore) => m.masses[m.criteria.indexOf(c)];
  const ranked = byCost(m.counted, massOf);
  const redFlags = ranked.filter((c) => c.score! < settings.bandWalkAway);
  const verdict = verdictFor(m.score, settings, redFlags.length);
  // the main reason is the costliest criterion with some bad evidence: one held below 100 only by the prior is no warning sign
  const main = ranked.find((c) => massOf(c).bad > 0) ?? null;

  // Stop chasing: a threshold below 1 would always say stop, so it is read as 1.
  const threshold = Math.max(1, Math.round(settings.chaseThreshold));
  const run = unansweredRun([...history.interactions].sort(byDateThenId));
  const shouldStop = run >= threshold;

  const t = trendOf(history, services, settings, clock);
  return {
    clientId: history.client.id,
    score: m.score,
    verdict,
    verdictLabel: VERDICT_LABELS[verdict],
    confidence: confidenceFor(m.evidenceCount),
    evidenceCount: m.evidenceCount,
    criteria: m.criteria,
    redFlags: m.counted.filter((c) => redFlags.includes(c)).map((c) => c.key),
    summary: summarize(verdict, main, m.evidenceCount, redFlags),
    trend: t.trend,
    trendSummary: trendSummary(t.trend, t.recent, t.before, clock.asOf !== null),
    asOf: clock.asOf,
    stopChasing: { unansweredInARow: run, threshold, shouldStop, message: shouldStop ? stopChasingMessage(run) : null },
    settling: m.settling,
  };
}
