import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  applyDiscountBp,
  discountBp,
  divRound,
  effectiveRate,
  formatHours,
  formatMoney,
  formatPercentBp,
  minorDigits,
  minutesForBudget,
  parseHoursToMinutes,
  parseMoney,
  toDecimalString,
  valueAtRate,
} from "@/lib/money";
import { replayNegotiation, sortEvents } from "@/lib/negotiation";
import { arbScenario, makeEvent, makeQuote, shuffle } from "./fixtures";

describe("money: divRound (half away from zero)", () => {
  test.each([
    [7, 2, 4],
    [-7, 2, -4],
    [5, 3, 2],
    [4, 3, 1],
    [-5, 3, -2],
    [1, -2, -1],
    [0, 5, 0],
    [6, 3, 2],
    [3270000, 60000, 55],
  ])("divRound(%i, %i) = %i", (n, d, expected) => {
    expect(divRound(n, d)).toBe(expected);
  });

  test("division by zero throws a RangeError", () => {
    expect(() => divRound(1, 0)).toThrow(RangeError);
  });

  test("property: |n − d·q| ≤ |d|/2 for integers", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: -1e6, max: 1e6 }).filter((d) => d !== 0), (n, d) => {
        const q = divRound(n, d);
        expect(Number.isInteger(q)).toBe(true);
        expect(Math.abs(n - d * q) * 2).toBeLessThanOrEqual(Math.abs(d));
      }),
    );
  });
});

describe("money: parseMoney", () => {
  test.each<[string, string, number | null]>([
    ["1,200.50", "USD", 120050],
    ["1200", "USD", 120000],
    ["99.9", "USD", 9990],
    ["99.99", "USD", 9999],
    ["99.999", "USD", null],
    ["1,000", "USD", 100000],
    ["12,34", "EUR", 1234],
    [" 1 000,50 ", "EUR", 100050],
    ["1200", "JPY", 1200],
    ["12.5", "JPY", null],
    ["-5", "USD", -500],
    ["1.", "USD", 100],
    ["abc", "USD", null],
    ["", "USD", null],
    ["$5", "USD", null],
    ["1.200,50", "EUR", 120050],
    ["1,200.50", "EUR", 120050],
    ["1'200.50", "CHF", 120050],
    ["1.234.567,89", "EUR", 123456789],
    ["1.2.3", "USD", null],
  ])("parseMoney(%j, %s) = %j", (input, currency, expected) => {
    expect(parseMoney(input, currency)).toBe(expected);
  });

  test("property: toDecimalString then parseMoney round-trips", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom("USD", "EUR", "JPY"), (amount, currency) => {
        expect(parseMoney(toDecimalString(amount, currency), currency)).toBe(amount);
      }),
    );
  });
});

