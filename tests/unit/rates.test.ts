/**
 * Rates in force (lib/rates.ts): the rate card's history, the row in force on a day, and the promise
 * it keeps: a rate change dated after a quote never changes how that quote is judged.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { addDays } from "@/lib/dates";
import type { QuoteWithEvents, Service } from "@/lib/domain";
import {
  RATES_SINCE,
  quoteRatesDate,
  ratesForQuotes,
  ratesOn,
  rowOn,
  serviceForQuote,
  serviceRatesChangeSchema,
  withRates,
  type RatesFrom,
  type ServiceRates,
} from "@/lib/rates";
import { settleClient, settleQuote } from "@/lib/settling";
import { makeEvent, makeHistory, makeQuote, makeService, makeSettings } from "./fixtures";

const settings = makeSettings();
const rates = (target: number, floor = Math.round(target * 0.7), market = Math.round(target * 1.2)): ServiceRates => ({ marketRate: market, targetRate: target, floorRate: floor });
const row = (serviceId: number, effectiveFrom: string, target: number): RatesFrom => ({ serviceId, effectiveFrom, ...rates(target) });

// service 1: 100 since the beginning, 120 from 2024-01-01, 150 from 2025-06-01; service 2: 80 from 2024-03-01 only
const HISTORY: RatesFrom[] = [row(1, "2025-06-01", 15000), row(2, "2024-03-01", 8000), row(1, RATES_SINCE, 10000), row(1, "2024-01-01", 12000)];

describe("ratesOn: the row with the greatest effectiveFrom on or before the day", () => {
  test.each([
    { name: "long ago: the rates since the beginning", serviceId: 1, date: "2001-05-05", target: 10000 },
    { name: "the day before a change: the old rates", serviceId: 1, date: "2023-12-31", target: 10000 },
    { name: "the day of a change: the new rates", serviceId: 1, date: "2024-01-01", target: 12000 },
    { name: "between two changes", serviceId: 1, date: "2025-05-31", target: 12000 },
    { name: "after the last change", serviceId: 1, date: "2030-01-01", target: 15000 },
    { name: "the first day there is", serviceId: 1, date: "1970-01-01", target: 10000 },
    { name: "another service's history is its own", serviceId: 2, date: "2025-01-01", target: 8000 },
    { name: "before a service's first row: its first row", serviceId: 2, date: "2020-01-01", target: 8000 },
    { name: "a service without history: nothing", serviceId: 3, date: "2025-01-01", target: null },
  ])("$name", ({ serviceId, date, target }) => {
    const got = ratesOn(HISTORY, serviceId, date);
    if (target == null) expect(got).toBeUndefined();
    else expect(got).toEqual(rates(target));
    // the rows' order does not matter
    expect(ratesOn([...HISTORY].reverse(), serviceId, date)).toEqual(got);
  });

  test("an empty history: nothing", () => {
    expect(ratesOn([], 1, "2025-01-01")).toBeUndefined();
    expect(rowOn([], 1, "2025-01-01")).toBeUndefined();
  });

  test("only the three rates come out", () => {
    expect(Object.keys(ratesOn(HISTORY, 1, "2025-01-01")!).sort()).toEqual(["floorRate", "marketRate", "targetRate"]);
  });
});

describe("the quote's date and the rates it carries", () => {
  test("the day it was sent, else the day it was created", () => {
    expect(quoteRatesDate({ sentOn: "2024-02-02", createdAt: "2024-01-20T23:59:00.000Z" })).toBe("2024-02-02");
    expect(quoteRatesDate({ sentOn: null, createdAt: "2024-01-20T23:59:00.000Z" })).toBe("2024-01-20");
  });

  test("withRates: each quote gets the rates in force on its date; no service or no history: null; the input is not changed", () => {
    const qs = [
      makeQuote({ id: 1, serviceId: 1, sentOn: "2023-06-01" }),
      makeQuote({ id: 2, serviceId: 1, sentOn: null, createdAt: "2025-07-01T10:00:00.000Z" }),
      makeQuote({ id: 3, serviceId: null }),
      makeQuote({ id: 4, serviceId: 9 }),
    ];
    const out = withRates(qs, HISTORY);
    expect(out.map((q) => q.rates)).toEqual([rates(10000), rates(15000), null, null]);
    expect(qs[0].rates).toBeUndefined();
  });

  test("serviceForQuote: the service with the quote's rates over today's; without rates, today's", () => {
    const today = makeService({ targetRate: 20000, floorRate: 15000, marketRate: 25000 });
    const byId = new Map([[1, today]]);
    expect(serviceForQuote({ serviceId: 1, rates: rates(10000) }, byId)).toEqual({ ...today, ...rates(10000) });
    expect(serviceForQuote({ serviceId: 1, rates: null }, byId)).toBe(today);
    expect(serviceForQuote({ serviceId: 1 }, byId)).toBe(today);
    expect(serviceForQuote({ serviceId: 2, rates: rates(10000) }, byId)).toBeUndefined();
    expect(serviceForQuote({ serviceId: null, rates: rates(10000) }, byId)).toBeUndefined();
  });

  test("settleClient judges each quote at its own rates: last year's quote at last year's target does not settle after a raise", () => {
    const raised = makeService({ targetRate: 15000, floorRate: 10000, marketRate: 18000 });
    const lastYear = makeQuote({ id: 1, status: "accepted", sentOn: "2024-03-01", quotedAmount: 100000, rates: rates(10000, 7000, 12000) });
    const thisYear = makeQuote({ id: 2, status: "accepted", sentOn: "2025-03-01", quotedAmount: 100000, rates: { marketRate: 18000, targetRate: 15000, floorRate: 10000 } });
    const s = settleClient(makeHistory({ quotes: [lastYear, thisYear] }), [raised], settings);
    expect(s.quotes.map((q) => q.settles)).toEqual([false, true]);
    expect(s.moneyLeftOnTable).toBe(50000);
    // without rates attached (an old caller), today's rate card is used: both settle
    const todays = settleClient(makeHistory({ quotes: [{ ...lastYear, rates: undefined }, thisYear] }), [raised], settings);
    expect(todays.quotes.map((q) => q.settles)).toEqual([true, true]);
  });
});

describe("serviceRatesChangeSchema: a rate change from a day", () => {
  test.each([
    { name: "a good change", input: { effectiveFrom: "2025-06-01", marketRate: 12000, targetRate: 10000, floorRate: 7000 }, error: null },
    { name: "floor above target", input: { effectiveFrom: "2025-06-01", marketRate: 12000, targetRate: 10000, floorRate: 10001 }, error: "floorRate" },
    { name: "no date", input: { marketRate: 12000, targetRate: 10000, floorRate: 7000 }, error: "effectiveFrom" },
    { name: "not a calendar day", input: { effectiveFrom: "2025-02-29", marketRate: 12000, targetRate: 10000, floorRate: 7000 }, error: "effectiveFrom" },
    { name: "a zero target", input: { effectiveFrom: "2025-06-01", marketRate: 12000, targetRate: 0, floorRate: 0 }, error: "targetRate" },
    { name: "fractional minor units", input: { effectiveFrom: "2025-06-01", marketRate: 12000.5, targetRate: 10000, floorRate: 7000 }, error: "marketRate" },
  ])("$name", ({ input, error }) => {
    const r = serviceRatesChangeSchema.safeParse(input);
    if (error == null) expect(r.success).toBe(true);
    else {
      expect(r.success).toBe(false);
      expect(r.error!.issues.map((i) => i.path[0])).toContain(error);
    }
  });
});

// ---------------- properties ----------------

const BASE = "2020-01-01";
const arbDay = fc.integer({ min: 0, max: 2000 }).map((n) => addDays(BASE, n));
const arbRates = fc
  .record({ a: fc.integer({ min: 0, max: 40000 }), b: fc.integer({ min: 1, max: 40000 }), market: fc.integer({ min: 1, max: 50000 }) })
  .map(({ a, b, market }): ServiceRates => ({ floorRate: Math.min(a, b), targetRate: Math.max(a, b, 1), marketRate: market }));
/** A service's history as the app keeps it: a row from the beginning, then changes on distinct days. */
const arbHistory = fc
  .tuple(arbRates, fc.uniqueArray(fc.tuple(arbDay, arbRates), { selector: ([d]) => d, maxLength: 6 }))
  .map(([first, changes]): RatesFrom[] => [{ serviceId: 1, effectiveFrom: RATES_SINCE, ...first }, ...changes.map(([d, r]) => ({ serviceId: 1, effectiveFrom: d, ...r }))]);
