/**
 * Estimate vs actual (lib/dashboard/estimates.ts) and the quote form's exchange-rate lookup
 * (lib/fx-preview.ts), without a database. Every expectation is worked out by hand in the comments.
 */
import { describe, expect, test } from "vitest";
import { ESTIMATE_CHART_MAX, estimateFigures, estimateGroups, estimateTotals, isMeasuredJob, perHour } from "@/lib/dashboard";
import { convertAtTyped, fxField } from "@/lib/fx-preview";
import { BRAND, row } from "./dashboard-fixtures";

// a finished job: 10 h estimated, $1,000 agreed unless said otherwise; judged on the time logged once any is
// (minutes = the basis, lib/true-rate.ts), on the estimate otherwise
const job = (estimateH: number | null, loggedH: number, patch: Parameters<typeof row>[0] = {}) =>
  row({ estimateMinutes: estimateH == null ? null : estimateH * 60, actualMinutes: loggedH * 60, minutes: loggedH > 0 ? loggedH * 60 : (estimateH ?? 0) * 60, ...patch });

describe("estimateTotals: pooled overrun, crept jobs, the two rates", () => {
  const cases: { name: string; jobs: ReturnType<typeof row>[]; want: Partial<ReturnType<typeof estimateTotals>> }[] = [
    { name: "empty", jobs: [], want: { jobs: 0, estimateMinutes: 0, actualMinutes: 0, overrunBp: null, creptJobs: 0, pricedJobs: 0, estimateRate: null, trueRate: null } },
    { name: "no time logged is not a measured job", jobs: [job(10, 0)], want: { jobs: 0, overrunBp: null, trueRate: null } },
    { name: "no estimate of its own is not a measured job", jobs: [job(null, 12)], want: { jobs: 0, overrunBp: null } },
    // 10 h logged into a 24 h job still going: judged on the estimate, not "58% under" at $270/h
    { name: "a job under way is not a measured job", jobs: [job(24, 10, { minutes: 24 * 60 })], want: { jobs: 0, overrunBp: null, trueRate: null } },
    // 15 h on a 10 h job: +50%; $1,000 / 10 h = $100/h on the estimate, / 15 h = $66.67/h (6666.67 → 6667)
    { name: "one job over", jobs: [job(10, 15, { crept: true })], want: { jobs: 1, estimateMinutes: 600, actualMinutes: 900, overrunBp: 5000, creptJobs: 1, estimateRate: 10000, trueRate: 6667 } },
    // pooled, not averaged: 40 h → 70 h (+75%) and 10 h → 5 h (−50%): 75 logged of 50 estimated = +50% (the mean of the two would be +12.5%)
    {
      name: "pooled: a big job weighs more",
      jobs: [job(40, 70, { price: 400000, crept: true }), job(10, 5, { price: 100000 })],
      want: { jobs: 2, estimateMinutes: 3000, actualMinutes: 4500, overrunBp: 5000, creptJobs: 1, agreed: 500000, estimateRate: 10000, trueRate: 6667 },
    },
    // under: 8 h on a 10 h job is −20%; $1,000 / 8 h = $125/h
    { name: "under the estimate is negative", jobs: [job(10, 8)], want: { overrunBp: -2000, creptJobs: 0, trueRate: 12500 } },
    // a job whose money is not in the book's currency counts in the hours, not in the rates
    {
      name: "a job lacking a rate: hours yes, money no",
      jobs: [job(10, 20, { inSettingsCurrency: false, price: 999999 }), job(10, 10)],
      want: { jobs: 2, estimateMinutes: 1200, actualMinutes: 1800, overrunBp: 5000, pricedJobs: 1, agreed: 100000, estimateRate: 10000, trueRate: 10000 },
    },
  ];
  test.each(cases)("$name", ({ jobs, want }) => {
    expect(estimateTotals(jobs)).toMatchObject(want);
  });

  test("perHour rounds half away from zero and has no figure without minutes", () => {
    expect(perHour(100000, 900)).toBe(6667); // 6666.67
    expect(perHour(1, 120)).toBe(1); // 0.5 → 1
    expect(perHour(100000, 0)).toBeNull();
  });

  test("isMeasuredJob needs both time logged and an estimate above zero", () => {
    expect(isMeasuredJob(job(10, 1))).toBe(true);
    expect(isMeasuredJob(job(0, 1))).toBe(false);
    expect(isMeasuredJob(job(null, 1))).toBe(false);
    expect(isMeasuredJob(job(10, 0))).toBe(false);
  });
});

