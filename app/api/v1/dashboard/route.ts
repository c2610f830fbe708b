import { dashboardFiltersSchema } from "@/lib/dashboard";
import { getDashboard } from "@/server/dashboard";
import { todayFor } from "@/server/clock";
import { handler, parseWith, searchParams } from "../_lib/http";

/**
 * GET /api/v1/dashboard?range=30d|90d|365d|all|custom&from=YYYY-MM-DD&to=YYYY-MM-DD&serviceId=&leadSource=
 * The dashboard's figures, from the same function the home page uses. Bad filters: 400 with field errors;
 * an unknown serviceId: 400 too (an invalid_input AppError from getDashboard).
 */
export const GET = handler((req, db) => {
  return getDashboard(db, parseWith(dashboardFiltersSchema, searchParams(req), "Invalid filters"), todayFor(db));
});
