/**
 * The tunable numbers of the worth model, in one place so a change of policy is a change here only.
 * Each one is explained, with worked examples, in docs/worth-model.md.
 *
 * Evidence is counted in "pieces": one answered quote, one follow-up, one payment, one give is about one
 * piece (a decayed or partial one is less). Inside the code a piece is PIECE integer units, so every sum
 * is exact and the same whatever order the history arrives in.
 */
import type { GiveKind, Settings } from "../domain";
import type { CriterionKey } from "./types";

/** The five criteria in display order; the order also breaks ties when picking the main reason. */
export const CRITERIA: { key: CriterionKey; label: string; weightField: keyof Settings; essay: string }[] = [
  {
    key: "pricePressure",
    label: "Haggling",
    weightField: "weightPricePressure",
    essay: "The client who haggles your prices down to nothing.",
  },
  {
    key: "reciprocity",
    label: "One-way asks",
    weightField: "weightReciprocity",
    essay: "The friend who only calls when they need something.",
  },
  {
    key: "pay",
    label: "Pay",
    weightField: "weightPay",
    essay: "The job that pays below market rate because \u201cit's a great opportunity.\u201d",
  },
  {
    key: "chasing",
    label: "Chasing",
    weightField: "weightChasing",
    essay: "The harder you chase, the faster they run. \u2026 Pursuit without reciprocity creates the opposite of attraction.",
  },
  {
    key: "payment",
    label: "Payment",
    weightField: "weightPayment",
    essay: "The romantic partner who treats you like an option while you treat them like a priority.",
  },
];

/** Full weight of one piece of evidence dated on `asOf` (older evidence weighs less, never less than 1). */
export const WEIGHT_UNIT = 10_000;
/** Basis points: the share of a piece that is good or bad. */
export const BP = 10_000;
/** One piece of evidence, in the integer units every mass is counted in. */
export const PIECE = WEIGHT_UNIT * BP;

/**
 * The neutral prior every criterion starts from: a score of 75 worth 1.5 pieces of evidence. It is what a
 * stranger gets the benefit of (just inside "keep" with the default bands), and it is why one event can
 * never take a criterion below 45: (1.5 × 75 + 1 × 0) / 2.5.
 */
export const PRIOR = { score: 75, strength: 1.5 } as const;
/**
 * A criterion enters the overall score with its settings weight × (prior strength + its evidence), up to
 * this many pieces of evidence beyond the prior: an unknown criterion counts 1.5/9.5 of its weight, about a sixth (at the
 * prior), one with 8 or more pieces its full weight.
 */
export const FULL_WEIGHT_EVIDENCE = 8;

/** Recency: weight = 2^(−age / half-life), age in months of this many days (365.25 / 12). */
export const DECAY = { daysPerMonth: 30.4375 } as const;

/**
 * Haggling, per answered quote: asking is mild (at most a quarter of a piece, reached at a 30% ask);
 * what you gave away is what costs (three quarters of a piece, reached at a 25% concession).
 * An accepted quote's remaining share is good evidence (a deal on your terms); a quote that was not
 * accepted brings only its bad share: a lowball you declined is evidence against the client, never for them.
 */
export const PRICE_PRESSURE = { askBp: 2500, askCapBp: 3000, concededBp: 7500, concededCapBp: 2500 } as const;

/**
 * One-way asks: an unpaid ask is bad evidence in proportion to its length, a full piece at 150 minutes
 * (a long favour is still one thing asked: never more than a piece); paid work dilutes the asks: their
 * total is multiplied by 1200 / (1200 + paid minutes), so 20 hours of paid work halve their weight.
 */
export const RECIPROCITY = { askFullMinutes: 150, paidDilutionMinutes: 1200 } as const;
/** Pieces of good evidence each kind of give brings. A give with no subtype counts as `other`. */
export const GIVE_CREDITS: Record<GiveKind | "other", number> = {
  referral: 1.5,
  testimonial: 1,
  repeat_work: 1,
  prompt_payment: 0.5,
  other: 0.5,
};

/**
 * Pay, per quote, in points: below floor up to 30, floor→target 50→100, at/above target 100, at/above
 * market 110 (these rank and describe quotes). As evidence, a quote's good share is its points from the
 * floor up, capped at 100: below the floor — your walk-away rate — it is all bad. A quote is one piece at
 * 600 minutes or more, never less than a quarter of a piece (a one-hour job still counts, a long one most).
 */
export const PAY = { belowFloorMax: 30, atFloor: 50, atTarget: 100, marketBonus: 10, referenceMinutes: 600, minSizeBp: 2500 } as const;

/**
 * Chasing: each answered follow-up is a good piece; an unanswered one is a bad piece while it is part of
 * the current unanswered run, half a piece once the client has answered a later one; a quote sent with no
 * word back for 14 days (or expired) is a bad piece too.
 */
export const CHASING = { answeredSinceBp: 5000, silentQuoteDays: 14 } as const;

/** Payment: a payment on time is a good piece; a late one is bad, a full piece at 30 days late. */
export const PAYMENT = { fullBadDays: 30 } as const;

/** Confidence bands on the evidence count: 0 none, 1-3 low, 4-9 medium, 10+ high. */
export const CONFIDENCE_BANDS = { low: 1, medium: 4, high: 10 } as const;

/** Trend: the last 6 months against before, each scored on its own; needs 3 pieces each; 10 points apart to move. */
export const TREND = { recentMonths: 6, minEvidence: 3, steadyWithin: 10 } as const;
