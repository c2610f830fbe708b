/** The money-left trend sentence (lib/dashboard/settling.ts moneyLeftTrendText): compared only with a period that has data. */
import { describe, expect, test } from "vitest";
import { moneyLeftTrend, moneyLeftTrendText, settlingFigures, type Dashboard } from "@/lib/dashboard";

type Headline = Pick<Dashboard["headline"], "previous" | "moneyLeftChange" | "moneyLeftChangeBp">;

const EMPTY = settlingFigures([]);

function headline(current: number, previous: { moneyLeft: number; acceptedQuotes: number } | null): Headline {
  const prev = previous ? { from: "2024-12-01", to: "2025-11-30", settling: { ...EMPTY, ...previous }, unpaid: { asks: 0, minutes: 0 } } : null;
  return { previous: prev, ...moneyLeftTrend(current, prev?.settling.moneyLeft ?? null) };
}

describe("moneyLeftTrendText", () => {
  test("a previous period with no accepted quotes is not compared with: no 'Up $7,127.50 … ($0.00)'", () => {
    const text = moneyLeftTrendText(headline(712750, { moneyLeft: 0, acceptedQuotes: 0 }), 365, "USD", "en-US");
    expect(text).toBe("No data for the previous 365 days to compare.");
    expect(text).not.toMatch(/Up|\$0\.00/);
  });

  test("with data before: up or down by how much, and the earlier amount", () => {
    expect(moneyLeftTrendText(headline(712750, { moneyLeft: 500000, acceptedQuotes: 4 }), 365, "USD", "en-US")).toBe("Up $2,127.50 (42.6%) on the previous 365 days ($5,000.00).");
    expect(moneyLeftTrendText(headline(100000, { moneyLeft: 200000, acceptedQuotes: 2 }), 90, "USD", "en-US")).toBe("Down $1,000.00 (50%) on the previous 90 days ($2,000.00).");
  });

  test("data before but nothing left on the table then: the change without a percentage", () => {
    expect(moneyLeftTrendText(headline(5000, { moneyLeft: 0, acceptedQuotes: 3 }), 30, "USD", "en-US")).toBe("Up $50.00 on the previous 30 days ($0.00).");
  });

  test("the same amount, and no earlier period at all", () => {
    expect(moneyLeftTrendText(headline(5000, { moneyLeft: 5000, acceptedQuotes: 1 }), 30, "USD", "en-US")).toBe("Same as the previous 30 days.");
    expect(moneyLeftTrendText(headline(5000, null), null, "USD", "en-US")).toBe("No earlier period of the same length to compare with.");
  });

  test("a one-day period is 'the previous day'", () => {
    expect(moneyLeftTrendText(headline(0, { moneyLeft: 0, acceptedQuotes: 0 }), 1, "USD", "en-US")).toBe("No data for the previous day to compare.");
  });
});
