import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { EstimateGroup } from "@/lib/dashboard";
import type { DashboardView } from "@/server/dashboard";
import { EstimateChart } from "../charts/estimate-chart";
import { ClientTable } from "../client-table";
import type { Fmt } from "../format";
import { Empty, Figure, Stat } from "../parts";

/** "+35%" over, "−10%" under, "on estimate" at 0, a dash without a figure. */
function overrunText(bp: number | null, f: Fmt): string {
  if (bp == null) return "\u2013";
  if (bp === 0) return "on estimate";
  return bp > 0 ? `${f.pct(bp)} over` : `${f.pct(-bp)} under`;
}

function columns(d: DashboardView, f: Fmt) {
  const rate = (v: number | null) => (v == null ? "\u2013" : `${f.money(v)}/h`);
  return [
    { header: "Jobs", cell: (g: EstimateGroup) => g.jobs },
    { header: "Estimated", cell: (g: EstimateGroup) => f.hours(g.estimateMinutes) },
    { header: "Logged", cell: (g: EstimateGroup) => f.hours(g.actualMinutes) },
    { header: "Overrun", cell: (g: EstimateGroup) => overrunText(g.overrunBp, f) },
    { header: "Crept", cell: (g: EstimateGroup) => (g.creptJobs === 0 ? "none" : f.n(g.creptJobs, "job")) },
    { header: `Rate on the estimate (${d.currency})`, cell: (g: EstimateGroup) => rate(g.estimateRate) },
    { header: `True rate (${d.currency})`, cell: (g: EstimateGroup) => rate(g.trueRate) },
  ];
}

/**
 * Estimate vs actual: the accepted jobs of the period with time logged, their estimated against logged
 * hours by client (chart + table) and by service (table), the pooled overrun, the jobs that crept, and
 * the rate on the estimate against the true rate (docs/dashboard.md).
 */
export function EstimatesSection({ d, f }: { d: DashboardView; f: Fmt }) {
  const e = d.estimates;
  const t = e.totals;
  const cols = columns(d, f);
  const drawn = e.byClient.filter((g) => e.chartClients.includes(g.key));
  const worst = e.byClient[0];
  const desc =
    t.jobs === 0
      ? ""
      : `${f.n(t.jobs, "job")} with time logged: ${f.hours(t.estimateMinutes)} estimated, ${f.hours(t.actualMinutes)} logged (${overrunText(t.overrunBp, f)}).` +
        (worst && worst.overrunBp != null && worst.overrunBp > 0 ? ` Ran over the most: ${worst.label}, ${overrunText(worst.overrunBp, f)}.` : "") +
        (e.byClient.length > drawn.length ? ` The chart shows the ${drawn.length} clients that ran over the most; the table has all ${e.byClient.length}.` : "");
  return (
    <Card title="Estimate vs actual" id="estimates">
      <p className="mb-3 text-sm text-stone-700 dark:text-stone-300">
        Accepted jobs of the period with time logged against their estimate. The overrun adds up all the time logged against all the estimates, so a big job weighs more than a small one;
        the true rate is what was agreed divided by the hours logged.
      </p>
      {t.jobs === 0 ? (
        <Empty>
          Log time on your jobs (or import it from Toggl, Clockify or Harvest on the{" "}
          <Link href="/data" className="underline">
            Data page
          </Link>
          ) to see where estimates run over.
          {e.loggedWithoutEstimate > 0 ? ` ${f.n(e.loggedWithoutEstimate, "job")} with time logged ${e.loggedWithoutEstimate === 1 ? "has no estimate of its own" : "have no estimates of their own"} to compare with.` : ""}
        </Empty>
      ) : (
        <>
          <dl className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
            <Stat label="Overrun" value={overrunText(t.overrunBp, f)} testId="estimates-overrun">
              {`${f.hours(t.actualMinutes)} logged against ${f.hours(t.estimateMinutes)} estimated, ${f.n(t.jobs, "job")}`}
            </Stat>
            <Stat label="Jobs that crept" value={`${t.creptJobs} of ${t.jobs}`} testId="estimates-crept">
              ran over their estimate by more than your creep threshold (Settings)
            </Stat>
            <Stat label="Rate on the estimate" value={t.estimateRate == null ? "\u2013" : `${f.money(t.estimateRate)}/h`} testId="estimates-estimate-rate">
              {t.pricedJobs === t.jobs ? "what was agreed ÷ the hours estimated" : `over the ${f.n(t.pricedJobs, "job")} whose money counts in ${d.currency}`}
            </Stat>
            <Stat label="True rate" value={t.trueRate == null ? "\u2013" : `${f.money(t.trueRate)}/h`} testId="estimates-true-rate">
              what was agreed ÷ the hours logged
            </Stat>
          </dl>
          <h3 id="estimates-client-title" className="mb-1 text-sm font-semibold">
            By client
          </h3>
          <Figure id="estimates-client" desc={desc}>
            <EstimateChart
              data={drawn.map((g) => ({ label: g.label, estimate: g.estimateMinutes, logged: g.actualMinutes, clientId: g.clientId }))}
              locale={d.locale}
              title="Estimated against logged hours, by client"
              desc={desc}
            />
          </Figure>
          <ClientTable caption="Estimate vs actual, by client" rows={e.byClient} rowKey={(g) => g.key} client={(g) => ({ id: g.clientId, name: g.label })} columns={cols} />
          <h3 className="mt-5 mb-1 text-sm font-semibold">By service</h3>
          <ServiceTable groups={e.byService} cols={cols} />
          {e.loggedWithoutEstimate > 0 ? (
            <p className="mt-3 text-xs text-stone-700 dark:text-stone-300">
              {f.n(e.loggedWithoutEstimate, "job")} with time logged {e.loggedWithoutEstimate === 1 ? "has no estimate of its own" : "have no estimates of their own"} (made from imported time) and {e.loggedWithoutEstimate === 1 ? "is" : "are"} not compared here.
            </p>
          ) : null}
        </>
      )}
    </Card>
  );
}

/** By service there is no chart: the table itself, shown (it scrolls sideways on a phone). */
function ServiceTable({ groups, cols }: { groups: readonly EstimateGroup[]; cols: ReturnType<typeof columns> }) {
  return (
    <div className="overflow-x-auto" role="region" aria-label="Estimate vs actual, by service" tabIndex={0}>
      <table className="min-w-full border-collapse text-left text-sm tabular-nums [&_td]:border-t [&_td]:border-stone-200 [&_td]:px-2 [&_td]:py-1.5 dark:[&_td]:border-stone-800 [&_th]:px-2 [&_th]:py-1.5 [&_th]:font-semibold [&_thead_th]:whitespace-nowrap">
        <caption className="sr-only">Estimate vs actual, by service</caption>
        <thead>
          <tr>
            <th scope="col">Service</th>
            {cols.map((c) => (
              <th key={c.header} scope="col">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.key}>
              <th scope="row" className="border-t border-stone-200 font-medium dark:border-stone-800">
                {g.label}
              </th>
              {cols.map((c) => (
                <td key={c.header}>{c.cell(g)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
