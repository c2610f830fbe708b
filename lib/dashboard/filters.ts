/**
 * Dashboard filters: what the URL (page) and the query string (GET /api/v1/dashboard) may say,
 * and how a preset becomes a date range. Pure: "today" is always a parameter, never the clock.
 *
 * Rules (docs/dashboard.md):
 *   - range is one of 30d, 90d, 365d, all, custom; without it, from/to make a custom period, and
 *     with nothing at all the default is the last 365 days.
 *   - a preset wins over from/to: the no-JS filter form always sends the date fields, so a preset
 *     chosen in the form must not be overridden by dates left over from an earlier custom period.
 *   - custom needs at least one of from/to; a missing end is open (no trend then).
 *   - every date is inclusive.
 */
import { z } from "@/lib/zod";
import { addDays, clampDate, daysBetween } from "../dates";
import { formatDay } from "../format-date";
import { LEAD_SOURCES, label, type LeadSource } from "../domain";
import { isoDateSchema } from "../schemas";

export const RANGE_PRESETS = ["30d", "90d", "365d", "all"] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export const RANGES = [...RANGE_PRESETS, "custom"] as const;
export type Range = (typeof RANGES)[number];
export const DEFAULT_RANGE: RangePreset = "365d";

export const PRESET_DAYS: Record<Exclude<RangePreset, "all">, number> = { "30d": 30, "90d": 90, "365d": 365 };

export const RANGE_LABELS: Record<Range, string> = {
  "30d": "Last 30 days",
  "90d": "Last 90 days",
  "365d": "Last 365 days",
  all: "All time",
  custom: "Custom dates",
};

export interface DashboardFilters {
  range: Range;
  /** custom range only (null for presets); ISO dates, inclusive */
  from: string | null;
  to: string | null;
  serviceId: number | null;
  leadSource: LeadSource | null;
}

export const DEFAULT_FILTERS: DashboardFilters = { range: DEFAULT_RANGE, from: null, to: null, serviceId: null, leadSource: null };

/** A query value: "" (an empty form field) and absent both mean "not set"; a repeated key uses its first value. */
function blank(v: unknown): unknown {
  const one = Array.isArray(v) ? v[0] : v;
  return one === "" || one === null ? undefined : one;
}

export const dashboardFiltersSchema = z
  .object({
    range: z.preprocess(blank, z.enum(RANGES, { error: "Choose 30d, 90d, 365d, all or custom" }).optional()),
    from: z.preprocess(blank, isoDateSchema.optional()),
    to: z.preprocess(blank, isoDateSchema.optional()),
    serviceId: z.preprocess(
      blank,
      z.coerce
        .number({ error: "Choose a service" })
        .int("Choose a service")
        .positive("Choose a service")
        .max(Number.MAX_SAFE_INTEGER, "Choose a service")
        .optional(),
    ),
    leadSource: z.preprocess(blank, z.enum(LEAD_SOURCES, { error: `Choose one of ${LEAD_SOURCES.join(", ")}` }).optional()),
  })
  .superRefine((f, ctx) => {
    const custom = f.range === "custom" || (f.range === undefined && (f.from !== undefined || f.to !== undefined));
    if (!custom) return;
    if (f.from === undefined && f.to === undefined) {
      ctx.addIssue({ code: "custom", path: ["from"], message: "Pick a start or an end date for a custom period" });
    } else if (f.from !== undefined && f.to !== undefined && f.from > f.to) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "The end date cannot be before the start date" });
    }
  })
  .transform((f): DashboardFilters => {
    const range: Range = f.range ?? (f.from !== undefined || f.to !== undefined ? "custom" : DEFAULT_RANGE);
    return {
      range,
      from: range === "custom" ? (f.from ?? null) : null,
      to: range === "custom" ? (f.to ?? null) : null,
      serviceId: f.serviceId ?? null,
      leadSource: f.leadSource ?? null,
    };
  });

export type FilterErrors = Record<string, string[]>;

/**
 * The page's forgiving parse: a bad value is reported and dropped, the rest still applies
 * (a typo in one field must not blank the whole dashboard). The API uses the strict schema.
 */
