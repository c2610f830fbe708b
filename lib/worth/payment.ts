/** Payment: how late the client pays, on average and at worst. */
import type { Interaction, Settings } from "../domain";
import { divRound } from "../money";
import { PAYMENT } from "./rules";
import { byDateThenId, clampScore, criterion } from "./shared";
import type { CriterionScore } from "./types";
import { NO_EVIDENCE, paymentEvidence } from "./words";

export function scorePayment(interactions: Interaction[], settings: Settings): CriterionScore {
  const pays = interactions.filter((i) => i.kind === "payment" && i.daysLate != null && Number.isFinite(i.daysLate)).sort(byDateThenId);
  const n = pays.length;
  if (n === 0) return criterion("payment", settings, null, [NO_EVIDENCE.payment], 0);
  // Paying early is not extra credit: lateness is floored at 0 days.
  const days = pays.map((i) => Math.max(0, Math.round(i.daysLate!)));
  const sum = days.reduce((a, b) => a + b, 0);
  // a loop, not Math.max(...days): a spread fails on a very long history
  const worst = days.reduce((a, b) => (b > a ? b : a), 0);
  const late = days.filter((d) => d > 0).length;
  // score = 100 − 60·min(1, avg/30) − 40·min(1, worst/60), on the common denominator 90·n.
  const P = PAYMENT;
  const den = 90 * n;
  const penalty = ((P.avgPts * 90) / P.avgCapDays) * Math.min(sum, P.avgCapDays * n) + ((P.worstPts * 90) / P.worstCapDays) * n * Math.min(worst, P.worstCapDays);
  const score = clampScore(divRound(100 * den - penalty, den));
  return criterion("payment", settings, score, paymentEvidence(late, n, sum, worst), n);
}
