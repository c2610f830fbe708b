/** Settling over time: the effective rate month by month against target, floor and market. Pure. */
import { monthsBetween } from "../dates";
import type { Settings } from "../domain";
import { divRound } from "../money";
import type { Dashboard, SettledQuote } from "./types";
import type { Period } from "./filters";

/** Months to draw: the whole period when it is bounded and at most 3 years, else the months that have work. */
export const MAX_PERIOD_MONTHS = 36;

const sum = (list: readonly SettledQuote[], pick: (r: SettledQuote) => number) => list.reduce((s, r) => s + pick(r), 0);

/** Σ minutes × rate as bp of the quote's own service target, over Σ minutes; rounded once. null without minutes. */
function weightedShare(list: readonly SettledQuote[], rateOf: (r: SettledQuote) => number): number | null {
  const minutes = sum(list, (r) => r.minutes);
  return minutes > 0 ? Math.round(sum(list, (r) => (r.minutes * rateOf(r) * 10000) / r.service!.targetRate) / minutes) : null;
}

/**
 * Effective rate by month. One service: its own rates, the month's agreed money over the month's agreed
 * hours. Several services: each quote's rate as a share of its own service's target (and its floor and
 * market as shares of that target), averaged weighted by hours. Shares carry no currency, so services
 * priced in different currencies can share one line; they are rounded once, at the end.
 */
export function overTime(rows: readonly SettledQuote[], period: Pick<Period, "from" | "to">, settings: Pick<Settings, "hoursPerDay">): Dashboard["overTime"] {
  const rated = rows.filter((r) => r.rated);
  if (rated.length === 0) return { mode: "percent", unit: null, rateCurrency: null, months: [] };
  const single = new Set(rated.map((r) => r.serviceId)).size === 1 ? rated[0].service! : null;

  const dataMonths = [...new Set(rows.map((r) => r.month))].sort();
  const bounded = period.from && period.to ? monthsBetween(period.from.slice(0, 7), period.to.slice(0, 7)) : null;
  const months = bounded && bounded.length <= MAX_PERIOD_MONTHS ? bounded : monthsBetween(dataMonths[0], dataMonths[dataMonths.length - 1]);

  const floorShare = weightedShare(rated, (r) => r.service!.floorRate) ?? 0;
  const marketShare = weightedShare(rated, (r) => r.service!.marketRate) ?? 0;

  const byMonth = new Map<string, SettledQuote[]>();
  for (const r of rows) {
    const list = byMonth.get(r.month);
    if (list) list.push(r);
    else byMonth.set(r.month, [r]);
  }
  return {
    mode: single ? "rate" : "percent",
    unit: single ? single.unit : null,
    rateCurrency: single ? single.currency : null,
    months: months.map((month) => {
      const all = byMonth.get(month) ?? [];
      const list = all.filter((r) => r.rated);
      const minutes = sum(list, (r) => r.minutes);
      let effective: number | null = null;
      if (single) {
        if (minutes > 0) effective = divRound(sum(list, (r) => r.price) * (single.unit === "day" ? 60 * settings.hoursPerDay : 60), minutes);
      } else effective = weightedShare(list, (r) => r.effectiveRate!);
      return {
        month,
        acceptedQuotes: all.length,
        ratedMinutes: minutes,
        moneyLeft: sum(
          all.filter((r) => r.inSettingsCurrency),
          (r) => r.moneyLeft,
        ),
        effective,
        target: single ? single.targetRate : 10000,
        floor: single ? single.floorRate : floorShare,
        market: single ? single.marketRate : marketShare,
      };
    }),
  };
}
