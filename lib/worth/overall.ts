/**
 * The overall score, verdict and confidence, and assessClient, which runs the five criteria on one client.
 *
 * Pure and deterministic: no I/O, no clock, no randomness. Inputs are sorted (by occurredOn then id,
 * quotes by id) before anything is added up, so the same history in any array order gives the same result.
 * All arithmetic is on integers; each criterion is rounded once, at its end, and the overall score once,
 * at its end. Every formula, its reasoning and worked examples: docs/worth-model.md.
 */
import type { ClientHistory, Service, Settings } from "../domain";
import { divRound } from "../money";
import { settleClient } from "../settling";
import { scoreChasing, unansweredRun } from "./chasing";
import { scorePay } from "./pay";
import { scorePayment } from "./payment";
import { scorePricePressure } from "./price-pressure";
import { scoreReciprocity } from "./reciprocity";
import { CONFIDENCE_BANDS } from "./rules";
import { byDateThenId, clampScore } from "./shared";
import type { CriterionScore, FitAssessment, Verdict } from "./types";
import { VERDICT_LABELS, stopChasingMessage, summarize } from "./words";

export function verdictFor(score: number | null, settings: Settings): Verdict {
  if (score == null || !Number.isFinite(score)) return "not_enough_data";
  if (score >= settings.bandKeep) return "keep";
  if (score < settings.bandWalkAway) return "walk_away";
  return "set_boundaries";
}

export function confidenceFor(evidenceCount: number): FitAssessment["confidence"] {
  if (evidenceCount >= CONFIDENCE_BANDS.high) return "high";
  if (evidenceCount >= CONFIDENCE_BANDS.medium) return "medium";
  if (evidenceCount >= CONFIDENCE_BANDS.low) return "low";
  return "none";
}

/** Weighted mean of the known criteria with a positive weight, rounded once; null when there are none. */
export function overallScore(criteria: CriterionScore[]): number | null {
  let num = 0;
  let den = 0;
  for (const c of criteria) {
    if (c.score == null || !(c.weight > 0)) continue;
    num += c.weight * c.score;
    den += c.weight;
  }
  return den > 0 ? clampScore(divRound(num, den)) : null;
}

/**
 * The main reason behind the score: the counted criterion that costs the most points, weight × (100 − score).
 * Ties keep the earlier one (CRITERIA order). `counted` must hold only known criteria.
 */
function mainReason(counted: CriterionScore[]): CriterionScore | null {
  let main: CriterionScore | null = null;
  for (const c of counted) {
    if (main === null || c.weight * (100 - c.score!) > main.weight * (100 - main.score!)) main = c;
  }
  return main;
}

export function assessClient(history: ClientHistory, services: Service[], settings: Settings): FitAssessment {
  // Deterministic order before anything is added up or described.
  const quotes = [...history.quotes].sort((a, b) => a.id - b.id);
  const interactions = [...history.interactions].sort(byDateThenId);
  const settling = settleClient(history, services, settings);

  const criteria: CriterionScore[] = [
    scorePricePressure(quotes, settings),
    scoreReciprocity(quotes, interactions, settings),
    scorePay(quotes, settling, services, settings),
    scoreChasing(interactions, settings),
    scorePayment(interactions, settings),
  ];
  const counted = criteria.filter((c) => c.score != null && c.weight > 0);
  const score = overallScore(criteria);
  const verdict = verdictFor(score, settings);
  const evidenceCount = counted.reduce((sum, c) => sum + c.evidenceCount, 0);

  // Stop chasing: a threshold below 1 would always say stop, so it is read as 1.
  const threshold = Math.max(1, Math.round(settings.chaseThreshold));
  const run = unansweredRun(interactions);
  const shouldStop = run >= threshold;
  const message = shouldStop ? stopChasingMessage(run) : null;

  return {
    clientId: history.client.id,
    score,
    verdict,
    verdictLabel: VERDICT_LABELS[verdict],
    confidence: confidenceFor(evidenceCount),
    evidenceCount,
    criteria,
    summary: summarize(verdict, mainReason(counted), evidenceCount),
    stopChasing: { unansweredInARow: run, threshold, shouldStop, message },
    settling,
  };
}
