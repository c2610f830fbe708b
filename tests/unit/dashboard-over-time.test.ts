/**
 * Settling over time (lib/dashboard over-time.ts), without a database: rows built by hand, every
 * expectation worked out by hand in the comments. Rates are minor units; shares basis points.
 */
import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { MAX_PERIOD_MONTHS, MAX_SERIES_MONTHS, overTime, resolvePeriod, seriesMonths, type SettledQuote } from "@/lib/dashboard";
import { DATE_MAX, DATE_MIN, monthsBetween } from "@/lib/dates";
import { BRAND, WEB, row } from "./dashboard-fixtures";

describe("overTime", () => {
  const settings = { hoursPerDay: 8 };

  test("nothing rated: percent mode with no months", () => {
    expect(overTime([row({ service: null })], { from: "2025-01-01", to: "2025-03-31" }, settings)).toEqual({ mode: "percent", unit: null, rateCurrency: null, months: [], shortened: null });
  });

  test.each<{ name: string; rows: SettledQuote[]; period: { from: string | null; to: string | null }; expected: unknown }>([
    {
      // One service: money over hours in its own rates. Jan: $800 over 10 h = $80/h; Mar: $300 over 2 h = $150/h.
      // The bounded period (Jan 15 – Mar 10) gives three months, February empty.
      name: "one hourly service: rate mode, every month of a bounded period",
      rows: [
        row({ month: "2025-01", minutes: 600, price: 80000, effectiveRate: 8000, moneyLeft: 20000 }),
        row({ month: "2025-03", minutes: 120, price: 30000, effectiveRate: 15000 }),
      ],
      period: { from: "2025-01-15", to: "2025-03-10" },
      expected: {
        mode: "rate",
        unit: "hour",
        rateCurrency: "USD",
        shortened: null,
        months: [
          { month: "2025-01", acceptedQuotes: 1, ratedMinutes: 600, moneyLeft: 20000, effective: 8000, target: 10000, floor: 7000, market: 12000 },
          { month: "2025-02", acceptedQuotes: 0, ratedMinutes: 0, moneyLeft: 0, effective: null, target: 10000, floor: 7000, market: 12000 },
          { month: "2025-03", acceptedQuotes: 1, ratedMinutes: 120, moneyLeft: 0, effective: 15000, target: 10000, floor: 7000, market: 12000 },
        ],
      },
    },
    {
      // A day rate: 8 h days. $1,600 for 16 h plus $400 for 8 h = $2,000 over 24 h = 3 days → $666.666… → 66667.
      name: "one daily service: money per day of hoursPerDay hours, rounded once",
      rows: [
        row({ service: BRAND, month: "2025-05", minutes: 960, price: 160000 }),
        row({ service: BRAND, month: "2025-05", minutes: 480, price: 40000 }),
      ],
      period: { from: "2025-05-01", to: "2025-05-31" },
      expected: {
        mode: "rate",
        unit: "day",
        rateCurrency: "USD",
        shortened: null,
        months: [{ month: "2025-05", acceptedQuotes: 2, ratedMinutes: 1440, moneyLeft: 0, effective: 66667, target: 80000, floor: 60000, market: 90000 }],
      },
    },
    {
      // Two services: each rate as a share of its own target, weighted by minutes.
      //   Feb effective: Web 10 h at 80% and Brand 8 h at 100% → (600·8000 + 480·10000) / 1080 = 8888.9 → 8889
      //   floor: Web 70%, Brand 60000/80000 = 75% → (600·7000 + 480·7500) / 1080 = 7222.2 → 7222
      //   market: Web 120%, Brand 112.5% → (600·12000 + 480·11250) / 1080 = 11666.7 → 11667
      // No bounded period: the months from the first to the last month with work (Feb – Apr), March empty.
      // A quote in another currency counts as accepted but adds no money left.
      name: "several services: percent of each quote's own target, over the months with data",
      rows: [
        row({ service: WEB, month: "2025-02", minutes: 600, effectiveRate: 8000, moneyLeft: 20000 }),
        row({ service: BRAND, month: "2025-02", minutes: 480, effectiveRate: 80000 }),
        row({ service: null, month: "2025-02", inSettingsCurrency: false, moneyLeft: 500 }),
        row({ service: null, month: "2025-04", moneyLeft: 0 }),
      ],
      period: { from: null, to: null },
      expected: {
        mode: "percent",
        unit: null,
        rateCurrency: null,
        shortened: null,
        months: [
          { month: "2025-02", acceptedQuotes: 3, ratedMinutes: 1080, moneyLeft: 20000, effective: 8889, target: 10000, floor: 7222, market: 11667 },
          { month: "2025-03", acceptedQuotes: 0, ratedMinutes: 0, moneyLeft: 0, effective: null, target: 10000, floor: 7222, market: 11667 },
          { month: "2025-04", acceptedQuotes: 1, ratedMinutes: 0, moneyLeft: 0, effective: null, target: 10000, floor: 7222, market: 11667 },
        ],
      },
    },
  ])("$name", ({ rows, period, expected }) => {
    expect(overTime(rows, period, settings)).toEqual(expected);
  });

  test.each([
    // 2022-01 … 2024-12 is 36 months: still drawn whole
    { name: "a bounded period of 36 months is drawn whole", period: { from: "2022-01-01", to: "2024-12-31" }, months: 36, first: "2022-01", last: "2024-12" },
    // 2020-01 … 2025-06 is 66 months: only the months with work (Jan – Mar 2024)
    { name: "a longer period falls back to the months with data", period: { from: "2020-01-01", to: "2025-06-30" }, months: 3, first: "2024-01", last: "2024-03" },
    { name: "an open end falls back to the months with data", period: { from: "2020-01-01", to: null }, months: 3, first: "2024-01", last: "2024-03" },
  ])("$name", ({ period, months, first, last }) => {
    const got = overTime([row({ month: "2024-01" }), row({ month: "2024-03" })], period, settings).months;
    expect([got.length, got[0].month, got[got.length - 1].month]).toEqual([months, first, last]);
  });
});

