import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { ceilDiv, floorRate, type FloorRateInput } from "@/lib/floor-rate";

const base: FloorRateInput = {
  yearlyIncomeGoal: 8_000_000, // $80,000 take-home
  yearlyExpenses: 1_200_000, // $12,000
  taxRateBp: 3000, // 30%
  billableHoursPerWeek: 30,
  workingWeeks: 46,
  unit: "hour",
  hoursPerDay: 8,
};

describe("floorRate", () => {
  test.each([
    { name: "worked example, per hour", input: base, gross: 12_628_572, hours: 1380, rate: 9152 },
    { name: "worked example, per 8-hour day", input: { ...base, unit: "day" as const }, gross: 12_628_572, hours: 1380, rate: 73_210 },
    { name: "per 7.5-hour day", input: { ...base, unit: "day" as const, hoursPerDay: 7.5 }, gross: 12_628_572, hours: 1380, rate: 68_634 },
    {
      name: "no tax, no expenses: exact",
      input: { ...base, yearlyIncomeGoal: 6_000_000, yearlyExpenses: 0, taxRateBp: 0, billableHoursPerWeek: 40, workingWeeks: 50 },
      gross: 6_000_000, hours: 2000, rate: 3000,
    },
    {
      name: "rounds up, never a cent short",
      input: { ...base, yearlyIncomeGoal: 100, yearlyExpenses: 0, taxRateBp: 0, billableHoursPerWeek: 1, workingWeeks: 3 },
      gross: 100, hours: 3, rate: 34,
    },
    {
      name: "fractional billable hours",
      input: { ...base, billableHoursPerWeek: 22.5 },
      gross: 12_628_572, hours: 1035, rate: 12_202,
    },
    { name: "zero goal and expenses", input: { ...base, yearlyIncomeGoal: 0, yearlyExpenses: 0 }, gross: 0, hours: 1380, rate: 0 },
  ])("$name", ({ input, gross, hours, rate }) => {
    const r = floorRate(input);
    expect(r.grossNeeded).toBe(gross);
    expect(r.billableHoursPerYear).toBe(hours);
    expect(r.rate).toBe(rate);
  });

  test("the formula shows the arithmetic", () => {
    expect(floorRate({ ...base, currency: "USD", locale: "en-US" }).formula).toBe(
      "($80,000.00 ÷ (1 − 30%)) + $12,000.00 = $126,285.72 gross; $126,285.72 ÷ 1,380 billable hours (30 h × 46 weeks) = $91.52 per hour, rounded up",
    );
    expect(floorRate({ ...base, unit: "day" }).formula).toBe(
      "(80000.00 ÷ (1 − 30%)) + 12000.00 = 126285.72 gross; 126285.72 × 8 h per day ÷ 1,380 billable hours (30 h × 46 weeks) = 732.10 per day, rounded up",
    );
  });

  test.each<[string, Partial<FloorRateInput>]>([
    ["zero billable hours", { billableHoursPerWeek: 0 }],
    ["negative billable hours", { billableHoursPerWeek: -5 }],
    ["billable hours that round to zero minutes", { billableHoursPerWeek: 0.001 }],
    ["more hours than a week has", { billableHoursPerWeek: 200 }],
    ["zero working weeks", { workingWeeks: 0 }],
    ["fractional working weeks", { workingWeeks: 45.5 }],
    ["54 working weeks", { workingWeeks: 54 }],
    ["100% tax", { taxRateBp: 10000 }],
    ["negative tax", { taxRateBp: -1 }],
    ["fractional tax bp", { taxRateBp: 2500.5 }],
    ["negative income", { yearlyIncomeGoal: -1 }],
    ["fractional income (not minor units)", { yearlyIncomeGoal: 100.5 }],
    ["negative expenses", { yearlyExpenses: -100 }],
    ["NaN hours", { billableHoursPerWeek: Number.NaN }],
    ["zero hours per day", { hoursPerDay: 0 }],
    ["25 hours per day", { hoursPerDay: 25 }],
    ["an income too large for exact arithmetic", { yearlyIncomeGoal: 1e12 }],
  ])("throws RangeError on %s", (_name, patch) => {
    expect(() => floorRate({ ...base, ...patch })).toThrow(RangeError);
  });

  test.each([
    [0, 3, 0],
    [1, 3, 1],
    [3, 3, 1],
    [4, 3, 2],
    [757_714_320, 82_800, 9152],
  ])("ceilDiv(%i, %i) = %i", (a, b, expected) => {
    expect(ceilDiv(a, b)).toBe(expected);
  });

  const arbInput: fc.Arbitrary<FloorRateInput> = fc.record({
    yearlyIncomeGoal: fc.integer({ min: 0, max: 50_000_000 }),
    yearlyExpenses: fc.integer({ min: 0, max: 10_000_000 }),
    taxRateBp: fc.integer({ min: 0, max: 7000 }),
    billableHoursPerWeek: fc.integer({ min: 1, max: 60 * 4 }).map((q) => q / 4),
    workingWeeks: fc.integer({ min: 1, max: 52 }),
    unit: fc.constantFrom("hour" as const, "day" as const),
    hoursPerDay: fc.constantFrom(6, 7.5, 8, 10),
  });

  test("property: the rate is the smallest whole amount that covers the gross", () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const r = floorRate(input);
        const billableMinutes = Math.round(input.billableHoursPerWeek * 60) * input.workingWeeks;
        const perUnit = input.unit === "day" ? Math.round(input.hoursPerDay * 60) : 60;
        expect(Number.isSafeInteger(r.rate)).toBe(true);
        // rate × units billed per year ≥ gross, and one minor unit less would fall short
        expect(r.rate * billableMinutes).toBeGreaterThanOrEqual(r.grossNeeded * perUnit);
        if (r.rate > 0) expect((r.rate - 1) * billableMinutes).toBeLessThan(r.grossNeeded * perUnit);
        // the gross leaves at least the goal after tax
        const afterTax = (r.grossNeeded - input.yearlyExpenses) * (10000 - input.taxRateBp);
        expect(afterTax).toBeGreaterThanOrEqual(input.yearlyIncomeGoal * 10000);
      }),
    );
  });

  test("property: a bigger goal, more tax or more expenses never lowers the floor; more billable hours never raise it", () => {
    fc.assert(
      fc.property(arbInput, fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 8 }), (input, more, moreTax, moreQuarterHours) => {
        const r = floorRate(input).rate;
        expect(floorRate({ ...input, yearlyIncomeGoal: input.yearlyIncomeGoal + more }).rate).toBeGreaterThanOrEqual(r);
        expect(floorRate({ ...input, yearlyExpenses: input.yearlyExpenses + more }).rate).toBeGreaterThanOrEqual(r);
        expect(floorRate({ ...input, taxRateBp: input.taxRateBp + moreTax }).rate).toBeGreaterThanOrEqual(r);
        expect(floorRate({ ...input, billableHoursPerWeek: input.billableHoursPerWeek + moreQuarterHours / 4 }).rate).toBeLessThanOrEqual(r);
      }),
    );
  });
});
