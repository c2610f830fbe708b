/**
 * The five criteria measured on one history, and the overall score they combine into.
 *
 * The overall score is a pooled ratio (docs/worth-model.md, "Overall score"): every criterion with a weight
 * enters it — an unknown one at the neutral prior with its small prior weight — with
 *   weight × (prior + evidence, up to PRIOR.strength + FULL_WEIGHT_EVIDENCE pieces)
 * so evidence outgrows the prior and then the settings weights hold. Computed exactly (BigInt), rounded once.
 */
import type { ClientHistory, Service, Settings } from "../domain";
import { settleClient, type ClientSettling } from "../settling";
import { inBookCurrency } from "../book-currency";
import { measureChasing } from "./chasing";
import { measurePay } from "./pay";
import { measurePayment } from "./payment";
import { measurePricePressure } from "./price-pressure";
import { measureReciprocity } from "./reciprocity";
import { FULL_WEIGHT_EVIDENCE, PIECE, PRIOR } from "./rules";
import { PRIOR_GOOD, PRIOR_TOTAL, byDateThenId, clampScore, type Clock } from "./shared";
import type { CriterionScore, Mass } from "./types";

export interface Measurement {
  criteria: CriterionScore[];
  /** the evidence mass of each criterion, in the order of `criteria` */
  masses: Mass[];
  /** known criteria with a positive weight: the ones the score is about */
  counted: CriterionScore[];
  /** pieces of evidence in the counted criteria */
  evidenceCount: number;
  /** null when no counted criterion has evidence */
  score: number | null;
  settling: ClientSettling;
}

/** Runs the five criteria on one history, read in a stable order. */
export function measureHistory(history: ClientHistory, services: Service[], settings: Settings, clock: Clock): Measurement {
  // every quote in the book's currency (lib/book-currency.ts): the criteria compare it with the rate card
  const quotes = [...history.quotes].sort((a, b) => a.id - b.id).map((q) => inBookCurrency(q, settings.currency));
  const interactions = [...history.interactions].sort(byDateThenId);
  const settling = settleClient({ ...history, quotes }, services, settings);
  const measured = [
    measurePricePressure(quotes, settings, clock),
    measureReciprocity(quotes, interactions, settings, clock),
    measurePay(quotes, settling, services, settings, clock),
    measureChasing(interactions, settings, clock, quotes),
    measurePayment(interactions, settings, clock),
  ];
  const criteria = measured.map((m) => m.criterion);
  const masses = measured.map((m) => m.mass);
  const counted = criteria.filter((c) => c.score != null && c.weight > 0);
  const evidenceCount = counted.reduce((sum, c) => sum + c.evidenceCount, 0);
  const score = counted.length === 0 ? null : overallScore(criteria.map((c, i) => ({ weight: c.weight, mass: masses[i] })));
  return { criteria, masses, counted, evidenceCount, score, settling };
}

/** Half away from zero on non-negative BigInts. */
function bigDivRound(n: bigint, d: bigint): bigint {
  const q = n / d;
  return (n % d) * 2n >= d ? q + 1n : q;
}

/** The cap on a criterion's prior + evidence in the overall score, in mass units. */
const FULL = BigInt((PRIOR.strength + FULL_WEIGHT_EVIDENCE) * PIECE);

/**
 * The overall score from each criterion's settings weight and evidence mass (an unknown criterion has
 * mass 0 and sits at the prior). With T = prior + evidence and X = prior good + good evidence, each
 * criterion is X / T (its shrunk score) weighted by weight × min(T, FULL):
 *   score = 100 × Σ weight·X·min(T, FULL)/T  /  Σ weight·min(T, FULL)
 * Null when no criterion has a positive weight.
 */
export function overallScore(parts: { weight: number; mass: Mass }[]): number | null {
  const rows = parts
    .filter((p) => Number.isFinite(p.weight) && p.weight > 0)
    .map((p) => ({
      w: BigInt(Math.round(p.weight * 1000)),
      x: BigInt(Math.round(PRIOR_GOOD + p.mass.good)),
      t: BigInt(Math.round(PRIOR_TOTAL + p.mass.good + p.mass.bad)),
    }))
    .filter((r) => r.w > 0n);
  if (rows.length === 0) return null;
  // common denominator: the totals of the criteria over the cap
  let l = 1n;
  for (const r of rows) if (r.t > FULL) l *= r.t;
  let num = 0n;
  let den = 0n;
  for (const r of rows) {
    if (r.t > FULL) {
      num += r.w * r.x * FULL * (l / r.t);
      den += r.w * FULL * l;
    } else {
      num += r.w * r.x * l;
      den += r.w * r.t * l;
    }
  }
  return clampScore(Number(bigDivRound(100n * num, den)));
}

/** How much of the overall score a criterion carries: weight × min(prior + evidence, FULL), in pieces. */
export function overallWeight(weight: number, mass: Mass): number {
  return weight * Math.min((PRIOR_TOTAL + mass.good + mass.bad) / PIECE, PRIOR.strength + FULL_WEIGHT_EVIDENCE);
}
