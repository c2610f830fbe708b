/**
 * The dashboard's short money (lib/dashboard/compact.ts). Every expectation is written out by hand: the
 * point is that these strings never depend on the ICU build (Node's and Chromium's differ for
 * `notation: "compact"`, which broke hydration).
 */
import { describe, expect, test } from "vitest";
import { compactNumber, formatMoneyCompact } from "@/lib/dashboard/compact";

describe("compactNumber (minor units → short number)", () => {
  test.each([
    [0, "USD", "0"],
    [40, "USD", "0"], // $0.40 rounds to nothing
    [50, "USD", "1"], // $0.50 rounds half away from zero
    [60000, "USD", "600"],
    [60050, "USD", "601"],
    [99949, "USD", "999"],
    [99950, "USD", "1K"], // $999.50 → 1000 → 1K, never "1000"
    [100000, "USD", "1K"],
    [123456, "USD", "1.2K"],
    [500000, "USD", "5K"],
    [504999, "USD", "5K"], // 5.04999K → 5.0K → no ".0"
    [505000, "USD", "5.1K"],
    [520000, "USD", "5.2K"],
    [9999999, "USD", "100K"],
    [99_950_000, "USD", "999.5K"],
    [99_995_000, "USD", "1M"], // 999.95K → 1000.0K → 1M
    [120_000_000, "USD", "1.2M"],
    [250_000_000_000, "USD", "2.5B"],
    [5200, "JPY", "5.2K"], // no minor digits: 5200 yen
    [600, "JPY", "600"],
    [-520000, "USD", "-5.2K"],
    [-60000, "USD", "-600"],
  ])("%i %s → %s", (amount, currency, expected) => {
    expect(compactNumber(amount, currency)).toBe(expected);
  });

  test("uses the decimal separator it is given", () => {
    expect(compactNumber(520000, "EUR", ",")).toBe("5,2K");
  });
});

describe("formatMoneyCompact (symbol and place from the locale)", () => {
  test.each([
    [520000, "USD", "en-US", "$5.2K"],
    [500000, "USD", "en-US", "$5K"],
    [60000, "USD", "en-US", "$600"],
    [123456, "USD", "en-US", "$1.2K"],
    [120_000_000, "USD", "en-US", "$1.2M"],
    [-520000, "USD", "en-US", "-$5.2K"],
    [520000, "GBP", "en-GB", "£5.2K"],
    [520000, "EUR", "de-DE", "5,2K\u00a0€"],
    [5200, "JPY", "en-US", "¥5.2K"],
  ])("%i %s %s → %s", (amount, currency, locale, expected) => {
    expect(formatMoneyCompact(amount, currency, locale)).toBe(expected);
  });

  test("an unknown locale falls back to en-US dollars rather than throwing", () => {
    expect(formatMoneyCompact(500000, "USD", "xx-invalid-@@")).toBe("$5K");
  });
});
