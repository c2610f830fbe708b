import { Card } from "@/components/ui/card";
import { formatMoney } from "@/lib/money";
import type { DashboardView } from "@/server/dashboard";
import { TrendChart } from "../charts/trend-chart";
import type { Fmt } from "../format";
import { Empty, Figure, TableDetails } from "../parts";

/** Settling over time: the effective rate month by month against target, floor and market. */
export function TrendSection({ d, f }: { d: DashboardView; f: Fmt }) {
  const t = d.overTime;
  const rate = t.mode === "rate";
  const cur = t.rateCurrency ?? d.currency;
  const unit = t.unit === "day" ? "day" : "h";
  const show = (v: number | null) => (v == null ? "\u2013" : rate ? `${formatMoney(v, cur, d.locale)}/${unit}` : f.pct(v));
  const withWork = t.months.filter((m) => m.effective != null);
  const below = withWork.filter((m) => m.effective! < m.target);
  const last = withWork[withWork.length - 1];
  const desc =
    withWork.length === 0
      ? ""
      : `${rate ? "Effective rate per month, in your rates for this service." : "Effective rate per month as a percent of your target: your services have different rates, so each quote is measured against its own service's target (100%)."} ` +
        `Below target in ${below.length} of ${f.n(withWork.length, "month")} with accepted work; latest (${f.month(last.month)}): ${show(last.effective)} against a target of ${show(last.target)} and a floor of ${show(last.floor)}.`;
  const cut = t.shortened;
  return (
    <Card title="Settling over time" id="trend">
      {cut && (
        <p className="mb-2 text-sm text-stone-700 dark:text-stone-300" data-testid="trend-shortened">
          Showing the last {f.n(cut.shownMonths, "month")} with accepted work ({f.month(cut.from)} to {f.month(cut.to)}), without the empty months between them. The months
          with accepted work span {cut.spanMonths.toLocaleString(d.locale)} months in all.
          {cut.omittedQuotes > 0 ? ` ${f.n(cut.omittedQuotes, "accepted quote")} outside these months ${cut.omittedQuotes === 1 ? "is" : "are"} not charted.` : ""}
          {cut.to > d.today.slice(0, 7) ? ` The latest month is after today: a quote dated that far ahead may be a typo.` : ""}
        </p>
      )}
      {withWork.length === 0 ? (
        <Empty>Mark quotes accepted, linked to a service on your rate card, to chart your effective rate against your target, floor and market rates month by month.</Empty>
      ) : (
        <Figure id="trend" desc={desc}>
          <TrendChart
            data={t.months.map((m) => ({ label: f.month(m.month), effective: m.effective, target: m.target, floor: m.floor, market: m.market }))}
            mode={t.mode}
            currency={cur}
            unit={t.unit}
            locale={d.locale}
            title={rate ? "Effective rate against target, floor and market, by month" : "Effective rate as a percent of target, by month"}
            desc={desc}
          />
        </Figure>
      )}
      <TableDetails caption="Effective rate by month" when={withWork.length > 0}>
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col">Accepted quotes</th>
            <th scope="col">Hours</th>
            <th scope="col">Effective</th>
            <th scope="col">Target</th>
            <th scope="col">Floor</th>
            <th scope="col">Market</th>
            <th scope="col">Money left</th>
          </tr>
        </thead>
        <tbody>
          {t.months.map((m) => (
            <tr key={m.month}>
              <th scope="row">{f.month(m.month)}</th>
              <td>{m.acceptedQuotes}</td>
              <td>{f.hours(m.ratedMinutes)}</td>
              <td>{show(m.effective)}</td>
              <td>{show(m.target)}</td>
              <td>{show(m.floor)}</td>
              <td>{show(m.market)}</td>
              <td>{f.money(m.moneyLeft)}</td>
            </tr>
          ))}
        </tbody>
      </TableDetails>
    </Card>
  );
}
