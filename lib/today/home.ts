/**
 * The home page was the dashboard before Today took its place: an old bookmark of it (`/?range=90d`,
 * `/?serviceId=2&from=…`) carries the dashboard's filters in its query. Such a query is sent on to
 * `/dashboard` with every parameter as it was. Pure.
 */
import { DEFAULT_FILTERS } from "../dashboard/filters";

/** The dashboard's filter parameters (lib/dashboard/filters.ts): range, from, to, serviceId, leadSource. */
export const DASHBOARD_QUERY_KEYS: readonly string[] = Object.keys(DEFAULT_FILTERS);

/** `/dashboard?<the same query>` when the home page's query names a dashboard filter, else null. */
export function oldDashboardBookmark(searchParams: Record<string, string | string[] | undefined>): string | null {
  if (!DASHBOARD_QUERY_KEYS.some((k) => searchParams[k] !== undefined)) return null;
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(searchParams)) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) query.append(k, one);
  }
  return `/dashboard?${query.toString()}`;
}
