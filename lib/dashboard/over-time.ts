/** Settling over time: the effective rate month by month against target, floor and market. Pure. */
import { isDateInBounds, monthIndex, monthOfIndex, monthsBetweenCount } from "../dates";
import type { Settings } from "../domain";
import { divRound } from "../money";
import type { Dashboard, OverTimeShortened, SettledQuote } from "./types";
import type { Period } from "./filters";

/** Months to draw: the whole period when it is bounded and at most 3 years, else the months that have work. */
export const MAX_PERIOD_MONTHS = 36;
/**
 * The most months the series ever lists: ten years. When the months from the first to the last month
 * with work are more (a date decades away, say 9999-12-31 stored before the date rule, or a very long
 * history), the series is the latest MAX_SERIES_MONTHS months that have work, and says so (`shortened`).
 * No stored date can make it longer, so no page can fail on it.
 */
export const MAX_SERIES_MONTHS = 120;

/** Every month from `from` to `to` (valid months, `to` not before `from`), years padded like the rows' months. */
function listMonths(from: string, to: string): string[] {
  const out: string[] = [];
  for (let i = monthIndex(from), last = monthIndex(to); i <= last; i++) out.push(monthOfIndex(i));
  return out;
}

/** The months to list, and what was left out when that had to be cut. Never lists a span before counting it. */
export function seriesMonths(
  rowMonths: readonly string[],
  period: Pick<Period, "from" | "to">,
): { months: string[]; shortened: OverTimeShortened | null } {
  // a period from resolvePeriod is always inside the date bounds; anything else is not trusted to be a period
  const bounded = period.from && period.to && isDateInBounds(period.from) && isDateInBounds(period.to);
  const from = period.from?.slice(0, 7) ?? "";
  const to = period.to?.slice(0, 7) ?? "";
  const periodMonths = bounded ? monthsBetweenCount(from, to) : 0;
  if (periodMonths > 0 && periodMonths <= MAX_PERIOD_MONTHS) return { months: listMonths(from, to), shortened: null };

  // only real calendar months: a date stored before the date rule may be anything ("9999-99-99")
  const withWork = [...new Set(rowMonths)].filter((m) => Number.isFinite(monthIndex(m))).sort();
  if (withWork.length === 0) return { months: [], shortened: null };
  const first = withWork[0];
  const last = withWork[withWork.length - 1];
  const spanMonths = monthsBetweenCount(first, last);
  if (spanMonths <= MAX_SERIES_MONTHS) return { months: listMonths(first, last), shortened: null };

  const months = withWork.slice(-MAX_SERIES_MONTHS);
  const shown = new Set(months);
  return {
    months,
    shortened: {
      shownMonths: months.length,
      from: months[0],
      to: months[months.length - 1],
      spanMonths,
      omittedMonths: withWork.length - months.length,
      omittedQuotes: rowMonths.filter((m) => !shown.has(m)).length,
    },
  };
}

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
  if (rated.length === 0) return { mode: "percent", unit: null, rateCurrency: null, months: [], shortened: null };
  const single = new Set(rated.map((r) => r.serviceId)).size === 1 ? rated[0].service! : null;

  const { months, shortened } = seriesMonths(rows.map((r) => r.month), period);

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
    shortened,
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
