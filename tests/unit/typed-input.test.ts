import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { formatMoney, minorDigits } from "@/lib/money";
import { formatBasisPoints, formatDuration, hoursText, parseDurationInput, parseLocaleNumber, parseMoneyInput, parsePercentInput, separatorsOf, type Parsed } from "@/lib/typed-input";

const US = separatorsOf("en-US");
const GB = separatorsOf("en-GB");
const DE = separatorsOf("de-DE");
const FR = separatorsOf("fr-FR");
const SEPS = { "en-US": US, "en-GB": GB, "de-DE": DE, "fr-FR": FR } as const;
type Locale = keyof typeof SEPS;

const value = <T>(p: Parsed<T>): T | string => (p.ok ? p.value : `error: ${p.error}`);

describe("separatorsOf reads the locale's separators with Intl", () => {
  test.each([
    ["en-US", ".", ","],
    ["en-GB", ".", ","],
    ["de-DE", ",", "."],
    ["fr-FR", ",", "\u202f"],
  ])("%s: decimal %j, group %j", (locale, decimal, group) => {
    expect(separatorsOf(locale)).toEqual({ decimal, group });
  });
  test("an unknown locale falls back to en-US", () => {
    expect(separatorsOf("xx-invalid-locale-!!")).toEqual(US);
  });
});

