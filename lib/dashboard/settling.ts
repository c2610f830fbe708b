/**
 * Settling sums: each accepted quote is settled by lib/settling.ts (the negotiation replay decides the
 * agreed scope, the effective rate and the concession); the figures here add those up for the headline,
 * and by service, lead source and client. Pure.
 */
import { label, type Service, type Settings } from "../domain";
import { divRound, formatMoney, formatPercentBp } from "../money";
import { plural } from "../text";
import { serviceForQuote } from "../rates";
import { ASK_DEFAULT_MINUTES, safeReplay, settleQuote } from "../settling";
import { inBookCurrency } from "../book-currency";
import type { Dashboard, ScopedQuote, SettledQuote, SettlingFigures, SettlingGroup, UnpaidAskCount, UnpaidFigures } from "./types";

/** `part` as a share of `whole` in basis points, rounded half away from zero; null for an empty whole. */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? divRound(part * 10000, whole) : null;
}

/** One accepted quote, settled against its service (if it still exists) at the rates in force on its date (q.rates), and the settings. */
export function settle(scoped: ScopedQuote, serviceById: ReadonlyMap<number, Service>, settings: Settings): SettledQuote {
  // counted in the book's currency through the quote's own rate (lib/book-currency.ts)
  const q = inBookCurrency(scoped, settings.currency);
  const service = serviceForQuote(q, serviceById) ?? null;
  const s = settleQuote(q, service ?? undefined, settings);
  const replay = safeReplay(q);
  const rated = s.effectiveRate != null && service != null;
  return {
    quoteId: q.id,
    clientId: q.clientId,
    clientName: q.clientName,
    leadSource: q.leadSource,
    serviceId: q.serviceId,
    month: q.periodDate.slice(0, 7),
    inSettingsCurrency: q.currency === settings.currency,
    // the minutes the pay is judged on: the time logged once it counts, else the estimate
    minutes: Math.max(0, s.time?.basisMinutes ?? replay.currentMinutes),
    estimateMinutes: s.time?.estimateKnown === false ? null : Math.max(0, replay.currentMinutes),
    actualMinutes: s.time?.actualMinutes ?? 0,
    crept: s.crept,
    price: replay.currentPrice,
    concededBp: Math.min(10000, Math.max(0, replay.concededBp)),
    rated,
    service,
    effectiveRate: s.effectiveRate,
    belowTarget: s.belowTarget,
    belowFloor: s.belowFloor,
    moneyLeft: s.moneyLeftOnTable,
  };
}

export function settlingFigures(rows: readonly SettledQuote[]): SettlingFigures {
  const f: SettlingFigures = {
    acceptedQuotes: rows.length,
    ratedQuotes: 0,
    acceptedMinutes: 0,
    ratedMinutes: 0,
    belowTargetQuotes: 0,
    belowFloorQuotes: 0,
    belowTargetMinutes: 0,
    belowFloorMinutes: 0,
    belowTargetShareBp: null,
    belowFloorShareBp: null,
    moneyLeft: 0,
    revenue: 0,
    otherCurrencyQuotes: 0,
    concededQuotes: 0,
    averageConcessionBp: null,
  };
  let concededSum = 0;
  for (const r of rows) {
    f.acceptedMinutes += r.minutes;
    concededSum += r.concededBp;
    if (r.concededBp > 0) f.concededQuotes += 1;
    // Never add up different currencies: money totals are in the user's own currency only.
    if (r.inSettingsCurrency) {
      f.moneyLeft += r.moneyLeft;
      f.revenue += r.price;
    } else f.otherCurrencyQuotes += 1;
    if (!r.rated) continue;
    f.ratedQuotes += 1;
    f.ratedMinutes += r.minutes;
    if (r.belowTarget) {
      f.belowTargetQuotes += 1;
      f.belowTargetMinutes += r.minutes;
    }
    if (r.belowFloor) {
      f.belowFloorQuotes += 1;
      f.belowFloorMinutes += r.minutes;
    }
  }
  f.belowTargetShareBp = share(f.belowTargetMinutes, f.ratedMinutes);
  f.belowFloorShareBp = share(f.belowFloorMinutes, f.ratedMinutes);
  f.averageConcessionBp = rows.length ? divRound(concededSum, rows.length) : null;
  return f;
}

