/**
 * The tunable numbers of the worth model, in one place so a change of policy is a change here only.
 * Each one is explained, with worked examples, in docs/worth-model.md.
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

/** Haggling: points lost for the share of quotes haggled, the average ask depth and the average concession. */
export const PRICE_PRESSURE = { sharePts: 30, depthPts: 30, depthCapBp: 3000, concededPts: 40, concededCapBp: 2500 } as const;
/** One-way asks: points lost when unpaid time reaches `capShare` (1/4) of all time spent for the client. */
export const RECIPROCITY = { timePts: 80, capShareDenominator: 4 } as const;
/** Points each kind of give earns back. A give with no subtype counts as `other`. */
export const GIVE_CREDITS: Record<GiveKind | "other", number> = {
  referral: 15,
  testimonial: 10,
  repeat_work: 10,
  prompt_payment: 5,
  other: 5,
};
/** Pay, per quote, in points: below floor up to 30, floor→target 50→100, at/above target 100, at/above market 110. */
export const PAY = { belowFloorMax: 30, atFloor: 50, atTarget: 100, marketBonus: 10 } as const;
/** Chasing: points lost for the unanswered share, and per follow-up in the current unanswered run (capped). */
export const CHASING = { sharePts: 50, runPts: 10, runCap: 5 } as const;
/** Payment: points lost for average lateness (full at 30 days) and for the worst lateness (full at 60 days). */
export const PAYMENT = { avgPts: 60, avgCapDays: 30, worstPts: 40, worstCapDays: 60 } as const;
/** Confidence bands on the evidence count: 0 none, 1-3 low, 4-9 medium, 10+ high. */
export const CONFIDENCE_BANDS = { low: 1, medium: 4, high: 10 } as const;
