/**
 * The dashboard's "Proposals" section: which option clients choose (by place and by name), how often a
 * tier proposal was haggled against a single price, and why proposals were declined. Figures from
 * lib/dashboard/proposals.ts (getDashboard); nothing here queries.
 */
import Link from "next/link";
import { haggleText } from "@/lib/dashboard";
import { answeredText } from "@/lib/dashboard/proposals";
import { plural } from "@/lib/text";
import type { DashboardView } from "@/server/dashboard";
import { Card } from "@/components/ui/card";
import { CHART_VARS } from "./charts/theme";
import { Empty, Figure, SampleValue, Stat, TableDetails } from "./parts";
import { formatters } from "./format";
import { ProposalChoiceChart } from "./proposals-chart";

export function ProposalsSection({ d }: { d: DashboardView }) {
  const p = d.proposals;
  const f = formatters(d);
  const haggle = haggleText(p.haggle, d.locale);
  const top = [...p.byPlace].sort((a, b) => b.chosen - a.chosen)[0];
  const desc =
    p.chosen === 0
      ? ""
      : `${plural(p.chosen, "client")} chose an option from ${plural(p.sent, "proposal")} sent. Most chosen: ${top.label.toLowerCase()} (${top.chosen}).`;
  const declinedRows = p.declines.filter((r) => r.n > 0);
  return (
    <div className={CHART_VARS}>
      <Card title="Proposals" id="proposals">
        {p.sent === 0 ? (
          <Empty>
            No proposals sent in this period. Build a proposal from an open quote: good / better / best options, so a smaller budget buys less work, not a discount.{" "}
            <Link className="underline" href="/quotes">
              Open your quotes
            </Link>
          </Empty>
        ) : (
          <>
            <dl className="mb-4 grid gap-3 sm:grid-cols-3" data-testid="proposals-figures">
              <Stat label="Proposals sent" value={p.sent} testId="proposals-sent">
                {answeredText(p)}
              </Stat>
              <Stat label="Tier proposals haggled" value={<SampleValue s={p.haggle.proposals} pct={f.pct} noun={["proposal", "proposals"]} />} testId="proposals-haggled" />
              <Stat label="Single-price quotes haggled" value={<SampleValue s={p.haggle.singlePrice} pct={f.pct} noun={["quote", "quotes"]} />} testId="single-price-haggled" />
            </dl>
            <p className="mb-4 text-sm" data-testid="proposals-haggle-text">
              {haggle} A discount request or a counter of theirs counts as haggling.
            </p>
            {p.chosen === 0 ? (
              <Empty>No client has chosen an option yet. Their choices show here once they answer through the proposal link.</Empty>
            ) : (
              <Figure id="proposals" desc={desc}>
                <ProposalChoiceChart data={p.byPlace.map((x) => ({ label: x.label, chosen: x.chosen }))} title="Options chosen, by place" desc={desc} />
              </Figure>
            )}
            <TableDetails caption="Options chosen, by place and by name" when={p.chosen > 0}>
              <thead>
                <tr>
                  <th scope="col">Option</th>
                  <th scope="col">Chosen</th>
                </tr>
              </thead>
              <tbody>
                {p.byPlace.map((x) => (
                  <tr key={x.place}>
                    <th scope="row">{x.label}</th>
                    <td>{x.chosen}</td>
                  </tr>
                ))}
                {p.byName.map((x) => (
                  <tr key={`n-${x.name}`}>
                    <th scope="row">“{x.name}”</th>
                    <td>{x.chosen}</td>
                  </tr>
                ))}
              </tbody>
            </TableDetails>
            {p.byName.length ? (
              <p className="mt-3 text-sm" data-testid="proposals-by-name">
                By name: {p.byName.map((x) => `${x.name} ${x.chosen}`).join(" · ")}
              </p>
            ) : null}
            <h3 className="mt-4 text-sm font-semibold">Declined, by their reason</h3>
            {declinedRows.length ? (
              <ul className="mt-1 text-sm" data-testid="proposals-declines">
                {declinedRows.map((r) => (
                  <li key={r.reason}>
                    {r.label}: {r.n}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-1 text-sm text-stone-700 dark:text-stone-300">No proposal declined.</p>
            )}
          </>
        )}
      </Card>
    </div>
  );
}
