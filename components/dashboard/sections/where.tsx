import { Card } from "@/components/ui/card";
import { MIN_SAMPLE, QUOTE_NOUN, TOO_FEW, sampleCounts, sampleText, settlingSamples, type CaseNoun, type SampleShare } from "@/lib/dashboard";
import type { DashboardView } from "@/server/dashboard";
import { WhereChart } from "../charts/where-chart";
import { ClientTable } from "../client-table";
import type { Fmt } from "../format";
import { Empty, Figure } from "../parts";

/** "A", "A and B", "A, B and C". */
const andList = (items: string[]) => (items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`);

/** The by-client chart draws the worst of those who settled; the table keeps everyone. */
const WHERE_CLIENT_MAX = 15;

type Groups = DashboardView["where"]["byService"];

/** A group's share for the table: "75% · 3 of 4 quotes", "too few to tell (1 of 2 quotes)", or a dash with no cases. */
const cellText = (s: SampleShare, locale: string, noun: CaseNoun) => (s.whole === 0 ? "\u2013" : sampleText(s, locale, noun));

/** The share of a group's hours below target in a sentence: with its counts, and only as a percentage with enough quotes. */
function belowTargetWords(s: SampleShare, f: Fmt): string {
  return s.enough ? `, with ${f.pct(s.bp)} of its accepted hours below target (${sampleCounts(s, QUOTE_NOUN)})` : `; its share of hours below target: ${TOO_FEW} (${sampleCounts(s, QUOTE_NOUN)})`;
}

function WhereBlock({ id, heading, groups, d, f, max }: { id: string; heading: string; groups: Groups; d: DashboardView; f: Fmt; max?: number }) {
  const top = groups[0];
  // Many clients never settle: with a cap, the chart shows the worst of those who did; the table keeps everyone.
  const settled = groups.filter((g) => g.moneyLeft > 0 || (g.belowTargetShareBp ?? 0) > 0);
  const drawn = settled.length === 0 ? [] : max != null ? settled.slice(0, max) : groups;
  const rest = groups.length - drawn.length;
  // a share of too few quotes is not drawn as if it were a finding (lib/dashboard/samples.ts)
  const tooFew = drawn.filter((g) => g.ratedQuotes > 0 && !settlingSamples(g).belowTarget.enough);
  const desc =
    (top && top.moneyLeft > 0
      ? `Most money left on the table: ${top.label}, ${f.money(top.moneyLeft)}${belowTargetWords(settlingSamples(top).belowTarget, f)}.`
      : `No money left on the table ${heading.toLowerCase()}.`) + (rest > 0 ? ` The chart shows ${drawn.length} of ${groups.length}: the others ${settled.length > drawn.length ? "settled less or " : ""}paid at or above your target throughout; see the table.` : "");
  return (
    <section aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="mb-1 text-sm font-semibold">
        {heading}
      </h3>
      {drawn.length === 0 ? (
        <Empty>No accepted work below target here: nothing left on the table.</Empty>
      ) : (
        <Figure id={id} desc={desc}>
          <WhereChart
            data={drawn.map((g) => ({ label: g.label, moneyLeft: g.moneyLeft, belowTarget: settlingSamples(g).belowTarget.enough ? (g.belowTargetShareBp ?? 0) : null, clientId: g.clientId }))}
            currency={d.currency}
            locale={d.locale}
            title={`Where settling happens, ${heading.toLowerCase()}`}
            desc={desc}
          />
          {tooFew.length > 0 ? (
            <p className="mt-1 text-xs text-stone-700 dark:text-stone-300" data-testid={`${id}-too-few`}>
              No share-below-target bar for {andList(tooFew.map((g) => g.label))}: {TOO_FEW} with fewer than {f.n(MIN_SAMPLE, "rated accepted quote")}. The table gives their counts.
            </p>
          ) : null}
        </Figure>
      )}
      <ClientTable
        caption={`Money left on the table and share below target, ${heading.toLowerCase()}`}
        nameHeader={heading.replace(/^By /, "").replace(/^./, (c) => c.toUpperCase())}
        rows={groups}
        rowKey={(g) => g.key}
        client={(g) => ({ id: g.clientId, name: g.label })}
        columns={[
          { header: "Accepted quotes", cell: (g) => g.acceptedQuotes },
          { header: "Hours", cell: (g) => f.hours(g.acceptedMinutes) },
          { header: "Below target", cell: (g) => cellText(settlingSamples(g).belowTarget, d.locale, QUOTE_NOUN) },
          { header: "Below floor", cell: (g) => cellText(settlingSamples(g).belowFloor, d.locale, QUOTE_NOUN) },
          { header: "Average concession", cell: (g) => cellText(settlingSamples(g).concession, d.locale, "conceded") },
          { header: "Money left", cell: (g) => f.money(g.moneyLeft) },
        ]}
      />
    </section>
  );
}

/** Where settling happens: money left on the table and the share below target, by service, lead source and client. */
export function WhereSection({ d, f }: { d: DashboardView; f: Fmt }) {
  const w = d.where;
  return (
    <Card title="Where settling happens" id="where">
      <p className="mb-3 text-sm text-stone-700 dark:text-stone-300">
        Money left on the table is what the agreed scope would have earned at your target rate minus what was agreed. The share below target counts accepted hours whose effective rate is under your target.
      </p>
      {w.byClient.length === 0 ? (
        <Empty>Mark quotes accepted, linked to a service on your rate card, to see where you settle: by service, by lead source and by client.</Empty>
      ) : (
        <div className="grid gap-6 lg:grid-cols-2">
          <WhereBlock id="where-service" heading="By service" groups={w.byService} d={d} f={f} />
          <WhereBlock id="where-lead" heading="By lead source" groups={w.byLeadSource} d={d} f={f} />
          <div className="lg:col-span-2">
            <WhereBlock id="where-client" heading="By client" groups={w.byClient} d={d} f={f} max={WHERE_CLIENT_MAX} />
          </div>
        </div>
      )}
    </Card>
  );
}
