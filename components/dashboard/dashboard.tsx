/**
 * The fit dashboard (one click from Today, at /dashboard): which clients are worth keeping, which drain me,
 * and where I sell myself short. Server-rendered from the figures the page loads (server/dashboard.ts
 * getDashboard, the same function as GET /api/v1/dashboard); nothing here queries. Charts are small
 * client components that get only what they draw; each has a table alternative carrying the same data.
 */
import type { Service } from "@/lib/domain";
import { describeFilters, type FilterErrors } from "@/lib/dashboard";
import type { DashboardView } from "@/server/dashboard";
import { PageHeader } from "@/components/ui/card";
import { CHART_VARS } from "./charts/theme";
import { FilterForm } from "./filter-form";
import { formatters, type Fmt } from "./format";
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

/**
 * `data`: the figures for the filters in effect; `services`: every service, for the filter form;
 * `errors`: filter values that could not be used (reported, and left out of `data.filters`).
 */
export function Dashboard({ data: d, services, errors }: { data: DashboardView; services: Service[]; errors: FilterErrors }) {
  const f = formatters(d);
  const scopeText = describeFilters(d.period, d.serviceName, d.filters.leadSource, d.locale);
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

function Figures({ d, f }: { d: DashboardView; f: Fmt }) {
  return (
    <div className="space-y-6">
      {d.fit.length <= 1 ? <GettingStarted d={d} /> : null}
      <LackingRateNotice d={d} f={f} />
      <Headline d={d} f={f} />
      <div className="grid gap-6 lg:grid-cols-2">
        <FitSection d={d} />
        <KeepSection d={d} f={f} />
      </div>
      <TrendSection d={d} f={f} />
      <WhereSection d={d} f={f} />
      <EstimatesSection d={d} f={f} />
      <div className="grid gap-6 lg:grid-cols-2">
        <NegotiationSection d={d} f={f} />
        <RejectionSection d={d} />
      </div>
      <ChasingSection d={d} f={f} />
    </div>
  );
}
