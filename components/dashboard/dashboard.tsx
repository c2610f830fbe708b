/**
 * The fit dashboard (home page once there is data): which clients are worth keeping, which drain me,
 * and where I sell myself short. Server-rendered; every figure comes from db/dashboard.ts getDashboard
 * (the same function as GET /api/v1/dashboard). Charts are small client components that get only what
 * they draw; each has a table alternative carrying the same data.
 */
import Link from "next/link";
import type { ReactNode } from "react";
import { requestDb } from "@/app/_lib/db";
import { getDashboard, type Dashboard as DashboardData, type SettlingGroup } from "@/db/dashboard";
import { listServices, today } from "@/db/queries";
import { describeFilters, filtersToSearchParams, parseDashboardFilters, type DashboardFilters } from "@/lib/dashboard-filters";
import { formatHours, formatMoney, formatPercentBp } from "@/lib/money";
import { ButtonLink } from "@/components/ui/button";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { VerdictBadge } from "@/components/fit";
import { FilterForm } from "./filter-form";
import { CHART_VARS } from "./charts/theme";
import { FitChart } from "./charts/fit-chart";
import { KeepChart } from "./charts/keep-chart";
import { TrendChart } from "./charts/trend-chart";
import { WhereChart } from "./charts/where-chart";
import { NegotiationChart } from "./charts/negotiation-chart";
import { RejectionChart } from "./charts/rejection-chart";
import { ChasingChart } from "./charts/chasing-chart";

type Fmt = ReturnType<typeof formatters>;