describe("estimateFigures: by client and by service", () => {
  const acme = { clientId: 1, clientName: "Acme" };
  const pebble = { clientId: 2, clientName: "Pebble" };
  const rows = [
    job(10, 12, { ...acme }), // Acme web: +20%
    job(10, 18, { ...acme, service: BRAND, serviceId: BRAND.id, crept: true }), // Acme brand: +80%
    job(20, 20, { ...pebble }), // Pebble web: 0
    job(10, 0, { ...pebble }), // no time: not counted
    job(null, 7, { ...pebble }), // no estimate of its own: said apart
  ];
  const fig = estimateFigures(rows);

  test("by client: pooled per client, the largest overrun first", () => {
    // Acme: 30 logged of 20 estimated = +50%, 1 crept; Pebble: 20 of 20 = 0
    expect(fig.byClient.map((g) => [g.label, g.jobs, g.estimateMinutes, g.actualMinutes, g.overrunBp, g.creptJobs, g.clientId])).toEqual([
      ["Acme", 2, 1200, 1800, 5000, 1, 1],
      ["Pebble", 1, 1200, 1200, 0, 0, 2],
    ]);
    // Acme agreed $2,000: on the estimate 2000/20 h = $100/h, true 2000/30 h = $66.67/h
    expect(fig.byClient[0]).toMatchObject({ estimateRate: 10000, trueRate: 6667 });
  });

  test("by service: Brand ran over more than Web", () => {
    // Brand: 18 of 10 = +80%; Web: Acme 12 of 10 and Pebble 20 of 20 → 32 of 30 = +6.67% (666.67 → 667)
    expect(fig.byService.map((g) => [g.label, g.jobs, g.overrunBp])).toEqual([
      ["Brand", 1, 8000],
      ["Web", 2, 667],
    ]);
    expect(fig.byService[1].clientId).toBeNull();
  });

  test("totals, the job logged without an estimate, the chart's clients", () => {
    // 12 + 18 + 20 = 50 h logged of 40 h estimated = +25%
    expect(fig.totals).toMatchObject({ jobs: 3, estimateMinutes: 2400, actualMinutes: 3000, overrunBp: 2500, creptJobs: 1 });
    expect(fig.loggedWithoutEstimate).toBe(1);
    expect(fig.chartClients).toEqual(["1", "2"]);
  });

  test("empty: no jobs, nothing to chart", () => {
    const empty = estimateFigures([job(10, 0)]);
    expect(empty.totals.jobs).toBe(0);
    expect(empty.byClient).toEqual([]);
    expect(empty.byService).toEqual([]);
    expect(empty.chartClients).toEqual([]);
    expect(empty.loggedWithoutEstimate).toBe(0);
  });

  test("the chart draws at most ESTIMATE_CHART_MAX clients, those that ran over most", () => {
    const many = Array.from({ length: ESTIMATE_CHART_MAX + 3 }, (_, i) => job(10, 10 + i, { clientId: 100 + i, clientName: `C${i}` }));
    const f = estimateFigures(many);
    expect(f.byClient).toHaveLength(ESTIMATE_CHART_MAX + 3);
    expect(f.chartClients).toHaveLength(ESTIMATE_CHART_MAX);
    // the worst logged the most: C10 (20 h of 10)
    expect(f.chartClients[0]).toBe("110");
    expect(f.chartClients).not.toContain("100");
  });

  test("groups without a figure sort last, ties by hours logged then name", () => {
    const g = estimateGroups([job(10, 10, { clientName: "B", clientId: 2 }), job(10, 20, { clientName: "A", clientId: 1 }), job(20, 20, { clientName: "C", clientId: 3 })], (r) => String(r.clientId), (r) => r.clientName);
    expect(g.map((x) => x.label)).toEqual(["A", "C", "B"]);
  });

  test("a job with no service groups under No service", () => {
    const g = estimateFigures([job(10, 11, { service: null, serviceId: null })]);
    expect(g.byService.map((x) => [x.key, x.label])).toEqual([["none", "No service"]]);
  });
});

