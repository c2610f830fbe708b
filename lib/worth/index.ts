/**
 * The worth model: scores one client relationship against the essay's worth criteria.
 * This file is the public face of `@/lib/worth`; the parts live next to it, one job per file:
 *   types.ts       the shapes handed out
 *   rules.ts       the tunable numbers (docs/worth-model.md explains each)
 *   shared.ts      ordering, the clock and decay, the neutral prior, the CriterionScore builder
 *   price-pressure.ts, reciprocity.ts, pay.ts, chasing.ts, payment.ts   one criterion each
 *   measure.ts     the five criteria on one history, and the overall score they combine into
 *   trend.ts       the last 6 months against before
 *   overall.ts     verdict (with red flags), confidence, assessClient
 *   words.ts       every sentence the model writes
 * Only what is re-exported here is public API; the per-criterion scorers are exported from their own files
 * (tests use them) but deliberately not from here.
 */
export type { CriterionKey, CriterionScore, FitAssessment, Mass, Trend, Verdict } from "./types";
export {
  CHASING,
  CONFIDENCE_BANDS,
  CRITERIA,
  DECAY,
  FULL_WEIGHT_EVIDENCE,
  GIVE_CREDITS,
  PAY,
  PAYMENT,
  PIECE,
  PRICE_PRESSURE,
  PRIOR,
  RECIPROCITY,
  TREND,
} from "./rules";
export { VERDICT_LABELS } from "./words";
export { quotePayCentiPoints } from "./pay";
export { unansweredRun } from "./chasing";
export { decayWeight } from "./shared";
export { overallScore } from "./measure";
export { assessClient, confidenceFor, verdictFor, type AssessOptions } from "./overall";