describe("money as people type it, per locale", () => {
  test.each<[Locale, string, string, number]>([
    ["en-US", "$1,200", "USD", 120000],
    ["en-US", "1200", "USD", 120000],
    ["en-US", "1,200.50", "USD", 120050],
    ["en-US", "1.200,50 €", "EUR", 120050],
    ["en-US", "12k", "USD", 1200000],
    ["en-US", "$1.5k", "USD", 150000],
    ["en-US", "USD 99.9", "USD", 9990],
    ["en-US", "99.99 usd", "USD", 9999],
    ["en-US", "-$5", "USD", -500],
    ["en-US", "¥1,500", "JPY", 1500],
    ["en-US", "1,234,567.89", "USD", 123456789],
    ["en-US", "12,50", "USD", 1250], // a lone comma with two digits after can only be decimals
    ["en-US", "0,125", "EUR", null as unknown as number],
    ["en-GB", "£ 12.5", "GBP", 1250],
    ["en-GB", "£1,200", "GBP", 120000],
    ["en-GB", "US$1,200", "USD", 120000],
    ["de-DE", "1.200,50 €", "EUR", 120050],
    ["de-DE", "€1.200,50", "EUR", 120050],
    ["de-DE", "1.200", "EUR", 120000],
    ["de-DE", "1200,5", "EUR", 120050],
    ["de-DE", "1,5k €", "EUR", 150000],
    ["de-DE", "1.234.567,89", "EUR", 123456789],
    ["de-DE", "1,200.50", "EUR", 120050], // both separators: the last one is the decimal, in every locale
    ["fr-FR", "1 200,50", "EUR", 120050],
    ["fr-FR", "1\u202f200,50\u00a0€", "EUR", 120050],
    ["fr-FR", "1\u00a0200", "EUR", 120000],
    ["fr-FR", "1.200", "EUR", 120000], // "." is not fr-FR's decimal: a group
    ["fr-FR", "12,5", "EUR", 1250],
    ["fr-FR", "1 500", "JPY", 1500],
  ])("%s: %j in %s → %j", (locale, typed, currency, minor) => {
    const p = parseMoneyInput(typed, currency, SEPS[locale]);
    if (minor === null) expect(p.ok).toBe(false);
    else expect(value(p)).toBe(minor);
  });

  test("ambiguous \"1,200\": the locale decides", () => {
    expect(value(parseMoneyInput("1,200", "USD", US))).toBe(120000);
    expect(value(parseMoneyInput("1,200", "GBP", GB))).toBe(120000);
    // in de-DE and fr-FR the comma is the decimal separator: 1,200 has three decimals, refused with how it was read
    for (const seps of [DE, FR]) {
      const p = parseMoneyInput("1,200", "EUR", seps);
      expect(p.ok).toBe(false);
      if (!p.ok) expect(p.error).toMatch(/"," separates decimals, so this has 3 decimals and EUR has 2\. For 1200 type 1200 or 1.200|For 1200 type 1200 or 1 200/);
    }
    // and "1.200" in en-US is 1.2 with one decimal too many
    const us = parseMoneyInput("1.200", "USD", US);
    expect(us.ok).toBe(false);
    if (!us.ok) expect(us.error).toContain('"." separates decimals');
  });

  test.each<[string, string, string]>([
    ["£12", "USD", "This is in GBP; the amount here is in USD"],
    ["12 €", "USD", "This is in EUR; the amount here is in USD"],
    ["$12", "EUR", "This is in dollars or pesos; the amount here is in EUR"],
    ["GBP 12", "EUR", "This is in GBP; the amount here is in EUR"],
    ["12 kr", "EUR", "This is in kronor or kroner; the amount here is in EUR"],
  ])("%j in a %s field: %s", (typed, currency, message) => {
    expect(parseMoneyInput(typed, currency, US)).toEqual({ ok: false, error: message });
  });

  test.each<[string, string, RegExp]>([
    ["abc", "USD", /Type an amount like 1,200\.50/],
    ["12 apples", "USD", /Type an amount like/],
    ["1.2.3", "USD", /Type an amount like/],
    ["1,,2", "USD", /Type an amount like/],
    ["1,2345,678", "USD", /Type an amount like/],
    ["", "USD", /Enter an amount/],
    ["$", "USD", /Type an amount like/],
    ["12m", "USD", /Type an amount like/],
    ["99.9999", "USD", /USD has 2 decimals: type at most 2, like 1,200\.50/],
    ["99.999", "USD", /Here "\." separates decimals, so this has 3 decimals and USD has 2\. For 99999 type 99999 or 99,999/],
    ["12.5", "JPY", /JPY has no cents: type a whole amount, like 1,200/],
    ["9999999999999999", "USD", /too large/],
  ])("refuses %j (%s) with a message", (typed, currency, message) => {
    const p = parseMoneyInput(typed, currency, US);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.error).toMatch(message);
  });

  test("the example in a message is written the locale's way", () => {
    const p = parseMoneyInput("abc", "EUR", DE);
    expect(!p.ok && p.error).toBe("Type an amount like 1.200,50");
  });

  test("property: what formatMoney writes, parseMoneyInput reads back, in every locale and currency", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.constantFrom<Locale>("en-US", "en-GB", "de-DE", "fr-FR"), fc.constantFrom("USD", "EUR", "GBP", "JPY", "CHF"), (amount, locale, currency) => {
        const typed = formatMoney(amount, currency, locale);
        expect(value(parseMoneyInput(typed, currency, SEPS[locale]))).toBe(amount);
      }),
      { numRuns: 400 },
    );
  });

  test("property: plain digits with the locale's decimal separator round-trip", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.constantFrom<Locale>("en-US", "en-GB", "de-DE", "fr-FR"), fc.constantFrom("USD", "JPY"), (amount, locale, currency) => {
        const d = minorDigits(currency);
        const text = d === 0 ? String(amount) : `${Math.floor(amount / 100)}${SEPS[locale].decimal}${String(amount % 100).padStart(2, "0")}`;
        expect(value(parseMoneyInput(text, currency, SEPS[locale]))).toBe(amount);
      }),
    );
  });

  test("property: text without a digit is never an amount", () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !/\d/.test(s)),
        (s) => {
          expect(parseMoneyInput(s, "USD", US).ok).toBe(false);
        },
      ),
    );
  });
});

describe("percentages → basis points", () => {
  test.each<[Locale, string, number]>([
    ["en-US", "20", 2000],
    ["en-US", "20%", 2000],
    ["en-US", "20 %", 2000],
    ["en-US", "12.5%", 1250],
    ["en-US", "0.25%", 25],
    ["en-GB", "12.75 %", 1275],
    ["de-DE", "12,5 %", 1250],
    ["de-DE", "12,5\u00a0%", 1250],
    ["fr-FR", "12,5\u202f%", 1250],
    ["fr-FR", "100 %", 10000],
  ])("%s: %j → %i bp", (locale, typed, bp) => {
    expect(value(parsePercentInput(typed, SEPS[locale]))).toBe(bp);
  });
  test.each([["twenty"], ["12.345%"], ["%"], [""], ["12%%"], ["1.2.3"]])("refuses %j", (typed) => {
    expect(parsePercentInput(typed, US).ok).toBe(false);
  });
  test("property: formatBasisPoints then parsePercentInput round-trips", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10000 }), fc.constantFrom<Locale>("en-US", "en-GB", "de-DE", "fr-FR"), (bp, locale) => {
        expect(value(parsePercentInput(formatBasisPoints(bp, locale), SEPS[locale]))).toBe(bp);
      }),
    );
  });
});

