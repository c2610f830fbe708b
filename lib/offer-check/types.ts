/**
 * The offer check's data: what comes in (OfferInput), what goes out (OfferEvaluation), and the
 * internal shapes the steps hand to each other.
 */
import type { Service, Settings, Unit } from "../domain";
import type { TierProposal } from "../proposals/tiers";
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
  /**
   * the quote's proposal (good / better / best), when the offer is about a quote that has one: a lower
   * budget is then met with the option it buys, never a discount (counter by tier, docs/offer-check.md)
   */
  proposal?: OfferProposal | null;
}

/** A proposal's options as the offer check reads them: prices in the proposal's currency. */
export interface OfferProposal extends TierProposal {
  currency: string;
}

/** The option a tier counter offers: recorded as "cut scope to fit budget" at its price and minutes. */
export interface OfferTierTrade {
  optionId: number;
  optionName: string;
  /** minor units: the option's own price (may be at or below their offer: less work, not a discount) */
  price: number;
  minutes: number;
  /** their budget buys it (false: it is the smallest option, above their budget) */
  fits: boolean;
  /** its item names, and the quoted (else largest) option's items it leaves out, in item order */
  included: string[];
  leftOut: string[];
}

/** The proposal's options against their budget, for the tier card. */
export interface OfferTiers {
  /** every option, cheapest first, with its item names */
  options: { id: number; name: string; price: number; minutes: number; items: string[] }[];
  /** the option their budget buys; null: none */
  boughtId: number | null;
  /** the option they were quoted (else the largest) */
  referenceId: number;
  /** the reference option's items the bought option leaves out */
  leftOut: string[];
  /**
   * what the tiers did to the answer: "accept" (their budget buys the option they were quoted),
   * "counter" (the option it buys, instead of a lower price), "none_fits" (it buys no option: the
   * smallest one's price is said), "not_used" (a client you would not choose, or a yes anyway)
   */
  outcome: "accept" | "counter" | "none_fits" | "not_used";
  /** the sentence: "For $2,000.00 the Essentials option: Home page and About page, without CMS setup and Blog." */
  text: string;
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
  /** counter by tier: the option offered instead of a lower price; null: no proposal, or no option to offer */
  tier: OfferTierTrade | null;
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
  /**
   * what the rate bar's number is, when it needs saying: "Their offer for the full scope (40 h):" when a
   * proposal's options answer the offer (the counter is an option, with its own rate); null: "Effective rate"
   */
  rateLabel?: string | null;
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
  /** the quote's proposal against their budget; null when the quote has no proposal (or in another currency) */
  tiers: OfferTiers | null;
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
