/**
 * The offer check's data: what comes in (OfferInput), what goes out (OfferEvaluation), and the
 * internal shapes the steps hand to each other.
 */
import type { Service, Settings, Unit } from "../domain";
import type { OverrunWarning, PastOverrun } from "./overrun";

export type OfferAnswer = "accept" | "counter" | "walk_away";
/** Same strings as the worth model's Verdict. */
export type OfferVerdict = "keep" | "set_boundaries" | "walk_away" | "not_enough_data";

export interface OfferClient {
  isNew: boolean;
  name: string;
  /** 0–100, null when the worth model has no evidence */
  fitScore: number | null;
  verdict: OfferVerdict;
  /** decided quotes (accepted / rejected / declined) on which the client asked for a discount or countered */
  haggledQuotes: number;
  quotesWithDecision: number;
  /** average days late over recorded payments; null when no payments recorded */
  avgDaysLate: number | null;
  /** unpaid one-way asks (favours, quick questions, scope creep, ...) in minutes */
  unpaidAskMinutes: number;
  unansweredFollowUpsInARow: number;
  /** their past accepted jobs with time logged against an estimate, pooled (lib/offer-check/overrun.ts); absent: none known */
  pastOverrun?: PastOverrun | null;
}

export interface OfferCapacity {
  weeklyCapacityHours: number;
  /** minutes of accepted work scheduled over the next 4 weeks */
  committedMinutesNext4Weeks: number;
  openPipelineCount: number;
  /** minor units, in the user's currency */
  openPipelineValue: number;
}

export interface OfferInput {
  /** minor units, > 0 */
  offeredAmount: number;
  currency: string;
  /** scope, > 0 (hours or days converted to minutes by the caller) */
  minutes: number;
  /** the deadline makes it rush work */
  rush: boolean;
  /** the unit the scope was typed in, when known: it names the likely slip when the rate is implausible */
  scopeUnit?: "hours" | "days" | null;
  /** null = no rate card for it */
  service: Service | null;
  client: OfferClient;
  capacity: OfferCapacity;
  settings: Settings;
  /**
   * the client's own rate for this service in force on the offer's day (server/raises.ts): it has already
   * replaced the service's target (never below the floor); here to say so in the reasons
   */
  clientRate?: { rate: number; effectiveFrom: string } | null;
}

/** One line of the explanation, in plain words with its numbers. */
export interface OfferReason {
  tone: "good" | "warn" | "bad" | "info";
  text: string;
}

export interface OfferCounter {
  /** the same scope at the (rush-adjusted) target rate; null without a usable rate card */
  priceAtTarget: number | null;
  /**
   * the scope the offered budget buys at the target rate (floored); null without a usable rate card,
   * and when the budget buys the whole scope or more (then there is no smaller scope to offer)
   */
  minutesForBudgetAtTarget: number | null;
  /**
   * the price to counter with: priceAtTarget when it is above their offer, else null (their offer
   * already meets the target: accept it). A counter is never at or below their offer.
   */
  counterPrice: number | null;
  rushApplied: boolean;
  /** conditions to attach to any yes (deposit, payment terms, scope in writing); may be empty */
  conditions: string[];
  text: string;
}

/** A far-off effective rate, and the question it raises, in words. */
export interface OfferPlausibility {
  direction: "below" | "above";
  text: string;
}

/** Floor, target and market in the service's unit, rush-adjusted where rush. */
export interface OfferRates {
  floor: number;
  target: number;
  market: number;
}

export interface OfferEvaluation {
  answer: OfferAnswer;
  /** e.g. "Walk away: this pays below your floor." */
  headline: string;
  /**
   * The offer per unit, in the offer's currency and rounded to whole minor units (as displayed).
   * Without a usable rate card it is still given (per hour when there is no service) for information.
   * null only when the scope is not a positive number of minutes.
   */
  effectiveRate: number | null;
  unit: Unit | null;
  /** in the service's unit, rush-adjusted where rush; null without a usable rate card */
  rates: OfferRates | null;
  reasons: OfferReason[];
  /**
   * Set when the effective rate is ten times below the floor or ten times above the target: most
   * likely a typing slip (scope unit, service). Shown with the answer; the answer itself still stands.
   */
  plausibility: OfferPlausibility | null;
  counter: OfferCounter;
  capacity: { utilisationPct: number; label: string };
  questions: string[];
  /** their past jobs ran over their estimates by more than the creep threshold on average: price the overrun in */
  overrun: OverrunWarning | null;
}

// --- internal: what the steps pass along (not re-exported from index.ts) ------------------------

/** The offer's numbers, cleaned and compared against the rate card (see rates.ts). */
export interface OfferTerms {
  locale: string;
  hoursPerDay: number;
  /** whole minor units */
  amount: number;
  /** whole minutes; 0 when the scope is unusable */
  minutes: number;
  /** the offer's currency, upper-cased */
  currency: string;
  /** a service exists but its rate card is in another currency */
  currencyMismatch: boolean;
  unit: Unit | null;
  /** the offer per unit; null when there is no scope */
  rate: number | null;
  rushPct: number;
  rushApplied: boolean;
  /** null without a usable rate card */
  rates: OfferRates | null;
  belowFloor: boolean;
  belowTarget: boolean;
}

/** The formatted pieces every sentence reuses (see format.ts). */
export interface OfferWords {
  money: (n: number) => string;
  /** "$80.00/h" */
  rate: (r: number) => string;
  /** "10 hours", "2.5 days" or "no scope" */
  scope: string;
  /** "This client" when unnamed */
  clientName: string;
}

/** What one step adds to the explanation, in the order it adds it. */
export interface Findings {
  reasons: OfferReason[];
  questions: string[];
  conditions: string[];
}
