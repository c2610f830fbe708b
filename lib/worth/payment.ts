/** Payment: how late the client pays. A payment on time is good evidence; a late one is only ever bad. */
import type { Interaction, Settings } from "../domain";
import { divRound } from "../money";
import { BP, PAYMENT } from "./rules";
import { byDateThenId, decayWeight, measured, type Clock } from "./shared";
import type { CriterionScore, Measured } from "./types";
import { NO_EVIDENCE, paymentEvidence } from "./words";

/** The bad share of one payment, in bp of a piece: days late / 30, a whole piece from 30 days. */
export function paymentBadBp(daysLate: number): number {
  return Math.min(BP, divRound(Math.max(0, daysLate) * BP, PAYMENT.fullBadDays));
}

/**
 * good = Σ weight of payments on time (0 days late; early counts as on time, not extra credit)
 * bad  = Σ weight × min(1, days late / 30)
 */
export function measurePayment(interactions: Interaction[], settings: Settings, clock: Clock = { asOf: null, halfLifeMonths: 0 }): Measured {
  const pays = interactions.filter((i) => i.kind === "payment" && i.daysLate != null && Number.isFinite(i.daysLate)).sort(byDateThenId);
  const n = pays.length;
  if (n === 0) return measured("payment", settings, { good: 0, bad: 0 }, [NO_EVIDENCE.payment], 0);
  let good = 0;
  let bad = 0;
  let sum = 0;
  let worst = 0;
  let late = 0;
  for (const p of pays) {
    const d = Math.max(0, Math.round(p.daysLate!));
    const w = decayWeight(clock, p.occurredOn);
    if (d === 0) good += w * BP;
    else {
      bad += w * paymentBadBp(d);
      late += 1;
    }
    sum += d;
    if (d > worst) worst = d;
  }
  return measured("payment", settings, { good, bad }, paymentEvidence(late, n, sum, worst), n);
}

export function scorePayment(interactions: Interaction[], settings: Settings, clock?: Clock): CriterionScore {
  return measurePayment(interactions, settings, clock).criterion;
}