describe("overTime is bounded whatever the dates (old rows, raw SQL)", () => {
  const settings = { hoursPerDay: 8 };
  const open = { from: null, to: null };
  /** one accepted, rated quote in each month of the list */
  const rowsIn = (months: string[]) => months.map((month) => row({ month }));

  test("one quote decided on 9999-12-31 among real work: the months with work only, and it says so", () => {
    // 2025-01 … 9999-12 is (9999·12 + 11) − (2025·12 + 0) + 1 = 95,700 months: far above 120
    const got = overTime(rowsIn(["2025-01", "2025-03", "9999-12"]), open, settings);
    expect(got.months.map((m) => m.month)).toEqual(["2025-01", "2025-03", "9999-12"]);
    expect(got.shortened).toEqual({ shownMonths: 3, from: "2025-01", to: "9999-12", spanMonths: 95_700, omittedMonths: 0, omittedQuotes: 0 });
    // the figures of a month are unchanged by the cut
    expect(got.months[2]).toMatchObject({ acceptedQuotes: 1, ratedMinutes: 600, effective: 10000 });
  });

  test("exactly MAX_SERIES_MONTHS months from first to last: drawn whole, empty months included", () => {
    const all = monthsBetween("2010-01", "2019-12");
    expect(all).toHaveLength(MAX_SERIES_MONTHS);
    const got = overTime(rowsIn([all[0], all[all.length - 1]]), open, settings);
    expect([got.months.length, got.shortened]).toEqual([MAX_SERIES_MONTHS, null]);
  });

  test("130 months with work: the latest 120, the 10 before them counted as left out", () => {
    const all = monthsBetween("2010-01", "2020-10");
    expect(all).toHaveLength(130);
    const got = overTime([...rowsIn(all), row({ month: "2010-01" })], open, settings);
    expect(got.months).toHaveLength(MAX_SERIES_MONTHS);
    expect(got.shortened).toEqual({ shownMonths: 120, from: "2010-11", to: "2020-10", spanMonths: 130, omittedMonths: 10, omittedQuotes: 11 });
  });

  test("months that are not calendar months (a bad date stored before the rule) are left out, never listed or thrown on", () => {
    const got = overTime(rowsIn(["2025-02", "9999-99", "2025-13", "garba", "", "+1000", "2025-04"]), open, settings);
    expect(got.months.map((m) => m.month)).toEqual(["2025-02", "2025-03", "2025-04"]);
    expect(got.shortened).toBeNull();
  });

  test("an enormous bounded period (a caller that skipped the schema) falls back to the months with work without listing the period", () => {
    const started = performance.now();
    const got = overTime(rowsIn(["2024-01", "2024-03"]), { from: "0001-01-01", to: "9999-12-31" }, settings);
    expect(got.months.map((m) => m.month)).toEqual(["2024-01", "2024-02", "2024-03"]);
    expect(performance.now() - started).toBeLessThan(200);
  });

  test.each([
    { name: "an end before the start", period: { from: "2025-06-01", to: "2025-01-31" } },
    { name: "ends that are not dates", period: { from: "yesterday", to: "9999-99-99" } },
  ])("a period with $name falls back to the months with work", ({ period }) => {
    expect(overTime(rowsIn(["2024-01"]), period, settings).months.map((m) => m.month)).toEqual(["2024-01"]);
  });

  test("200,000 quotes over every month from year 0 to 9999: bounded and fast", () => {
    const months: string[] = [];
    for (let i = 0; i < 200_000; i++) months.push(`${String(i % 10_000).padStart(4, "0")}-${String((i % 12) + 1).padStart(2, "0")}`);
    const started = performance.now();
    const got = seriesMonths(months, open);
    expect(got.months).toHaveLength(MAX_SERIES_MONTHS);
    expect(got.months[got.months.length - 1]).toBe("9999-12");
    expect(got.shortened?.omittedQuotes).toBeGreaterThan(190_000);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  test("property: any months and any period give at most max(MAX_PERIOD_MONTHS, MAX_SERIES_MONTHS) sorted, distinct calendar months", () => {
    const month = fc.oneof(
      fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}`),
      fc.constantFrom("9999-99", "2025-00", "", "abcd-ef", "2025-1", "-0001-01"),
    );
    const date = fc.oneof(fc.constant(null), month.map((m) => `${m}-15`), fc.constantFrom("0001-01-01", "9999-12-31", "garbage"));
    fc.assert(
      fc.property(fc.array(month, { maxLength: 60 }), date, date, (months, from, to) => {
        const got = seriesMonths(months, { from, to });
        expect(got.months.length).toBeLessThanOrEqual(Math.max(MAX_PERIOD_MONTHS, MAX_SERIES_MONTHS));
        expect(got.months.every((m) => /^\d{4}-(0[1-9]|1[0-2])$/.test(m))).toBe(true);
        expect([...new Set(got.months)].sort()).toEqual(got.months);
        if (got.shortened) expect(got.shortened.shownMonths).toBe(got.months.length);
      }),
      { numRuns: 500 },
    );
  });
});

describe("resolvePeriod keeps custom dates inside the date bounds", () => {
  test.each([
    { from: "0001-01-01", to: "9999-12-31", want: { from: DATE_MIN, to: DATE_MAX, days: 47_847 } },
    { from: "1969-12-31", to: "1970-01-10", want: { from: DATE_MIN, to: "1970-01-10", days: 10 } },
    { from: "2026-11-24", to: "2101-01-01", want: { from: "2026-11-24", to: DATE_MAX } },
    { from: "2026-11-24", to: "2026-11-30", want: { from: "2026-11-24", to: "2026-11-30", days: 7 } },
  ])("custom $from … $to", ({ from, to, want }) => {
    const p = resolvePeriod({ range: "custom", from, to }, "2026-11-24");
    expect(p).toMatchObject(want);
    // the period before has the same length, and is bounded too
    expect(p.previous && p.days).toBeTruthy();
  });
});
