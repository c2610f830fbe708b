/**
 * The offer check: "a low offer just landed: should I take this?"
 *
 * Answers accept / counter / walk away from the price (against the rate card's floor, target and
 * market, rush-adjusted), the client ("Do I want to choose them?") and the user's booked capacity
 * (abundance, not scarcity). Pure and deterministic: no I/O, no clock, integer money throughout.
 * The rules, in order of precedence, are documented in docs/offer-check.md.
 */
import { capacityFindings } from "./capacity";
import { clientFindings } from "./client";
import { counterOffer } from "./counter";
import { offerWords } from "./format";
import { plausibility } from "./plausibility";
import { priceFindings } from "./price";
import { plausibilityWarning } from "./reasons";
import { overrunWarning } from "./overrun";
import { offerTerms } from "./rates";
import { counterByTier } from "./tiers";
import { formatDay } from "../format-date";
import type { OfferAnswer, OfferEvaluation, OfferInput, OfferReason, OfferVerdict } from "./types";

/** What the rules look at, already worked out by the steps. */
export interface DecisionFacts {
  verdict: OfferVerdict;
  /** a usable rate card: a service in the offer's currency, and a scope */
  hasRates: boolean;
  currencyMismatch: boolean;
  belowFloor: boolean;
  belowTarget: boolean;
  /** fully booked, and the offer is between floor and target from a client you would choose */
  fullBlocksCheapWork: boolean;
  /** set_boundaries, haggler, late payer or heavy unpaid asks: a yes needs terms */
  needsConditions: boolean;
}

export interface Decision {
  answer: OfferAnswer;
  headline: string;
  /** questions the decision itself raises (asked after the steps' own) */
  questions: string[];
}

/**
 * The rule order; the first match decides the answer:
 *  1. client verdict walk_away → walk_away
 *  2. no usable rate card (no service, currency mismatch, no scope) → counter, prices null
 *  3. effective rate below floor → walk_away
 *  4. capacity full and below target → walk_away
 *  5. below target → counter
 *  6. at/above target, but set_boundaries / haggler / late payer / heavy unpaid asks → accept, on your terms
 *     (never a counter: a counter would be at or below their offer)
 *  7. otherwise → accept
 */
export function decide(f: DecisionFacts): Decision {
  if (f.verdict === "walk_away") {
    const headline = f.belowFloor
      ? "Walk away: this pays below your floor, from a client you would not choose."
      : "Walk away: this is not a client you would choose, whatever the price.";
    return { answer: "walk_away", headline, questions: [] };
  }
  if (!f.hasRates) {
    const headline = f.currencyMismatch
      ? "Counter: the offer's currency does not match your rate card, so the price can't be judged."
      : "Counter: there is no rate card to judge this price against.";
    return { answer: "counter", headline, questions: [] };
  }
  if (f.belowFloor) return { answer: "walk_away", headline: "Walk away: this pays below your floor.", questions: [] };
  if (f.fullBlocksCheapWork) {
    return { answer: "walk_away", headline: "Walk away: you are fully booked, and this pays below your target.", questions: [] };
  }
  if (f.belowTarget) {
    return {
      answer: "counter",
      headline: "Counter: this pays below your target.",
      questions: ["If their budget is fixed, what scope can I take out so it pays my target?"],
    };
  }
  if (f.needsConditions) {
    return { answer: "accept", headline: "Accept, on your terms: the price is right, the terms need setting.", questions: [] };
  }
  return { answer: "accept", headline: "Accept: this pays at or above your target.", questions: [] };
}

/** The reason that decided a walk-away comes first, before the ones it overrode; the rest keep their order. */
export function leadWith(reasons: OfferReason[], lead: OfferReason | null): OfferReason[] {
  return lead ? [lead, ...reasons.filter((r) => r !== lead)] : reasons;
}

/** "Your rate for Acme: $95.00/h (from Mar 1, 2027)": the client's own rate stands in for the target. */
function clientRateReasons(input: OfferInput, rate: (n: number) => string): OfferReason[] {
  const own = input.clientRate;
  if (!own || !input.service) return [];
  return [{ tone: "info", text: `Your rate for ${input.client.name}: ${rate(own.rate)} (from ${formatDay(own.effectiveFrom, input.settings.locale || "en-US")}) — "your target" below means this rate` }];
}

/** Evaluate an offer: the steps in order (each adds its reasons), then the rules, then the counter. */
export function evaluateOffer(input: OfferInput): OfferEvaluation {
  const { client } = input;
  const terms = offerTerms(input);
  const say = offerWords(terms, client);

  const price = priceFindings(input, terms, say);
  const fit = clientFindings(client, input.settings, terms, say);
  const room = capacityFindings(input.capacity, input.settings, terms);

  const fullBlocksCheapWork = room.full && terms.belowTarget && !terms.belowFloor && client.verdict !== "walk_away";
  const decision = decide({
    verdict: client.verdict,
    hasRates: terms.rates != null,
    currencyMismatch: terms.currencyMismatch,
    belowFloor: terms.belowFloor,
    belowTarget: terms.belowTarget,
    fullBlocksCheapWork,
    needsConditions: client.verdict === "set_boundaries" || fit.haggler || fit.latePayer || fit.heavyAsks,
  });

  const slip = plausibility(terms, input.scopeUnit);
  const lead = client.verdict === "walk_away" ? fit.verdictReason : fullBlocksCheapWork ? room.fullReason : null;
  const conditions = [...price.conditions, ...fit.conditions, ...room.conditions];
  const overrun = overrunWarning(client.pastOverrun, input.settings.creepThresholdPct ?? 20, terms.locale, {
    rate: terms.rates ? terms.rate : null,
    floor: terms.rates?.floor ?? null,
    target: terms.rates?.target ?? null,
    format: say.rate,
  });

  // counter by tier: with a proposal, a lower budget gets the option it buys, not a lower price
  const tiered = counterByTier(input.proposal, terms, say, client.verdict, {
    answer: decision.answer,
    headline: decision.headline,
    counter: counterOffer(terms, say, { service: input.service, verdict: client.verdict, answer: decision.answer, conditions }),
  });

  return {
    answer: tiered.answer,
    headline: tiered.headline,
    effectiveRate: terms.rate,
    unit: terms.unit,
    rates: terms.rates,
    rateLabel: tiered.rateLabel,
    reasons: leadWith([...clientRateReasons(input, say.rate), ...price.reasons, ...(tiered.reason ? [tiered.reason] : []), ...fit.reasons, ...room.reasons], lead),
    plausibility: slip ? { direction: slip.direction, text: plausibilityWarning(slip.direction, say.rate(slip.rate), say.rate(slip.floor), say.rate(slip.target), slip.hint) } : null,
    counter: tiered.counter,
    capacity: { utilisationPct: room.utilisationPct, label: room.label },
    questions: [
      "Do I want to choose this client?",
      ...price.questions,
      ...fit.questions,
      ...room.questions,
      ...decision.questions,
      ...(overrun ? ["How long will this job really take, if it runs over like their last ones?"] : []),
    ],
    overrun,
    tiers: tiered.tiers,
  };
}
