/**
 * A counter is never at or below their offer. An offer at or above the target is answered with a
 * yes (on your terms for a client who needs them), never with a lower "counter"; the budget-scope
 * sentence ("I can deliver 6.4 h") only appears when their budget buys less than the scope.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { DEFAULT_SETTINGS, type Service } from "@/lib/domain";
import {
  acceptMessage,
  counterPrice,
  DEFAULT_COUNTER_TEMPLATE,
  evaluateOffer,
  fillTemplate,
  offerTemplateVars,
  type OfferInput,
  type OfferVerdict,
} from "@/lib/offer-check";
import { COUNTER_NOT_ABOVE_OFFER, counterAmountProblem } from "@/lib/offer-check/record";

// The reported case: Technical consulting, target $140.00/h; Pebble Apps (set boundaries) offers $900.00 for 3 h.
const CONSULTING: Service = { id: 7, name: "Technical consulting", unit: "hour", currency: "USD", floorRate: 10000, targetRate: 14000, marketRate: 18000 };

function input(o: Partial<OfferInput> & { verdict?: OfferVerdict } = {}): OfferInput {
  const { verdict = "set_boundaries", ...rest } = o;
  return {
    offeredAmount: 90000,
    currency: "USD",
    minutes: 180,
    rush: false,
    scopeUnit: "hours",
    service: CONSULTING,
    client: { isNew: false, name: "Pebble Apps", fitScore: 48, verdict, haggledQuotes: 0, quotesWithDecision: 2, avgDaysLate: 0, unpaidAskMinutes: 0, unansweredFollowUpsInARow: 0 },
    capacity: { weeklyCapacityHours: 30, committedMinutesNext4Weeks: 3600, openPipelineCount: 3, openPipelineValue: 450000 },
    settings: DEFAULT_SETTINGS,
    ...rest,
  };
}

describe("the reported case: $900.00 for 3 h ($300.00/h) from a set-boundaries client, target $140.00/h", () => {
  const i = input();
  const e = evaluateOffer(i);

  test("the answer is accept, on your terms — not a counter", () => {
    expect(e.answer).toBe("accept");
    expect(e.headline).toBe("Accept, on your terms: the price is right, the terms need setting.");
    expect(e.counter.conditions).toContain("scope and price agreed in writing before work starts");
  });

  test("no counter price, no budget scope: nothing below their $900.00", () => {
    expect(e.counter.priceAtTarget).toBe(42000);
    expect(e.counter.counterPrice).toBeNull();
    expect(e.counter.minutesForBudgetAtTarget).toBeNull();
    expect(e.counter.text).toBe("Say yes at $900.00 for 3 h, on your terms.");
    expect(e.counter.text).not.toContain("$420.00");
  });

  test("the template has no budget scope to fill: 'I can deliver 6.4 h' never appears", () => {
    const vars = offerTemplateVars(i, e);
    expect(vars.budgetScope).toBeUndefined();
    expect(fillTemplate(DEFAULT_COUNTER_TEMPLATE, vars)).not.toContain("6.4 h");
  });

  test("the message is a yes at their price, with the terms", () => {
    expect(acceptMessage(i, e)).toBe(
      "Thanks, Pebble Apps. $900.00 for 3 h of Technical consulting works for me, on these terms: scope and price agreed in writing before work starts. Let me know when you would like to start.",
    );
  });

  test("a keep client gets a plain yes, without terms", () => {
    const k = input({ verdict: "keep" });
    const ke = evaluateOffer(k);
    expect(ke.answer).toBe("accept");
    expect(ke.counter.counterPrice).toBeNull();
    expect(acceptMessage(k, ke)).toBe("Thanks, Pebble Apps. $900.00 for 3 h of Technical consulting works for me. Let me know when you would like to start.");
  });
});

describe("counterPrice: the price at target, only when above their offer", () => {
  test.each<[string, number | null, number, number | null]>([
    ["target price below the offer: their offer meets the target", 42000, 90000, null],
    ["target price equal to the offer: nothing to counter", 90000, 90000, null],
    ["one cent above the offer: a counter", 90001, 90000, 90001],
    ["no rate card: no price", null, 90000, null],
  ])("%s", (_, priceAtTarget, offered, expected) => {
    expect(counterPrice(priceAtTarget, offered)).toBe(expected);
  });
});

describe("counterAmountProblem: a recorded counter is above their offer", () => {
  test.each<[string, number, number, string | null]>([
    ["below the offer (the reported $420.00 against $900.00)", 90000, 42000, COUNTER_NOT_ABOVE_OFFER],
    ["at the offer", 90000, 90000, COUNTER_NOT_ABOVE_OFFER],
    ["above the offer", 90000, 90001, null],
  ])("%s", (_, offered, counter, expected) => {
    expect(counterAmountProblem(offered, counter)).toBe(expected);
  });
  test("the message says what to do instead", () => {
    expect(COUNTER_NOT_ABOVE_OFFER).toBe("A counter must be above their offer; to take their price, accept it");
  });
});

describe("rounding never makes a counter at their offer", () => {
  test("$9.33 for 7 minutes rounds to $79.97/h, below an $80.00/h target, yet 7 minutes at target is $9.33: accept", () => {
    const svc: Service = { ...CONSULTING, floorRate: 5000, targetRate: 8000, marketRate: 10000 };
    const e = evaluateOffer(input({ service: svc, minutes: 7, offeredAmount: 933, verdict: "keep" }));
    expect(e.effectiveRate).toBe(7997);
    expect(e.counter.priceAtTarget).toBe(933);
    expect(e.answer).toBe("accept");
    expect(e.counter.counterPrice).toBeNull();
  });
});

describe("properties: whatever the offer and the client", () => {
  const verdicts: OfferVerdict[] = ["keep", "set_boundaries", "walk_away", "not_enough_data"];
  test("a counter price is always above the offer; a counter answer with a rate card always has one; the budget scope is always smaller than the scope", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5_000_000 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.constantFrom(...verdicts),
        fc.boolean(),
        fc.constantFrom<Service["unit"]>("hour", "day"),
        (offeredAmount, minutes, verdict, rush, unit) => {
          const e = evaluateOffer(input({ offeredAmount, minutes, verdict, rush, service: { ...CONSULTING, unit } }));
          const c = e.counter;
          if (c.counterPrice != null) expect(c.counterPrice).toBeGreaterThan(offeredAmount);
          if (e.answer === "counter") expect(c.counterPrice).not.toBeNull();
          if (c.minutesForBudgetAtTarget != null) expect(c.minutesForBudgetAtTarget).toBeLessThan(minutes);
          // an offer that pays the target price or more is never countered
          if (c.priceAtTarget != null && offeredAmount >= c.priceAtTarget) expect(e.answer).not.toBe("counter");
        },
      ),
      { numRuns: 500 },
    );
  });
});
