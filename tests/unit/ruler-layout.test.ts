/** The rate ruler's labels (lib/ruler-layout.ts): close labels go on rows of their own; none overlaps or spills. */
import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { RULER_LABEL_GAP, layoutRulerLabels } from "@/lib/ruler-layout";

const rows = (ats: number[], gap?: number) => layoutRulerLabels(ats.map((at, i) => ({ key: String(i), at })), gap).labels.map((l) => l.row);

describe("layoutRulerLabels", () => {
  test.each([
    { ats: [20, 50, 80], rows: [0, 0, 0], n: 1 },
    { ats: [40, 45, 80], rows: [0, 1, 0], n: 2 },
    { ats: [40, 45, 50], rows: [0, 1, 2], n: 3 },
    { ats: [40, 45, 60], rows: [0, 1, 0], n: 2 },
    // given in any order: rows follow the position, the output the input's order
    { ats: [80, 45, 40], rows: [0, 1, 0], n: 2 },
    { ats: [50, 50, 50], rows: [0, 1, 2], n: 3 },
  ])("$ats → rows $rows", ({ ats, rows: expected, n }) => {
    expect(rows(ats)).toEqual(expected);
    expect(layoutRulerLabels(ats.map((at, i) => ({ key: String(i), at }))).rows).toBe(n);
  });

  test("labels near an end are anchored inward; positions are held to the ruler", () => {
    const { labels } = layoutRulerLabels([
      { key: "a", at: 2 },
      { key: "b", at: 50 },
      { key: "c", at: 120 },
    ]);
    expect(labels.map((l) => [l.align, l.at])).toEqual([
      ["start", 2],
      ["center", 50],
      ["end", 100],
    ]);
  });

  test("property: two labels on the same row are always at least the gap apart", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 6 }), (ats) => {
        const { labels, rows: n } = layoutRulerLabels(ats.map((at, i) => ({ key: String(i), at })));
        expect(labels).toHaveLength(ats.length);
        for (let i = 0; i < labels.length; i++)
          for (let j = i + 1; j < labels.length; j++)
            if (labels[i].row === labels[j].row) expect(Math.abs(labels[i].at - labels[j].at)).toBeGreaterThanOrEqual(RULER_LABEL_GAP);
        expect(Math.max(...labels.map((l) => l.row)) + 1).toBe(n);
      }),
    );
  });
});
