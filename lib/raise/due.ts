/**
 * Rates due a raise (docs/today.md, "Rates due a raise"): a pure rule per client and service.
 *
 * Due when the client is active, has accepted work on the service, has no planned raise still to take
 * effect (a plan starting after today that did not end with "left"), did not leave over their latest
 * raise of that service (its answer "left": another one is not suggested), and either
 *   (a) the rate they pay now is below the target in force today, or
 *   (b) their rate has not been raised for `raiseAfterMonths` months: since the start of their last
 *       raise (the latest plan's effectiveFrom, a plan they left not counting), else since their first
 *       accepted job of that service. Exactly 12 months is due (Dec 1, 2025 → Dec 1, 2026).
 */
import type { ClientStatus, RatePlan, Settings } from "../domain";
import { discountBp, formatPercentBp } from "../money";
import { formatDay } from "../format-date";
import { plural } from "../text";
import { rateWords, type RateNow } from "./rates";

/** `iso` plus `months` calendar months; a day past the month's end is clamped to it (Jan 31 + 1 → Feb 28). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = index - ny * 12 + 1;
  const day = Math.min(d, new Date(Date.UTC(ny, nm, 0)).getUTCDate());
  return `${String(ny).padStart(4, "0")}-${String(nm).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Whole calendar months from `from` to `to` (0 when `to` is before a full month has passed). */
export function wholeMonthsBetween(from: string, to: string): number {
  if (to <= from) return 0;
  const [fy, fm] = from.split("-").map(Number);
  const [ty, tm] = to.split("-").map(Number);
  let n = (ty - fy) * 12 + (tm - fm);
  while (n > 0 && addMonths(from, n) > to) n -= 1;
  return n;
}

export type PlanLike = Pick<RatePlan, "effectiveFrom" | "outcome" | "noticeOn">;

/** A raise announced and still to take effect: it starts after today and the client did not leave over it. */
export function pendingPlan<P extends PlanLike>(plans: readonly P[], today: string): P | undefined {
  return plans.find((p) => p.effectiveFrom > today && p.outcome !== "left");
}

/** Their latest plan: the latest notice day, then the latest first day; undefined when none. */
export function latestPlan<P extends PlanLike>(plans: readonly P[]): P | undefined {
  let found: P | undefined;
  for (const p of plans)
    if (!found || p.noticeOn > found.noticeOn || (p.noticeOn === found.noticeOn && p.effectiveFrom > found.effectiveFrom)) found = p;
  return found;
}

/** The day their rate was last raised (the latest plan that was not left), else null. */
export function lastRaiseOn(plans: readonly PlanLike[]): string | null {
  let last: string | null = null;
  for (const p of plans) if (p.outcome !== "left" && (last == null || p.effectiveFrom > last)) last = p.effectiveFrom;
  return last;
}

export interface RaiseDueInput {
  today: string;
  settings: Pick<Settings, "raiseAfterMonths" | "locale">;
  clientStatus: ClientStatus;
  /** the first day they accepted work of this service; null: no accepted work */
  firstAcceptedOn: string | null;
  /** the client's plans for this service */
  plans: readonly PlanLike[];
  rateNow: RateNow | null;
  /** the service's target in force today, same currency and unit as rateNow */
  targetRate: number;
}

export interface RaiseDue {
  belowTarget: boolean;
  stale: boolean;
  /** the day the raise clock started: the last raise, else the first accepted job */
  since: string;
  /** what `since` is */
  sinceIs: "last_raise" | "first_job";
  monthsSince: number;
  reason: string;
  fingerprint: string;
}

export function raiseDue(input: RaiseDueInput): RaiseDue | null {
  const { today, settings, rateNow, targetRate } = input;
  if (input.clientStatus !== "active" || input.firstAcceptedOn == null) return null;
  if (pendingPlan(input.plans, today)) return null;
  if (latestPlan(input.plans)?.outcome === "left") return null;
  const locale = settings.locale || "en-US";
  const last = lastRaiseOn(input.plans);
  const since = last ?? input.firstAcceptedOn;
  const sinceIs = last != null ? "last_raise" : "first_job";
  const after = Math.max(1, settings.raiseAfterMonths);
  const stale = addMonths(since, after) <= today;
  const belowTarget = rateNow != null && targetRate > 0 && rateNow.rate < targetRate;
  if (!stale && !belowTarget) return null;
  const monthsSince = wholeMonthsBetween(since, today);
  const parts: string[] = [];
  if (rateNow) {
    const pays = `Pays ${rateWords(rateNow.rate, rateNow.currency, rateNow.unit, locale)}`;
    parts.push(belowTarget ? `${pays}, ${formatPercentBp(discountBp(targetRate, rateNow.rate), locale)} below your target of ${rateWords(targetRate, rateNow.currency, rateNow.unit, locale)}` : pays);
  }
  if (stale) parts.push(`No raise for ${plural(monthsSince, "month")}`);
  // the months are counted from a day: the reason says which (below target alone needs no day)
  const sinceWords = stale ? ` (${sinceIs === "last_raise" ? "last raise" : "first job"}: ${formatDay(since, locale)})` : "";
  return {
    belowTarget,
    stale,
    since,
    sinceIs,
    monthsSince,
    reason: `${parts.join(". ")}${sinceWords}.`,
    fingerprint: `${rateNow?.rate ?? "none"}|${since}|${targetRate}`,
  };
}
