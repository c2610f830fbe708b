import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { listServices } from "@/server/services";
import { parseDashboardFilters, type DashboardFilters, type FilterErrors } from "@/lib/dashboard";
import { todayFor } from "@/server/clock";
import { getDashboard } from "@/server/dashboard";
import { requestDb } from "@/server/database";
import { Dashboard } from "@/components/dashboard/dashboard";
import { ProposalsSection } from "@/components/dashboard/proposals-section";
import { AdoptTimeZone } from "@/components/adopt-time-zone";
import { adoptTimeZoneAction } from "@/app/actions/settings";
import { getSettings, needsFirstRun } from "@/server/settings";

export const metadata: Metadata = { title: "Dashboard" };

/** The fit dashboard, one click from Today: its filters live in the query (/dashboard?range=…). */
export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const db = await requestDb();
  // the first run's three questions come first, on the home page
  if (needsFirstRun(db)) redirect("/");
  const settings = getSettings(db);
  // The page's forgiving filters: a bad value is reported and left out, the rest still applies.
  const parsed = parseDashboardFilters(await searchParams);
  const errors: FilterErrors = { ...parsed.errors };
  let filters: DashboardFilters = parsed.filters;
  const services = listServices(db);
  if (filters.serviceId != null && !services.some((s) => s.id === filters.serviceId)) {
    errors.serviceId = ["That service does not exist (any more): showing all services"];
    filters = { ...filters, serviceId: null };
  }
  const data = getDashboard(db, filters, todayFor(db));
  return (
    <>
      {settings.timeZone === "" ? <AdoptTimeZone action={adoptTimeZoneAction} /> : null}
      <Dashboard data={data} services={services} errors={errors} />
      {data.counts.clients > 0 ? (
        <div className="mt-6">
          <ProposalsSection d={data} />
        </div>
      ) : null}
    </>
  );
}
