import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { judgeTime, overrunOf, pooledOverrun } from "@/lib/true-rate";
import { settleQuote } from "@/lib/settling";
import { makeQuote, makeService, makeSettings } from "./fixtures";

const H = 60;

describe("judgeTime: which minutes the pay is judged on", () => {
  test.each([
    { name: "nothing logged: the estimate", input: { actualMinutes: 0 }, estimate: 40 * H, expected: { basis: "estimate", basisMinutes: 40 * H, overrunBp: null, crept: false, workDone: false } },
    { name: "nothing logged, even when marked done: the estimate", input: { actualMinutes: 0, workDoneOn: "2025-06-01" }, estimate: 40 * H, expected: { basis: "estimate", basisMinutes: 40 * H, overrunBp: null, crept: false, workDone: true } },
    { name: "in progress under the estimate: the estimate", input: { actualMinutes: 12 * H }, estimate: 40 * H, expected: { basis: "estimate_while_in_progress", basisMinutes: 40 * H, overrunBp: -7000, crept: false, workDone: false } },
    { name: "an empty done day is not done", input: { actualMinutes: 12 * H, workDoneOn: "" }, estimate: 40 * H, expected: { basis: "estimate_while_in_progress", basisMinutes: 40 * H, overrunBp: -7000, crept: false, workDone: false } },
    { name: "reached the estimate exactly, still going: the time logged", input: { actualMinutes: 40 * H }, estimate: 40 * H, expected: { basis: "time_logged", basisMinutes: 40 * H, overrunBp: 0, crept: false, workDone: false } },
    { name: "past the estimate, still going: the time logged", input: { actualMinutes: 70 * H }, estimate: 40 * H, expected: { basis: "time_logged", basisMinutes: 70 * H, overrunBp: 7500, crept: true, workDone: false } },
    { name: "work done under the estimate: the time logged", input: { actualMinutes: 30 * H, workDoneOn: "2025-06-01" }, estimate: 40 * H, expected: { basis: "time_logged", basisMinutes: 30 * H, overrunBp: -2500, crept: false, workDone: true } },
    { name: "work done over the estimate: the time logged", input: { actualMinutes: 70 * H, workDoneOn: "2025-06-01" }, estimate: 40 * H, expected: { basis: "time_logged", basisMinutes: 70 * H, overrunBp: 7500, crept: true, workDone: true } },
    { name: "no estimate of its own: the time logged, no overrun", input: { actualMinutes: 10 * H, estimateKnown: false }, estimate: 10 * H, expected: { basis: "time_logged", basisMinutes: 10 * H, overrunBp: null, crept: false, workDone: false } },
    { name: "a zero estimate: the time logged, no overrun", input: { actualMinutes: 90 }, estimate: 0, expected: { basis: "time_logged", basisMinutes: 90, overrunBp: null, crept: false, workDone: false } },
  ] as const)("$name", ({ input, estimate, expected }) => {
    expect(judgeTime(input, estimate, 20)).toMatchObject(expected);
  });

  test.each([
    { name: "exactly at the threshold is not creep", actual: 1200, estimate: 1000, threshold: 20, crept: false, overrunBp: 2000 },
    { name: "just above the threshold is creep", actual: 1201, estimate: 1000, threshold: 20, crept: true, overrunBp: 2010 },
    { name: "a threshold of 0: any overrun creeps", actual: 1001, estimate: 1000, threshold: 0, crept: true, overrunBp: 10 },
    { name: "a threshold of 0: on the estimate does not", actual: 1000, estimate: 1000, threshold: 0, crept: false, overrunBp: 0 },
    { name: "a negative threshold counts as 0", actual: 1000, estimate: 1000, threshold: -5, crept: false, overrunBp: 0 },
    { name: "a higher threshold: 75% over is not creep at 100%", actual: 70 * H, estimate: 40 * H, threshold: 100, crept: false, overrunBp: 7500 },
  ])("$name", ({ actual, estimate, threshold, crept, overrunBp }) => {
    const t = judgeTime({ actualMinutes: actual, workDoneOn: "2025-06-01" }, estimate, threshold);
    expect(t.crept).toBe(crept);
    expect(t.overrunBp).toBe(overrunBp);
  });
});

describe("overrunOf: rounding half away from zero, either sign", () => {
  test.each([
    [70 * H, 40 * H, 7500],
    [40 * H, 40 * H, 0],
    [30 * H, 40 * H, -2500],
    [1001, 3, 3326667], // 3326666.67 → up
    [2, 3, -3333], // -3333.33 → towards zero
    [1, 6, -8333],
    [20001, 20000, 1], // +0.5 → 1
    [19999, 20000, -1], // -0.5 → -1 (away from zero, not up)
    [3, 2, 5000],
  ])("%i logged on %i estimated → %i bp", (actual, estimate, bp) => {
    expect(overrunOf(actual, estimate)).toBe(bp);
  });
});

