import { Card } from "@/components/ui/card";
import type { DashboardView } from "@/server/dashboard";
import { RejectionChart } from "../charts/rejection-chart";
import { Empty, Figure, TableDetails } from "../parts";

/** Rejection reframe: rejected and declined quotes by reason, as information rather than a penalty. */
export function RejectionSection({ d }: { d: DashboardView }) {
  const r = d.rejections;
  const top = [...r.reasons].sort((a, b) => b.total - a.total)[0];
  const desc =
    r.total === 0
      ? ""
      : `${r.total} quote${r.total === 1 ? "" : "s"} did not go ahead: ${r.rejected} rejected by the client, ${r.declinedByMe} declined by you. Most common reason: ${top.label.toLowerCase()} (${top.total}). Every rejection is information: wrong timing, wrong fit, wrong person.`;
  return (
    <Card title="Rejection reframe" id="rejections">
      {r.total === 0 ? (
        <Empty>No rejected or declined quotes here. When a quote is rejected, or you decline one, record why: wrong timing, wrong fit, wrong person, price or other.</Empty>
      ) : (
        <Figure id="rejections" desc={desc}>
          <RejectionChart data={r.reasons.map((x) => ({ label: x.label, rejected: x.rejected, declinedByMe: x.declinedByMe }))} title="Rejected and declined quotes by reason" desc={desc} />
        </Figure>
      )}
      <TableDetails caption="Rejected and declined quotes by reason" when={r.total > 0}>
        <thead>
          <tr>
            <th scope="col">Reason</th>
            <th scope="col">They rejected</th>
            <th scope="col">I declined</th>
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {r.reasons.map((x) => (
            <tr key={x.reason}>
              <th scope="row">{x.label}</th>
              <td>{x.rejected}</td>
              <td>{x.declinedByMe}</td>
              <td>{x.total}</td>
            </tr>
          ))}
        </tbody>
      </TableDetails>
    </Card>
  );
}
