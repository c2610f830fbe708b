import { describe, expect, test } from "vitest";
import { DEFAULT_FILTERS, dashboardFiltersSchema, describeFilters, filtersToSearchParams, parseDashboardFilters, periodLabel, resolvePeriod } from "@/lib/dashboard";
import { formatDay } from "@/lib/format-date";
import { addDays, daysBetween } from "@/lib/dates";

const TODAY = "2025-06-30";

describe("dashboardFiltersSchema", () => {
  test("nothing given: the last 365 days, no service, no lead source", () => {
    expect(dashboardFiltersSchema.parse({})).toEqual({ range: "365d", from: null, to: null, serviceId: null, leadSource: null });
  });

  test("empty strings from a GET form mean 'not set'", () => {
    expect(dashboardFiltersSchema.parse({ range: "90d", from: "", to: "", serviceId: "", leadSource: "" })).toEqual({
      range: "90d",
      from: null,
      to: null,
      serviceId: null,
      leadSource: null,
    });
  });

  test("service id is coerced from the query string; lead source is checked against the list", () => {
    expect(dashboardFiltersSchema.parse({ serviceId: "7", leadSource: "referral" })).toMatchObject({ serviceId: 7, leadSource: "referral" });
  });

  test("a preset wins over dates left in the form", () => {
    expect(dashboardFiltersSchema.parse({ range: "30d", from: "2024-01-01", to: "2024-02-01" })).toMatchObject({ range: "30d", from: null, to: null });
  });

  test("dates without a range make a custom period; an open end is allowed", () => {
    expect(dashboardFiltersSchema.parse({ from: "2025-01-01", to: "2025-03-31" })).toMatchObject({ range: "custom", from: "2025-01-01", to: "2025-03-31" });
    expect(dashboardFiltersSchema.parse({ range: "custom", from: "2025-01-01" })).toMatchObject({ range: "custom", from: "2025-01-01", to: null });
  });

  test("a repeated query key uses its first value", () => {
    expect(dashboardFiltersSchema.parse({ range: ["90d", "30d"] })).toMatchObject({ range: "90d" });
  });

  test.each([
    [{ range: "7d" }, "range"],
    [{ from: "2025-02-30" }, "from"],
    [{ from: "yesterday" }, "from"],
    [{ to: "2025-13-01" }, "to"],
    [{ serviceId: "abc" }, "serviceId"],
    [{ serviceId: "0" }, "serviceId"],
    [{ serviceId: "1.5" }, "serviceId"],
    [{ leadSource: "billboard" }, "leadSource"],
    [{ range: "custom" }, "from"],
    [{ from: "2025-05-01", to: "2025-04-01" }, "to"],
  ])("rejects %j with an error on %s", (input, field) => {
    const r = dashboardFiltersSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path[0])).toContain(field);
  });
});

describe("parseDashboardFilters (the page's forgiving parse)", () => {
  test("drops only the bad field and reports it", () => {
    const { filters, errors } = parseDashboardFilters({ range: "90d", leadSource: "billboard", serviceId: "3" });
    expect(filters).toEqual({ range: "90d", from: null, to: null, serviceId: 3, leadSource: null });
    expect(Object.keys(errors)).toEqual(["leadSource"]);
  });

  test("custom without dates falls back to the default period", () => {
    const { filters, errors } = parseDashboardFilters({ range: "custom", from: "", to: "" });
    expect(filters).toEqual(DEFAULT_FILTERS);
    expect(errors.from?.[0]).toMatch(/start or an end date/);
  });

  test("an end before the start drops the end and keeps the start", () => {
    const { filters, errors } = parseDashboardFilters({ range: "custom", from: "2025-05-01", to: "2025-04-01" });
    expect(filters).toMatchObject({ range: "custom", from: "2025-05-01", to: null });
    expect(errors.to).toBeDefined();
  });

  test("unknown keys are ignored, valid input gives no errors", () => {
    expect(parseDashboardFilters({ range: "all", utm_source: "x" })).toEqual({ filters: { ...DEFAULT_FILTERS, range: "all" }, errors: {} });
  });
});

