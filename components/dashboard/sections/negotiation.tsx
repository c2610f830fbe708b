import { Card } from "@/components/ui/card";
import type { DashboardView } from "@/server/dashboard";
import { NegotiationChart } from "../charts/negotiation-chart";
import type { Fmt } from "../format";
import { Empty, Figure, TableDetails } from "../parts";

type Row = DashboardView["negotiation"]["notAsked"];

/** Negotiation: how I answered discount requests, and how those quotes ended. */
export function NegotiationSection({ d, f }: { d: DashboardView; f: Fmt }) {
  const n = d.negotiation;
  const held = n.responses.find((r) => r.response === "held_firm")!;
  const conceded = n.responses.find((r) => r.response === "conceded")!;
  const rows = [...n.responses.filter((r) => r.quotes > 0), ...(n.notAsked.quotes > 0 ? [n.notAsked] : [])];
  const rate = (r: Row) => (r.acceptRateBp == null ? "no decided quotes" : `${f.pct(r.acceptRateBp)} accepted (${r.accepted} of ${r.decided} decided)`);
  const desc =
    n.haggledQuotes === 0
      ? ""
      : `Clients asked for a discount on ${n.haggledQuotes} of ${f.n(n.pricedQuotes, "quote")} (${f.pct(n.askShareBp)}). ` +
        `After holding firm: ${rate(held)}. After conceding: ${rate(conceded)}.` +
        (n.notAsked.acceptRateBp != null ? ` Without haggling: ${rate(n.notAsked)}.` : "");
  return (
    <Card title="Negotiation" id="negotiation">
      {n.haggledQuotes === 0 ? (
        <Empty>
          No discount requests logged {n.pricedQuotes ? `on the ${f.n(n.pricedQuotes, "quote")} here` : "here"}. When a client asks for money off, log it on the quote with your answer: held firm, conceded, met halfway or cut scope.
        </Empty>
      ) : (
        <>
          <dl className="mb-3 grid grid-cols-2 gap-3 text-sm">
            <div className="rounded-md bg-stone-100 p-3 dark:bg-stone-800" data-testid="negotiation-held">
              <dt>Accepted after I held firm</dt>
              <dd className="text-xl font-semibold tabular-nums">{f.pct(held.acceptRateBp)}</dd>
              <dd className="text-xs text-stone-600 dark:text-stone-400">{held.decided ? `${held.accepted} of ${held.decided} decided` : `${f.n(held.quotes, "quote")}, none decided`}</dd>
            </div>
            <div className="rounded-md bg-stone-100 p-3 dark:bg-stone-800" data-testid="negotiation-conceded">
              <dt>Accepted after I conceded</dt>
              <dd className="text-xl font-semibold tabular-nums">{f.pct(conceded.acceptRateBp)}</dd>
              <dd className="text-xs text-stone-600 dark:text-stone-400">{conceded.decided ? `${conceded.accepted} of ${conceded.decided} decided` : `${f.n(conceded.quotes, "quote")}, none decided`}</dd>
            </div>
          </dl>
          <Figure id="negotiation" desc={desc}>
            <NegotiationChart
              data={rows.map((r) => ({ label: r.label, accepted: r.accepted, lost: r.decided - r.accepted, open: r.open }))}
              title="How I answered discount requests, and how those quotes ended"
              desc={desc}
            />
          </Figure>
          {n.cameBackAtMyPrice > 0 ? <p className="mt-2 text-sm">{f.n(n.cameBackAtMyPrice, "client")} came back and accepted your price after you walked away.</p> : null}
        </>
      )}
      <TableDetails caption="Discount requests by my answer and outcome" when={n.haggledQuotes > 0}>
        <thead>
          <tr>
            <th scope="col">My answer</th>
            <th scope="col">Quotes</th>
            <th scope="col">Accepted</th>
            <th scope="col">Lost or declined</th>
            <th scope="col">Still open</th>
            <th scope="col">Accept rate</th>
          </tr>
        </thead>
        <tbody>
          {[...n.responses, n.notAsked].map((r) => (
            <tr key={r.response}>
              <th scope="row">{r.label}</th>
              <td>{r.quotes}</td>
              <td>{r.accepted}</td>
              <td>{r.decided - r.accepted}</td>
              <td>{r.open}</td>
              <td>{f.pct(r.acceptRateBp)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Asked for a discount</th>
            <td colSpan={5}>
              {n.haggledQuotes} of {f.n(n.pricedQuotes, "quote")} ({f.pct(n.askShareBp)}), {f.n(n.asks, "request")} in all
            </td>
          </tr>
        </tfoot>
      </TableDetails>
    </Card>
  );
}