describe("pooledOverrun", () => {
  test("weighs jobs by size: total logged against total estimated, not the mean of percents", () => {
    const r = pooledOverrun([
      { estimateMinutes: 40 * H, actualMinutes: 70 * H }, // +75%
      { estimateMinutes: 10 * H, actualMinutes: 10 * H }, // 0%
    ]);
    expect(r).toEqual({ overrunBp: 6000, jobs: 2, estimateMinutes: 50 * H, actualMinutes: 80 * H });
    expect(r.overrunBp).not.toBe(3750); // the unweighted mean
  });
  test("skips jobs without both an estimate and time logged", () => {
    expect(
      pooledOverrun([
        { estimateMinutes: 0, actualMinutes: 100 },
        { estimateMinutes: 100, actualMinutes: 0 },
        { estimateMinutes: 100, actualMinutes: 150 },
      ]),
    ).toEqual({ overrunBp: 5000, jobs: 1, estimateMinutes: 100, actualMinutes: 150 });
  });
  test("none with both: null", () => {
    expect(pooledOverrun([])).toEqual({ overrunBp: null, jobs: 0, estimateMinutes: 0, actualMinutes: 0 });
    expect(pooledOverrun([{ estimateMinutes: 0, actualMinutes: 10 }]).overrunBp).toBeNull();
  });
  test("under-runs pool too (negative)", () => {
    expect(pooledOverrun([{ estimateMinutes: 100, actualMinutes: 50 }, { estimateMinutes: 100, actualMinutes: 100 }]).overrunBp).toBe(-2500);
  });
});

describe("properties", () => {
  const arb = fc.record({
    actual: fc.integer({ min: 0, max: 100_000 }),
    estimate: fc.integer({ min: 0, max: 100_000 }),
    estimateKnown: fc.boolean(),
    done: fc.boolean(),
    threshold: fc.integer({ min: 0, max: 500 }),
  });
  test("basisMinutes is always either the estimate or the logged time; crept implies logged > estimate", () => {
    fc.assert(
      fc.property(arb, ({ actual, estimate, estimateKnown, done, threshold }) => {
        const t = judgeTime({ actualMinutes: actual, estimateKnown, workDoneOn: done ? "2025-01-01" : null }, estimate, threshold);
        expect([estimate, actual]).toContain(t.basisMinutes);
        if (t.crept) expect(actual).toBeGreaterThan(estimate);
        if (t.crept) expect(t.overrunBp!).toBeGreaterThan(threshold * 100);
        if (actual === 0) expect(t.basis).toBe("estimate");
        if (actual > 0 && done) expect(t.basisMinutes).toBe(actual);
      }),
    );
  });
  test("more time logged never lowers the overrun", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50_000 }), fc.integer({ min: 1, max: 50_000 }), fc.integer({ min: 0, max: 1000 }), (estimate, actual, more) => {
        expect(overrunOf(actual + more, estimate)).toBeGreaterThanOrEqual(overrunOf(actual, estimate));
      }),
    );
  });
});

describe("settling on the true rate", () => {
  // a 40 h job at $100/h target, floor $60/h, $4,000 agreed
  const service = makeService({ targetRate: 10000, floorRate: 6000, marketRate: 12000 });
  const settings = makeSettings();
  const job = (over: Parameters<typeof makeQuote>[0] = {}) =>
    makeQuote({ id: 1, status: "accepted", estimatedMinutes: 40 * H, quotedAmount: 400000, agreedAmount: 400000, decidedOn: "2025-02-01", ...over });

  test("70 h logged and done: true rate ≈ $57.14/h, below the $60 floor → settles hard; money left = 70 h × target − agreed", () => {
    const s = settleQuote(job({ actualMinutes: 70 * H, workDoneOn: "2025-04-01" }), service, settings);
    expect(s.time?.basis).toBe("time_logged");
    expect(s.effectiveRate).toBe(5714); // 400000 × 60 / 4200 = 5714.29
    expect(s.estimateRate).toBe(10000);
    expect(s.crept).toBe(true);
    expect(s.belowFloor).toBe(true);
    expect(s.settlesHard).toBe(true);
    expect(s.settles).toBe(true);
    expect(s.valueAtTarget).toBe(70 * 10000);
    expect(s.moneyLeftOnTable).toBe(70 * 10000 - 400000);
    expect(s.reasons[0]).toBe("Ran 75% over its estimate (70 h logged against 40 h estimated)");
    expect(s.reasons.some((r) => r.startsWith("True rate $57.14/hour is below your floor of $60.00/hour"))).toBe(true);
  });

  test("12 h logged on the 40 h job still going: judged on the estimate, at target, no settling", () => {
    const s = settleQuote(job({ actualMinutes: 12 * H }), service, settings);
    expect(s.time?.basis).toBe("estimate_while_in_progress");
    expect(s.effectiveRate).toBe(10000);
    expect(s.estimateRate).toBeNull();
    expect(s.settles).toBe(false);
    expect(s.moneyLeftOnTable).toBe(0);
  });

  test("done in 30 h: the true rate is above target, nothing left on the table", () => {
    const s = settleQuote(job({ actualMinutes: 30 * H, workDoneOn: "2025-04-01" }), service, settings);
    expect(s.effectiveRate).toBe(13333);
    expect(s.settles).toBe(false);
    expect(s.crept).toBe(false);
  });

  test("the threshold is the setting: at 100% the 75% overrun is not creep, but the rate is still the true one", () => {
    const s = settleQuote(job({ actualMinutes: 70 * H, workDoneOn: "2025-04-01" }), service, makeSettings({ creepThresholdPct: 100 }));
    expect(s.crept).toBe(false);
    expect(s.settlesHard).toBe(true);
  });
});