describe("resolvePeriod", () => {
  test("last 30 days ends today and has 30 days; the previous period is the 30 days before", () => {
    const p = resolvePeriod({ range: "30d", from: null, to: null }, TODAY);
    expect(p).toMatchObject({ from: "2025-06-01", to: "2025-06-30", days: 30, previous: { from: "2025-05-02", to: "2025-05-31" } });
  });

  test("last 365 days across a leap day", () => {
    const p = resolvePeriod({ range: "365d", from: null, to: null }, "2024-03-01");
    expect(p).toMatchObject({ from: "2023-03-03", to: "2024-03-01", days: 365 });
    expect(p.previous).toEqual({ from: "2022-03-03", to: "2023-03-02" });
  });

  test("90 days", () => {
    expect(resolvePeriod({ range: "90d", from: null, to: null }, TODAY)).toMatchObject({ from: "2025-04-02", to: "2025-06-30", days: 90 });
  });

  test("all time is open on both ends and has no previous period", () => {
    expect(resolvePeriod({ range: "all", from: null, to: null }, TODAY)).toMatchObject({ from: null, to: null, days: null, previous: null, label: "All time" });
  });

  test("custom dates: inclusive length, previous period of the same length just before", () => {
    const p = resolvePeriod({ range: "custom", from: "2025-01-01", to: "2025-03-31" }, TODAY);
    expect(p.days).toBe(90);
    expect(p.previous).toEqual({ from: "2024-10-03", to: "2024-12-31" });
    expect(p.label).toBe("Jan 1, 2025 to Mar 31, 2025");
  });

  test("custom with one end open has no trend", () => {
    const p = resolvePeriod({ range: "custom", from: "2025-01-01", to: null }, TODAY);
    expect(p).toMatchObject({ from: "2025-01-01", to: null, days: null, previous: null, label: "From Jan 1, 2025" });
  });

  test("today is a parameter: the same filters on another day give other dates", () => {
    expect(resolvePeriod({ range: "30d", from: null, to: null }, "2025-01-15").from).toBe("2024-12-17");
  });
});

describe("date helpers and links", () => {
  test("addDays and daysBetween agree across month and year ends", () => {
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(3);
    expect(daysBetween("2025-06-30", "2025-06-30")).toBe(1);
  });

  test("search params leave defaults out and round-trip through the schema", () => {
    expect(filtersToSearchParams(DEFAULT_FILTERS).toString()).toBe("");
    const f = { range: "custom" as const, from: "2025-01-01", to: "2025-02-01", serviceId: 4, leadSource: "platform" as const };
    const sp = filtersToSearchParams(f);
    expect(sp.toString()).toBe("range=custom&from=2025-01-01&to=2025-02-01&serviceId=4&leadSource=platform");
    expect(dashboardFiltersSchema.parse(Object.fromEntries(sp))).toEqual(f);
  });

  test("describeFilters names the period, the service and the lead source", () => {
    const p = resolvePeriod({ range: "90d", from: null, to: null }, TODAY);
    expect(describeFilters(p, "Web development", "referral")).toBe("Last 90 days (Apr 2, 2025 to Jun 30, 2025) · Web development · Referral clients");
    expect(describeFilters(resolvePeriod({ range: "all", from: null, to: null }, TODAY), null, null)).toBe("All time");
  });

  test("dates are shown as a person reads them, in the book's locale; never as ISO", () => {
    const p = resolvePeriod({ range: "custom", from: "2026-11-01", to: "2026-11-30" }, TODAY);
    expect(describeFilters(p, null, null, "en-US")).toBe("Nov 1, 2026 to Nov 30, 2026");
    expect(describeFilters(p, null, null, "en-GB")).toBe("1 Nov 2026 to 30 Nov 2026");
    expect(periodLabel({ range: "custom", from: null, to: "2026-11-30" }, "en-US")).toBe("Until Nov 30, 2026");
    expect(periodLabel(resolvePeriod({ range: "365d", from: null, to: null }, "2026-11-30"))).toBe("Last 365 days (Dec 1, 2025 to Nov 30, 2026)");
    for (const locale of ["en-US", "en-GB", "de-DE"]) expect(describeFilters(p, null, null, locale)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  test("formatDay: one format for a calendar day; what is not a day is left as it is", () => {
    expect(formatDay("2026-11-30")).toBe("Nov 30, 2026");
    expect(formatDay("2024-02-29", "en-US")).toBe("Feb 29, 2024");
    expect(formatDay("0099-01-05", "en-US")).toBe("Jan 5, 99");
    expect(formatDay("not a day")).toBe("not a day");
    expect(formatDay("2026-11-30", "xx-invalid-locale-!!")).toBe("Nov 30, 2026");
  });
});
