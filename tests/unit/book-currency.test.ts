import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { inBookCurrency, lacksRate, serviceInQuoteCurrency } from "@/lib/book-currency";
import { rateInForce } from "@/lib/exchange-rates";
import { settleClient } from "@/lib/settling";
import { assessClient } from "@/lib/worth";
import { makeEvent, makeHistory, makeQuote, makeService, makeSettings } from "./fixtures";

const usdBook = makeSettings({ currency: "USD" });
const web = makeService(); // USD per hour: floor $70, target $100, market $120

describe("inBookCurrency: a foreign quote counted in the book's currency at its own rate", () => {
  test.each([
    { name: "EUR at 1.08: €1,000.00 → $1,080.00", currency: "EUR", fxRate: "1.08", amount: 100000, expected: 108000 },
    { name: "a decimal comma rate is the same rate", currency: "EUR", fxRate: "1,08", amount: 100000, expected: 108000 },
    { name: "JPY has no minor unit: ¥150,000 at 0.0067 → $1,005.00", currency: "JPY", fxRate: "0.0067", amount: 150000, expected: 100500 },
    { name: "half a cent rounds away from zero", currency: "EUR", fxRate: "1.005", amount: 100, expected: 101 },
    { name: "GBP at 1.27: £0.01 → $0.01", currency: "GBP", fxRate: "1.27", amount: 1, expected: 1 },
  ])("$name", ({ currency, fxRate, amount, expected }) => {
    const q = inBookCurrency(makeQuote({ currency, fxRate, quotedAmount: amount, agreedAmount: amount }), "USD");
    expect(q).toMatchObject({ currency: "USD", quotedAmount: expected, agreedAmount: expected, convertedFrom: { currency, fxRate } });
  });

  test("event amounts are converted; percentages are not", () => {
    const q = inBookCurrency(
      makeQuote({ currency: "EUR", fxRate: "2", quotedAmount: 1000, events: [makeEvent({ kind: "client_counter", amount: 800 }), makeEvent({ kind: "discount_request", percentBp: 1000, amount: null })] }),
      "USD",
    );
    expect(q.events.map((e) => [e.amount, e.percentBp])).toEqual([
      [1600, null],
      [null, 1000],
    ]);
  });

  test.each([
    { name: "already in the book's currency: the same object", quote: makeQuote({ currency: "USD" }) },
    { name: "no rate: left as it is (counted as not comparable, never converted at a guess)", quote: makeQuote({ currency: "EUR", fxRate: null }) },
    { name: "an unusable rate is no rate", quote: makeQuote({ currency: "EUR", fxRate: "abc" }) },
  ])("$name", ({ quote }) => {
    expect(inBookCurrency(quote, "USD")).toBe(quote);
  });

  test.each([
    { q: { currency: "USD" }, lacks: false },
    { q: { currency: "EUR", fxRate: "1.08" }, lacks: false },
    { q: { currency: "EUR", fxRate: null }, lacks: true },
    { q: { currency: "EUR" }, lacks: true },
    { q: { currency: "EUR", fxRate: "0" }, lacks: true },
  ])("lacksRate($q) = $lacks", ({ q, lacks }) => {
    expect(lacksRate(q, "USD")).toBe(lacks);
  });

  test("property: converting never changes the order of two amounts, and a rate of 1 between same-decimals currencies changes nothing", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 11 }), fc.integer({ min: 0, max: 10 ** 11 }), fc.integer({ min: 1, max: 10 ** 6 }), (a, b, n) => {
        const rate = (n / 10000).toFixed(4);
        const ca = inBookCurrency(makeQuote({ currency: "EUR", fxRate: rate, quotedAmount: a }), "USD").quotedAmount;
        const cb = inBookCurrency(makeQuote({ currency: "EUR", fxRate: rate, quotedAmount: b }), "USD").quotedAmount;
        expect(Math.sign(ca - cb) * Math.sign(a - b)).toBeGreaterThanOrEqual(0);
        expect(inBookCurrency(makeQuote({ currency: "EUR", fxRate: "1", quotedAmount: a }), "USD").quotedAmount).toBe(a);
      }),
    );
  });
});

