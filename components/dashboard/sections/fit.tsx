import { Card } from "@/components/ui/card";
import { VerdictBadge } from "@/components/fit";
import { verdictLegend } from "@/lib/dashboard";
import type { DashboardView } from "@/server/dashboard";
import { FitChart } from "../charts/fit-chart";
import { ClientTable } from "../client-table";
import { Empty, Figure } from "../parts";

/** Charts stay readable with a big book: the worst cases are drawn, the table lists everyone. */
const FIT_CHART_MAX = 20;

/** Fit by client: each client's score, worst first, against the keep and walk-away bands. */
export function FitSection({ d }: { d: DashboardView }) {
  const scored = d.fit.filter((r) => r.score != null);
  const worst = scored[0];
  const best = scored[scored.length - 1];
  const desc =
    scored.length === 0
      ? "No client has enough evidence for a score yet."
      : scored.length === 1
        ? `${worst.name}: ${worst.score}/100, ${worst.verdictLabel.toLowerCase()}.`
        : `${scored.length} clients scored. Worst fit: ${worst.name} at ${worst.score}/100 (${worst.verdictLabel.toLowerCase()}); best: ${best.name} at ${best.score}/100. Click a bar to open the client.` +
          (scored.length > FIT_CHART_MAX ? ` The chart shows the ${FIT_CHART_MAX} lowest scores; the table has all ${d.fit.length} clients.` : "");
  return (
    <Card title="Fit by client" id="fit">
      {scored.length === 0 ? (
        <Empty>No client has enough evidence for a score yet: log quotes with their outcome, unpaid asks, follow-ups or payments.</Empty>
      ) : (
        <Figure id="fit" desc={desc}>
          <FitChart
            data={scored.slice(0, FIT_CHART_MAX).map((r) => ({ clientId: r.clientId, name: r.name, score: r.score!, verdict: r.verdict, verdictLabel: r.verdictLabel, capped: r.capped }))}
            bandKeep={d.bands.keep}
            bandWalkAway={d.bands.walkAway}
            legend={verdictLegend({ bandKeep: d.bands.keep, bandWalkAway: d.bands.walkAway, capVerdictOnRedFlag: d.bands.capVerdictOnRedFlag, redFlagsForWalkAway: d.bands.redFlagsForWalkAway })}
            title="Fit by client"
            desc={desc}
          />
        </Figure>
      )}
      <ClientTable
        caption="Fit by client, worst first"
        rows={d.fit}
        rowKey={(r) => r.clientId}
        client={(r) => ({ id: r.clientId, name: r.name })}
        columns={[
          { header: "Score", cell: (r) => r.score ?? "\u2013" },
          {
            header: "Verdict",
            cell: (r) => (
              <>
                <VerdictBadge verdict={r.verdict} />
                {r.capped ? <span className="mt-0.5 block text-xs text-stone-600 dark:text-stone-400">{r.capped}</span> : null}
              </>
            ),
          },
          { header: "Confidence", cell: (r) => r.confidence },
          { header: "Main reason", cell: (r) => r.summary, className: "min-w-64" },
        ]}
      />
    </Card>
  );
}