/**
 * Settling figures per group, most money left first, then the larger share below target (none last),
 * then by label. The label (and client id) is taken from the group's first row.
 */
export function groupBy(
  rows: readonly SettledQuote[],
  keyOf: (r: SettledQuote) => string,
  labelOf: (r: SettledQuote) => string,
  clientIdOf: (r: SettledQuote) => number | null = () => null,
): SettlingGroup[] {
  const groups = new Map<string, SettledQuote[]>();
  for (const r of rows) {
    const k = keyOf(r);
    const list = groups.get(k);
    if (list) list.push(r);
    else groups.set(k, [r]);
  }
  return [...groups.entries()]
    .map(([key, list]) => ({ key, label: labelOf(list[0]), clientId: clientIdOf(list[0]), ...settlingFigures(list) }))
    .sort((a, b) => b.moneyLeft - a.moneyLeft || (b.belowTargetShareBp ?? -1) - (a.belowTargetShareBp ?? -1) || a.label.localeCompare(b.label));
}

/** Where settling happens: by service, by lead source and by client. */
export function whereSettling(settled: readonly SettledQuote[]): Dashboard["where"] {
  return {
    byService: groupBy(
      settled,
      (r) => (r.serviceId == null ? "none" : String(r.serviceId)),
      (r) => r.service?.name ?? "No service",
    ),
    byLeadSource: groupBy(
      settled,
      (r) => r.leadSource,
      (r) => label(r.leadSource),
    ),
    byClient: groupBy(
      settled,
      (r) => String(r.clientId),
      (r) => r.clientName,
      (r) => r.clientId,
    ),
  };
}

/** Money left now against the previous period: the difference, and that difference in bp of the earlier amount. */
export function moneyLeftTrend(current: number, previous: number | null): { moneyLeftChange: number | null; moneyLeftChangeBp: number | null } {
  if (previous == null) return { moneyLeftChange: null, moneyLeftChangeBp: null };
  const change = current - previous;
  return { moneyLeftChange: change, moneyLeftChangeBp: previous > 0 ? divRound(change * 10000, previous) : null };
}

/**
 * The money-left trend in a sentence. Compared only with a previous period that has accepted quotes:
 * against an empty one, "Up $7,127.50 on the previous 365 days ($0.00)" would read as a finding when
 * there was nothing to compare with.
 */
export function moneyLeftTrendText(
  h: Pick<Dashboard["headline"], "previous" | "moneyLeftChange" | "moneyLeftChangeBp">,
  days: number | null,
  currency: string,
  locale: string,
): string {
  const span = days == null ? "previous period" : `previous ${plural(days, "day")}`.replace(/^previous 1 day$/, "previous day");
  if (!h.previous || h.moneyLeftChange == null) return "No earlier period of the same length to compare with.";
  if (h.previous.settling.acceptedQuotes === 0) return `No data for the ${span} to compare.`;
  if (h.moneyLeftChange === 0) return `Same as the ${span}.`;
  const word = h.moneyLeftChange > 0 ? "Up" : "Down";
  const rel = h.moneyLeftChangeBp != null ? ` (${formatPercentBp(Math.abs(h.moneyLeftChangeBp), locale)})` : "";
  return `${word} ${formatMoney(Math.abs(h.moneyLeftChange), currency, locale)}${rel} on the ${span} (${formatMoney(h.previous.settling.moneyLeft, currency, locale)}).`;
}

/** Unpaid asks and their minutes: an ask logged without minutes counts ASK_DEFAULT_MINUTES (lib/settling.ts askMinutes). */
export function unpaidFigures(count: UnpaidAskCount): UnpaidFigures {
  return { asks: count.asks, minutes: count.loggedMinutes + count.unloggedAsks * ASK_DEFAULT_MINUTES };
}
