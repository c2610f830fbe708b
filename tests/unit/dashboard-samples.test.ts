/**
 * Small samples (lib/dashboard/samples.ts): a share of fewer than MIN_SAMPLE cases is "too few to tell",
 * with its counts, never a percentage; with enough cases it is the percentage and its counts. Two shares
 * are compared only when each has enough cases. Shares are basis points, rounded half away from zero.
 */
import { describe, expect, test } from "vitest";
import {
  MIN_SAMPLE,
  QUOTE_NOUN,
  chasingFigures,
  compareSamples,
  negotiationFigures,
  sampleCounts,
  sampleShare,
  sampleText,
  settlingFigures,
  settlingSamples,
  type CaseNoun,
  type NegotiationCount,
  type SampleShare,
} from "@/lib/dashboard";
import { row } from "./dashboard-fixtures";

describe("sampleShare and sampleText", () => {
  test("the minimum is five cases", () => {
    expect(MIN_SAMPLE).toBe(5);
  });

  test.each<{ part: number; whole: number; bp: number | null; enough: boolean; text: string }>([
    { part: 0, whole: 0, bp: null, enough: false, text: "too few to tell (0 of 0)" },
    { part: 0, whole: 2, bp: 0, enough: false, text: "too few to tell (0 of 2)" },
    { part: 2, whole: 2, bp: 10000, enough: false, text: "too few to tell (2 of 2)" },
    { part: 4, whole: 5, bp: 8000, enough: true, text: "80% \u00b7 4 of 5" },
    { part: 5, whole: 5, bp: 10000, enough: true, text: "100% \u00b7 5 of 5" },
    // 3333.3 → 3333 bp; shown to one decimal, as every percentage in the app (lib/money.ts formatPercentBp)
    { part: 3, whole: 9, bp: 3333, enough: true, text: "33.3% \u00b7 3 of 9" },
  ])("$part of $whole: $text", ({ part, whole, bp, enough, text }) => {
    const s = sampleShare(part, whole);
    expect(s).toEqual({ bp, part, whole, enough });
    expect(sampleText(s, "en-US")).toBe(text);
  });

  test("a share never shows as a percentage below the minimum, whatever it is", () => {
    for (let whole = 0; whole < MIN_SAMPLE; whole++) {
      for (let part = 0; part <= whole; part++) {
        const text = sampleText(sampleShare(part, whole), "en-US");
        expect(text).not.toMatch(/%/);
        expect(text).toBe(`too few to tell (${part} of ${whole})`);
      }
    }
  });

  test.each<{ name: string; s: SampleShare; noun?: CaseNoun; text: string }>([
    // a share of hours counted in quotes: the share is the figure's own, the counts are the cases
    { name: "own measure, enough", s: sampleShare(3, 6, 6452), noun: QUOTE_NOUN, text: "64.5% \u00b7 3 of 6 quotes" },
    { name: "own measure, too few", s: sampleShare(2, 2, 10000), noun: QUOTE_NOUN, text: "too few to tell (2 of 2 quotes)" },
    { name: "the noun agrees with the whole", s: sampleShare(0, 1), noun: QUOTE_NOUN, text: "too few to tell (0 of 1 quote)" },
    { name: "a noun for any number", s: sampleShare(1, 2), noun: "conceded", text: "too few to tell (1 of 2 conceded)" },
    // enough cases but nothing to measure (every rated quote had 0 minutes): not a share
    { name: "enough cases, no share", s: sampleShare(0, 6, null), text: "too few to tell (0 of 6)" },
  ])("$name: $text", ({ s, noun, text }) => {
    expect(sampleText(s, "en-US", noun)).toBe(text);
  });

  test("counts with and without a noun; the locale formats the percentage", () => {
    expect(sampleCounts({ part: 4, whole: 6 })).toBe("4 of 6");
    expect(sampleCounts({ part: 4, whole: 6 }, "decided")).toBe("4 of 6 decided");
    expect(sampleText(sampleShare(4, 6), "de-DE")).toBe("66,7\u00a0% \u00b7 4 of 6");
  });
});

