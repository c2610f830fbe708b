/**
 * Step 6: counter by tier. When the offer is about a quote with a proposal (good / better / best), a
 * lower budget is met with the option it buys at that option's own price — never a discount on the
 * larger option. Their budget buys the option they were quoted: a yes. It buys none: the smallest
 * option's price is said. A client you would not choose still gets the decline (the price is not the
 * problem), and a yes stays a yes. docs/offer-check.md, "Counter by tier".
 */
import { optionForBudget, quotedOption, type BudgetFit, type TierProposal } from "../proposals/tiers";
import { andList, noTierSentence, optionName, optionScope, referenceBoughtSentence, tierCounterSentence } from "../proposals/tier-words";
import { effectiveRate } from "../money";
import { formatScope } from "./format";
import { offerPerUnit } from "./reasons";
import { DEFAULT_DECLINE_TEMPLATE } from "./templates";
import type { OfferAnswer, OfferCounter, OfferProposal, OfferReason, OfferTerms, OfferTiers, OfferTierTrade, OfferVerdict, OfferWords } from "./types";

export interface TieredAnswer {
  answer: OfferAnswer;
  headline: string;
  counter: OfferCounter;
  tiers: OfferTiers | null;
  /** with a tier counter: what the countered option pays per unit, for the "Why" list beside their offer's rate */
  reason: OfferReason | null;
  /**
   * what the rate bar measures: their offer for the full scope when the options answer it ("Their offer
   * for the full scope (40 h)"), so it does not read as the rate of the option countered with
   */
  rateLabel: string | null;
}

type TierTerms = Pick<OfferTerms, "amount" | "minutes" | "currency"> & Partial<Pick<OfferTerms, "unit" | "rates" | "hoursPerDay" | "locale">>;

/** "The Essentials option at your price: $3,000.00 for 30 h is $100.00/h, at your target of $100.00/h." */
function optionRateReason(option: NonNullable<BudgetFit["option"]>, terms: TierTerms, say: Pick<OfferWords, "money" | "rate">): OfferReason | null {
  const { unit, rates } = terms;
  if (!unit || !rates || option.minutes <= 0) return null;
  const hoursPerDay = terms.hoursPerDay ?? 8;
  const rate = effectiveRate(option.price, option.minutes, unit, hoursPerDay);
  const scope = formatScope(option.minutes, unit, hoursPerDay, terms.locale ?? "en-US");
  const per = offerPerUnit(say.money(option.price), scope, say.rate(rate));
  const name = optionName(option.name).replace(/^the/, "The");
  if (rate >= rates.target) return { tone: "good", text: `${name}: ${per}, at or above your target of ${say.rate(rates.target)}.` };
  if (rate >= rates.floor) return { tone: "warn", text: `${name}: ${per}, above your floor but below your target of ${say.rate(rates.target)}.` };
  return { tone: "bad", text: `${name}: ${per}, below your floor of ${say.rate(rates.floor)}.` };
}

function names(p: TierProposal, ids: readonly number[]): string[] {
  const wanted = new Set(ids);
  return [...p.items].filter((i) => wanted.has(i.id)).sort((a, b) => a.position - b.position || a.id - b.id).map((i) => i.name);
}

function trade(p: TierProposal, fit: BudgetFit, option: NonNullable<BudgetFit["option"]>, fits: boolean): OfferTierTrade {
  const included = names(p, option.itemIds);
  const inOption = new Set(option.itemIds);
  const leftOut = names(p, fit.reference.itemIds.filter((id) => !inOption.has(id)));
  return { optionId: option.id, optionName: option.name, price: option.price, minutes: option.minutes, fits, included, leftOut };
}

/**
 * The answer, headline and counter after the proposal's options are weighed against their budget
 * (`terms.amount`). Without a proposal in the offer's currency, or one without options, all unchanged.
 */
export function counterByTier(
  proposal: OfferProposal | null | undefined,
  terms: TierTerms,
  say: Pick<OfferWords, "money" | "rate" | "scope">,
  verdict: OfferVerdict,
  decided: { answer: OfferAnswer; headline: string; counter: OfferCounter },
): TieredAnswer {
  const unchanged: TieredAnswer = { ...decided, tiers: null, reason: null, rateLabel: null };
  if (!proposal || proposal.currency.toUpperCase() !== terms.currency) return unchanged;
  const reference = quotedOption(proposal, terms.minutes);
  const fit = optionForBudget(proposal, terms.amount, reference?.id);
  if (!fit) return unchanged;

  const options = [...proposal.options]
    .sort((a, b) => a.price - b.price || a.minutes - b.minutes || a.position - b.position)
    .map((o) => ({ id: o.id, name: o.name, price: o.price, minutes: o.minutes, items: names(proposal, o.itemIds) }));
  const card = (outcome: OfferTiers["outcome"], text: string): OfferTiers => ({ options, boughtId: fit.option?.id ?? null, referenceId: fit.reference.id, leftOut: fit.leftOut, outcome, text });
  const referenceItems = names(proposal, fit.reference.itemIds);
  const whatItBuys = fit.buysReference
    ? referenceBoughtSentence(terms.amount, fit, referenceItems, say.money)
    : (tierCounterSentence(fit, say.money) ?? noTierSentence(fit, say.money));

  // not a price question: a client you would not choose, or a yes already
  if (verdict === "walk_away" || decided.answer === "accept") return { ...decided, tiers: card("not_used", whatItBuys), reason: null, rateLabel: null };
  // the rate bar and the "Why" list measure their offer against the whole quoted scope: say so
  const rateLabel = `Their offer for the full scope (${say.scope}):`;

  if (fit.buysReference) {
    return {
      answer: "accept",
      headline: `Accept: ${say.money(terms.amount)} buys ${optionName(fit.reference.name)} you offered.`,
      counter: { ...decided.counter, counterPrice: null, tier: null, text: whatItBuys },
      tiers: card("accept", whatItBuys),
      reason: null,
      rateLabel,
    };
  }
  if (fit.option) {
    // "within their budget": the option may cost less than they offered, and must not read as a lower ask
    const text = `Trade, don't give: within their budget of ${say.money(terms.amount)}, ${optionName(fit.option.name)} at ${say.money(fit.option.price)}: ${optionScope(fit)}. Not a lower price for ${optionName(fit.reference.name)}.`;
    return {
      answer: "counter",
      headline: `Counter with ${optionName(fit.option.name)}: their budget buys it at your price, not a discount on more.`,
      counter: { ...decided.counter, counterPrice: fit.option.price, tier: trade(proposal, fit, fit.option, true), text },
      tiers: card("counter", whatItBuys),
      reason: optionRateReason(fit.option, terms, say),
      rateLabel,
    };
  }
  // their budget buys no option: the smallest one is the counter, above their offer. The options are
  // the versions of this work, so no "smaller scope for their budget" beside them: one voice
  const smallest = trade(proposal, fit, fit.smallest, false);
  const offerIt = `If they can stretch to it: ${optionName(fit.smallest.name)}, ${andList(smallest.included)}.`;
  return {
    ...decided,
    counter: {
      ...decided.counter,
      counterPrice: fit.smallest.price > terms.amount ? fit.smallest.price : decided.counter.counterPrice,
      tier: fit.smallest.price > terms.amount ? smallest : null,
      text: decided.answer === "walk_away" ? `${whatItBuys} Decline: "${DEFAULT_DECLINE_TEMPLATE}" ${offerIt}` : `${whatItBuys} ${offerIt}`,
    },
    tiers: card("none_fits", whatItBuys),
    reason: null,
    rateLabel,
  };
}
