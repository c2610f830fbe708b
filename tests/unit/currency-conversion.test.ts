/**
 * lib/currency-conversion.ts: rates parsed exactly, amounts converted with one rounding (half away from
 * zero) to each currency's minor unit, and the properties that make a whole book safe to convert.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  convertMaybe,
  convertMinor,
  currencyForLocale,
  currencyOptions,
  divideRates,
  formatRate,
  isIsoCurrency,
  multiplyRates,
  parseRate,
  RATE_MAX_DECIMALS,
  RATE_ONE,
  rateToText,
  roundingError,
  type Rate,
} from "@/lib/currency-conversion";

const rate = (s: string): Rate => {
  const r = parseRate(s);
  if (!r.ok) throw new Error(`bad rate ${s}: ${r.error}`);
  return r.rate;
};

describe("parseRate", () => {
  test.each([
    ["0.79", 79n, 100n],
    ["1", 1n, 1n],
    ["1.50", 3n, 2n],
    ["1,25", 5n, 4n],
    [" 0.0001 ", 1n, 10000n],
    ["150", 150n, 1n],
    ["007.5", 15n, 2n],
  ])("%s → %d/%d", (s, n, d) => {
    expect(parseRate(s)).toEqual({ ok: true, rate: { numerator: n, denominator: d } });
  });

  test.each([
    ["", "empty"],
    ["   ", "empty"],
    ["abc", "not_a_number"],
    ["1e3", "not_a_number"],
    ["1.2.3", "not_a_number"],
    ["1,000.5", "not_a_number"],
    [".5", "not_a_number"],
    ["0", "not_positive"],
    ["0.000", "not_positive"],
    ["-1", "not_positive"],
    ["-0.5", "not_positive"],
    ["0.12345678901", "too_precise"],
    ["1234567890", "too_large"],
    ["NaN", "not_a_number"],
    ["Infinity", "not_a_number"],
  ])("%j is refused (%s)", (s, error) => {
    expect(parseRate(s)).toEqual({ ok: false, error });
  });

  test("formatRate gives back the decimal typed", () => {
    expect(formatRate(rate("0.79"))).toBe("0.79");
    expect(formatRate(rate("1.50"))).toBe("1.5");
    expect(formatRate(rate("150"))).toBe("150");
    expect(formatRate(rate("0.0001"))).toBe("0.0001");
  });
});

describe("convertMinor", () => {
  test("USD → GBP at 0.79: $100.00 is £79.00, $0.01 is £0.01 (0.79 of a penny rounds up)", () => {
    expect(convertMinor(10000, rate("0.79"), "USD", "GBP")).toBe(7900);
    expect(convertMinor(1, rate("0.79"), "USD", "GBP")).toBe(1);
  });

  test("half a minor unit rounds away from zero; below half rounds down", () => {
    // 1 cent × 0.5 = 0.5 cent → 1; 1 cent × 0.49 = 0.49 → 0; 3 cents × 0.5 = 1.5 → 2; 5 × 0.5 = 2.5 → 3
    expect(convertMinor(1, rate("0.5"), "EUR", "USD")).toBe(1);
    expect(convertMinor(1, rate("0.49"), "EUR", "USD")).toBe(0);
    expect(convertMinor(3, rate("0.5"), "EUR", "USD")).toBe(2);
    expect(convertMinor(5, rate("0.5"), "EUR", "USD")).toBe(3);
  });

  test("respects each currency's decimals: USD → JPY and back", () => {
    // $12.34 at 151.5 yen: 1869.51 yen → ¥1870 (JPY has no minor unit)
    expect(convertMinor(1234, rate("151.5"), "USD", "JPY")).toBe(1870);
    // ¥1870 at 0.0066 $: $12.342 → 1234 cents
    expect(convertMinor(1870, rate("0.0066"), "JPY", "USD")).toBe(1234);
    // JPY → KRW: both without decimals
    expect(convertMinor(1000, rate("9.05"), "JPY", "KRW")).toBe(9050);
  });

  test("converting with rate 1 between currencies of the same decimals is the identity", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.constantFrom(["USD", "GBP"], ["EUR", "EUR"], ["JPY", "KRW"]), (amount, [from, to]) => {
        expect(convertMinor(amount, RATE_ONE, from, to)).toBe(amount);
        expect(convertMinor(amount, rate("1.000"), from, to)).toBe(amount);
      }),
    );
  });

  test("each amount is within half a minor unit of the exact value; a sum's error is at most n/2", () => {
    const arbRate = fc.tuple(fc.integer({ min: 1, max: 999_999 }), fc.integer({ min: 0, max: 8 })).map(([n, k]) => {
      const s = String(n).padStart(k + 1, "0");
      return k === 0 ? s : `${s.slice(0, -k)}.${s.slice(-k)}`;
    });
    const pair = fc.constantFrom(["USD", "GBP"], ["USD", "JPY"], ["JPY", "EUR"], ["EUR", "EUR"]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 40 }), arbRate, pair, (amounts, rs, [from, to]) => {
        const r = rate(rs);
        let errNum = 0n;
        let den = 0n;
        for (const a of amounts) {
          const e = roundingError(a, r, from, to);
          // |error| ≤ 1/2 minor unit, each
          expect((e.numerator < 0n ? -e.numerator : e.numerator) * 2n <= e.denominator).toBe(true);
          den = e.denominator; // the same for every amount of one conversion
          errNum += e.numerator;
        }
        expect((errNum < 0n ? -errNum : errNum) * 2n <= den * BigInt(amounts.length)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test("monotone: a larger amount never converts to a smaller one (a floor stays at or below its target)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 1, max: 100_000 }), (a, b, n) => {
        const r: Rate = { numerator: BigInt(n), denominator: 10_000n };
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(convertMinor(lo, r, "USD", "GBP")).toBeLessThanOrEqual(convertMinor(hi, r, "USD", "GBP"));
      }),
    );
  });

  test("exact on amounts where a float would drift: 0.1 + 0.2 style cases", () => {
    // 0.29 × 100 in floating point is 28.999999999999996: an exact fraction never is
    expect(convertMinor(29, rate("100"), "USD", "USD")).toBe(2900);
    expect(convertMinor(Number.MAX_SAFE_INTEGER, RATE_ONE, "USD", "USD")).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => convertMinor(Number.MAX_SAFE_INTEGER, rate("2"), "USD", "USD")).toThrow(RangeError);
    expect(() => convertMinor(0.5, RATE_ONE, "USD", "USD")).toThrow(RangeError);
  });

  test("convertMaybe keeps a missing amount missing", () => {
    expect(convertMaybe(null, rate("2"), "USD", "EUR")).toBeNull();
    expect(convertMaybe(150, rate("2"), "USD", "EUR")).toBe(300);
  });
});

describe("currencies", () => {
  test("ISO codes only: GBP yes, ABC (which Intl would still format) no", () => {
    expect(isIsoCurrency("GBP")).toBe(true);
    expect(isIsoCurrency("JPY")).toBe(true);
    expect(isIsoCurrency("ABC")).toBe(false);
    expect(isIsoCurrency("gbp")).toBe(false);
  });

  test("options carry names", () => {
    const opts = currencyOptions("en", ["GBP", "EUR"]);
    expect(opts).toEqual([
      { value: "GBP", label: "GBP — British Pound" },
      { value: "EUR", label: "EUR — Euro" },
    ]);
  });

  test.each([
    ["en-GB", "GBP"],
    ["de-DE", "EUR"],
    ["en-US", "USD"],
    ["fr", "EUR"],
    ["ja-JP", "JPY"],
    ["de-CH", "CHF"],
    ["en-IE", "EUR"],
    ["pt-BR", "BRL"],
    ["not a locale", "USD"],
    ["en-AQ", "USD"],
  ])("%s → %s", (locale, code) => {
    expect(currencyForLocale(locale)).toBe(code);
  });
});

describe("a quote's rate re-expressed when the book's currency changes (multiplyRates, divideRates, rateToText)", () => {
  const text = (r: Rate) => {
    const t = rateToText(r);
    if (!t.ok) throw new Error(t.error);
    return t.text;
  };
  test.each([
    // 1 EUR = 1.08 USD, and the book goes USD → GBP at 1 USD = 0.79 GBP: 1 EUR = 0.8532 GBP
    ["1.08", "0.79", "0.8532"],
    ["1.5", "2", "3"],
    ["0.0067", "151.5", "1.01505"],
    // twenty decimals of product: rounded once, half away from zero, to ten
    ["0.1234567891", "0.1234567891", "0.0152415788"],
    ["0.0000000005", "0.5", "0.0000000003"],
  ])("%s × %s = %s", (a, b, out) => {
    expect(text(multiplyRates(rate(a), rate(b)))).toBe(out);
  });

  test.each([
    // 1 EUR = 1.08 USD (the book), EUR amounts re-expressed in GBP at 1 EUR = 0.86 GBP: 1 GBP = 1.08 / 0.86 USD
    ["1.08", "0.86", "1.2558139535"],
    ["3", "2", "1.5"],
    ["1", "3", "0.3333333333"],
    ["2", "3", "0.6666666667"],
  ])("%s ÷ %s = %s", (a, b, out) => {
    expect(text(divideRates(rate(a), rate(b)))).toBe(out);
  });

  test("what rounds to zero or is too large is refused, not stored", () => {
    expect(rateToText(multiplyRates(rate("0.0000000001"), rate("0.1")))).toEqual({ ok: false, error: "not_positive" });
    expect(rateToText(multiplyRates(rate("999999999"), rate("10")))).toEqual({ ok: false, error: "too_large" });
    expect(rateToText(rate("999999999.9999999999"))).toEqual({ ok: true, text: "999999999.9999999999" });
  });

  test("property: the text reads back within half a unit of the last decimal, and exactly when it fits", () => {
    const decimal = fc
      .tuple(fc.bigInt({ min: 0n, max: 99_999n }), fc.integer({ min: 0, max: RATE_MAX_DECIMALS }))
      .filter(([n]) => n > 0n)
      .map(([n, k]) => (k === 0 ? n.toString() : `${n / 10n ** BigInt(k)}.${(n % 10n ** BigInt(k)).toString().padStart(k, "0")}`));
    fc.assert(
      fc.property(decimal, decimal, (a, b) => {
        const exact = multiplyRates(rate(a), rate(b));
        const t = rateToText(exact);
        // refused only when it is at least 10^9, or under half of 10^-10
        if (!t.ok)
          return t.error === "too_large"
            ? exact.numerator >= 10n ** 9n * exact.denominator
            : exact.numerator * 2n * 10n ** BigInt(RATE_MAX_DECIMALS) < exact.denominator;
        const back = rate(t.text);
        // |back − exact| ≤ ½ × 10^-10, in integers: |back.n × exact.d − exact.n × back.d| × 2 × 10^10 ≤ back.d × exact.d
        const diff = back.numerator * exact.denominator - exact.numerator * back.denominator;
        const abs = diff < 0n ? -diff : diff;
        expect(abs * 2n * 10n ** BigInt(RATE_MAX_DECIMALS) <= back.denominator * exact.denominator).toBe(true);
        if (10n ** BigInt(RATE_MAX_DECIMALS) % exact.denominator === 0n) expect(diff).toBe(0n);
        return true;
      }),
      { numRuns: 300 },
    );
  });
});
