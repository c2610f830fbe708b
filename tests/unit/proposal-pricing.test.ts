/** Pricing an option: hours at the target (rush-adjusted), lifted to the minimum fee, or a typed price; its standing at the exact boundaries; rounding. */
import { describe, expect, test } from "vitest";
import { formatMoney } from "@/lib/money";
import { emptyPriceHint, optionMinutes, priceOption, proposalRates, rateStanding } from "@/lib/proposals/pricing";
import type { ProposalPricing } from "@/lib/proposals/types";

const base: ProposalPricing = { currency: "USD", unit: "hour", floorRate: 8000, targetRate: 10000, marketRate: 12000, rush: false, rushMultiplierPct: 150, hoursPerDay: 8, minimumFee: 0 };
const day: Partial<ProposalPricing> = { unit: "day", floorRate: 64000, targetRate: 80000, marketRate: 96000 };

describe("priceOption", () => {
  test.each<[string, Partial<ProposalPricing>, number, number | null, { price: number; priceSource: string; rateCardPrice: number; effectiveRate: number; standing: string }]>([
    ["10 h at the $100 target", {}, 600, null, { price: 100000, priceSource: "rate_card", rateCardPrice: 100000, effectiveRate: 10000, standing: "target_to_market" }],
    ["2 days at $800/day", day, 960, null, { price: 160000, priceSource: "rate_card", rateCardPrice: 160000, effectiveRate: 80000, standing: "target_to_market" }],
    ["2 days of 6 h", { ...day, hoursPerDay: 6 }, 720, null, { price: 160000, priceSource: "rate_card", rateCardPrice: 160000, effectiveRate: 80000, standing: "target_to_market" }],
    ["half a day", day, 240, null, { price: 40000, priceSource: "rate_card", rateCardPrice: 40000, effectiveRate: 80000, standing: "target_to_market" }],
    ["rush: × 1.5", { rush: true }, 600, null, { price: 150000, priceSource: "rate_card", rateCardPrice: 150000, effectiveRate: 15000, standing: "target_to_market" }],
    ["rush on a day rate", { ...day, rush: true }, 480, null, { price: 120000, priceSource: "rate_card", rateCardPrice: 120000, effectiveRate: 120000, standing: "target_to_market" }],
    ["a multiplier below 100% never discounts rush", { rush: true, rushMultiplierPct: 80 }, 600, null, { price: 100000, priceSource: "rate_card", rateCardPrice: 100000, effectiveRate: 10000, standing: "target_to_market" }],
    ["the multiplier is ignored without rush", { rushMultiplierPct: 200 }, 600, null, { price: 100000, priceSource: "rate_card", rateCardPrice: 100000, effectiveRate: 10000, standing: "target_to_market" }],
    ["lifted to the minimum fee", { minimumFee: 150000 }, 600, null, { price: 150000, priceSource: "minimum_fee", rateCardPrice: 100000, effectiveRate: 15000, standing: "above_market" }],
    ["a fee equal to the rate card's price: not lifted", { minimumFee: 100000 }, 600, null, { price: 100000, priceSource: "rate_card", rateCardPrice: 100000, effectiveRate: 10000, standing: "target_to_market" }],
    ["a fee below the price: no effect", { minimumFee: 50000 }, 600, null, { price: 100000, priceSource: "rate_card", rateCardPrice: 100000, effectiveRate: 10000, standing: "target_to_market" }],
    ["a typed price wins over the fee", { minimumFee: 150000 }, 600, 90000, { price: 90000, priceSource: "custom", rateCardPrice: 100000, effectiveRate: 9000, standing: "floor_to_target" }],
    ["a typed price below the floor", {}, 600, 70000, { price: 70000, priceSource: "custom", rateCardPrice: 100000, effectiveRate: 7000, standing: "below_floor" }],
    ["a typed price of zero", {}, 600, 0, { price: 0, priceSource: "custom", rateCardPrice: 100000, effectiveRate: 0, standing: "below_floor" }],
    ["a typed price above market under rush is judged on rush rates", { rush: true }, 60, 18000, { price: 18000, priceSource: "custom", rateCardPrice: 15000, effectiveRate: 18000, standing: "target_to_market" }],
  ])("%s", (_what, over, minutes, custom, expected) => {
    expect(priceOption({ ...base, ...over }, minutes, custom)).toEqual({ minutes, ...expected });
  });

  test.each([
    // one hour: the typed price is the rate itself
    [7999, "below_floor"],
    [8000, "floor_to_target"],
    [9999, "floor_to_target"],
    [10000, "target_to_market"],
    [12000, "target_to_market"],
    [12001, "above_market"],
  ])("a rate of %i on 8000 / 10000 / 12000 stands %s", (price, standing) => {
    expect(priceOption(base, 60, price).standing).toBe(standing);
  });

  test("rounding: half away from zero, once for the price and once for the rate", () => {
    // 7 minutes at $100/h = 1166.67 → 1167 cents; 1167 cents for 7 minutes = 10002.86 → 10003/h
    expect(priceOption(base, 7)).toMatchObject({ price: 1167, effectiveRate: 10003 });
    // 30 minutes at 10001/h = 5000.5 → 5001
    expect(priceOption({ ...base, targetRate: 10001 }, 30).price).toBe(5001);
    // rush 150% of 8001 = 12001.5 → 12002
    expect(proposalRates({ ...base, floorRate: 8001, rush: true })).toEqual({ floor: 12002, target: 15000, market: 18000 });
    // a price just under the floor can round up to it on the rate (10 h for $799.99 reads $80.00/h)
    expect(priceOption(base, 600, 79999)).toMatchObject({ effectiveRate: 8000, standing: "floor_to_target" });
  });

  test("zero-decimal currencies are integers the same way", () => {
    expect(priceOption({ ...base, currency: "JPY", floorRate: 8000, targetRate: 10000, marketRate: 12000 }, 90)).toMatchObject({ price: 15000, effectiveRate: 10000 });
  });
});

describe("rateStanding and optionMinutes", () => {
  const rates = { floor: 100, target: 200, market: 300 };
  test.each([
    [0, "below_floor"],
    [99, "below_floor"],
    [100, "floor_to_target"],
    [199, "floor_to_target"],
    [200, "target_to_market"],
    [300, "target_to_market"],
    [301, "above_market"],
  ])("%i → %s", (rate, standing) => {
    expect(rateStanding(rate, rates)).toBe(standing);
  });

  test("an option's minutes are its items' sum; unknown positions count nothing", () => {
    expect(optionMinutes([600, 1200, 30], [0, 2])).toBe(630);
    expect(optionMinutes([600, 1200, 30], [0, 1, 2])).toBe(1830);
    expect(optionMinutes([600], [0, 5])).toBe(600);
  });
});

describe("emptyPriceHint", () => {
  const money = (n: number) => formatMoney(n, "USD", "en-US");
  test.each([
    [100000, 150000, "Empty: $1,500.00 (your minimum fee; the rate card gives $1,000.00)"],
    [150000, 150000, "Empty: $1,500.00 from your rate card"],
    [300000, 150000, "Empty: $3,000.00 from your rate card"],
    [300000, 0, "Empty: $3,000.00 from your rate card"],
  ])("rate card %i, minimum fee %i → %s", (rateCard, fee, expected) => {
    expect(emptyPriceHint(rateCard, fee, money)).toBe(expected);
  });
});
