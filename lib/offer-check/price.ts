/** Step 1: the price against the rate card (or why it can't be judged), rush-adjusted. */
import { targetPrices } from "./rates";
import { REASONS, offerPerUnit } from "./reasons";
import type { Findings, OfferInput, OfferReason, OfferTerms, OfferWords } from "./types";

export function priceFindings(input: OfferInput, terms: OfferTerms, say: OfferWords): Findings {
  const { service } = input;
  const { amount, minutes, currency, rate, rates } = terms;
  const reasons: OfferReason[] = [];
  const questions: string[] = [];
  const offer = () => offerPerUnit(say.money(amount), say.scope, say.rate(rate ?? 0));

  // Why there is no usable rate card, if there is none.
  if (minutes <= 0) {
    reasons.push(REASONS.noScope());
  } else if (service == null) {
    reasons.push(REASONS.noRateCard(offer()));
    questions.push("What is the lowest rate I would do this kind of work for?");
  } else if (terms.currencyMismatch) {
    reasons.push(REASONS.currencyMismatch(currency, service.name, service.currency.toUpperCase(), offer()));
  }

  if (rates && input.rush) {
    reasons.push(REASONS.rush(terms.rushPct, say.rate(rates.floor), say.rate(rates.target), say.rate(rates.market)));
  }

  if (rates && rate != null) {
    if (terms.belowFloor) {
      reasons.push(REASONS.belowFloor(offer(), say.rate(rates.floor), say.rate(rates.target)));
    } else if (terms.belowTarget) {
      const short = (targetPrices(terms).priceAtTarget ?? 0) - amount;
      reasons.push(REASONS.belowTarget(offer(), say.rate(rates.floor), say.rate(rates.target), say.money(Math.max(0, short))));
    } else if (rate >= rates.market) {
      reasons.push(REASONS.atMarket(offer(), say.rate(rates.target), say.rate(rates.market)));
    } else {
      reasons.push(REASONS.atTarget(offer(), say.rate(rates.target), say.rate(rates.market)));
    }
  }

  return { reasons, questions, conditions: [] };
}
