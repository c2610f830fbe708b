/**
 * The offer's arithmetic: clean the numbers, rush-adjust the rate card, compute the effective rate
 * and what the scope costs at the target. Integer minor units throughout.
 */
import type { Unit } from "../domain";
import { divRound, effectiveRate, minutesForBudget, valueAtRate } from "../money";
import type { OfferInput, OfferRates, OfferTerms } from "./types";

/** Whole, non-negative, finite: the caller validates, but a bad number must not become NaN on screen. */
export function whole(n: number): number {
  return Number.isFinite(n) && n > 0 ? Math.round(n) : 0;
}

/** The rate card × rushPct%, each rate rounded to whole minor units. */
export function rushRates(rates: OfferRates, rushPct: number): OfferRates {
  return {
    floor: divRound(whole(rates.floor) * rushPct, 100),
    target: divRound(whole(rates.target) * rushPct, 100),
    market: divRound(whole(rates.market) * rushPct, 100),
  };
}

export function offerTerms(input: OfferInput): OfferTerms {
  const { settings, service } = input;
  const locale = settings.locale || "en-US";
  const hoursPerDay = Number.isFinite(settings.hoursPerDay) && settings.hoursPerDay > 0 ? settings.hoursPerDay : 8;
  const amount = whole(input.offeredAmount);
  const minutes = whole(input.minutes);
  const currency = (input.currency || settings.currency || "USD").toUpperCase();

  const currencyMatches = service != null && service.currency.toUpperCase() === currency;
  const usable = service != null && currencyMatches && minutes > 0;
  // Without a service the rate is still shown, per hour, for information.
  const unit: Unit | null = minutes > 0 ? (service?.unit ?? "hour") : null;
  const rate = unit != null ? effectiveRate(amount, minutes, unit, hoursPerDay) : null;

  // Rush never lowers the bar, whatever the setting says.
  const rushPct = input.rush ? Math.max(100, whole(settings.rushMultiplierPct)) : 100;
  const rates = usable
    ? rushRates({ floor: service.floorRate, target: service.targetRate, market: service.marketRate }, rushPct)
    : null;

  return {
    locale,
    hoursPerDay,
    amount,
    minutes,
    currency,
    currencyMismatch: service != null && !currencyMatches,
    unit,
    rate,
    rushPct,
    rushApplied: usable && input.rush,
    rates,
    // Compared in whole minor units per unit, the same numbers the user sees.
    belowFloor: rates != null && rate != null && rate < rates.floor,
    // …and only when the scope at the target actually costs more than the offer: a counter is never at
    // or below their offer, whatever the rounding of the rate says
    belowTarget:
      rates != null && rate != null && unit != null && rate < rates.target && valueAtRate(rates.target, minutes, unit, hoursPerDay) > amount,
  };
}

/**
 * The price to counter with: the scope at the target, only when that is above their offer. At or
 * below it, their offer already meets the target: there is nothing to counter (take their price).
 */
export function counterPrice(priceAtTarget: number | null, offeredAmount: number): number | null {
  return priceAtTarget != null && priceAtTarget > whole(offeredAmount) ? priceAtTarget : null;
}

/**
 * The trade a counter offers: the full scope at the target rate, or the scope the budget buys at it
 * (floored). Both null without a usable rate card; the second also when the target is 0, and when the
 * budget buys the whole scope or more (a smaller scope is only offered when the budget is short).
 */
export function targetPrices(
  terms: Pick<OfferTerms, "rates" | "unit" | "minutes" | "amount" | "hoursPerDay">,
): { priceAtTarget: number | null; minutesForBudgetAtTarget: number | null } {
  const { rates, unit, minutes, amount, hoursPerDay } = terms;
  if (!rates || !unit) return { priceAtTarget: null, minutesForBudgetAtTarget: null };
  // floored to the tenth of a unit the words show ("5.4 h", "1.3 days"): what the budget buys is never rounded up past the target
  const tenth = unit === "day" ? 6 * hoursPerDay : 6;
  const budgetMinutes = rates.target > 0 ? Math.floor(minutesForBudget(amount, rates.target, unit, hoursPerDay) / tenth) * tenth : null;
  return {
    priceAtTarget: valueAtRate(rates.target, minutes, unit, hoursPerDay),
    minutesForBudgetAtTarget: budgetMinutes != null && budgetMinutes < minutes ? budgetMinutes : null,
  };
}
