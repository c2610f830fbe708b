/**
 * Pricing an option: its items' hours at the target rate (rush-adjusted when rush), lifted to the
 * minimum engagement fee, or the price the user typed; and where that price stands against the floor,
 * target and market. Integer minor units throughout.
 */
import { divRound, effectiveRate, valueAtRate } from "../money";
import type { OptionPriceSource } from "../domain";
import type { ProposalPricing } from "./types";

/** Where an option's effective rate stands against the (rush-adjusted) rate card. */
export type RateStanding = "below_floor" | "floor_to_target" | "target_to_market" | "above_market";

export interface PricedOption {
  minutes: number;
  /** the price offered */
  price: number;
  priceSource: OptionPriceSource;
  /** the rate card's price: minutes at the target (rush-adjusted) */
  rateCardPrice: number;
  /** the price per unit of time (minor units per hour or per day) */
  effectiveRate: number;
  standing: RateStanding;
}

/** The rate card as it applies to this proposal: rush multiplies every rate (never below 100%). */
export function proposalRates(p: Pick<ProposalPricing, "floorRate" | "targetRate" | "marketRate" | "rush" | "rushMultiplierPct">): { floor: number; target: number; market: number } {
  const pct = p.rush ? Math.max(100, p.rushMultiplierPct) : 100;
  return { floor: divRound(p.floorRate * pct, 100), target: divRound(p.targetRate * pct, 100), market: divRound(p.marketRate * pct, 100) };
}

export function rateStanding(rate: number, rates: { floor: number; target: number; market: number }): RateStanding {
  if (rate < rates.floor) return "below_floor";
  if (rate < rates.target) return "floor_to_target";
  if (rate <= rates.market) return "target_to_market";
  return "above_market";
}

/**
 * One option's price. `customPrice` (a price the user typed) wins when given; otherwise the rate card's
 * price, lifted to the minimum fee when below it. minutes > 0.
 */
export function priceOption(pricing: ProposalPricing, minutes: number, customPrice?: number | null): PricedOption {
  const rates = proposalRates(pricing);
  const rateCardPrice = valueAtRate(rates.target, minutes, pricing.unit, pricing.hoursPerDay);
  let price = rateCardPrice;
  let priceSource: OptionPriceSource = "rate_card";
  if (customPrice != null) {
    price = customPrice;
    priceSource = "custom";
  } else if (pricing.minimumFee > rateCardPrice) {
    price = pricing.minimumFee;
    priceSource = "minimum_fee";
  }
  const rate = effectiveRate(price, minutes, pricing.unit, pricing.hoursPerDay);
  return { minutes, price, priceSource, rateCardPrice, effectiveRate: rate, standing: rateStanding(rate, rates) };
}

/** The minutes of the items an option includes. */
export function optionMinutes(itemMinutes: readonly number[], included: readonly number[]): number {
  return included.reduce((sum, i) => sum + (itemMinutes[i] ?? 0), 0);
}

/** The hint under the builder's "Your price": what an empty price gives, saying so when that is the minimum fee. */
export function emptyPriceHint(rateCardPrice: number, minimumFee: number, money: (n: number) => string): string {
  if (minimumFee > rateCardPrice) return `Empty: ${money(minimumFee)} (your minimum fee; the rate card gives ${money(rateCardPrice)})`;
  return `Empty: ${money(rateCardPrice)} from your rate card`;
}