describe("durations → minutes", () => {
  const hours = (seps = US, hoursPerDay = 8) => ({ seps, bare: "hour" as const, hoursPerDay });
  test.each<[Locale, string, number]>([
    ["en-US", "10", 600],
    ["en-US", "10h", 600],
    ["en-US", "10 h", 600],
    ["en-US", "1.5h", 90],
    ["en-US", "90 min", 90],
    ["en-US", "90m", 90],
    ["en-US", "1h30", 90],
    ["en-US", "1h 30m", 90],
    ["en-US", "1 hour 30 minutes", 90],
    ["en-US", "1:30", 90],
    ["en-US", "1.5 days", 720],
    ["en-US", "2d", 960],
    ["en-US", "1d 4h", 720],
    ["en-US", "7.5", 450],
    ["en-US", "2 hrs", 120],
    ["en-GB", "0.1h", 6],
    ["de-DE", "1,5 h", 90],
    ["de-DE", "7,5", 450],
    ["fr-FR", "1,5 days", 720],
    ["fr-FR", "10 H", 600],
  ])("%s: %j → %i min (hours field, 8 h days)", (locale, typed, minutes) => {
    expect(value(parseDurationInput(typed, hours(SEPS[locale])))).toBe(minutes);
  });
  test("days follow settings.hoursPerDay", () => {
    expect(value(parseDurationInput("1.5 days", hours(US, 6)))).toBe(540);
    expect(value(parseDurationInput("2d", hours(US, 10)))).toBe(1200);
  });
  test("in a minutes field a bare number is minutes", () => {
    expect(value(parseDurationInput("45", { seps: US, bare: "minute", hoursPerDay: 8 }))).toBe(45);
    expect(value(parseDurationInput("1h", { seps: US, bare: "minute", hoursPerDay: 8 }))).toBe(60);
  });
  test("a positive time never rounds down to nothing", () => {
    expect(value(parseDurationInput("0.001h", hours()))).toBe(1);
    expect(value(parseDurationInput("0", hours()))).toBe(0);
  });
  test.each([["ten hours"], ["10x"], ["1h 2h"], ["30m 1h"], ["1:75"], ["h"], [""], ["1.5.5h"], ["10 10"], ["1d30"]])("refuses %j with a message", (typed) => {
    const p = parseDurationInput(typed, hours());
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.error).toMatch(/Type a time like 10h, 1h30, 90 min or 1.5 days|Enter the time/);
  });
  test("property: hoursText (an edit form's starting value) reads back exactly", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 600_000 }), fc.constantFrom<Locale>("en-US", "de-DE", "fr-FR"), (minutes, locale) => {
        expect(value(parseDurationInput(hoursText(minutes), hours(SEPS[locale])))).toBe(minutes);
      }),
    );
    expect([hoursText(600), hoursText(630), hoursText(20)]).toEqual(["10", "10h30", "0h20"]);
  });
  test("property: h and min written out read back", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 600_000 }), (minutes) => {
        expect(value(parseDurationInput(formatDuration(minutes), hours()))).toBe(minutes);
      }),
    );
  });
});

describe("showing what was read", () => {
  test.each([
    [630, "10 h 30 min"],
    [600, "10 h"],
    [45, "45 min"],
    [0, "0 min"],
  ])("formatDuration(%i) = %s", (minutes, text) => {
    expect(formatDuration(minutes)).toBe(text);
  });
  test("formatBasisPoints keeps two decimals", () => {
    expect(formatBasisPoints(1225)).toBe("12.25%");
    expect(formatBasisPoints(2000)).toBe("20%");
  });
});

describe("plain numbers the locale's way", () => {
  test.each<[Locale, string, number | null]>([
    ["en-US", "7,5", 7.5],
    ["en-US", "1,200", 1200],
    ["de-DE", "1,200", 1.2],
    ["de-DE", "1.200", 1200],
    ["fr-FR", "1 200,5", 1200.5],
    ["en-US", "abc", null],
  ])("%s: %j → %j", (locale, typed, n) => {
    expect(parseLocaleNumber(typed, SEPS[locale])).toBe(n);
  });
});
