/**
 * Counter by tier: what a client's budget buys from a proposal's options, and what it leaves out.
 * Trade, don't give: a smaller budget gets a smaller option at its own price, never a discount on a
 * larger one. Numbers and names only; the sentences are in ./tier-words.ts. Pure.
 */
import type { ProposalItem, ProposalOption } from "./types";

/** What a budget is judged against: a proposal's options and the items they are made of. */
export interface TierProposal {
  items: readonly Pick<ProposalItem, "id" | "name" | "position">[];
  options: readonly Pick<ProposalOption, "id" | "name" | "position" | "price" | "minutes" | "itemIds">[];
}

export type TierOption = TierProposal["options"][number];

export interface BudgetFit {
  /** the priciest option whose price is at or below the budget (ties: more minutes); null: the budget buys none */
  option: TierOption | null;
  /** the option compared against: the one the client was quoted, else the largest */
  reference: TierOption;
  /** the cheapest option (ties: fewer minutes): below its price there is no version of this work */
  smallest: TierOption;
  /** the budget is at or above the reference option's price: it buys what they were offered */
  buysReference: boolean;
  /** names of the items the bought option includes, in item order (empty when it buys none) */
  included: string[];
  /** names of the reference option's items the bought option leaves out, in item order (empty when it buys none) */
  leftOut: string[];
}

/** a before b when a is the better buy: pricier, then more minutes, then later in the list */
function larger(a: TierOption, b: TierOption): number {
  return b.price - a.price || b.minutes - a.minutes || b.position - a.position;
}

/** The largest option: the priciest (ties: more minutes, then the later one). null without options. */
export function largestOption(p: TierProposal): TierOption | null {
  return [...p.options].sort(larger)[0] ?? null;
}

/**
 * The option the client was quoted, as far as the quote says: the one their scope (minutes) matches
 * (the largest of those when several do); else the largest option. null without options.
 */
export function quotedOption(p: TierProposal, quotedMinutes: number | null): TierOption | null {
  const same = p.options.filter((o) => o.minutes === quotedMinutes);
  return (same.length ? [...same].sort(larger)[0] : null) ?? largestOption(p);
}

function itemNames(p: TierProposal, ids: readonly number[]): string[] {
  const wanted = new Set(ids);
  return [...p.items].filter((i) => wanted.has(i.id)).sort((a, b) => a.position - b.position || a.id - b.id).map((i) => i.name);
}

/**
 * What `budget` (minor units, the proposal's currency) buys: the priciest option at or below it, and
 * what that leaves out of the reference option (`referenceId`: the option they were quoted; absent or
 * unknown: the largest). null when the proposal has no options.
 */
export function optionForBudget(p: TierProposal, budget: number, referenceId?: number | null): BudgetFit | null {
  const sorted = [...p.options].sort(larger);
  if (sorted.length === 0) return null;
  const reference = sorted.find((o) => o.id === referenceId) ?? sorted[0];
  const smallest = sorted[sorted.length - 1];
  const option = sorted.find((o) => o.price <= budget) ?? null;
  const inOption = new Set(option?.itemIds ?? []);
  return {
    option,
    reference,
    smallest: sorted.filter((o) => o.price === smallest.price).sort((a, b) => a.minutes - b.minutes || a.position - b.position)[0],
    buysReference: budget >= reference.price,
    included: option ? itemNames(p, option.itemIds) : [],
    leftOut: option ? itemNames(p, reference.itemIds.filter((id) => !inOption.has(id))) : [],
  };
}
