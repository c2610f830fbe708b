import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { describeFilters, filtersToSearchParams, type DashboardFilters } from "@/lib/dashboard";
import type { DashboardView } from "@/server/dashboard";

/** A link to the dashboard with these filters changed. */
function withFilters(filters: DashboardFilters, patch: Partial<DashboardFilters>): string {
  const sp = filtersToSearchParams({ ...filters, ...patch });
  const s = sp.toString();
  return s ? `/dashboard?${s}` : "/dashboard";
}

/** Nothing in the filters: say so, and offer a wider view or where to log things. */
export function NothingInPeriod({ d }: { d: DashboardView }) {
  return (
    <EmptyState
      title={`Nothing logged for ${describeFilters(d.period, d.serviceName, d.filters.leadSource, d.locale).replace(/^(Last|All|From|Until)\b/, (w) => w.toLowerCase())}`}
      action={
        <>
          {d.filters.range !== "all" ? <ButtonLink href={withFilters(d.filters, { range: "all", from: null, to: null })}>Show all time</ButtonLink> : null}
          <ButtonLink href="/dashboard" variant="secondary">
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