describe("a foreign quote is judged and counted, never left out", () => {
  test("a EUR job on the USD rate card: its rate is compared in USD and its money counts in USD", () => {
    // €900 for 10 h at 1.10 → $990 → $99/h: below the $100 target, above the $70 floor; $10 left on the table
    const quote = makeQuote({ id: 1, status: "accepted", currency: "EUR", fxRate: "1.10", quotedAmount: 90000, agreedAmount: 90000, estimatedMinutes: 600 });
    const s = settleClient(makeHistory({ quotes: [quote] }), [web], usdBook);
    expect(s.quotes[0]).toMatchObject({ effectiveRate: 9900, belowTarget: true, belowFloor: false, moneyLeftOnTable: 1000 });
    expect(s.moneyLeftOnTable).toBe(1000);
  });

  test("the same job with no rate is not compared, and says so", () => {
    const quote = makeQuote({ id: 1, status: "accepted", currency: "EUR", fxRate: null, quotedAmount: 90000, agreedAmount: 90000, estimatedMinutes: 600 });
    const s = settleClient(makeHistory({ quotes: [quote] }), [web], usdBook);
    expect(s.quotes[0].effectiveRate).toBeNull();
    expect(s.quotes[0].reasons.join(" ")).toMatch(/EUR/);
    const a = assessClient(makeHistory({ quotes: [quote] }), [web], usdBook);
    expect(a.criteria.find((c) => c.key === "pay")!.evidence.join(" ")).toMatch(/another currency/);
  });

  test("a EUR rate card in a USD book: a EUR job is compared in EUR terms (the ratio is kept) and counted in USD", () => {
    const euro = makeService({ id: 2, currency: "EUR", marketRate: 11000, targetRate: 10000, floorRate: 7000 });
    // €800 for 10 h = €80/h against a €100 target: below target in EUR, so below target after conversion too
    const quote = makeQuote({ id: 1, serviceId: 2, status: "accepted", currency: "EUR", fxRate: "1.10", quotedAmount: 80000, agreedAmount: 80000, estimatedMinutes: 600 });
    const s = settleClient(makeHistory({ quotes: [quote] }), [euro], usdBook);
    // in USD: $880 for 10 h = $88/h against $110 target; left on the table $1,100 − $880 = $220
    expect(s.quotes[0]).toMatchObject({ effectiveRate: 8800, belowTarget: true, belowFloor: false, moneyLeftOnTable: 22000 });
    expect(serviceInQuoteCurrency(euro, { currency: "USD", convertedFrom: { currency: "EUR", fxRate: "1.10" } })).toMatchObject({ currency: "USD", targetRate: 11000, floorRate: 7700 });
  });
});

describe("rateInForce: the kept rate on a quote's day", () => {
  const rates = [
    { currency: "EUR", effectiveFrom: "2026-01-01", rate: "1.05" },
    { currency: "EUR", effectiveFrom: "2026-06-01", rate: "1.10" },
    { currency: "GBP", effectiveFrom: "2026-03-01", rate: "1.27" },
  ];
  test.each([
    { currency: "EUR", day: "2025-12-31", expected: null },
    { currency: "EUR", day: "2026-01-01", expected: "1.05" },
    { currency: "EUR", day: "2026-05-31", expected: "1.05" },
    { currency: "EUR", day: "2026-06-01", expected: "1.10" },
    { currency: "EUR", day: "2027-01-01", expected: "1.10" },
    { currency: "GBP", day: "2026-02-28", expected: null },
    { currency: "CHF", day: "2026-07-01", expected: null },
  ])("$currency on $day → $expected", ({ currency, day, expected }) => {
    expect(rateInForce(rates, currency, day)).toBe(expected);
  });
});
