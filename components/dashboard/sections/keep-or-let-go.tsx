import { Card } from "@/components/ui/card";
import type { DashboardView } from "@/server/dashboard";
import { KeepChart } from "../charts/keep-chart";
import { ClientTable } from "../client-table";
import type { Fmt } from "../format";
import { Empty, Figure } from "../parts";

const QUADRANT_LABELS = {
  keep: "Keep: good fit, high revenue",
  grow: "Grow: good fit, lower revenue",
  painful: "Painful: high revenue, low fit",
  let_go: "Let go: low fit, lower revenue",
} as const;

/** A big book would send every client to the browser: the chart draws the clients with the most revenue, the table lists everyone. */
const KEEP_CHART_MAX = 100;
/** The painful corner's clients named in the description; the table names every one. */
const PAINFUL_NAMED = 10;

/** Keep or let go: revenue against fit, sized by the time each client took; the painful corner named. */
export function KeepSection({ d, f }: { d: DashboardView; f: Fmt }) {
  const k = d.keepOrLetGo;
  const painful = k.points.filter((p) => p.quadrant === "painful");
  const withRevenue = k.points.filter((p) => p.revenue > 0);
  const corner = k.revenueMedian > 0 ? `revenue at or above the median of ${f.money(k.revenueMedian)}, fit under ${k.bandKeep} or a red flag` : `any revenue, fit under ${k.bandKeep} or a red flag; most clients here had no accepted work`;
  const named = painful.slice(0, PAINFUL_NAMED).map((p) => `${p.name} (${f.money(p.revenue)}, fit ${p.score})`);
  const unnamed = painful.length - named.length;
  const drawn = k.points.slice(0, KEEP_CHART_MAX);
  const desc =
    (painful.length > 0
      ? `Painful corner (${corner}): ${named.join("; ")}${unnamed > 0 ? `; and ${f.n(unnamed, "more client")}, most revenue first in the table` : ""}.`
      : `No client in the painful corner (${corner}).`) +
    (k.points.length > KEEP_CHART_MAX ? ` The chart shows the ${KEEP_CHART_MAX} clients with the most revenue; the table has all ${k.points.length}.` : "");
  return (
    <Card title="Keep or let go" id="keep">
      {withRevenue.length === 0 || k.points.length < 2 ? (
        <Empty>
          {k.points.length < 2
            ? "This chart compares clients: it needs at least two with a fit score. Add your other clients and log their quotes."
            : d.headline.settling.otherCurrencyQuotes > 0
              ? `This chart adds up revenue in your currency only, and ${f.n(d.headline.settling.otherCurrencyQuotes, "accepted quote")} of the period ${d.headline.settling.otherCurrencyQuotes === 1 ? "is" : "are"} in other currencies: convert them in Settings (Amounts in other currencies) to see them here.`
              : "This chart needs clients with a fit score and accepted quotes in the period: mark a quote accepted with its agreed amount."}
        </Empty>
      ) : (
        <Figure id="keep" desc={desc}>
          <KeepChart
            data={drawn.map((p) => ({ clientId: p.clientId, name: p.name, score: p.score, verdict: p.verdict, revenue: p.revenue, minutes: p.minutes, painful: p.quadrant === "painful" }))}
            bandKeep={k.bandKeep}
            revenueMedian={k.revenueMedian}
            currency={d.currency}
            locale={d.locale}
            title="Keep or let go: revenue against fit score"
            desc={desc}
          />
        </Figure>
      )}
      <ClientTable
        caption="Revenue against fit score per client"
        when={k.points.length > 0}
        rows={k.points}
        rowKey={(p) => p.clientId}
        client={(p) => ({ id: p.clientId, name: p.name })}
        columns={[
          { header: "Fit", cell: (p) => p.score },
          { header: "Revenue", cell: (p) => f.money(p.revenue) },
          {
            header: "Hours (paid + unpaid)",
            cell: (p) => (
              <>
                {f.hours(p.minutes)} ({f.hours(p.paidMinutes)} + {f.hours(p.unpaidMinutes)})
              </>
            ),
          },
          { header: "Corner", cell: (p) => QUADRANT_LABELS[p.quadrant] },
        ]}
      />
    </Card>
  );
}