describe("money: helpers", () => {
  test.each([
    ["USD", 2],
    ["EUR", 2],
    ["JPY", 0],
    ["jpy", 0],
    ["KRW", 0],
  ])("minorDigits(%s) = %i", (currency, digits) => {
    expect(minorDigits(currency)).toBe(digits);
  });

  test.each([
    [120050, "USD", "1200.50"],
    [-5, "USD", "-0.05"],
    [1200, "JPY", "1200"],
    [0, "EUR", "0.00"],
  ])("toDecimalString(%i, %s) = %s", (amount, currency, expected) => {
    expect(toDecimalString(amount, currency)).toBe(expected);
  });

  test.each([
    [120050, "USD", "en-US", "$1,200.50"],
    [120050, "EUR", "de-DE", "1.200,50 €"],
    [1200, "JPY", "en-US", "¥1,200"],
  ])("formatMoney(%i, %s, %s) = %s", (amount, currency, locale, expected) => {
    expect(formatMoney(amount, currency, locale).replace(/\s/g, " ")).toBe(expected);
  });

  test.each([
    [1500, "15%"],
    [1250, "12.5%"],
    [0, "0%"],
    [10000, "100%"],
  ])("formatPercentBp(%i) = %s", (bp, expected) => {
    expect(formatPercentBp(bp)).toBe(expected);
  });

  test.each([
    [100000, 2000, 80000],
    [99, 5000, 50],
    [100000, 0, 100000],
    [195000, 10000, 0],
  ])("applyDiscountBp(%i, %i) = %i", (amount, bp, expected) => {
    expect(applyDiscountBp(amount, bp)).toBe(expected);
  });

  test.each([
    [100000, 80000, 2000],
    [195000, 120000, 3846],
    [0, 50, 0],
    [100, 120, -2000],
  ])("discountBp(%i, %i) = %i", (from, to, expected) => {
    expect(discountBp(from, to)).toBe(expected);
  });

  test.each<[number, number, "hour" | "day", number, number]>([
    [80000, 600, "hour", 8, 8000],
    [35000, 210, "hour", 8, 10000],
    [48750, 480, "day", 8, 48750],
    [120000, 1440, "day", 8, 40000],
    [100, 7, "hour", 8, 857],
    [45000, 450, "day", 7.5, 45000],
  ])("effectiveRate(%i, %i min, %s, %s h/day) = %i", (amount, minutes, unit, hpd, expected) => {
    expect(effectiveRate(amount, minutes, unit, hpd)).toBe(expected);
  });

  test("effectiveRate needs positive minutes", () => {
    expect(() => effectiveRate(100, 0)).toThrow(RangeError);
    expect(() => effectiveRate(100, -5)).toThrow(RangeError);
  });

  test.each<[number, number, "hour" | "day", number, number]>([
    [10000, 600, "hour", 8, 100000],
    [65000, 1440, "day", 8, 195000],
    [65000, 90, "day", 7.5, 13000],
    [10000, 1, "hour", 8, 167],
  ])("valueAtRate(%i, %i min, %s, %s h/day) = %i", (rate, minutes, unit, hpd, expected) => {
    expect(valueAtRate(rate, minutes, unit, hpd)).toBe(expected);
  });

  test.each([
    [50000, 10000, 300],
    [10, 3, 200],
    [50000, 0, 0],
    [99, 10000, 0],
  ])("minutesForBudget(%i, rate %i) = %i", (budget, rate, expected) => {
    expect(minutesForBudget(budget, rate)).toBe(expected);
  });

  test.each<[string, number | null]>([
    ["7.5", 450],
    ["1,25", 75],
    ["2", 120],
    ["0.1", 6],
    ["x", null],
    ["1.255", null],
    ["-1", null],
  ])("parseHoursToMinutes(%j) = %j", (input, expected) => {
    expect(parseHoursToMinutes(input)).toBe(expected);
  });

  test.each([
    [90, "1.5 h"],
    [105, "1.8 h"],
    [60, "1 h"],
  ])("formatHours(%i) = %s", (minutes, expected) => {
    expect(formatHours(minutes)).toBe(expected);
  });
});

