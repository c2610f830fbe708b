import { describe, expect, test } from "vitest";
import { readBack } from "@/components/ui/typed-field";

describe("the line under a typed field says what it read", () => {
  test.each<[string, Parameters<typeof readBack>[1], string]>([
    ["$1,200", { typed: "money", currency: "USD" }, "= $1,200.00"],
    ["1.200,50 €", { typed: "money", currency: "EUR", locale: "de-DE" }, "= 1.200,50\u00a0€"],
    ["12k", { typed: "money", currency: "JPY" }, "= ¥12,000"],
    ["20 %", { typed: "percent" }, "= 20%"],
    ["12,5 %", { typed: "percent", locale: "fr-FR" }, "= 12,5\u00a0%"],
    ["10h30", { typed: "duration" }, "= 10 h 30 min"],
    ["10", { typed: "duration" }, "= 10 h"],
    ["45", { typed: "duration", bareUnit: "minute" }, "= 45 min"],
    ["1.5 days", { typed: "duration", hoursPerDay: 6 }, "= 9 h (days of 6 h)"],
  ])("%j → %j", (text, opts, line) => {
    expect(readBack(text, opts)).toEqual({ ok: true, text: line });
  });
  test("what cannot be read says why; nothing typed says nothing", () => {
    expect(readBack("£12", { typed: "money", currency: "USD" })).toEqual({ ok: false, text: "This is in GBP; the amount here is in USD" });
    expect(readBack("soon", { typed: "duration" })).toEqual({ ok: false, text: "Type a time like 10h, 1h30, 90 min or 1.5 days" });
    expect(readBack("  ", { typed: "percent" })).toBeNull();
  });
});
