import { dashboardFieldsSchema, dashboardFiltersSchema, pickDashboardFields } from "@/lib/dashboard";
import { getDashboard } from "@/server/dashboard";
import { todayFor } from "@/server/clock";
import { handler, parseWith, searchParams } from "../_lib/http";

/**
 * GET /api/v1/dashboard?range=30d|90d|365d|all|custom&from=YYYY-MM-DD&to=YYYY-MM-DD&serviceId=&leadSource=&fields=
 * The dashboard's figures, from the same function the page uses; `fields=headline,counts` answers only
 * those parts. Bad filters or an unknown field: 400 with field errors; an unknown serviceId: 400 too
 * (an invalid_input AppError from getDashboard).
 */
export const GET = handler((req, db) => {
  const params = searchParams(req);
  const { fields } = parseWith(dashboardFieldsSchema, params, "Invalid fields");
  return pickDashboardFields(getDashboard(db, parseWith(dashboardFiltersSchema, params, "Invalid filters"), todayFor(db)), fields);
});
