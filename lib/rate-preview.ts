/**
 * The quote form's live preview: what a quote pays per hour (or per day) while it is typed, against the
 * chosen service's floor, target and market rates. Integer arithmetic: the rate shown is
 * `effectiveRate` (lib/money.ts, rounded once); the comparisons are exact (amount × unit minutes against
 * rate × minutes), so a quote a fraction of a cent under the target is "below your target", never "at target".
 */
import type { Service, Unit } from "./domain";
import { effectiveRate, formatMoney } from "./money";
import { unitSuffix } from "./offer-check/format";

export type RateStanding = "below_floor" | "below_target" | "at_target" | "above_target" | "at_market";

export interface RatePreview {
  /** minor units per `unit` */
  rate: number;
  unit: Unit;
  currency: string;
  /** null when there is nothing to compare with (no service, or a service priced in another currency) */
  standing: RateStanding | null;
  /** "$120/h" */
  rateText: string;
  /** "at target", "below your floor of $85/h", … */
  verdict: string;
  tone: "good" | "warn" | "bad" | "neutral";
}

export interface RatePreviewInput {
  /** the quoted amount, minor units of `currency` */
  amount: number;
  minutes: number;
  currency: string;
  service: Pick<Service, "unit" | "currency" | "floorRate" | "targetRate" | "marketRate"> | null;
  hoursPerDay: number;
  locale: string;
}

/** −1, 0 or 1: amount over minutes against `rate` per unit, exactly. */
function compareRate(amount: number, minutes: number, rate: number, perUnitMinutes: number): number {
  return Math.sign(amount * perUnitMinutes - rate * minutes);
}

/** The preview, or null until both the amount and the time are above zero. */
export function ratePreview({ amount, minutes, currency, service, hoursPerDay, locale }: RatePreviewInput): RatePreview | null {
  if (!(amount > 0) || !(minutes > 0) || !Number.isSafeInteger(amount) || !Number.isSafeInteger(minutes)) return null;
  const unit: Unit = service?.unit ?? "hour";
  const rate = effectiveRate(amount, minutes, unit, hoursPerDay);
  const per = (r: number) => `${formatMoney(r, currency, locale)}${unitSuffix(unit)}`;
  const base = { rate, unit, currency, rateText: per(rate) };
  if (!service) return { ...base, standing: null, verdict: "no service chosen to compare with", tone: "neutral" };
  if (service.currency.toUpperCase() !== currency.toUpperCase())
    return { ...base, standing: null, verdict: `the service is priced in ${service.currency}, so there is nothing to compare with`, tone: "neutral" };
  const perUnitMinutes = unit === "day" ? 60 * hoursPerDay : 60;
  const vs = (r: number) => compareRate(amount, minutes, r, perUnitMinutes);
  if (vs(service.floorRate) < 0) return { ...base, standing: "below_floor", verdict: `below your floor of ${per(service.floorRate)}`, tone: "bad" };
  if (vs(service.targetRate) < 0) return { ...base, standing: "below_target", verdict: `below your target of ${per(service.targetRate)}`, tone: "warn" };
  if (service.marketRate > service.targetRate && vs(service.marketRate) >= 0)
    return { ...base, standing: "at_market", verdict: `at or above the market rate of ${per(service.marketRate)}`, tone: "good" };
  if (vs(service.targetRate) === 0) return { ...base, standing: "at_target", verdict: "at target", tone: "good" };
  return { ...base, standing: "above_target", verdict: `above your target of ${per(service.targetRate)}`, tone: "good" };
}
