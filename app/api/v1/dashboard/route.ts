import { dashboardFiltersSchema } from "@/lib/dashboard";
import { getDashboard } from "@/server/dashboard";
import { today } from "@/server/clock";
import { HttpError, handler, searchParams } from "../_lib/http";
import { fieldErrors } from "@/lib/schemas";

/**
 * GET /api/v1/dashboard?range=30d|90d|365d|all|custom&from=YYYY-MM-DD&to=YYYY-MM-DD&serviceId=&leadSource=
 * The dashboard's figures, from the same function the home page uses. Bad filters: 400 with field errors;
 * an unknown serviceId: 400 too (an invalid_input AppError from getDashboard).
 */
export const GET = handler((req, db) => {
  const parsed = dashboardFiltersSchema.safeParse(searchParams(req));
  if (!parsed.success) throw new HttpError(400, "Invalid filters", fieldErrors(parsed.error));
  return getDashboard(db, parsed.data, today());
});
