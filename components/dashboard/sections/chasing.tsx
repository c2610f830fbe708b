import { Badge, Card } from "@/components/ui/card";
import { TOO_FEW, sampleCounts, sampleText } from "@/lib/dashboard";
import type { DashboardView } from "@/server/dashboard";
import { ChasingChart } from "../charts/chasing-chart";
import { ClientTable } from "../client-table";
import type { Fmt } from "../format";
import { Empty, Figure } from "../parts";

const CHASE_CHART_MAX = 10;

/**
 * Chasing: follow-ups sent and answered per client, most chased first, with the stop-chasing signal.
 * An answer rate of fewer than MIN_SAMPLE follow-ups (answered or not) is "too few to tell", with its counts.
 */
export function ChasingSection({ d, f }: { d: DashboardView; f: Fmt }) {
  const c = d.chasing;
  const stop = c.byClient.filter((r) => r.shouldStop);
  const shown = c.byClient.slice(0, CHASE_CHART_MAX);
  const desc =
    c.sent === 0
      ? ""
      : `You sent ${f.n(c.sent, "follow-up")}; ${c.answered} answered, ${c.unanswered} not (answer rate ${c.answerRate.enough ? sampleText(c.answerRate, d.locale) : `${TOO_FEW}, ${sampleCounts(c.answerRate)}`}). ` +
        `You chase ${c.byClient[0].name} most (${c.byClient[0].sent}).` +
        (stop.length ? ` Stop chasing: ${stop.map((s) => s.name).join(", ")}.` : "") +
        (c.byClient.length > CHASE_CHART_MAX ? ` The chart shows the ${CHASE_CHART_MAX} clients you chase most; the table has all ${c.byClient.length}.` : "");
  return (
    <Card title="Chasing" id="chasing">
      {c.sent === 0 ? (
        <Empty>No follow-ups logged here. Log each follow-up you send and whether they answered: once too many go unanswered in a row (the number is in Settings), the app tells you to stop chasing.</Empty>
      ) : (
        <Figure id="chasing" desc={desc}>
          <ChasingChart data={shown.map((r) => ({ clientId: r.clientId, name: r.name, answered: r.answered, unanswered: r.unanswered, pending: r.pending }))} title="Follow-ups sent and answered, by client" desc={desc} />
        </Figure>
      )}
      <ClientTable
        caption="Follow-ups by client, most chased first"
        when={c.sent > 0}
        rows={c.byClient}
        rowKey={(r) => r.clientId}
        client={(r) => ({ id: r.clientId, name: r.name })}
        columns={[
          { header: "Sent", cell: (r) => r.sent },
          { header: "Answered", cell: (r) => r.answered },
          { header: "No answer", cell: (r) => r.unanswered },
          { header: "Not logged", cell: (r) => r.pending },
          { header: "Answer rate", cell: (r) => (r.answerRate.whole === 0 ? "\u2013" : sampleText(r.answerRate, d.locale)) },
          {
            header: "Unanswered in a row",
            cell: (r) => (
              <>
                {r.unansweredInARow} {r.shouldStop ? <Badge tone="bad">Stop chasing</Badge> : null}
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}