const arbQuote = fc
  .record({
    sentOn: fc.option(arbDay, { nil: null }),
    createdOn: arbDay,
    minutes: fc.integer({ min: 1, max: 6000 }),
    amount: fc.integer({ min: 1, max: 2_000_000 }),
    conceded: fc.boolean(),
    status: fc.constantFrom("accepted" as const, "accepted" as const, "sent" as const),
  })
  .map((q) =>
    makeQuote({
      id: 7,
      serviceId: 1,
      status: q.status,
      sentOn: q.sentOn,
      createdAt: `${q.createdOn}T12:00:00.000Z`,
      estimatedMinutes: q.minutes,
      quotedAmount: q.amount,
      events: q.conceded ? [makeEvent({ kind: "discount_request", percentBp: 1000 }), makeEvent({ kind: "my_answer", answer: "conceded" })] : [],
    }),
  );
const arbService = fc.record({ unit: fc.constantFrom("hour" as const, "day" as const), today: arbRates }).map(({ unit, today }): Service => makeService({ unit, ...today }));

/** settleQuote as every loader does it: the quote carries the rates in force on its date. */
function judge(quote: QuoteWithEvents, history: RatesFrom[], service: Service) {
  const withIt = { ...quote, rates: ratesOn(history, 1, quoteRatesDate(quote)) ?? null };
  return settleQuote(withIt, serviceForQuote(withIt, new Map([[1, service]])), settings);
}