function formatters(d: DashboardData) {
  const { currency, locale } = d;
  return {
    money: (v: number) => formatMoney(v, currency, locale),
    pct: (bp: number | null) => (bp == null ? "\u2013" : formatPercentBp(bp, locale)),
    hours: (m: number) => formatHours(m, locale),
    month: (ym: string) => new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${ym}-01T00:00:00Z`)),
    n: (v: number, one: string, many = `${one}s`) => `${v} ${v === 1 ? one : many}`,
  };
}

export async function Dashboard({ searchParams }: { searchParams: Record<string, string | string[] | undefined> }) {
  const db = await requestDb();
  const parsed = parseDashboardFilters(searchParams);
  const errors = { ...parsed.errors };
  let filters: DashboardFilters = parsed.filters;
  const services = listServices(db);
  if (filters.serviceId != null && !services.some((s) => s.id === filters.serviceId)) {
    errors.serviceId = ["That service does not exist (any more): showing all services"];
    filters = { ...filters, serviceId: null };
  }
  const d = getDashboard(db, filters, today());
  const f = formatters(d);
  const scopeText = describeFilters(d.period, d.serviceName, d.filters.leadSource);
  const hasErrors = Object.keys(errors).length > 0;

  return (
    <div className={CHART_VARS}>
      <PageHeader title="Dashboard">
        Which clients are worth keeping, which drain you, and where you sell yourself short. <span className="font-medium text-stone-800 dark:text-stone-200">{scopeText}</span>
      </PageHeader>
      <FilterForm filters={d.filters} services={services} errors={errors} />
      {hasErrors ? (
        <p role="alert" className="mb-4 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
          Some filters could not be used and were left out: {Object.values(errors).flat().join(" ")}
        </p>
      ) : null}
      {d.counts.clients === 0 ? <NothingInPeriod d={d} /> : <Figures d={d} f={f} />}
    </div>
  );
}

function withFilters(filters: DashboardFilters, patch: Partial<DashboardFilters>): string {
  const sp = filtersToSearchParams({ ...filters, ...patch });
  const s = sp.toString();
  return s ? `/?${s}` : "/";
}

function NothingInPeriod({ d }: { d: DashboardData }) {
  return (
    <EmptyState
      title={`Nothing logged for ${describeFilters(d.period, d.serviceName, d.filters.leadSource).toLowerCase()}`}
      action={
        <>
          {d.filters.range !== "all" ? <ButtonLink href={withFilters(d.filters, { range: "all", from: null, to: null })}>Show all time</ButtonLink> : null}
          <ButtonLink href="/" variant="secondary">
            Clear filters
          </ButtonLink>
          <ButtonLink href="/clients" variant="secondary">
            Log a quote or an ask
          </ButtonLink>
        </>
      }
    >
      No quotes were decided or sent, and no asks, follow-ups or payments happened, in this period. Widen the period, clear the filters, or log what happened on a client&rsquo;s page.
    </EmptyState>
  );
}

function Figures({ d, f }: { d: DashboardData; f: Fmt }) {
  return (
    <div className="space-y-6">
      {d.fit.length <= 1 ? <GettingStarted d={d} /> : null}
      <Headline d={d} f={f} />
      <div className="grid gap-6 lg:grid-cols-2">
        <FitSection d={d} />
        <KeepSection d={d} f={f} />
      </div>
      <TrendSection d={d} f={f} />
      <WhereSection d={d} f={f} />
      <div className="grid gap-6 lg:grid-cols-2">
        <NegotiationSection d={d} f={f} />
        <RejectionSection d={d} />
      </div>
      <ChasingSection d={d} f={f} />
    </div>
  );
}

// ---------------- building blocks ----------------

/** Long tables stop here: a big book would otherwise send thousands of rows; the Clients page lists everyone. */
const TABLE_MAX = 20;
function MoreRows({ total, cols }: { total: number; cols: number }) {
  if (total <= TABLE_MAX) return null;
  return (
    <tr>
      <td colSpan={cols} className="text-stone-600 dark:text-stone-400">
        Showing {TABLE_MAX} of {total}.{" "}
        <Link className="underline" href="/clients">
          Every client is on the Clients page.
        </Link>
      </td>
    </tr>
  );
}

/** The table alternative of a chart; left out (when=false) where the section shows an empty state instead. */
function TableDetails({ caption, children, when = true }: { caption: string; children: ReactNode; when?: boolean }) {
  if (!when) return null;
  return (
    <details className="mt-3 text-sm">
      <summary className="inline-flex min-h-10 cursor-pointer items-center rounded-md px-1 font-medium text-sky-800 dark:text-sky-300">Show as table</summary>
      {/* focusable so keyboard users can scroll a table wider than the screen */}
      <div className="mt-2 overflow-x-auto" role="region" aria-label={caption} tabIndex={0}>
        <table className="min-w-full border-collapse text-left text-sm tabular-nums [&_td]:border-t [&_td]:border-stone-200 [&_td]:px-2 [&_td]:py-1.5 dark:[&_td]:border-stone-800 [&_th]:px-2 [&_th]:py-1.5 [&_th]:font-semibold [&_thead_th]:whitespace-nowrap">
          <caption className="sr-only">{caption}</caption>
          {children}
        </table>
      </div>
    </details>
  );
}

/** A chart with its accessible name (the section title) and a plain-words description. */
function Figure({ id, desc, children }: { id: string; desc: string; children: ReactNode }) {
  return (
    <figure aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`} data-testid={`chart-${id}`}>
      <p id={`${id}-desc`} className="mb-2 text-sm text-stone-700 dark:text-stone-300">
        {desc}
      </p>
      {children}
    </figure>
  );
}

function Empty({ children }: { children: ReactNode }) {
  return <p className="rounded-md border border-dashed border-stone-300 p-4 text-sm text-stone-700 dark:border-stone-700 dark:text-stone-300">{children}</p>;
}

function Stat({ label: title, value, children, testId }: { label: string; value: ReactNode; children?: ReactNode; testId: string }) {
  return (
    <div className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm dark:border-stone-800 dark:bg-stone-900" data-testid={testId}>
      <dt className="text-sm text-stone-600 dark:text-stone-400">{title}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums" data-testid={`${testId}-value`}>
        {value}
      </dd>
      {children ? <dd className="mt-1 text-xs text-stone-600 dark:text-stone-400">{children}</dd> : null}
    </div>
  );
}

// ---------------- sections ----------------