describe("comparing two shares", () => {
  test.each<{ a: [number, number]; b: [number, number]; enough: boolean }>([
    { a: [0, 2], b: [6, 6], enough: false }, // the case that read as advice: held firm 0 of 2, conceded 6 of 6
    { a: [6, 6], b: [0, 2], enough: false },
    { a: [0, 0], b: [0, 0], enough: false },
    { a: [2, 4], b: [3, 5], enough: false },
    { a: [2, 5], b: [3, 5], enough: true },
    { a: [1, 9], b: [7, 12], enough: true },
  ])("$a against $b: enough $enough", ({ a, b, enough }) => {
    expect(compareSamples(sampleShare(...a), sampleShare(...b))).toEqual({ enough, minEach: MIN_SAMPLE });
  });
});

describe("the figures carry their samples (and keep their bare shares)", () => {
  const counts = (held: [number, number], conceded: [number, number]): NegotiationCount[] => [
    { response: "held_firm", quotes: held[1], asks: held[1], decided: held[1], accepted: held[0] },
    { response: "conceded", quotes: conceded[1], asks: conceded[1], decided: conceded[1], accepted: conceded[0] },
    { response: "not_asked", quotes: 3, asks: 0, decided: 2, accepted: 1 },
  ];

  test("negotiation: held firm 0 of 2 against conceded 6 of 6 is not a comparison", () => {
    const n = negotiationFigures(counts([0, 2], [6, 6]), 0);
    const [held, conceded] = n.responses;
    expect(held.acceptRate).toEqual({ bp: 0, part: 0, whole: 2, enough: false });
    expect(conceded.acceptRate).toEqual({ bp: 10000, part: 6, whole: 6, enough: true });
    expect([held.acceptRateBp, conceded.acceptRateBp]).toEqual([0, 10000]);
    expect(n.heldFirmVsConceded).toEqual({ enough: false, minEach: 5 });
    // 8 haggled of 11 priced
    expect(n.askShare).toEqual({ bp: 7273, part: 8, whole: 11, enough: true });
    expect(n.askShareBp).toBe(7273);
    expect(n.notAsked.acceptRate).toEqual({ bp: 5000, part: 1, whole: 2, enough: false });
  });

  test("negotiation: five decided of each compare", () => {
    const n = negotiationFigures(counts([3, 5], [4, 6]), 0);
    expect(n.heldFirmVsConceded.enough).toBe(true);
    expect(n.responses.map((r) => [r.response, r.acceptRate.enough])).toEqual([
      ["held_firm", true],
      ["conceded", true],
      ["cut_scope", false],
      ["countered", false],
      ["no_answer", false],
    ]);
  });

  test("chasing: the answer rate leaves unlogged answers out, per client and in all", () => {
    const c = chasingFigures(
      [
        { clientId: 1, name: "Acme", sent: 3, answered: 2, unanswered: 0, pending: 1 },
        { clientId: 2, name: "Bolt", sent: 4, answered: 1, unanswered: 3, pending: 0 },
      ],
      new Map(),
    );
    expect(c.answerRate).toEqual({ bp: 5000, part: 3, whole: 6, enough: true });
    expect(c.byClient.map((r) => [r.name, r.answerRateBp, r.answerRate])).toEqual([
      ["Bolt", 2500, { bp: 2500, part: 1, whole: 4, enough: false }],
      ["Acme", 10000, { bp: 10000, part: 2, whole: 2, enough: false }],
    ]);
  });

  test("settling: below target and floor are shares of hours over rated quotes; the concession a mean over accepted quotes", () => {
    // rated 4 quotes (one without a service), 1200 of 2400 rated minutes below target; concession (2000 + 1000) / 5
    const few = settlingFigures([
      row({ minutes: 600, belowTarget: true, concededBp: 2000 }),
      row({ minutes: 600, belowTarget: true, belowFloor: true, concededBp: 1000 }),
      row({ minutes: 600 }),
      row({ minutes: 600 }),
      row({ service: null }),
    ]);
    expect(settlingSamples(few)).toEqual({
      belowTarget: { bp: 5000, part: 2, whole: 4, enough: false },
      belowFloor: { bp: 2500, part: 1, whole: 4, enough: false },
      concession: { bp: 600, part: 2, whole: 5, enough: true },
    });
    const enough = settlingFigures([...Array.from({ length: 4 }, () => row()), row({ minutes: 300, belowTarget: true })]);
    // 300 of 2700 minutes = 1111.1 → 1111
    expect(settlingSamples(enough).belowTarget).toEqual({ bp: 1111, part: 1, whole: 5, enough: true });
    expect(settlingSamples(settlingFigures([])).belowTarget).toEqual({ bp: null, part: 0, whole: 0, enough: false });
  });
});
