/**
 * GET /api/v1/dashboard?fields=headline,counts: only the parts of the dashboard asked for. The whole
 * object on a big book is hundreds of kilobytes (a fit row per client); a widget that shows the headline
 * needs a few hundred bytes. Without `fields` the answer is the whole object, as always. Pure.
 */
import { z } from "@/lib/zod";
import type { Dashboard } from "./types";

/** Every top-level part of the dashboard, in the order the API returns them. */
export const DASHBOARD_FIELDS = [
  "filters",
  "period",
  "today",
  "serviceName",
  "currency",
  "locale",
  "bands",
  "counts",
  "headline",
  "fit",
  "keepOrLetGo",
  "overTime",
  "where",
  "negotiation",
  "rejections",
  "proposals",
  "chasing",
  "estimates",
  "lackingRate",
] as const satisfies readonly (keyof Dashboard)[];
export type DashboardField = (typeof DASHBOARD_FIELDS)[number];

const FIELD_SET = new Set<string>(DASHBOARD_FIELDS);

/** `fields`: a comma-separated list of parts ("headline,counts"); absent or blank: every part. */
export const dashboardFieldsSchema = z.object({
  fields: z
    .string()
    .optional()
    .transform((raw, ctx): DashboardField[] | null => {
      const names = (raw ?? "")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      if (names.length === 0) return null;
      const unknown = names.filter((n) => !FIELD_SET.has(n));
      if (unknown.length) {
        ctx.addIssue({ code: "custom", message: `Unknown field${unknown.length === 1 ? "" : "s"} ${unknown.join(", ")}: choose from ${DASHBOARD_FIELDS.join(", ")}` });
        return z.NEVER;
      }
      return DASHBOARD_FIELDS.filter((f) => names.includes(f));
    }),
});

/** The parts asked for, in the API's order; every part for null. */
export function pickDashboardFields<D extends Record<DashboardField, unknown>>(d: D, fields: readonly DashboardField[] | null): Partial<D> {
  if (fields === null) return d;
  return Object.fromEntries(fields.map((f) => [f, d[f]])) as Partial<D>;
}
