/**
 * The worth model: scores one client relationship against the essay's worth criteria.
 * This file is the public face of `@/lib/worth`; the parts live next to it, one job per file:
 *   types.ts       the shapes handed out
 *   rules.ts       the tunable numbers (docs/worth-model.md explains each)
 *   price-pressure.ts, reciprocity.ts, pay.ts, chasing.ts, payment.ts   one criterion each
 *   overall.ts     overall score, verdict, confidence, assessClient
 *   words.ts       every sentence the model writes
 *   shared.ts      ordering, clamping and the CriterionScore builder
 * Only what is re-exported here is public API; the per-criterion scorers are exported from their own files
 * (tests use them) but deliberately not from here.
 */
export type { CriterionKey, CriterionScore, FitAssessment, Verdict } from "./types";
export { CHASING, CONFIDENCE_BANDS, CRITERIA, GIVE_CREDITS, PAY, PAYMENT, PRICE_PRESSURE, RECIPROCITY } from "./rules";
export { VERDICT_LABELS } from "./words";
export { quotePayCentiPoints } from "./pay";
export { unansweredRun } from "./chasing";
export { assessClient, confidenceFor, overallScore, verdictFor } from "./overall";
