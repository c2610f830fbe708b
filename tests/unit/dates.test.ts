import { describe, expect, test } from "vitest";
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