function GettingStarted({ d }: { d: DashboardData }) {
  const steps: { done: boolean; text: ReactNode }[] = [
    { done: d.counts.services > 0, text: <><Link className="underline" href="/rates">Add your services</Link> with market, target and floor rates, so every accepted quote can be measured.</> },
    { done: d.counts.acceptedQuotes > 0, text: "Mark a quote accepted, linked to a service: its effective rate and money left on the table appear here." },
    { done: d.negotiation.haggledQuotes > 0, text: "When a client asks for money off, log the request and your answer on the quote." },
    { done: d.chasing.sent > 0, text: "Log the follow-ups you send and whether they answered." },
    { done: d.fit.length > 1, text: <><Link className="underline" href="/clients/new">Add your other clients</Link>: the dashboard is a comparison, and one client has nothing to compare with.</> },
  ];
  return (
    <Card title="Getting started" id="getting-started">
      <p className="text-sm text-stone-700 dark:text-stone-300">
        {d.fit.length === 1 ? `Only ${d.fit[0].name} has anything logged here so far.` : "Nothing is logged here yet."} Each of these makes the dashboard say more:
      </p>
      <ul className="mt-3 space-y-2 text-sm">
        {steps.map((s, i) => (
          <li key={i} className="flex gap-2">
            <span aria-hidden className={s.done ? "text-emerald-700 dark:text-emerald-400" : "text-stone-500"}>
              {s.done ? "\u2713" : "\u25cb"}
            </span>
            <span>
              <span className="sr-only">{s.done ? "Done: " : "To do: "}</span>
              {s.text}
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}

function Headline({ d, f }: { d: DashboardData; f: Fmt }) {
  const h = d.headline;
  const s = h.settling;
  let trend: string;
  if (!h.previous) trend = "No earlier period of the same length to compare with.";
  else if (h.moneyLeftChange === 0) trend = `Same as the previous ${d.period.days} days.`;
  else {
    const word = h.moneyLeftChange! > 0 ? "Up" : "Down";
    const rel = h.moneyLeftChangeBp != null ? ` (${f.pct(Math.abs(h.moneyLeftChangeBp))})` : "";
    trend = `${word} ${f.money(Math.abs(h.moneyLeftChange!))}${rel} on the previous ${d.period.days} days (${f.money(h.previous.settling.moneyLeft)}).`;
  }
  const v = h.verdicts;
  return (
    <section aria-labelledby="headline-title">
      <h2 id="headline-title" className="sr-only">
        Headline figures
      </h2>
      <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <Stat label="Money left on the table" value={f.money(s.moneyLeft)} testId="headline-money-left">
          {trend}
          {s.otherCurrencyQuotes > 0 ? ` ${f.n(s.otherCurrencyQuotes, "quote")} in other currencies not added.` : ""}
        </Stat>
        <Stat label="Accepted work below target" value={f.pct(s.belowTargetShareBp)} testId="headline-below-target">
          {s.ratedQuotes > 0 ? `of accepted hours: ${s.belowTargetQuotes} of ${f.n(s.ratedQuotes, "accepted quote")}` : "No accepted quote with a service to compare yet."}
        </Stat>
        <Stat label="Accepted work below floor" value={f.pct(s.belowFloorShareBp)} testId="headline-below-floor">
          {s.ratedQuotes > 0 ? `of accepted hours: ${s.belowFloorQuotes} of ${f.n(s.ratedQuotes, "accepted quote")} under your walk-away rate` : "Floor: your walk-away rate on the rate card."}
        </Stat>
        <Stat label="Average concession" value={f.pct(s.averageConcessionBp)} testId="headline-concession">
          {s.acceptedQuotes > 0 ? `given away on ${s.concededQuotes} of ${f.n(s.acceptedQuotes, "accepted quote")}, averaged over all of them` : "No accepted quotes in this period."}
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

/** Charts stay readable with a big book: the worst cases are drawn, the tables list everyone. */
const FIT_CHART_MAX = 20;
const WHERE_CLIENT_MAX = 15;

function FitSection({ d }: { d: DashboardData }) {
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
            data={scored.slice(0, FIT_CHART_MAX).map((r) => ({ clientId: r.clientId, name: r.name, score: r.score!, verdict: r.verdict, verdictLabel: r.verdictLabel }))}
            bandKeep={d.bands.keep}
            bandWalkAway={d.bands.walkAway}
            title="Fit by client"
            desc={desc}
          />
        </Figure>
      )}
      <TableDetails caption="Fit by client, worst first">
        <thead>
          <tr>
            <th scope="col">Client</th>
            <th scope="col">Score</th>
            <th scope="col">Verdict</th>
            <th scope="col">Confidence</th>
            <th scope="col">Main reason</th>
          </tr>
        </thead>
        <tbody>
          {d.fit.slice(0, TABLE_MAX).map((r) => (
            <tr key={r.clientId}>
              <th scope="row" className="font-medium">
                <Link className="underline-offset-2 hover:underline" href={`/clients/${r.clientId}`}>
                  {r.name}
                </Link>
              </th>
              <td>{r.score ?? "\u2013"}</td>
              <td>
                <VerdictBadge verdict={r.verdict} />
              </td>
              <td>{r.confidence}</td>
              <td className="min-w-64">{r.summary}</td>
            </tr>
          ))}
          <MoreRows total={d.fit.length} cols={5} />
        </tbody>
      </TableDetails>
    </Card>
  );
}

const QUADRANT_LABELS = {
  keep: "Keep: good fit, high revenue",
  grow: "Grow: good fit, lower revenue",
  painful: "Painful: high revenue, low fit",
  let_go: "Let go: low fit, lower revenue",
} as const;

function KeepSection({ d, f }: { d: DashboardData; f: Fmt }) {
  const k = d.keepOrLetGo;
  const painful = k.points.filter((p) => p.quadrant === "painful");
  const withRevenue = k.points.filter((p) => p.revenue > 0);
  const corner = k.revenueMedian > 0 ? `revenue at or above the median of ${f.money(k.revenueMedian)}, fit under ${k.bandKeep}` : `any revenue, fit under ${k.bandKeep}; most clients here had no accepted work`;
  const desc =
    painful.length > 0
      ? `Painful corner (${corner}): ${painful.map((p) => `${p.name} (${f.money(p.revenue)}, fit ${p.score})`).join("; ")}.`
      : `No client in the painful corner (${corner}).`;
  return (
    <Card title="Keep or let go" id="keep">
      {withRevenue.length === 0 || k.points.length < 2 ? (
        <Empty>
          {k.points.length < 2
            ? "This chart compares clients: it needs at least two with a fit score. Add your other clients and log their quotes."
            : "This chart needs clients with a fit score and accepted quotes in the period: mark a quote accepted with its agreed amount."}
        </Empty>
      ) : (
        <Figure id="keep" desc={desc}>
          <KeepChart
            data={k.points.map((p) => ({ clientId: p.clientId, name: p.name, score: p.score, verdict: p.verdict, revenue: p.revenue, minutes: p.minutes, painful: p.quadrant === "painful" }))}
            bandKeep={k.bandKeep}
            revenueMedian={k.revenueMedian}
            currency={d.currency}
            locale={d.locale}
            title="Keep or let go: revenue against fit score"
            desc={desc}
          />
        </Figure>
      )}
      <TableDetails caption="Revenue against fit score per client" when={k.points.length > 0}>
        <thead>
          <tr>
            <th scope="col">Client</th>
            <th scope="col">Fit</th>
            <th scope="col">Revenue</th>
            <th scope="col">Hours (paid + unpaid)</th>
            <th scope="col">Corner</th>
          </tr>
        </thead>
        <tbody>
          {k.points.slice(0, TABLE_MAX).map((p) => (
            <tr key={p.clientId}>
              <th scope="row" className="font-medium">
                <Link className="underline-offset-2 hover:underline" href={`/clients/${p.clientId}`}>
                  {p.name}
                </Link>
              </th>
              <td>{p.score}</td>
              <td>{f.money(p.revenue)}</td>
              <td>
                {f.hours(p.minutes)} ({f.hours(p.paidMinutes)} + {f.hours(p.unpaidMinutes)})
              </td>
              <td>{QUADRANT_LABELS[p.quadrant]}</td>
            </tr>
          ))}
          <MoreRows total={k.points.length} cols={5} />
        </tbody>
      </TableDetails>
    </Card>
  );
}

function TrendSection({ d, f }: { d: DashboardData; f: Fmt }) {
  const t = d.overTime;
  const rate = t.mode === "rate";
  const cur = t.rateCurrency ?? d.currency;
  const unit = t.unit === "day" ? "day" : "h";
  const show = (v: number | null) => (v == null ? "\u2013" : rate ? `${formatMoney(v, cur, d.locale)}/${unit}` : f.pct(v));
  const withWork = t.months.filter((m) => m.effective != null);
  const below = withWork.filter((m) => m.effective! < m.target);
  const last = withWork[withWork.length - 1];
  const desc =
    withWork.length === 0
      ? ""
      : `${rate ? "Effective rate per month, in your rates for this service." : "Effective rate per month as a percent of your target: your services have different rates, so each quote is measured against its own service's target (100%)."} ` +
        `Below target in ${below.length} of ${f.n(withWork.length, "month")} with accepted work; latest (${f.month(last.month)}): ${show(last.effective)} against a target of ${show(last.target)} and a floor of ${show(last.floor)}.`;
  return (
    <Card title="Settling over time" id="trend">
      {withWork.length === 0 ? (
        <Empty>Mark quotes accepted, linked to a service on your rate card, to chart your effective rate against your target, floor and market rates month by month.</Empty>
      ) : (
        <Figure id="trend" desc={desc}>
          <TrendChart
            data={t.months.map((m) => ({ label: f.month(m.month), effective: m.effective, target: m.target, floor: m.floor, market: m.market }))}
            mode={t.mode}
            currency={cur}
            unit={t.unit}
            locale={d.locale}
            title={rate ? "Effective rate against target, floor and market, by month" : "Effective rate as a percent of target, by month"}
            desc={desc}
          />
        </Figure>
      )}
      <TableDetails caption="Effective rate by month" when={withWork.length > 0}>
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col">Accepted quotes</th>
            <th scope="col">Hours</th>
            <th scope="col">Effective</th>
            <th scope="col">Target</th>
            <th scope="col">Floor</th>
            <th scope="col">Market</th>
            <th scope="col">Money left</th>
          </tr>
        </thead>
        <tbody>
          {t.months.map((m) => (
            <tr key={m.month}>
              <th scope="row">{f.month(m.month)}</th>
              <td>{m.acceptedQuotes}</td>
              <td>{f.hours(m.ratedMinutes)}</td>
              <td>{show(m.effective)}</td>
              <td>{show(m.target)}</td>
              <td>{show(m.floor)}</td>
              <td>{show(m.market)}</td>
              <td>{f.money(m.moneyLeft)}</td>
            </tr>
          ))}
        </tbody>
      </TableDetails>
    </Card>
  );
}

function WhereBlock({ id, heading, groups, d, f, max }: { id: string; heading: string; groups: SettlingGroup[]; d: DashboardData; f: Fmt; max?: number }) {
  const top = groups[0];
  // Many clients never settle: with a cap, the chart shows the worst of those who did; the table keeps everyone.
  const settled = groups.filter((g) => g.moneyLeft > 0 || (g.belowTargetShareBp ?? 0) > 0);
  const drawn = settled.length === 0 ? [] : max != null ? settled.slice(0, max) : groups;
  const rest = groups.length - drawn.length;
  const desc =
    (top && top.moneyLeft > 0
      ? `Most money left on the table: ${top.label}, ${f.money(top.moneyLeft)}, with ${f.pct(top.belowTargetShareBp)} of its accepted hours below target.`
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
            data={drawn.map((g) => ({ label: g.label, moneyLeft: g.moneyLeft, belowTarget: g.belowTargetShareBp ?? 0, clientId: g.clientId }))}
            currency={d.currency}
            locale={d.locale}
            title={`Where settling happens, ${heading.toLowerCase()}`}
            desc={desc}
          />
        </Figure>
      )}
      <TableDetails caption={`Money left on the table and share below target, ${heading.toLowerCase()}`}>
        <thead>
          <tr>
            <th scope="col">{heading.replace(/^By /, "").replace(/^./, (c) => c.toUpperCase())}</th>
            <th scope="col">Accepted quotes</th>
            <th scope="col">Hours</th>
            <th scope="col">Below target</th>
            <th scope="col">Below floor</th>
            <th scope="col">Average concession</th>
            <th scope="col">Money left</th>
          </tr>
        </thead>
        <tbody>
          {groups.slice(0, TABLE_MAX).map((g) => (
            <tr key={g.key}>
              <th scope="row" className="font-medium">
                {g.clientId != null ? (
                  <Link className="underline-offset-2 hover:underline" href={`/clients/${g.clientId}`}>
                    {g.label}
                  </Link>
                ) : (
                  g.label
                )}
              </th>
              <td>{g.acceptedQuotes}</td>
              <td>{f.hours(g.acceptedMinutes)}</td>
              <td>
                {f.pct(g.belowTargetShareBp)} ({g.belowTargetQuotes} of {g.ratedQuotes})
              </td>
              <td>{f.pct(g.belowFloorShareBp)}</td>
              <td>{f.pct(g.averageConcessionBp)}</td>
              <td>{f.money(g.moneyLeft)}</td>
            </tr>
          ))}
          <MoreRows total={groups.length} cols={7} />
        </tbody>
      </TableDetails>
    </section>
  );
}

function WhereSection({ d, f }: { d: DashboardData; f: Fmt }) {
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

function NegotiationSection({ d, f }: { d: DashboardData; f: Fmt }) {
  const n = d.negotiation;
  const held = n.responses.find((r) => r.response === "held_firm")!;
  const conceded = n.responses.find((r) => r.response === "conceded")!;
  const rows = [...n.responses.filter((r) => r.quotes > 0), ...(n.notAsked.quotes > 0 ? [n.notAsked] : [])];
  const rate = (r: typeof held) => (r.acceptRateBp == null ? "no decided quotes" : `${f.pct(r.acceptRateBp)} accepted (${r.accepted} of ${r.decided} decided)`);
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

function RejectionSection({ d }: { d: DashboardData }) {
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

const CHASE_CHART_MAX = 10;

function ChasingSection({ d, f }: { d: DashboardData; f: Fmt }) {
  const c = d.chasing;
  const stop = c.byClient.filter((r) => r.shouldStop);
  const shown = c.byClient.slice(0, CHASE_CHART_MAX);
  const desc =
    c.sent === 0
      ? ""
      : `You sent ${f.n(c.sent, "follow-up")}; ${c.answered} answered, ${c.unanswered} not (${f.pct(c.answerRateBp)} answered). ` +
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
      <TableDetails caption="Follow-ups by client, most chased first" when={c.sent > 0}>
        <thead>
          <tr>
            <th scope="col">Client</th>
            <th scope="col">Sent</th>
            <th scope="col">Answered</th>
            <th scope="col">No answer</th>
            <th scope="col">Not logged</th>
            <th scope="col">Answer rate</th>
            <th scope="col">Unanswered in a row</th>
          </tr>
        </thead>
        <tbody>
          {c.byClient.slice(0, TABLE_MAX).map((r) => (
            <tr key={r.clientId}>
              <th scope="row" className="font-medium">
                <Link className="underline-offset-2 hover:underline" href={`/clients/${r.clientId}`}>
                  {r.name}
                </Link>
              </th>
              <td>{r.sent}</td>
              <td>{r.answered}</td>
              <td>{r.unanswered}</td>
              <td>{r.pending}</td>
              <td>{f.pct(r.answerRateBp)}</td>
              <td>
                {r.unansweredInARow} {r.shouldStop ? <Badge tone="bad">Stop chasing</Badge> : null}
              </td>
            </tr>
          ))}
          <MoreRows total={c.byClient.length} cols={7} />
        </tbody>
      </TableDetails>
    </Card>
  );
}

