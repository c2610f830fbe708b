/**
 * What the builder says before Save, from what is typed: options that include the same items, and what
 * repricing a saved proposal at today's rate card would change. Pure.
 */
import { formatMoney } from "../money";
import { priceOption } from "./pricing";
import type { ProposalPricing } from "./types";

/** One note for each option whose items (positions) are the same as an earlier option's. */
export function sameItemsNotes(optionItems: readonly (readonly number[])[]): string[] {
  const keys = optionItems.map((items) => [...items].sort((a, b) => a - b).join(","));
  return keys.flatMap((key, j) => {
    const i = keys.findIndex((k, n) => n < j && k === key);
    return key && i >= 0 ? [`Options ${i + 1} and ${j + 1} include the same items: add the items that make them differ, and tick them in the larger option`] : [];
  });
}

/** "Essentials $3,000.00 → $3,900.00" for each option whose price moves from one pricing to the other. */
export function repriceChangeWords(options: readonly { name: string; minutes: number; typed: number | null }[], before: ProposalPricing, after: ProposalPricing, locale: string): string[] {
  return options.flatMap((o) => {
    if (o.minutes <= 0) return [];
    const was = priceOption(before, o.minutes, o.typed).price;
    const now = priceOption(after, o.minutes, o.typed).price;
    return was === now ? [] : [`${o.name} ${formatMoney(was, before.currency, locale)} → ${formatMoney(now, after.currency, locale)}`];
  });
}
