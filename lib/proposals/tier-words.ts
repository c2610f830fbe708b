/**
 * Counter by tier in words: "For $2,000.00 the Essentials option: Home page and About page, without CMS
 * setup and Blog." The numbers come from ./tiers.ts; money is formatted by the caller's `money`. Pure.
 */
import type { BudgetFit } from "./tiers";

/** "A", "A and B", "A, B and C". */
export function andList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** "the Essentials option" (a name that already says "option" is not repeated: "the Option A"). */
export function optionName(name: string): string {
  return /\boption\b/i.test(name) ? `the ${name}` : `the ${name} option`;
}

/** What the bought option includes and leaves out: "Home page and About page, without CMS setup and Blog". */
export function optionScope(fit: Pick<BudgetFit, "included" | "leftOut">): string {
  const without = fit.leftOut.length ? `, without ${andList(fit.leftOut)}` : "";
  return `${andList(fit.included)}${without}`;
}

/** "For $2,000.00 the Essentials option: Home page and About page, without CMS setup and Blog." null when the budget buys none. */
export function tierCounterSentence(fit: BudgetFit, money: (n: number) => string): string | null {
  if (!fit.option) return null;
  return `For ${money(fit.option.price)} ${optionName(fit.option.name)}: ${optionScope(fit)}.`;
}

/** "The smallest option, Essentials, is $2,400.00 — below that there is no version of this work at your rates." */
export function noTierSentence(fit: Pick<BudgetFit, "smallest">, money: (n: number) => string): string {
  return `The smallest option, ${fit.smallest.name}, is ${money(fit.smallest.price)} \u2014 below that there is no version of this work at your rates.`;
}

/** "$4,000.00 buys the Complete option you offered: Home page, About page, CMS setup and Blog." */
export function referenceBoughtSentence(budget: number, fit: Pick<BudgetFit, "reference">, items: readonly string[], money: (n: number) => string): string {
  return `${money(budget)} buys ${optionName(fit.reference.name)} you offered${items.length ? `: ${andList(items)}` : ""}.`;
}
