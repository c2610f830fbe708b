import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { ASK_DEFAULT_MINUTES, askMinutes, settleClient, settleQuote } from "@/lib/settling";
import {
  EXAMPLE_SERVICES,
  arbScenario,
  exampleBargainBin,
  exampleHarbor,
  exampleNorthwind,
  exampleQuickfix,
  makeEvent,
  makeHistory,
  makeInteraction,
  makeQuote,
  makeService,
  makeSettings,
  shuffleHistory,
} from "./fixtures";

const settings = makeSettings();
const web = makeService(); // per hour: floor $70, target $100, market $120
const video = EXAMPLE_SERVICES[1]; // per day of 8 h: floor $500, target $650, market $800

describe("settleQuote", () => {
  test.each([
    {
      name: "at target: does not settle",
      quote: makeQuote({ id: 1, status: "accepted", quotedAmount: 100000 }),
      service: web, unpaid: 0,
      expected: { effectiveRate: 10000, belowTarget: false, belowFloor: false, belowMarket: true, concededWithoutScopeCut: false, settles: false, settlesHard: false, valueAtTarget: 100000, moneyLeftOnTable: 0 },
    },
    {
      name: "between floor and target: settles",
      quote: makeQuote({ id: 1, status: "accepted", quotedAmount: 80000 }),
      service: web, unpaid: 0,
      expected: { effectiveRate: 8000, belowTarget: true, belowFloor: false, belowMarket: true, concededWithoutScopeCut: false, settles: true, settlesHard: false, valueAtTarget: 100000, moneyLeftOnTable: 20000 },
    },
    {
      name: "below floor: settles hard",
      quote: makeQuote({ id: 1, status: "accepted", quotedAmount: 60000 }),
      service: web, unpaid: 0,
      expected: { effectiveRate: 6000, belowTarget: true, belowFloor: true, belowMarket: true, concededWithoutScopeCut: false, settles: true, settlesHard: true, valueAtTarget: 100000, moneyLeftOnTable: 40000 },
    },
    {
      name: "above market, but a discount given away: settles, nothing left on the table",
      quote: makeQuote({
        id: 1, status: "accepted", quotedAmount: 150000,
        events: [makeEvent({ id: 1, kind: "discount_request", percentBp: 1000 }), makeEvent({ id: 2, kind: "my_answer", answer: "conceded" })],
      }),
      service: web, unpaid: 0,
      expected: { effectiveRate: 13500, belowTarget: false, belowFloor: false, belowMarket: false, concededWithoutScopeCut: true, settles: true, settlesHard: false, valueAtTarget: 100000, moneyLeftOnTable: 0 },
    },
    {
      name: "scope cut to match the budget: not a concession",
      quote: makeQuote({
        id: 1, status: "accepted", quotedAmount: 100000,
        events: [makeEvent({ id: 1, kind: "client_counter", amount: 70000 }), makeEvent({ id: 2, kind: "my_answer", answer: "cut_scope", amount: 70000, scopeMinutes: 420 })],
      }),
      service: web, unpaid: 0,
      expected: { effectiveRate: 10000, belowTarget: false, belowFloor: false, belowMarket: true, concededWithoutScopeCut: false, settles: false, settlesHard: false, valueAtTarget: 70000, moneyLeftOnTable: 0 },
    },
    {
      name: "at target with unpaid extra work: settles",
      quote: makeQuote({ id: 1, status: "accepted", quotedAmount: 120000 }),
      service: web, unpaid: 90,
      expected: { effectiveRate: 12000, belowTarget: false, belowFloor: false, belowMarket: false, concededWithoutScopeCut: false, settles: true, settlesHard: false, valueAtTarget: 100000, moneyLeftOnTable: 0 },
    },
    {
      name: "day rate below floor",
      quote: makeQuote({ id: 1, serviceId: 2, status: "accepted", estimatedMinutes: 480, quotedAmount: 48750 }),
      service: video, unpaid: 0,
      expected: { effectiveRate: 48750, belowTarget: true, belowFloor: true, belowMarket: true, concededWithoutScopeCut: false, settles: true, settlesHard: true, valueAtTarget: 65000, moneyLeftOnTable: 16250 },
    },
  ])("$name", ({ quote, service, unpaid, expected }) => {
    const s = settleQuote(quote, service, settings, unpaid);
    expect(s).toMatchObject({ quoteId: 1, accepted: true, unit: service.unit, unpaidExtraMinutes: unpaid, ...expected });
    expect(s.reasons.length > 0).toBe(s.settles || s.moneyLeftOnTable > 0);
  });

  test.each(["draft", "sent", "negotiating", "rejected", "declined_by_me", "withdrawn", "expired"] as const)(
    "a %s quote never settles",
    (status) => {
      const s = settleQuote(makeQuote({ id: 7, status, quotedAmount: 1000 }), web, settings, 120);
      expect(s).toEqual({
        quoteId: 7, accepted: false, effectiveRate: null, estimateRate: null, time: null, crept: false, unit: null, belowTarget: false, belowFloor: false, belowMarket: false,
        concededWithoutScopeCut: false, unpaidExtraMinutes: 120, settles: false, settlesHard: false, valueAtTarget: null, moneyLeftOnTable: 0, reasons: [],
      });
    },
  );

  test("a quote in another currency than its service is not compared", () => {
    const s = settleQuote(makeQuote({ id: 1, status: "accepted", currency: "EUR", quotedAmount: 100 }), web, settings);
    expect(s).toMatchObject({ accepted: true, effectiveRate: null, unit: null, belowTarget: false, settles: false, valueAtTarget: null, moneyLeftOnTable: 0 });
    expect(s.reasons).toEqual(["Priced in EUR but the service is priced in USD: rate not compared"]);
  });

  test("without a service only a concession or unpaid work settles", () => {
    const plain = settleQuote(makeQuote({ id: 1, status: "accepted", serviceId: null, quotedAmount: 100 }), undefined, settings);
    expect(plain).toMatchObject({ effectiveRate: null, settles: false, moneyLeftOnTable: 0 });
    const conceded = settleQuote(makeQuote({ id: 1, status: "accepted", serviceId: null, agreedAmount: 90000 }), undefined, settings);
    expect(conceded).toMatchObject({ concededWithoutScopeCut: true, settles: true, moneyLeftOnTable: 0 });
  });

  test("reasons are plain words with numbers", () => {
    const s = settleQuote(makeQuote({ id: 1, status: "accepted", agreedAmount: 60000 }), web, settings, 90);
    expect(s.reasons).toEqual([
      "Rate $60.00/hour is below your floor of $70.00/hour",
      "You gave away 40% without cutting scope",
      "1.5 h of unpaid extra work on this quote",
      "$400.00 left on the table against your target rate",
    ]);
  });
});

