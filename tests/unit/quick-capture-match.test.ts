import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { editDistance } from "@/lib/quick-capture/match";

// the whole-table version editDistance replaced (three rolling rows now): the same answers, early stop included
function reference(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      best = Math.min(best, d[i][j]);
    }
    if (best > max) return max + 1;
  }
  return d[a.length][b.length];
}

describe("editDistance (optimal string alignment)", () => {
  test.each([
    ["pebble", "pebble", 0],
    ["pebbel", "pebble", 1],
    ["pebxle", "pebble", 1],
    ["peble", "pebble", 1],
    ["ab", "ba", 1],
    ["", "", 0],
    ["abc", "", 3],
    ["falcon", "studio", 3],
  ])("%s ↔ %s = %i (max 2; above it: 3)", (a, b, n) => expect(editDistance(a, b)).toBe(n));

  test("equals the whole-table version for any words and limits", () => {
    const word = fc.string({ unit: fc.constantFrom("a", "b", "c", "d"), maxLength: 8 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, max) => {
        expect(editDistance(a, b, max)).toBe(reference(a, b, max));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("wordScore's shortcut", () => {
  test("a typo is still found whichever letter it hits, and two typos are not", async () => {
    const { wordScore } = await import("@/lib/quick-capture/match");
    const word = fc.string({ unit: fc.constantFrom("a", "b", "c", "d", "e"), minLength: 4, maxLength: 9 });
    fc.assert(
      fc.property(word, word, (a, b) => {
        const expected = a === b ? 3 : b.startsWith(a) ? 2 : reference(a, b, 1) <= 1 ? 1 : 0;
        expect(wordScore(a, b)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });
});
