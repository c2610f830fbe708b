/**
 * Step 4b: is the offer plausible at all? An effective rate a tenth of the target or less, or ten
 * times the target or more, is more often a typing slip (scope in the wrong unit, the wrong service, a rate
 * typed as the whole price) than a real offer. Numbers only here; the words are in reasons.ts.
 */
import type { OfferTerms } from "./types";

/** How far from the rate card (either way) an effective rate must be to be questioned. */
export const IMPLAUSIBLE_FACTOR = 10;

/** What most likely went wrong, so the question can name it. */
export type PlausibilityHint =
  /** typed in days, far too cheap: the scope was probably in hours */
  | "hours_not_days"
  /** typed in hours, far too cheap: the offer may be a rate, not the whole price */
  | "offer_is_total"
  /** typed in hours, far too dear: the scope was probably in days */
  | "days_not_hours"
  /** typed in days, far too dear: check both numbers */
  | "check_numbers";

export interface PlausibilityFinding {
  direction: "below" | "above";
  /** the effective rate, and the rate card it is compared with (rush-adjusted where rush) */
  rate: number;
  floor: number;
  target: number;
  hint: PlausibilityHint;
}

/**
 * Null when the offer is within a factor of ten of the target, or when there is nothing to compare
 * (no usable rate card, no scope). Integer comparisons: rate × 10 ≤ target, rate ≥ target × 10.
 * (The target, not the floor, is the yardstick both ways: $70/day against a $600 floor and $800 target
 * is 11× below what you aim for, and is questioned.)
 */
export function plausibility(terms: Pick<OfferTerms, "rate" | "rates">, scopeUnit: "hours" | "days" | null | undefined): PlausibilityFinding | null {
  const { rate, rates } = terms;
  if (rate == null || rates == null) return null;
  if (rates.target <= 0) return null;
  const { floor, target } = rates;
  if (rate * IMPLAUSIBLE_FACTOR <= target) return { direction: "below", rate, floor, target, hint: scopeUnit === "days" ? "hours_not_days" : "offer_is_total" };
  if (rate >= target * IMPLAUSIBLE_FACTOR) return { direction: "above", rate, floor, target, hint: scopeUnit === "days" ? "check_numbers" : "days_not_hours" };
  return null;
}