describe("settleClient", () => {
  test("asks linked to a quote count on it; unlinked, paid and foreign-quote asks do not", () => {
    const history = makeHistory({
      quotes: [makeQuote({ id: 1, status: "accepted", quotedAmount: 120000 }), makeQuote({ id: 2, status: "accepted", quotedAmount: 120000 })],
      interactions: [
        makeInteraction({ id: 1, kind: "ask", minutes: 30, paid: false, quoteId: 1 }),
        makeInteraction({ id: 2, kind: "ask", minutes: null, paid: null, quoteId: 1 }),
        makeInteraction({ id: 3, kind: "ask", minutes: 60, paid: true, quoteId: 2 }),
        makeInteraction({ id: 4, kind: "ask", minutes: 45, paid: false, quoteId: null }),
        makeInteraction({ id: 5, kind: "ask", minutes: 20, paid: false, quoteId: 99 }),
      ],
    });
    const c = settleClient(history, [web], settings);
    expect(c.quotes.map((q) => [q.quoteId, q.unpaidExtraMinutes, q.settles])).toEqual([
      [1, 30 + ASK_DEFAULT_MINUTES, true],
      [2, 0, false],
    ]);
    expect(c).toMatchObject({ acceptedCount: 2, settledCount: 1, belowTargetCount: 0, belowFloorCount: 0, moneyLeftOnTable: 0, unpaidMinutes: 30 + 15 + 45 + 20 });
  });

  test("the client total adds only quotes in the user's currency", () => {
    const eur = makeService({ id: 3, currency: "EUR" });
    const history = makeHistory({
      quotes: [
        makeQuote({ id: 1, status: "accepted", quotedAmount: 80000 }),
        makeQuote({ id: 2, serviceId: 3, currency: "EUR", status: "accepted", quotedAmount: 50000 }),
      ],
    });
    const c = settleClient(history, [web, eur], settings);
    expect(c.quotes.map((q) => q.moneyLeftOnTable)).toEqual([20000, 50000]);
    expect(c.moneyLeftOnTable).toBe(20000);
    expect(c.belowTargetCount).toBe(2);
  });

  test.each([
    { name: "A. Harbor & Co", history: exampleHarbor(), accepted: 3, settled: 1, belowTarget: 1, belowFloor: 0, money: 20000, unpaid: 105 },
    { name: "B. Quickfix Ltd", history: exampleQuickfix(), accepted: 2, settled: 2, belowTarget: 2, belowFloor: 1, money: 140000, unpaid: 360 },
    { name: "C. Bargain Bin Media", history: exampleBargainBin(), accepted: 2, settled: 2, belowTarget: 2, belowFloor: 2, money: 91250, unpaid: 570 },
    { name: "D. Northwind", history: exampleNorthwind(), accepted: 2, settled: 0, belowTarget: 0, belowFloor: 0, money: 0, unpaid: 0 },
  ])("worked example $name", ({ history, accepted, settled, belowTarget, belowFloor, money, unpaid }) => {
    const c = settleClient(history, EXAMPLE_SERVICES, settings);
    expect(c).toMatchObject({ acceptedCount: accepted, settledCount: settled, belowTargetCount: belowTarget, belowFloorCount: belowFloor, moneyLeftOnTable: money, unpaidMinutes: unpaid });
  });

  test.each([
    [null, 15],
    [0, 15],
    [-3, 15],
    [40, 40],
  ])("askMinutes(minutes %j) = %i", (minutes, expected) => {
    expect(askMinutes({ minutes })).toBe(expected);
  });

  test("property: order-free, sorted by id, money never negative", () => {
    fc.assert(
      fc.property(arbScenario, fc.nat(), ({ history, services, settings: s }, seed) => {
        const c = settleClient(history, services, s);
        expect(settleClient(shuffleHistory(history, seed), services, s)).toEqual(c);
        expect(c.quotes.map((q) => q.quoteId)).toEqual([...history.quotes.map((q) => q.id)].sort((a, b) => a - b));
        expect(c.moneyLeftOnTable).toBeGreaterThanOrEqual(0);
        expect(Number.isSafeInteger(c.moneyLeftOnTable)).toBe(true);
        for (const q of c.quotes) {
          expect(q.moneyLeftOnTable).toBeGreaterThanOrEqual(0);
          expect(Number.isSafeInteger(q.moneyLeftOnTable)).toBe(true);
          if (!q.accepted) expect(q.settles || q.moneyLeftOnTable > 0).toBe(false);
          if (q.settlesHard) expect(q.settles && q.belowTarget).toBe(true);
        }
        expect(c.settledCount).toBeLessThanOrEqual(c.acceptedCount);
        // the generated services keep floor ≤ target, so every quote below floor is also below target
        expect(c.belowFloorCount).toBeLessThanOrEqual(c.belowTargetCount);
      }),
      { numRuns: 300 },
    );
  });

  test("property: a lower agreed price never lowers the money left on the table", () => {
    fc.assert(
      fc.property(arbScenario, fc.nat(), fc.integer({ min: 1, max: 50000 }), ({ history, services, settings: s }, pick, delta) => {
        const agreed = history.quotes.filter((q) => q.status === "accepted" && q.agreedAmount != null);
        fc.pre(agreed.length > 0);
        const target = agreed[pick % agreed.length];
        const lowered = {
          ...history,
          quotes: history.quotes.map((q) => (q.id === target.id ? { ...q, agreedAmount: Math.max(0, q.agreedAmount! - delta) } : q)),
        };
        const before = settleClient(history, services, s).quotes.find((q) => q.quoteId === target.id)!;
        const after = settleClient(lowered, services, s).quotes.find((q) => q.quoteId === target.id)!;
        expect(after.moneyLeftOnTable).toBeGreaterThanOrEqual(before.moneyLeftOnTable);
        if (before.settles) expect(after.settles).toBe(true);
        if (before.belowTarget) expect(after.belowTarget).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
