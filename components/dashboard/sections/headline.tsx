import Link from "next/link";
import { MIN_SAMPLE, QUOTE_NOUN, moneyLeftTrendText, settlingSamples } from "@/lib/dashboard";
import type { DashboardView } from "@/server/dashboard";
import type { Fmt } from "../format";
import { SampleValue, Stat } from "../parts";

/** The headline figures: money left on the table (with its trend), below target and floor, concession, unpaid hours, verdicts. */
export function Headline({ d, f }: { d: DashboardView; f: Fmt }) {
  const h = d.headline;
  const s = h.settling;
  const trend = moneyLeftTrendText(h, d.period.days, d.currency, d.locale);
  const v = h.verdicts;
  // shares of fewer than MIN_SAMPLE accepted quotes are "too few to tell", with their counts
  const sample = settlingSamples(s);
  const needRated = `A share needs ${f.n(MIN_SAMPLE, "accepted quote")} with a service; ${s.ratedQuotes} so far.`;
  return (
    <section aria-labelledby="headline-title">
      <h2 id="headline-title" className="sr-only">
        Headline figures
      </h2>
      <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <Stat label="Money left on the table" value={f.money(s.moneyLeft)} testId="headline-money-left">
          {trend}
          {s.otherCurrencyQuotes > 0 ? (
            <>
              {` ${f.n(s.otherCurrencyQuotes, "accepted quote")} in other currencies ${s.otherCurrencyQuotes === 1 ? "is" : "are"} left out of this total: `}
              <Link href="/settings#other-currencies" className="underline">
                convert them in Settings
              </Link>
              .
            </>
          ) : null}
        </Stat>
        <Stat label="Accepted work below target" value={<SampleValue s={sample.belowTarget} pct={f.pct} noun={QUOTE_NOUN} />} testId="headline-below-target">
          {s.ratedQuotes === 0 ? "No accepted quote with a service to compare yet." : sample.belowTarget.enough ? "of accepted hours, paid under your target rate" : needRated}
        </Stat>
        <Stat label="Accepted work below floor" value={<SampleValue s={sample.belowFloor} pct={f.pct} noun={QUOTE_NOUN} />} testId="headline-below-floor">
          {s.ratedQuotes === 0 ? "Floor: your walk-away rate on the rate card." : sample.belowFloor.enough ? "of accepted hours, paid under your walk-away rate" : needRated}
        </Stat>
        <Stat label="Average concession" value={<SampleValue s={sample.concession} pct={f.pct} noun="conceded" />} testId="headline-concession">
          {s.acceptedQuotes === 0
            ? "No accepted quotes in this period."
            : sample.concession.enough
              ? `given away, averaged over ${s.acceptedQuotes === 1 ? "the one accepted quote" : `all ${f.n(s.acceptedQuotes, "accepted quote")}`} (0 where nothing was given)`
              : `An average needs ${f.n(MIN_SAMPLE, "accepted quote")}; ${s.acceptedQuotes} so far.`}
        </Stat>
        <Stat label="Unpaid hours given away" value={f.hours(h.unpaid.minutes)} testId="headline-unpaid">
          {`${f.n(h.unpaid.asks, "unpaid ask")}: favours, quick questions, scope creep, rush demands, free consults`}
        </Stat>
        <Stat
          label="Clients per verdict"
          testId="headline-verdicts"
          value={
            <span className="flex flex-wrap gap-x-3 text-base">
              <span>
                <span className="text-2xl">{v.keep}</span> keep
              </span>
              <span>
                <span className="text-2xl">{v.set_boundaries}</span> set boundaries
              </span>
              <span>
                <span className="text-2xl">{v.walk_away}</span> walk away
              </span>
            </span>
          }
        >
          {v.not_enough_data > 0 ? `${f.n(v.not_enough_data, "client")} without enough data yet` : "Scored on what falls in the filters"}
        </Stat>
      </dl>
    </section>
  );
}
