/**
 * Step 5: the counter-offer. Trade, don't give: the full scope at the target price, or a smaller
 * scope for their budget; never a lower rate. A walk-away gets the decline message instead.
 */
import type { Service, Unit } from "../domain";
import { formatScope } from "./format";
import { counterPrice, targetPrices } from "./rates";
import { DEFAULT_DECLINE_TEMPLATE } from "./templates";
import type { OfferAnswer, OfferCounter, OfferRates, OfferTerms, OfferVerdict, OfferWords } from "./types";

const DECLINE = `Decline: "${DEFAULT_DECLINE_TEMPLATE}"`;
const NOT_YOUR_JOB = "Your job isn't to convince them otherwise.";

export interface CounterFacts {
  service: Service | null;
  verdict: OfferVerdict;
  answer: OfferAnswer;
  /** the terms to attach to any yes, in order */
  conditions: string[];
}

/** Without a usable rate card there is no price to counter with: say what is missing. */
function counterWithoutRateCard(terms: OfferTerms, { service, verdict, answer }: CounterFacts): string {
  const missing =
    service != null && terms.minutes > 0
      ? `No counter price: add ${service.name} to your rate card in ${terms.currency} first.`
      : "No counter price: add this service to your rate card first.";
  if (verdict === "walk_away") return `${DECLINE} ${NOT_YOUR_JOB}`;
  if (answer === "walk_away") return `${DECLINE} ${missing}`;
  return missing;
}

/** The trade, with its numbers: only when there is a usable rate card. */
interface Priced {
  rates: OfferRates;
  unit: Unit;
  priceAtTarget: number;
  minutesForBudgetAtTarget: number | null;
}

function counterText(terms: OfferTerms, say: OfferWords, facts: CounterFacts, priced: Priced): string {
  const { amount, hoursPerDay, locale } = terms;
  const { rates, unit, priceAtTarget, minutesForBudgetAtTarget } = priced;
  const budgetScope =
    minutesForBudgetAtTarget != null
      ? `; or, if the budget of ${say.money(amount)} is fixed, ${formatScope(minutesForBudgetAtTarget, unit, hoursPerDay, locale)} of work for it`
      : "";
  const trade = `${say.money(priceAtTarget)} for the full ${say.scope} at your target of ${say.rate(rates.target)}${budgetScope}`;

  // The price is not the problem with a client you would not choose: nothing to negotiate.
  if (facts.verdict === "walk_away") {
    // "for the record" only when it is above their offer: a lower figure beside a higher offer reads as a mistake
    return priceAtTarget > amount ? `${DECLINE} ${NOT_YOUR_JOB} (For the record: your target price for ${say.scope} is ${say.money(priceAtTarget)}.)` : `${DECLINE} ${NOT_YOUR_JOB}`;
  }
  // the terms themselves are in `conditions`, listed once beside this text (never repeated inside it)
  if (facts.answer === "walk_away") return `${DECLINE} If you would rather counter, trade, don't give: ${trade}.`;
  if (facts.answer === "counter" && terms.belowTarget) return `Trade, don't give: ${trade}.`;
  // their offer meets the target: a yes, never a counter (a counter would be at or below their offer)
  if (facts.conditions.length) return `Say yes at ${say.money(amount)} for ${say.scope}, on your terms.`;
  return `No counter needed: ${say.money(amount)} is at or above ${say.money(priceAtTarget)}, your target price for ${say.scope}.`;
}

export function counterOffer(terms: OfferTerms, say: OfferWords, facts: CounterFacts): OfferCounter {
  const { priceAtTarget, minutesForBudgetAtTarget } = targetPrices(terms);
  const { rates, unit } = terms;
  const text =
    priceAtTarget == null || !rates || !unit
      ? counterWithoutRateCard(terms, facts)
      : counterText(terms, say, facts, { rates, unit, priceAtTarget, minutesForBudgetAtTarget });
  return {
    priceAtTarget,
    minutesForBudgetAtTarget,
    counterPrice: counterPrice(priceAtTarget, terms.amount),
    rushApplied: terms.rushApplied, tier: null, conditions: facts.conditions,
    text,
  };
}
