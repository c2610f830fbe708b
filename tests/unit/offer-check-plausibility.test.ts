/**
 * The plausibility warning (a rate ten times off the rate card is more likely a slip than an offer)
 * and the counter's conditions said once.
 */
import { describe, expect, test } from "vitest";
import { DEFAULT_SETTINGS, type Service } from "@/lib/domain";
import { evaluateOffer, IMPLAUSIBLE_FACTOR, plausibility, type OfferInput } from "@/lib/offer-check";
import { plausibilityWarning } from "@/lib/offer-check/reasons";

// The reported case: a day-rate service, floor $600/day, target $800/day.
const DAY: Service = { id: 1, name: "Workshop facilitation", unit: "day", currency: "USD", floorRate: 60000, targetRate: 80000, marketRate: 100000 };
const HOUR: Service = { id: 2, name: "Web development", unit: "hour", currency: "USD", floorRate: 8500, targetRate: 11000, marketRate: 13000 };

function input(o: Partial<OfferInput>): OfferInput {
  return {
    offeredAmount: 280000,
    currency: "USD",
    minutes: 40 * 60,
    rush: false,
    service: HOUR,
    scopeUnit: "hours",
    client: { isNew: true, name: "Newco", fitScore: null, verdict: "not_enough_data", haggledQuotes: 0, quotesWithDecision: 0, avgDaysLate: null, unpaidAskMinutes: 0, unansweredFollowUpsInARow: 0 },
    capacity: { weeklyCapacityHours: 30, committedMinutesNext4Weeks: 3600, openPipelineCount: 3, openPipelineValue: 450000 },
    settings: DEFAULT_SETTINGS,
    ...o,
  };
}

describe("plausibility: the rule (numbers only)", () => {
  const rates = { floor: 60000, target: 80000, market: 100000 };
  test.each<[string, number | null, "hours" | "days" | null, ReturnType<typeof plausibility>]>([
    ["a tenth of the target exactly is questioned", 8000, "days", { direction: "below", rate: 8000, floor: 60000, target: 80000, hint: "hours_not_days" }],
    ["just above a tenth of the target is not", 8001, "days", null],
    ["the reported $70/day: 8.6× below the floor, 11× below the target → questioned", 7000, "days", { direction: "below", rate: 7000, floor: 60000, target: 80000, hint: "hours_not_days" }],
    ["far below, typed in hours: maybe a rate typed as the price", 100, "hours", { direction: "below", rate: 100, floor: 60000, target: 80000, hint: "offer_is_total" }],
    ["ten times the target exactly is questioned", 800000, "hours", { direction: "above", rate: 800000, floor: 60000, target: 80000, hint: "days_not_hours" }],
    ["just below ten times the target is not", 799999, "hours", null],
    ["far above, typed in days: check both numbers", 900000, "days", { direction: "above", rate: 900000, floor: 60000, target: 80000, hint: "check_numbers" }],
    ["between floor and target is plausible", 70000, "days", null],
    ["no scope: nothing to judge", null, "days", null],
  ])("%s", (_, rate, unit, expected) => {
    expect(plausibility({ rate, rates }, unit)).toEqual(expected);
  });

  test("no rate card: nothing to compare with", () => {
    expect(plausibility({ rate: 1, rates: null }, "hours")).toBeNull();
  });

  test("a zero target never makes every offer implausible", () => {
    expect(plausibility({ rate: 1, rates: { floor: 0, target: 0, market: 0 } }, "hours")).toBeNull();
  });

  test("the factor is ten, as the docs say", () => {
    expect(IMPLAUSIBLE_FACTOR).toBe(10);
  });
});

describe("plausibility: the words", () => {
  test("below the floor names the rate, the floor and the likely slip", () => {
    expect(plausibilityWarning("below", "$70.00/day", "$600.00/day", "$800.00/day", "hours_not_days")).toBe(
      "This works out at $70.00/day against your $600.00/day floor ($800.00/day target): a tenth of your target or less. Is the scope in hours, not days? Or is this the wrong service?",
    );
  });
  test("above the target asks about days", () => {
    expect(plausibilityWarning("above", "$9,000.00/h", "$85.00/h", "$110.00/h", "days_not_hours")).toBe(
      "This works out at $9,000.00/h against your $110.00/h target: ten times your target or more. Is the scope in days, not hours? Or is this the wrong service?",
    );
  });
});

describe("evaluateOffer: the warning comes with the answer", () => {
  test("the reported case: 40 read as days on a day-rate service for $2,800 → $70/day against a $600/day floor", () => {
    const ev = evaluateOffer(input({ service: DAY, scopeUnit: "days", minutes: 40 * 8 * 60 }));
    expect(ev.effectiveRate).toBe(7000);
    expect(ev.answer).toBe("walk_away");
    expect(ev.plausibility).toEqual({
      direction: "below",
      text: "This works out at $70.00/day against your $600.00/day floor ($800.00/day target): a tenth of your target or less. Is the scope in hours, not days? Or is this the wrong service?",
    });
  });

  test("the same offer against the hourly service it was meant for: $70/h, no warning", () => {
    const ev = evaluateOffer(input({}));
    expect(ev.effectiveRate).toBe(7000);
    expect(ev.plausibility).toBeNull();
  });

  test("scope typed in hours when it was days: ten times the target → asks about days", () => {
    // 2 "hours" for $17,600 = $8,800/h against a $110/h target (it was 2 days at $1,100/day... or a slip)
    const ev = evaluateOffer(input({ offeredAmount: 2_200_000, minutes: 120 }));
    expect(ev.plausibility?.direction).toBe("above");
    expect(ev.plausibility?.text).toContain("Is the scope in days, not hours?");
  });

  test("no rate card: no warning (nothing to compare with)", () => {
    expect(evaluateOffer(input({ service: null, offeredAmount: 100 })).plausibility).toBeNull();
  });
});

describe("the counter's conditions are said once", () => {
  test("a late payer's yes lists the deposit and the terms in conditions, not again in the text", () => {
    const ev = evaluateOffer(
      input({ offeredAmount: 440000, client: { isNew: false, name: "Acme", fitScore: 60, verdict: "keep", haggledQuotes: 0, quotesWithDecision: 3, avgDaysLate: 21, unpaidAskMinutes: 0, unansweredFollowUpsInARow: 0 } }),
    );
    expect(ev.answer).toBe("accept");
    expect(ev.counter.conditions.length).toBeGreaterThan(0);
    expect(ev.counter.conditions.join(" ")).toContain("deposit");
    expect(ev.counter.text).not.toContain("deposit");
    expect(ev.counter.text).not.toContain("On these terms");
  });
});
