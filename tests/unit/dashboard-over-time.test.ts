/**
 * Settling over time (lib/dashboard over-time.ts), without a database: rows built by hand, every
 * expectation worked out by hand in the comments. Rates are minor units; shares basis points.
 */
import { describe, expect, test } from "vitest";
import { overTime, type SettledQuote } from "@/lib/dashboard";
import { BRAND, WEB, row } from "./dashboard-fixtures";

describe("overTime", () => {
  const settings = { hoursPerDay: 8 };

  test("nothing rated: percent mode with no months", () => {
    expect(overTime([row({ service: null })], { from: "2025-01-01", to: "2025-03-31" }, settings)).toEqual({ mode: "percent", unit: null, rateCurrency: null, months: [] });
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
