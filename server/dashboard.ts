/**
 * The fit dashboard: one function, getDashboard(db, filters, today), used by the dashboard page and by
 * GET /api/v1/dashboard, so both always show the same numbers. The rows and per-client counts come from
 * db/dashboard.ts, every figure is computed by lib/dashboard; docs/dashboard.md explains each one.
 *
 * Fast after a write: the page is summed from per-client slices (lib/dashboard/slices.ts) that
 * server/dashboard-slices.ts keeps per view and patches client by client from the change log; the summed
 * page is then kept per data version (server/cache.ts) until the next write.
 */
import type { DbOrTx } from "@/db/connection";
import { listProposals } from "@/db/proposals";
import { listServices } from "@/db/services";
import { getSettings } from "@/db/settings";
import { assembleDashboard, resolvePeriod, type Dashboard, type DashboardFilters } from "@/lib/dashboard";
import { invalidInput } from "@/lib/errors";
import { cachedRead, type DeepReadonly } from "./cache";
import { currentSlices, readSlices, type SliceInput } from "./dashboard-slices";

/** The dashboard as handed out: shared by every reader until the next write, so read-only. */
export type DashboardView = DeepReadonly<Dashboard>;

/**
 * Every figure of the dashboard for the filters. `today` (ISO date) ends the preset periods and ages
 * the worth model's evidence. Kept per data version; after a write, only the clients it touched are
 * computed again. Throws an invalid_input AppError (400) for a service id that does not exist.
 */
export function getDashboard(db: DbOrTx, filters: DashboardFilters, today: string): DashboardView {
  const key = `${today}:${JSON.stringify(filters)}`;
  return cachedRead(db, `dashboard:${key}`, () => buildDashboard(db, filters, today, key));
}

/** The same figures computed from scratch, keeping nothing: what the patched page must always equal. */
export function computeDashboard(db: DbOrTx, filters: DashboardFilters, today: string): Dashboard {
  return buildDashboard(db, filters, today, null);
}

/** `key`: keep and patch the view's slices under it; null: read them all now. */
function buildDashboard(db: DbOrTx, filters: DashboardFilters, today: string, key: string | null): Dashboard {
  const settings = getSettings(db);
  const services = listServices(db);
  const service = filters.serviceId != null ? services.find((s) => s.id === filters.serviceId) : undefined;
  if (filters.serviceId != null && !service) {
    throw invalidInput("Unknown service", { serviceId: [`No service with id ${filters.serviceId}`] });
  }
  const period = resolvePeriod(filters, today);
  const scope = { range: { from: period.from, to: period.to }, serviceId: filters.serviceId, leadSource: filters.leadSource };
  const input: SliceInput = { scope, previous: period.previous ? { ...scope, range: period.previous } : null, services, settings, today };
  const { slices, previous } = key === null ? readSlices(db, input) : currentSlices(db, key, input);
  return assembleDashboard(slices.values(), previous?.values() ?? null, {
    filters,
    period,
    today,
    serviceName: service?.name ?? null,
    settings,
    serviceCount: services.length,
    // every proposal (a book has few; a long id list could pass SQLite's variable limit), matched to the scoped quotes
    proposals: listProposals(db),
  });
}
