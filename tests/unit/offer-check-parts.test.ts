/**
 * The offer check's steps on their own (offer-check.test.ts covers evaluateOffer end to end):
 * the rule precedence as a table, and the arithmetic at its boundaries.
 */
import { describe, expect, test } from "vitest";
import { capacityLabel, utilisation } from "@/lib/offer-check/capacity";
import { decide, leadWith, type DecisionFacts } from "@/lib/offer-check/decide";
import { rushRates, targetPrices, whole } from "@/lib/offer-check/rates";
import type { OfferReason } from "@/lib/offer-check";

const FACTS: DecisionFacts = {
  verdict: "keep",
  hasRates: true,
  currencyMismatch: false,
  belowFloor: false,
  belowTarget: false,
  fullBlocksCheapWork: false,
  needsConditions: false,
};

describe("decide: the first matching rule decides", () => {
  test.each<[string, Partial<DecisionFacts>, string, string]>([
    ["nothing wrong", {}, "accept", "Accept:"],
    ["terms needed: a yes on your terms, never a counter", { needsConditions: true }, "accept", "Accept, on your terms:"],
    ["below target beats terms", { belowTarget: true, needsConditions: true }, "counter", "Counter: this pays below your target."],
    ["full calendar beats below target", { belowTarget: true, fullBlocksCheapWork: true }, "walk_away", "Walk away: you are fully booked"],
    ["below floor beats full calendar", { belowFloor: true, belowTarget: true, fullBlocksCheapWork: true }, "walk_away", "Walk away: this pays below your floor."],
    ["no rate card beats the price", { hasRates: false, belowFloor: true }, "counter", "Counter: there is no rate card"],
    ["currency mismatch is said", { hasRates: false, currencyMismatch: true }, "counter", "Counter: the offer's currency"],
    ["a client you would not choose beats everything", { verdict: "walk_away", hasRates: false }, "walk_away", "Walk away: this is not a client"],
    ["…and says so when the price is also below floor", { verdict: "walk_away", belowFloor: true }, "walk_away", "Walk away: this pays below your floor, from a client"],
  ])("%s", (_, facts, answer, headline) => {
    const d = decide({ ...FACTS, ...facts });
    expect(d.answer).toBe(answer);
    expect(d.headline.startsWith(headline)).toBe(true);
  });

  test("only a below-target counter asks what scope to take out", () => {
    expect(decide({ ...FACTS, belowTarget: true }).questions).toEqual(["If their budget is fixed, what scope can I take out so it pays my target?"]);
    expect(decide({ ...FACTS, needsConditions: true }).questions).toEqual([]);
  });
});

describe("leadWith: the deciding reason first, the rest in order", () => {
  const [a, b, c]: OfferReason[] = ["a", "b", "c"].map((text) => ({ tone: "info", text }));
  test.each<[OfferReason | null, OfferReason[]]>([
    [null, [a, b, c]],
    [a, [a, b, c]],
    [c, [c, a, b]],
  ])("lead %#", (lead, expected) => {
    expect(leadWith([a, b, c], lead)).toEqual(expected);
  });
});

describe("rates arithmetic", () => {
  test.each([
    [12.4, 12],
    [-3, 0],
    [Number.NaN, 0],
    [Number.POSITIVE_INFINITY, 0],
  ])("whole(%s) → %s", (n, expected) => {
    expect(whole(n)).toBe(expected);
  });

  test("rush rates are rounded to whole minor units; bad rates count as 0", () => {
    expect(rushRates({ floor: 5001, target: 8000, market: -1 }, 150)).toEqual({ floor: 7502, target: 12000, market: 0 });
  });

  const base = { minutes: 600, amount: 60000, hoursPerDay: 8 } as const;
  test.each([
    ["10 h at $80/h; $600 buys 7.5 h", { ...base, unit: "hour" as const, rates: { floor: 5000, target: 8000, market: 10000 } }, 80000, 450],
    ["1.25 days at $640/day; $600 buys 0.9 days (7.2 h: floored to the tenth of a day the words show)", { ...base, unit: "day" as const, rates: { floor: 40000, target: 64000, market: 80000 } }, 80000, 432],
    ["a target of 0 buys no scope figure", { ...base, unit: "hour" as const, rates: { floor: 0, target: 0, market: 0 } }, 0, null],
    ["no rate card, no prices", { ...base, unit: "hour" as const, rates: null }, null, null],
    ["no scope, no prices", { ...base, unit: null, rates: { floor: 5000, target: 8000, market: 10000 } }, null, null],
  ])("targetPrices: %s", (_, terms, price, minutes) => {
    expect(targetPrices(terms)).toEqual({ priceAtTarget: price, minutesForBudgetAtTarget: minutes });
  });
});

describe("capacity: utilisation is floored, labels at the thresholds", () => {
  const cap = (weeklyCapacityHours: number, committedMinutesNext4Weeks: number) => ({
    weeklyCapacityHours,
    committedMinutesNext4Weeks,
    openPipelineCount: 0,
    openPipelineValue: 0,
  });
  // 30 h/week over 4 weeks = 7,200 minutes
  test.each([
    [cap(0, 500), 0, "No weekly capacity set"],
    [cap(30, 3599), 49, "49% booked: room to spare"],
    [cap(30, 3600), 50, "50% booked"],
    [cap(30, 5760), 80, "80% booked: nearly full"],
    [cap(30, 7199), 99, "99% booked: nearly full"],
    [cap(30, 7200), 100, "100% booked: full"],
    [cap(30, 9000), 125, "125% booked: full"],
  ])("%o → %i%", (c, pct, label) => {
    const u = utilisation(c);
    expect(u.utilisationPct).toBe(pct);
    expect(capacityLabel(u)).toBe(label);
  });
});
