/** The user's message templates: the defaults, and filling {placeholders} from an evaluation. */
import { formatMoney } from "../money";
import { andList, optionName } from "../proposals/tier-words";
import { formatScope, unitSuffix } from "./format";
import { whole } from "./rates";
import type { OfferEvaluation, OfferInput } from "./types";

export const DEFAULT_DECLINE_TEMPLATE = "Thank you for letting me know. I wish you the best.";

export const DEFAULT_COUNTER_TEMPLATE =
  "Thanks, {client}. For {scope} of {service} my rate is {rate}, so the price is {price}. " +
  "If the budget of {budget} is fixed, I can deliver {budgetScope} of that work for it. " +
  "Let me know which suits you.";

/**
 * Counter by tier: the option their budget buys, at its own price ({option}, {optionPrice}, {optionItems},
 * {optionScope}; lib/offer-check/tiers.ts). The smallest option when the budget buys none: DEFAULT_SMALLEST_TIER_TEMPLATE.
 */
export const DEFAULT_TIER_COUNTER_TEMPLATE =
  "Thanks, {client}. My prices are the same for everyone. Within your budget of {budget}, I can offer {option} at {optionPrice}: {optionScope}. " +
  "Let me know if that suits you.";

export const DEFAULT_SMALLEST_TIER_TEMPLATE =
  "Thanks, {client}. The smallest version of this work is {option}, at {optionPrice}: {optionItems}. Below that I can't do it at my rates. " +
  "Let me know if that suits you.";

/** A yes to their price; the conditions, when any, are added after "on these terms:". */
export const DEFAULT_ACCEPT_TEMPLATE = "Thanks, {client}. {budget} for {scope} of {service} works for me{terms}. Let me know when you would like to start.";

const PLACEHOLDER_RE = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;

/**
 * Fill {name} placeholders in one pass. Unknown placeholders stay as written (so a missing value is
 * visible, not silently blank); values are inserted as plain text: never re-expanded, never
 * interpreted as HTML or as replacement patterns like "$&".
 */
export function fillTemplate(body: string, vars: Record<string, string>): string {
  return body.replace(PLACEHOLDER_RE, (match, name: string) =>
    Object.prototype.hasOwnProperty.call(vars, name) && typeof vars[name] === "string" ? vars[name] : match,
  );
}

/**
 * Values for DEFAULT_COUNTER_TEMPLATE and user templates: {client}, {service}, {scope}, {rate}, {price},
 * {budget}, {budgetScope}, {floor}. A value the evaluation does not have (no rate card) is left out,
 * so its placeholder stays visible in the message instead of turning into a blank.
 */
export function offerTemplateVars(input: OfferInput, evaluation: OfferEvaluation): Record<string, string> {
  const locale = input.settings.locale || "en-US";
  // Unlike evaluateOffer, no isFinite check here: kept as it was so messages stay byte-identical.
  const hoursPerDay = input.settings.hoursPerDay > 0 ? input.settings.hoursPerDay : 8;
  const currency = (input.currency || input.settings.currency || "USD").toUpperCase();
  const unit = evaluation.unit ?? "hour";
  const vars: Record<string, string> = {
    client: input.client.name.trim() || "there",
    service: input.service?.name ?? "this work",
    budget: formatMoney(whole(input.offeredAmount), currency, locale),
  };
  if (evaluation.unit) vars.scope = formatScope(whole(input.minutes), unit, hoursPerDay, locale);
  if (evaluation.rates) {
    vars.rate = formatMoney(evaluation.rates.target, currency, locale) + unitSuffix(unit);
    vars.floor = formatMoney(evaluation.rates.floor, currency, locale) + unitSuffix(unit);
  }
  if (evaluation.counter.priceAtTarget != null) vars.price = formatMoney(evaluation.counter.priceAtTarget, currency, locale);
  if (evaluation.counter.minutesForBudgetAtTarget != null) {
    vars.budgetScope = formatScope(evaluation.counter.minutesForBudgetAtTarget, unit, hoursPerDay, locale);
  }
  const tier = evaluation.counter.tier;
  if (tier) {
    vars.option = optionName(tier.optionName);
    vars.optionPrice = formatMoney(tier.price, currency, locale);
    vars.optionItems = andList(tier.included);
    vars.optionScope = tier.leftOut.length ? `${andList(tier.included)}, without ${andList(tier.leftOut)}` : andList(tier.included);
  }
  return vars;
}

/**
 * The message that says yes to their price (their offer meets the target): DEFAULT_ACCEPT_TEMPLATE
 * with the conditions, if any, after "on these terms:". Null when there is nothing to say yes to:
 * the answer is not accept, or without a usable rate card.
 */
export function acceptMessage(input: OfferInput, evaluation: OfferEvaluation): string | null {
  if (evaluation.answer !== "accept" || !evaluation.rates || !evaluation.unit) return null;
  const { conditions } = evaluation.counter;
  const terms = conditions.length ? `, on these terms: ${conditions.join("; ")}` : "";
  return fillTemplate(DEFAULT_ACCEPT_TEMPLATE, { ...offerTemplateVars(input, evaluation), terms });
}

/** The counter by tier's message, null when the counter offers no option (no proposal, or a yes). */
export function tierCounterMessage(input: OfferInput, evaluation: OfferEvaluation): string | null {
  const tier = evaluation.counter.tier;
  if (!tier) return null;
  return fillTemplate(tier.fits ? DEFAULT_TIER_COUNTER_TEMPLATE : DEFAULT_SMALLEST_TIER_TEMPLATE, offerTemplateVars(input, evaluation));
}
