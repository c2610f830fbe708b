import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { ratePreview, type RatePreviewInput } from "@/lib/rate-preview";

const hourly = { unit: "hour" as const, currency: "USD", floorRate: 8500, targetRate: 11000, marketRate: 12000 };
const daily = { unit: "day" as const, currency: "EUR", floorRate: 60000, targetRate: 80000, marketRate: 90000 };
const at = (over: Partial<RatePreviewInput>) => ratePreview({ amount: 110000, minutes: 600, currency: "USD", service: hourly, hoursPerDay: 8, locale: "en-US", ...over });

describe("the quote form's effective-rate preview", () => {
  test.each<[Partial<RatePreviewInput>, string, string, string | null]>([
    [{ amount: 110000, minutes: 600 }, "$110.00/h", "at target", "at_target"],
    [{ amount: 120000, minutes: 600 }, "$120.00/h", "at or above the market rate of $120.00/h", "at_market"],
    [{ amount: 115000, minutes: 600 }, "$115.00/h", "above your target of $110.00/h", "above_target"],
    [{ amount: 100000, minutes: 600 }, "$100.00/h", "below your target of $110.00/h", "below_target"],
    [{ amount: 80000, minutes: 600 }, "$80.00/h", "below your floor of $85.00/h", "below_floor"],
    [{ amount: 85000, minutes: 600 }, "$85.00/h", "below your target of $110.00/h", "below_target"], // the floor itself is not below the floor
    [{ amount: 120000, minutes: 600, service: null }, "$120.00/h", "no service chosen to compare with", null],
    [{ amount: 120000, minutes: 600, currency: "EUR" }, "€120.00/h", "the service is priced in USD, so there is nothing to compare with", null],
  ])("%j → %s, %s", (over, rateText, verdict, standing) => {
    expect(at(over)).toMatchObject({ rateText, verdict, standing });
  });

  test("a day-rated service: the rate is per day of settings.hoursPerDay hours", () => {
    // 4,000 € for 40 h = 5 days of 8 h → 800 €/day: the target
    expect(ratePreview({ amount: 400000, minutes: 2400, currency: "EUR", service: daily, hoursPerDay: 8, locale: "de-DE" })).toMatchObject({
      rate: 80000,
      unit: "day",
      rateText: "800,00\u00a0€/day",
      verdict: "at target",
    });
    // the same quote with 10-hour days is 1,000 €/day
    expect(ratePreview({ amount: 400000, minutes: 2400, currency: "EUR", service: daily, hoursPerDay: 10, locale: "de-DE" })).toMatchObject({ rate: 100000, standing: "at_market" });
  });

  test("exact comparison: a rate that rounds to the target but is under it is below the target", () => {
    // 1,099.99 over 10 h = 109.999 → shown as $110.00/h, yet below the target
    expect(at({ amount: 109999 })).toMatchObject({ rate: 11000, standing: "below_target" });
  });

  test("JPY has no minor digits", () => {
    expect(at({ amount: 60000, minutes: 600, currency: "JPY", service: { ...hourly, currency: "JPY", floorRate: 5000, targetRate: 6000, marketRate: 6000 } })).toMatchObject({ rateText: "¥6,000/h", standing: "at_target" });
  });

  test("nothing to show until amount and time are above zero", () => {
    expect(at({ amount: 0 })).toBeNull();
    expect(at({ minutes: 0 })).toBeNull();
    expect(at({ amount: Number.NaN })).toBeNull();
  });

  test("property: more money for the same time never ranks lower", () => {
    const rank = { below_floor: 0, below_target: 1, at_target: 2, above_target: 3, at_market: 4 } as const;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 0, max: 1e7 }), fc.integer({ min: 1, max: 600_000 }), (amount, more, minutes) => {
        const a = at({ amount, minutes })!;
        const b = at({ amount: amount + more, minutes })!;
        expect(rank[b.standing!]).toBeGreaterThanOrEqual(rank[a.standing!]);
        expect(b.rate).toBeGreaterThanOrEqual(a.rate);
      }),
    );
  });
});