describe("properties", () => {
  test("a rate change dated after a quote never changes that quote's judgement (settleQuote)", () => {
    fc.assert(
      fc.property(arbHistory, arbQuote, arbService, fc.integer({ min: 1, max: 3000 }), arbRates, arbService, (history, quote, service, after, change, todayService) => {
        const before = judge(quote, history, service);
        const later = addDays(quoteRatesDate(quote), after);
        // the rate card row (today's rates) may change too: the quote still carries its own
        const changed = [...history.filter((r) => r.effectiveFrom !== later), { serviceId: 1, effectiveFrom: later, ...change }];
        expect(judge(quote, changed, { ...service, ...change })).toEqual(before);
        expect(judge(quote, history, { ...todayService, unit: service.unit })).toEqual(before);
      }),
      { numRuns: 300 },
    );
  });

  test("a rate change dated on or before a quote is the one it is judged by", () => {
    fc.assert(
      fc.property(arbHistory, arbQuote, fc.integer({ min: 0, max: 30 }), arbRates, (history, quote, before, change) => {
        const day = addDays(quoteRatesDate(quote), -before);
        // the latest change on or before the quote's day wins: drop any later one up to the quote
        const changed = [...history.filter((r) => r.effectiveFrom < day || r.effectiveFrom > quoteRatesDate(quote)), { serviceId: 1, effectiveFrom: day, ...change }];
        expect(ratesOn(changed, 1, quoteRatesDate(quote))).toEqual(change);
      }),
      { numRuns: 200 },
    );
  });

  test("ratesForQuotes (the loaders' lookup) agrees with ratesOn", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(1, 2, 3), arbDay, arbRates), { maxLength: 12 }), arbQuote, fc.constantFrom(1, 2, 3, 4), (rows, quote, serviceId) => {
        // one row per service and day, as the unique index keeps it
        const seen = new Set<string>();
        const history = rows
          .filter(([s, d]) => !seen.has(`${s}:${d}`) && !!seen.add(`${s}:${d}`))
          .map(([s, d, r]) => ({ serviceId: s, effectiveFrom: d, ...r }));
        const q = { ...quote, serviceId };
        expect(ratesForQuotes(history)(q) ?? undefined).toEqual(ratesOn(history, serviceId, quoteRatesDate(q)));
      }),
      { numRuns: 300 },
    );
  });
});