describe("fxField: the quote form's exchange-rate field", () => {
  const rates = [
    { currency: "EUR", effectiveFrom: "2026-01-01", rate: "1.08" },
    { currency: "EUR", effectiveFrom: "2026-06-01", rate: "1.1" },
    { currency: "GBP", effectiveFrom: "2026-03-01", rate: "1.27" },
  ];
  const base = { bookCurrency: "USD", rates };
  test.each([
    { name: "the book's own currency: not asked", i: { ...base, currency: "USD", day: "2026-07-01" }, want: { asked: false, startRate: "", source: "none" } },
    { name: "the rate in force on the day", i: { ...base, currency: "EUR", day: "2026-05-31" }, want: { asked: true, startRate: "1.08", source: "kept" } },
    { name: "a later row from its day on", i: { ...base, currency: "EUR", day: "2026-06-01" }, want: { asked: true, startRate: "1.1", source: "kept" } },
    { name: "before any kept rate: asked, empty", i: { ...base, currency: "GBP", day: "2026-02-28" }, want: { asked: true, startRate: "", source: "none" } },
    { name: "a currency with no rate kept", i: { ...base, currency: "JPY", day: "2026-07-01" }, want: { asked: true, startRate: "", source: "none" } },
    { name: "editing: the quote's own rate first", i: { ...base, currency: "EUR", day: "2026-07-01", ownRate: "1.05", ownCurrency: "EUR" }, want: { asked: true, startRate: "1.05", source: "quote" } },
    { name: "editing into another currency: the kept rate", i: { ...base, currency: "GBP", day: "2026-07-01", ownRate: "1.05", ownCurrency: "EUR" }, want: { asked: true, startRate: "1.27", source: "kept" } },
  ])("$name", ({ i, want }) => {
    expect(fxField(i)).toEqual(want);
  });

  test("the preview converts exactly at the typed rate, decimal comma too", () => {
    // €1,000.00 at 1.08 = $1,080.00; at "1,0833" = $1,083.30; ¥10,000 at 0.0067 = $67.00
    expect(convertAtTyped(100000, "1.08", "EUR", "USD")).toEqual({ ok: true, amount: 108000 });
    expect(convertAtTyped(100000, "1,0833", "EUR", "USD")).toEqual({ ok: true, amount: 108330 });
    expect(convertAtTyped(10000, "0.0067", "JPY", "USD")).toEqual({ ok: true, amount: 6700 });
    // €0.05 at 1.1 = 5.5 cents → 6 (half away from zero)
    expect(convertAtTyped(5, "1.1", "EUR", "USD")).toEqual({ ok: true, amount: 6 });
  });

  test("a rate it cannot read says why; an empty one says nothing yet", () => {
    expect(convertAtTyped(100, "", "EUR", "USD")).toEqual({ ok: false, message: null });
    expect(convertAtTyped(100, "abc", "EUR", "USD")).toMatchObject({ ok: false, message: expect.stringMatching(/plain number/) });
    expect(convertAtTyped(100, "0", "EUR", "USD")).toMatchObject({ ok: false, message: expect.stringMatching(/above zero/) });
    expect(convertAtTyped(100, "1e3", "EUR", "USD")).toMatchObject({ ok: false, message: expect.stringMatching(/plain number/) });
  });
});