describe("negotiation: replayNegotiation", () => {
  const q = (events: Parameters<typeof makeEvent>[0][], extra: Partial<Parameters<typeof makeQuote>[0]> = {}) =>
    makeQuote({ id: 1, estimatedMinutes: 600, quotedAmount: 100000, ...extra, events: events.map((e, i) => makeEvent({ id: i + 1, ...e })) });

  test.each([
    { name: "no events", quote: q([]), price: 100000, minutes: 600, asks: 0, deepest: 0, concededBp: 0, conceded: false, cutScope: false, heldFirm: false },
    {
      name: "20% asked, conceded",
      quote: q([{ kind: "discount_request", percentBp: 2000 }, { kind: "my_answer", answer: "conceded" }]),
      price: 80000, minutes: 600, asks: 1, deepest: 2000, concededBp: 2000, conceded: true, cutScope: false, heldFirm: false,
    },
    {
      name: "20% asked, held firm",
      quote: q([{ kind: "discount_request", percentBp: 2000 }, { kind: "my_answer", answer: "held_firm" }]),
      price: 100000, minutes: 600, asks: 1, deepest: 2000, concededBp: 0, conceded: false, cutScope: false, heldFirm: true,
    },
    {
      name: "20% asked, met halfway",
      quote: q([{ kind: "discount_request", percentBp: 2000 }, { kind: "my_answer", answer: "met_halfway" }]),
      price: 90000, minutes: 600, asks: 1, deepest: 2000, concededBp: 1000, conceded: true, cutScope: false, heldFirm: false,
    },
    {
      name: "counter at 70%, scope cut to match",
      quote: q([{ kind: "client_counter", amount: 70000 }, { kind: "my_answer", answer: "cut_scope", amount: 70000, scopeMinutes: 420 }]),
      price: 70000, minutes: 420, asks: 1, deepest: 3000, concededBp: 0, conceded: false, cutScope: true, heldFirm: false,
    },
    {
      name: "counter at 70%, scope cut too little",
      quote: q([{ kind: "client_counter", amount: 70000 }, { kind: "my_answer", answer: "cut_scope", amount: 70000, scopeMinutes: 500 }]),
      price: 70000, minutes: 500, asks: 1, deepest: 3000, concededBp: 1600, conceded: true, cutScope: true, heldFirm: false,
    },
    {
      name: "discount asked as an amount",
      quote: q([{ kind: "discount_request", amount: 25000 }, { kind: "my_answer", answer: "conceded" }]),
      price: 75000, minutes: 600, asks: 1, deepest: 2500, concededBp: 2500, conceded: true, cutScope: false, heldFirm: false,
    },
    {
      name: "my own counter",
      quote: q([{ kind: "discount_request", percentBp: 3000 }, { kind: "my_counter", amount: 95000 }]),
      price: 95000, minutes: 600, asks: 1, deepest: 3000, concededBp: 500, conceded: true, cutScope: false, heldFirm: false,
    },
    {
      name: "agreed amount overrides the replay",
      quote: q([], { agreedAmount: 85000 }),
      price: 85000, minutes: 600, asks: 0, deepest: 0, concededBp: 1500, conceded: true, cutScope: false, heldFirm: false,
    },
    {
      name: "two asks: deepest kept, answer goes to the latest",
      quote: q([{ kind: "discount_request", percentBp: 3000 }, { kind: "discount_request", percentBp: 1000 }, { kind: "my_answer", answer: "conceded" }]),
      price: 90000, minutes: 600, asks: 2, deepest: 3000, concededBp: 1000, conceded: true, cutScope: false, heldFirm: false,
    },
  ])("$name", ({ quote, price, minutes, asks, deepest, concededBp, conceded, cutScope, heldFirm }) => {
    const s = replayNegotiation(quote);
    expect({ price: s.currentPrice, minutes: s.currentMinutes, asks: s.asks, deepest: s.deepestAskBp, concededBp: s.concededBp, conceded: s.conceded, cutScope: s.cutScope, heldFirm: s.heldFirm }).toEqual({
      price, minutes, asks, deepest, concededBp, conceded, cutScope, heldFirm,
    });
  });

  test("events are replayed by date then id, whatever order they arrive in", () => {
    const events = [
      makeEvent({ id: 3, kind: "my_answer", answer: "conceded", occurredOn: "2025-02-02" }),
      makeEvent({ id: 2, kind: "discount_request", percentBp: 1000, occurredOn: "2025-02-01" }),
      makeEvent({ id: 1, kind: "discount_request", percentBp: 3000, occurredOn: "2025-02-01" }),
    ];
    expect(sortEvents(events).map((e) => e.id)).toEqual([1, 2, 3]);
    const s = replayNegotiation(makeQuote({ events }));
    expect(s.currentPrice).toBe(90000);
    expect(s.steps.map((st) => [st.priceBefore, st.priceAfter, st.requestedBp])).toEqual([
      [100000, 100000, 3000],
      [100000, 100000, 1000],
      [100000, 90000, null],
    ]);
  });

  test("property: shuffling events gives the same summary", () => {
    fc.assert(
      fc.property(arbScenario, fc.nat(), ({ history }, seed) => {
        for (const quote of history.quotes) {
          if (quote.estimatedMinutes <= 0) continue;
          expect(replayNegotiation({ ...quote, events: shuffle(quote.events, seed) })).toEqual(replayNegotiation(quote));
        }
      }),
      { numRuns: 200 },
    );
  });

  test("property: concededBp is never negative and asks count the client's requests", () => {
    fc.assert(
      fc.property(arbScenario, ({ history }) => {
        for (const quote of history.quotes) {
          const s = replayNegotiation(quote);
          expect(s.concededBp).toBeGreaterThanOrEqual(0);
          expect(s.asks).toBe(quote.events.filter((e) => e.kind === "discount_request" || e.kind === "client_counter").length);
          expect(s.deepestAskBp).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 200 },
    );
  });
});
