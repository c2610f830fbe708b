/**
 * Step 6: counter by tier. When the offer is about a quote with a proposal (good / better / best), a
 * lower budget is met with the option it buys at that option's own price — never a discount on the
 * larger option. Their budget buys the option they were quoted: a yes. It buys none: the smallest
 * option's price is said. A client you would not choose still gets the decline (the price is not the
 * problem), and a yes stays a yes. docs/offer-check.md, "Counter by tier".
 */
import { optionForBudget, quotedOption, type BudgetFit, type TierProposal } from "../proposals/tiers";
import { andList, noTierSentence, optionName, referenceBoughtSentence, tierCounterSentence } from "../proposals/tier-words";
import type { OfferAnswer, OfferCounter, OfferProposal, OfferTerms, OfferTiers, OfferTierTrade, OfferVerdict, OfferWords } from "./types";

export interface TieredAnswer {
  answer: OfferAnswer;
  headline: string;
  counter: OfferCounter;
  tiers: OfferTiers | null;
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
  terms: Pick<OfferTerms, "amount" | "minutes" | "currency">,
  say: Pick<OfferWords, "money">,
  verdict: OfferVerdict,
  decided: { answer: OfferAnswer; headline: string; counter: OfferCounter },
): TieredAnswer {
  const unchanged: TieredAnswer = { ...decided, tiers: null };
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
  if (verdict === "walk_away" || decided.answer === "accept") return { ...decided, tiers: card("not_used", whatItBuys) };

  if (fit.buysReference) {
    return {
      answer: "accept",
      headline: `Accept: ${say.money(terms.amount)} buys ${optionName(fit.reference.name)} you offered.`,
      counter: { ...decided.counter, counterPrice: null, tier: null, text: whatItBuys },
      tiers: card("accept", whatItBuys),
    };
  }
  if (fit.option) {
    const text = `Trade, don't give: ${whatItBuys.replace(/^For/, "for")} Not a lower price for ${optionName(fit.reference.name)}.`;
    return {
      answer: "counter",
      headline: `Counter with ${optionName(fit.option.name)}: their budget buys it at your price, not a discount on more.`,
      counter: { ...decided.counter, counterPrice: fit.option.price, tier: trade(proposal, fit, fit.option, true), text },
      tiers: card("counter", whatItBuys),
    };
  }
  // their budget buys no option: the smallest one is the counter, above their offer
  const smallest = trade(proposal, fit, fit.smallest, false);
  const offerIt = `If they can stretch to it: ${optionName(fit.smallest.name)}, ${andList(smallest.included)}.`;
  return {
    ...decided,
    counter: {
      ...decided.counter,
      counterPrice: fit.smallest.price > terms.amount ? fit.smallest.price : decided.counter.counterPrice,
      tier: fit.smallest.price > terms.amount ? smallest : null,
      text: decided.answer === "walk_away" ? `${whatItBuys} ${decided.counter.text}` : `${whatItBuys} ${offerIt}`,
    },
    tiers: card("none_fits", whatItBuys),
  };
}
