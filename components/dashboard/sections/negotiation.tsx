import { Card } from "@/components/ui/card";
import { QUOTE_NOUN, TOO_FEW, sampleText } from "@/lib/dashboard";
import type { DashboardView } from "@/server/dashboard";
import { NegotiationChart } from "../charts/negotiation-chart";
import type { Fmt } from "../format";
import { Empty, Figure, SampleValue, TableDetails } from "../parts";

type Row = DashboardView["negotiation"]["notAsked"];

/**
 * Negotiation: how I answered discount requests, and how those quotes ended. An accept rate of fewer
 * than MIN_SAMPLE decided quotes is "too few to tell"; held firm and conceded are set side by side only
 * when each has that many (lib/dashboard/samples.ts), so two quotes never read as advice.
 */
export function NegotiationSection({ d, f }: { d: DashboardView; f: Fmt }) {
  const n = d.negotiation;
  const held = n.responses.find((r) => r.response === "held_firm")!;
  const conceded = n.responses.find((r) => r.response === "conceded")!;
  const rows = [...n.responses.filter((r) => r.quotes > 0), ...(n.notAsked.quotes > 0 ? [n.notAsked] : [])];
  const rate = (r: Row) =>
    r.decided === 0
      ? "no decided quotes"
      : r.acceptRate.enough
        ? `${f.pct(r.acceptRateBp)} accepted (${r.accepted} of ${r.decided} decided)`
        : `${TOO_FEW} (${r.accepted} of ${r.decided} accepted)`;
  const compare = n.heldFirmVsConceded;
  const tooFewToCompare = `Not enough negotiations yet to compare what happens after you hold firm and after you concede (need ${compare.minEach} of each).`;
  const soFar = `So far: ${f.n(held.decided, "decided quote")} after holding firm, ${conceded.decided} after conceding.`;
  const desc =
    n.haggledQuotes === 0
      ? ""
      : `Clients asked for a discount on ${n.haggledQuotes} of ${f.n(n.pricedQuotes, "quote")}${n.askShare.enough ? ` (${f.pct(n.askShareBp)})` : ""}. ` +
        // too few to compare: the box above says so once
        (compare.enough ? `After holding firm: ${rate(held)}. After conceding: ${rate(conceded)}.` : "") +
        (n.notAsked.decided > 0 ? ` Without haggling: ${rate(n.notAsked)}.` : "");
  const tile = (r: Row, title: string, testId: string) => (
    <div className="rounded-md bg-stone-100 p-3 dark:bg-stone-800" data-testid={testId}>
      <dt>{title}</dt>
      <dd className="text-xl font-semibold tabular-nums">
        <SampleValue s={r.acceptRate} pct={f.pct} />
      </dd>
      <dd className="text-xs text-stone-600 dark:text-stone-400">accepted of the decided quotes{r.open ? `; ${r.open} still open` : ""}</dd>
    </div>
  );
  return (
    <Card title="Negotiation" id="negotiation">
      {n.haggledQuotes === 0 ? (
        <Empty>
          No discount requests logged {n.pricedQuotes ? `on the ${f.n(n.pricedQuotes, "quote")} here` : "here"}. When a client asks for money off, log it on the quote with your answer: held firm, conceded, met halfway or cut scope.
        </Empty>
      ) : (
        <>
          {compare.enough ? (
            <dl className="mb-3 grid grid-cols-2 gap-3 text-sm">
              {tile(held, "Accepted after I held firm", "negotiation-held")}
              {tile(conceded, "Accepted after I conceded", "negotiation-conceded")}
            </dl>
          ) : (
            <p className="mb-3 rounded-md bg-stone-100 p-3 text-sm dark:bg-stone-800" data-testid="negotiation-too-few">
              {tooFewToCompare} {soFar}
            </p>
          )}
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
              <td>{r.decided === 0 ? "\u2013" : sampleText(r.acceptRate, d.locale)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Asked for a discount</th>
            <td colSpan={5}>
              {sampleText(n.askShare, d.locale, QUOTE_NOUN)}, {f.n(n.asks, "request")} in all
            </td>
          </tr>
        </tfoot>
      </TableDetails>
    </Card>
  );
}
