import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { listServices } from "@/server/services";
import { describeFilters, parseDashboardFilters, resolvePeriod, type DashboardFilters, type FilterErrors } from "@/lib/dashboard";
import { todayFor } from "@/server/clock";
import { getDashboard, type DashboardView } from "@/server/dashboard";
import { requestDb } from "@/server/database";
import { Dashboard } from "@/components/dashboard/dashboard";
import { AdoptTimeZone } from "@/components/adopt-time-zone";
import { adoptTimeZoneAction } from "@/app/actions/settings";
import { getSettings, needsFirstRun } from "@/server/settings";

export const metadata: Metadata = { title: "Dashboard" };

/**
 * The fit dashboard, one click from Today: its filters live in the query (/dashboard?range=…). The title,
 * scope and filters are sent at once; the figures are computed on the next turn and stream in after them
 * (components/dashboard/dashboard.tsx; docs/dashboard.md, "How the page loads").
 */
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
  const today = todayFor(db);
  const serviceName = filters.serviceId != null ? (services.find((s) => s.id === filters.serviceId)?.name ?? null) : null;
  const scopeText = describeFilters(resolvePeriod(filters, today), serviceName, filters.leadSource, settings.locale);
  // after the shell is on its way: the figures (patched after a write, kept until the next one)
  const data = new Promise<DashboardView>((resolve, reject) =>
    setTimeout(() => {
      try {
        resolve(getDashboard(db, filters, today));
      } catch (e) {
        reject(e);
      }
    }, 0),
  );
  return (
    <>
      {settings.timeZone === "" ? <AdoptTimeZone action={adoptTimeZoneAction} /> : null}
      <Dashboard data={data} filters={filters} scopeText={scopeText} services={services} errors={errors} />
    </>
  );
}
