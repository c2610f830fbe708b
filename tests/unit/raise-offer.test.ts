/** The offer check names the client's own rate when it stands in for the target (lib/offer-check/decide.ts). */
import { describe, expect, test } from "vitest";
import { DEFAULT_SETTINGS } from "@/lib/domain";
import { evaluateOffer, type OfferInput } from "@/lib/offer-check";
import { makeService } from "./fixtures";

const input = (o: Partial<OfferInput> = {}): OfferInput => ({
  offeredAmount: 110000,
  currency: "USD",
  minutes: 600,
  rush: false,
  // the server has already put their $120/h in place of the $100/h target
  service: makeService({ targetRate: 12000 }),
  client: { isNew: false, name: "Acme", fitScore: 82, verdict: "keep", haggledQuotes: 0, quotesWithDecision: 3, avgDaysLate: 2, unpaidAskMinutes: 0, unansweredFollowUpsInARow: 0 },
  capacity: { weeklyCapacityHours: 30, committedMinutesNext4Weeks: 3600, openPipelineCount: 3, openPipelineValue: 450000 },
  settings: DEFAULT_SETTINGS,
  ...o,
});

describe("the client's own rate in the offer check's reasons", () => {
  test.each([
    { name: "their rate: the first reason says so", o: { clientRate: { rate: 12000, effectiveFrom: "2027-03-01" } }, first: "Your rate for Acme: $120.00/h (from Mar 1, 2027) — \"your target\" below means this rate" },
    { name: "a day rate", o: { clientRate: { rate: 96000, effectiveFrom: "2026-01-15" }, service: makeService({ unit: "day", targetRate: 96000, floorRate: 50000, marketRate: 100000 }) }, first: "Your rate for Acme: $960.00/day (from Jan 15, 2026) — \"your target\" below means this rate" },
  ])("$name", ({ o, first }) => {
    const e = evaluateOffer(input(o));
    expect(e.reasons[0].text).toBe(first);
    expect(e.reasons[0].tone).toBe("info");
  });
  test("no rate of their own, or no service: no such reason", () => {
    expect(evaluateOffer(input()).reasons.some((r) => r.text.startsWith("Your rate for"))).toBe(false);
    expect(evaluateOffer(input({ service: null, clientRate: { rate: 12000, effectiveFrom: "2027-03-01" } })).reasons.some((r) => r.text.startsWith("Your rate for"))).toBe(false);
  });
  test("$110/h against their $120/h is a counter at $1,200", () => {
    const e = evaluateOffer(input({ clientRate: { rate: 12000, effectiveFrom: "2027-03-01" } }));
    expect(e.answer).toBe("counter");
    expect(e.counter.priceAtTarget).toBe(120000);
  });
});
