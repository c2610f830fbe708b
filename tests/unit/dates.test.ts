import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { addDays, daysBetween, isoDateIn, isoDateOf, monthsBetween } from "@/lib/dates";

describe("lib/dates: calendar days without the clock", () => {
  test.each([
    ["2026-11-30", 1, "2026-12-01"],
    ["2024-02-28", 1, "2024-02-29"],
    ["2025-03-01", -1, "2025-02-28"],
    ["0050-01-01", 1, "0050-01-02"],
    ["2026-01-31", -28, "2026-01-03"],
  ])("%s + %i days = %s", (from, n, to) => {
    expect(addDays(from, n)).toBe(to);
  });
  test("days and months between, inclusive", () => {
    expect(daysBetween("2026-11-01", "2026-11-30")).toBe(30);
    expect(monthsBetween("2025-11", "2026-02")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(monthsBetween("2026-02", "2025-11")).toEqual([]);
  });
  test("the calendar day of an instant is read in UTC, whatever the machine's zone", () => {
    expect(isoDateOf(new Date("2026-11-30T23:59:59.999Z"))).toBe("2026-11-30");
  });
});

describe("today in the user's time zone", () => {
  // 2026-11-30 at 23:30 UTC: already Dec 1 in Paris and Tokyo, still Nov 30 in New York
  const instant = new Date("2026-11-30T23:30:00Z");
  test.each([
    ["", "2026-11-30"],
    ["UTC", "2026-11-30"],
    ["Europe/Paris", "2026-12-01"],
    ["Asia/Tokyo", "2026-12-01"],
    ["America/New_York", "2026-11-30"],
    ["Pacific/Honolulu", "2026-11-30"],
    ["Not/AZone", "2026-11-30"],
  ])("%s → %s", (tz, day) => {
    expect(isoDateIn(instant, tz)).toBe(day);
  });
  test("early morning in Asia is not yesterday", () => {
    expect(isoDateIn(new Date("2026-11-30T16:30:00Z"), "Asia/Tokyo")).toBe("2026-12-01");
    expect(isoDateIn(new Date("2026-12-01T04:00:00Z"), "America/Los_Angeles")).toBe("2026-11-30");
  });
});

describe("daysBetween by arithmetic equals the Date route", () => {
  // the reference: what daysBetween did before it counted days by arithmetic
  const viaDate = (iso: string) => {
    const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
    const date = new Date(Date.UTC(2000, m - 1, d));
    date.setUTCFullYear(y);
    return date.getTime();
  };
  const reference = (from: string, to: string) => Math.round((viaDate(to) - viaDate(from)) / 86_400_000) + 1;
  const pad = (n: number, w: number) => String(n).padStart(w, "0");
  const day = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);

  test("for any two days, month ends, leap years and rolled-over days included", () => {
    fc.assert(fc.property(day, day, (a, b) => {
        expect(daysBetween(a, b)).toEqual(reference(a, b));
      }), { numRuns: 5000 });
  });

  test.each([
    ["2024-02-28", "2024-03-01", 3],
    ["2023-02-28", "2023-03-01", 2],
    ["1900-02-28", "1900-03-01", 2],
    ["2000-02-28", "2000-03-01", 3],
    ["2026-12-01", "2026-12-01", 1],
    ["2026-12-01T10:00:00Z", "2026-12-02", 2],
  ])("%s → %s is %i days", (a, b, n) => expect(daysBetween(a, b)).toBe(n));

  test("what is not a date stays not a number", () => {
    expect(daysBetween("not a date", "2026-12-01")).toBeNaN();
  });
});
