/**
 * The fit dashboard (one click from Today, at /dashboard): which clients are worth keeping, which drain me,
 * and where I sell myself short. Server-rendered from the figures the page hands over (server/dashboard.ts
 * getDashboard, the same function as GET /api/v1/dashboard); nothing here queries. Charts are small
 * client components that get only what they draw; each has a table alternative carrying the same data.
 *
 * The page streams (docs/dashboard.md, "How the page loads"): the title, the scope and the filters go out
 * first; the headline follows as soon as the figures are ready (`data` is a promise); each heavy section
 * comes in its own Suspense boundary after that, a skeleton of about its height holding its place.
 */
import { Suspense, type ReactNode } from "react";
import type { DashboardFilters, FilterErrors } from "@/lib/dashboard";
import type { Service } from "@/lib/domain";
import type { DashboardView } from "@/server/dashboard";
import { PageHeader } from "@/components/ui/card";
import { CHART_VARS } from "./charts/theme";
import { FilterForm } from "./filter-form";
import { formatters } from "./format";
import { ProposalsSection } from "./proposals-section";
import { ChasingSection } from "./sections/chasing";
import { EstimatesSection } from "./sections/estimates";
import { FitSection } from "./sections/fit";
import { GettingStarted } from "./sections/getting-started";
import { Headline } from "./sections/headline";
import { KeepSection } from "./sections/keep-or-let-go";
import { LackingRateNotice } from "./sections/lacking-rate";
import { NegotiationSection } from "./sections/negotiation";
import { NothingInPeriod } from "./sections/nothing-in-period";
import { TrendSection } from "./sections/over-time";
import { RejectionSection } from "./sections/rejections";
import { WhereSection } from "./sections/where";
import { FiguresSkeleton, SectionSkeleton } from "./skeletons";
import { sectionHeights } from "./section-heights";

/**
 * `data`: the figures for the filters in effect, on their way; `filters`: those filters; `scopeText`: them
 * in words; `services`: every service, for the filter form; `errors`: filter values that could not be
 * used (reported, and left out of `filters`).
 */
export function Dashboard({
  data,
  filters,
  scopeText,
  services,
  errors,
}: {
  data: Promise<DashboardView>;
  filters: DashboardFilters;
  scopeText: string;
  services: Service[];
  errors: FilterErrors;
}) {
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <div className={CHART_VARS}>
      <PageHeader title="Dashboard">
        Which clients are worth keeping, which drain you, and where you sell yourself short. <span className="font-medium text-stone-800 dark:text-stone-200">{scopeText}</span>
      </PageHeader>
      <FilterForm filters={filters} services={services} errors={errors} />
      {hasErrors ? (
        <p role="alert" className="mb-4 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
          Some filters could not be used and were left out: {Object.values(errors).flat().join(" ")}
        </p>
      ) : null}
      <Suspense fallback={<FiguresSkeleton />}>
        <Figures data={data} />
      </Suspense>
    </div>
  );
}

/** The headline once the figures are ready, and every section after it in its own boundary. */
async function Figures({ data }: { data: Promise<DashboardView> }) {
  const d = await data;
  if (d.counts.clients === 0) return <NothingInPeriod d={d} />;
  const f = formatters(d);
  const h = sectionHeights(d);
  return (
    <div className="space-y-6">
      {d.fit.length <= 1 ? <GettingStarted d={d} /> : null}
      <LackingRateNotice d={d} f={f} />
      <Headline d={d} f={f} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Later title="Fit by client" height={h.fit}>
          <FitSection d={d} />
        </Later>
        <Later title="Keep or let go" height={h.keep}>
          <KeepSection d={d} f={f} />
        </Later>
      </div>
      <Later title="Settling over time" height={h.trend}>
        <TrendSection d={d} f={f} />
      </Later>
      <Later title="Where settling happens" height={h.where}>
        <WhereSection d={d} f={f} />
      </Later>
      <Later title="Estimate vs actual" height={h.estimates}>
        <EstimatesSection d={d} f={f} />
      </Later>
      <div className="grid gap-6 lg:grid-cols-2">
        <Later title="Negotiation" height={h.negotiation}>
          <NegotiationSection d={d} f={f} />
        </Later>
        <Later title="Rejection reframe" height={h.rejections}>
          <RejectionSection d={d} />
        </Later>
      </div>
      <Later title="Chasing" height={h.chasing}>
        <ChasingSection d={d} f={f} />
      </Later>
      <Later title="Proposals" height={h.proposals}>
        <ProposalsSection d={d} />
      </Later>
    </div>
  );
}

/** A section rendered after the headline has gone out, its skeleton holding its place meanwhile. */
function Later({ title, height, children }: { title: string; height: number; children: ReactNode }) {
  return (
    <Suspense fallback={<SectionSkeleton title={title} height={height} />}>
      <NextTurn>{children}</NextTurn>
    </Suspense>
  );
}

/** Renders its children on the next turn of the event loop: what is ready before it is sent first. */
async function NextTurn({ children }: { children: ReactNode }) {
  await new Promise<void>((resolve) => setTimeout(resolve, 0));
  return <>{children}</>;
}