export function parseDashboardFilters(raw: Record<string, unknown>): { filters: DashboardFilters; errors: FilterErrors } {
  const errors: FilterErrors = {};
  const input: Record<string, unknown> = {};
  for (const key of ["range", "from", "to", "serviceId", "leadSource"]) if (raw[key] !== undefined) input[key] = raw[key];
  for (let attempt = 0; attempt < 4; attempt++) {
    const parsed = dashboardFiltersSchema.safeParse(input);
    if (parsed.success) return { filters: parsed.data, errors };
    let dropped = false;
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "range");
      const list = (errors[key] ??= []);
      if (!list.includes(issue.message)) list.push(issue.message);
      if (key in input) {
        delete input[key];
        dropped = true;
      }
    }
    // A cross-field problem (custom without dates) is fixed by forgetting the custom choice.
    if (!dropped) delete input.range;
  }
  return { filters: { ...DEFAULT_FILTERS }, errors };
}

export interface DateRange {
  /** inclusive; null = open */
  from: string | null;
  to: string | null;
}

export interface Period extends DateRange {
  range: Range;
  /** length in days when both ends are known */
  days: number | null;
  /** the period of equal length just before this one, for trends; null when the period is open-ended */
  previous: { from: string; to: string } | null;
  label: string;
}

function rangeText(from: string | null, to: string | null, locale: string): string {
  const day = (d: string) => formatDay(d, locale);
  if (from && to) return `${day(from)} to ${day(to)}`;
  if (from) return `from ${day(from)}`;
  if (to) return `until ${day(to)}`;
  return "all time";
}

/** The period in words, dates as a person reads them: "Last 90 days (Apr 2, 2025 to Jun 30, 2025)", "All time". */
export function periodLabel(p: Pick<Period, "range" | "from" | "to">, locale = "en-US"): string {
  if (p.range === "all") return "All time";
  if (p.range === "custom") return rangeText(p.from, p.to, locale).replace(/^./, (c) => c.toUpperCase());
  return `${RANGE_LABELS[p.range]} (${rangeText(p.from, p.to, locale)})`;
}

/**
 * Turn filters into concrete dates, with `today` (ISO) as the end of every preset. Custom dates are
 * held inside DATE_MIN … DATE_MAX (lib/dates.ts) even when a caller skipped the schema, so a period,
 * its length and the period before it stay bounded whatever the input.
 */
export function resolvePeriod(filters: Pick<DashboardFilters, "range" | "from" | "to">, today: string, locale = "en-US"): Period {
  let from: string | null = null;
  let to: string | null = null;
  if (filters.range === "custom") {
    from = filters.from === null ? null : clampDate(filters.from);
    to = filters.to === null ? null : clampDate(filters.to);
  } else if (filters.range !== "all") {
    const n = PRESET_DAYS[filters.range];
    to = today;
    from = addDays(today, -(n - 1));
  }
  const days = from && to ? daysBetween(from, to) : null;
  const previous = from && to && days ? { from: addDays(from, -days), to: addDays(from, -1) } : null;
  const label = periodLabel({ range: filters.range, from, to }, locale);
  return { range: filters.range, from, to, days, previous, label };
}

/** Search params for a link to the dashboard with these filters (defaults left out, so URLs stay short). */
export function filtersToSearchParams(filters: DashboardFilters): URLSearchParams {
  const sp = new URLSearchParams();
  if (filters.range === "custom") {
    sp.set("range", "custom");
    if (filters.from) sp.set("from", filters.from);
    if (filters.to) sp.set("to", filters.to);
  } else if (filters.range !== DEFAULT_RANGE) sp.set("range", filters.range);
  if (filters.serviceId != null) sp.set("serviceId", String(filters.serviceId));
  if (filters.leadSource) sp.set("leadSource", filters.leadSource);
  return sp;
}

/** Words for what the filters select, e.g. "Last 90 days (…) · Web development · Referral clients"; dates in `locale`. */
export function describeFilters(period: Period, serviceName: string | null, leadSource: LeadSource | null, locale?: string): string {
  return [locale ? periodLabel(period, locale) : period.label, serviceName, leadSource ? `${label(leadSource)} clients` : null].filter(Boolean).join(" · ");
}
