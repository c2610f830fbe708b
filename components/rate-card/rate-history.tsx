import type { Service } from "@/lib/domain";
import { formatDay } from "@/lib/format-date";
import { formatMoney } from "@/lib/money";
import { RATES_SINCE, rowOn, type ServiceRateRow } from "@/lib/rates";

/**
 * A service's rate history, newest first: the rates from each day on. The row in force today is marked;
 * a row dated later is "from then". Past quotes are judged by the row in force on their date.
 */
export function RateHistory({ service, rates, today, locale }: { service: Service; rates: readonly ServiceRateRow[]; today: string; locale: string }) {
  if (rates.length === 0) return <p className="text-sm text-stone-600 dark:text-stone-400">No rate history yet: quotes are compared with the rates above.</p>;
  // the unit once, in the headers: the rows then fit a phone without scrolling
  const m = (n: number) => formatMoney(n, service.currency, locale);
  const per = service.unit === "day" ? "/day" : "/h";
  const inForce = rowOn(rates, service.id, today);
  const rows = [...rates].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1));
  return (
    // focusable, so a keyboard can scroll a table wider than a phone
    <div className="overflow-x-auto" role="region" aria-label={`${service.name} rate history`} tabIndex={0}>
      <table className="w-full text-left text-sm" aria-label={`${service.name} rate history`}>
      <thead className="text-xs text-stone-600 dark:text-stone-400">
        <tr>
          <th scope="col" className="py-1 pr-3 font-medium">Effective from</th>
          <th scope="col" className="py-1 pr-3 font-medium">Market {per}</th>
          <th scope="col" className="py-1 pr-3 font-medium">Target {per}</th>
          <th scope="col" className="py-1 font-medium">Floor {per}</th>
        </tr>
      </thead>
      <tbody className="tabular-nums">
        {rows.map((r) => (
          <tr key={r.id} className="border-t border-stone-100 dark:border-stone-800" data-testid="rate-history-row">
            <th scope="row" className="py-1 pr-3 font-normal">
              {r.effectiveFrom === RATES_SINCE ? "The beginning" : formatDay(r.effectiveFrom, locale)}
              {r.id === inForce?.id ? <span className="block text-xs text-emerald-700 dark:text-emerald-400">in force today</span> : r.effectiveFrom > today ? <span className="block text-xs text-stone-600 dark:text-stone-400">not yet</span> : null}
            </th>
            <td className="py-1 pr-3">{m(r.marketRate)}</td>
            <td className="py-1 pr-3">{m(r.targetRate)}</td>
            <td className="py-1">{m(r.floorRate)}</td>
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}
