/**
 * The floor-rate calculator: the lowest rate that still pays for the year you need.
 * Below this rate, walk away ("Your worth isn't determined by who accepts you; it's determined by who you accept").
 *
 *   gross needed   = income goal ÷ (1 − tax rate) + expenses        (expenses are deductible, so untaxed)
 *   billable hours = billable hours per week × working weeks
 *   floor rate     = gross needed ÷ billable hours                  (per hour; per day uses the day's hours)
 *
 * Integer arithmetic throughout: money in minor units, tax in basis points, time in minutes; every division
 * rounds UP, so the floor is never a cent short. Invalid input throws a RangeError (never returns an error
 * object): callers validate forms with zod first and show the message if it still throws.
 */
import type { Unit } from "./domain";
import { formatMoney, toDecimalString } from "./money";
import { plural } from "./text";

export interface FloorRateInput {
  /** what you want to take home after tax, minor units per year */
  yearlyIncomeGoal: number;
  /** business expenses per year, minor units */
  yearlyExpenses: number;
  /** income tax rate in basis points (2500 = 25%), 0 ≤ tax < 10000 */
  taxRateBp: number;
  /** hours you can actually bill per week (not hours worked), > 0, up to 2 decimals of an hour in minutes */
  billableHoursPerWeek: number;
  /** whole working weeks per year, 1..53 */
  workingWeeks: number;
  unit: Unit;
  /** hours in a billable day (used when unit is "day"), > 0 and ≤ 24 */
  hoursPerDay: number;
  /** optional, for the formula text only */
  currency?: string;
  locale?: string;
}

export interface FloorRateResult {
  /** minor units per unit, rounded UP */
  rate: number;
  /** minor units per year before tax, rounded UP */
  grossNeeded: number;
  billableHoursPerYear: number;
  /** the arithmetic in words, for display */
  formula: string;
}

/** ⌈a ÷ b⌉ for integers a ≥ 0, b > 0, exact (corrects the float quotient). */
export function ceilDiv(a: number, b: number): number {
  if (b <= 0) throw new RangeError("divisor must be positive");
  let q = Math.floor(a / b);
  while (q * b < a) q += 1;
  while (q > 0 && (q - 1) * b >= a) q -= 1;
  return q;
}

function check(ok: boolean, message: string): void {
  if (!ok) throw new RangeError(message);
}

export function floorRate(input: FloorRateInput): FloorRateResult {
  const { yearlyIncomeGoal, yearlyExpenses, taxRateBp, billableHoursPerWeek, workingWeeks, unit, hoursPerDay } = input;
  check(Number.isSafeInteger(yearlyIncomeGoal) && yearlyIncomeGoal >= 0, "yearly income goal must be a whole, non-negative amount");
  check(Number.isSafeInteger(yearlyExpenses) && yearlyExpenses >= 0, "yearly expenses must be a whole, non-negative amount");
  check(Number.isInteger(taxRateBp) && taxRateBp >= 0 && taxRateBp < 10000, "tax rate must be from 0% to below 100%");
  check(Number.isFinite(billableHoursPerWeek) && billableHoursPerWeek <= 168, "billable hours per week must be a number up to 168");
  const minutesPerWeek = Math.round(billableHoursPerWeek * 60);
  check(minutesPerWeek > 0, "billable hours per week must be more than zero");
  check(Number.isInteger(workingWeeks) && workingWeeks >= 1 && workingWeeks <= 53, "working weeks must be a whole number from 1 to 53");
  check(unit === "hour" || unit === "day", "unit must be hour or day");
  check(Number.isFinite(hoursPerDay) && hoursPerDay > 0 && hoursPerDay <= 24, "hours per day must be more than 0 and at most 24");
  check(yearlyIncomeGoal * 10000 <= Number.MAX_SAFE_INTEGER, "yearly income goal is too large");

  // Pre-tax income that leaves the goal after tax: goal ÷ (1 − t), with t in basis points.
  const grossNeeded = ceilDiv(yearlyIncomeGoal * 10000, 10000 - taxRateBp) + yearlyExpenses;
  const billableMinutes = minutesPerWeek * workingWeeks;
  const minutesPerUnit = unit === "day" ? Math.round(hoursPerDay * 60) : 60;
  check(grossNeeded * minutesPerUnit <= Number.MAX_SAFE_INTEGER, "amounts are too large");
  // Per day is computed from the gross directly (not hour rate × hours) so it is rounded only once.
  const rate = ceilDiv(grossNeeded * minutesPerUnit, billableMinutes);
  const billableHoursPerYear = billableMinutes / 60;

  const money = (n: number) => (input.currency ? formatMoney(n, input.currency, input.locale ?? "en-US") : toDecimalString(n, "USD"));
  const pct = `${taxRateBp / 100}%`;
  const hours = new Intl.NumberFormat(input.locale ?? "en-US", { maximumFractionDigits: 2 });
  const perUnit = unit === "day" ? ` × ${hours.format(minutesPerUnit / 60)} h per day` : "";
  const formula =
    `(${money(yearlyIncomeGoal)} ÷ (1 − ${pct})) + ${money(yearlyExpenses)} = ${money(grossNeeded)} gross; ` +
    `${money(grossNeeded)}${perUnit} ÷ ${hours.format(billableHoursPerYear)} billable hours ` +
    `(${hours.format(billableHoursPerWeek)} h × ${plural(workingWeeks, "week")}) = ${money(rate)} per ${unit}, rounded up`;
  return { rate, grossNeeded, billableHoursPerYear, formula };
}
