/**
 * The dashboard's pure arithmetic (lib/dashboard), without a database: rows are built by hand and every
 * expectation is worked out by hand in the comments. Shares are basis points (10000 = 100%), rounded
 * half away from zero, once.
 */
import { describe, expect, test } from "vitest";
import {
  cappedReason,
  fitRows,
  groupBy,
  keepOrLetGo,
  median,
  moneyLeftTrend,
  negotiationFigures,
  quadrantOf,
  settlingFigures,
  unpaidFigures,
  verdictCounts,
  verdictLegend,
  whereSettling,
  type ClientAssessment,
  type SettledQuote,
  type SettlingFigures,
  type VerdictRules,
} from "@/lib/dashboard";
import type { Client } from "@/lib/domain";
import type { FitAssessment } from "@/lib/worth";
import { WEB, row } from "./dashboard-fixtures";

describe("settlingFigures", () => {
  const none: SettlingFigures = {
    acceptedQuotes: 0,
    ratedQuotes: 0,
    acceptedMinutes: 0,
    ratedMinutes: 0,
    belowTargetQuotes: 0,
    belowFloorQuotes: 0,
    belowTargetMinutes: 0,
    belowFloorMinutes: 0,
    belowTargetShareBp: null,
    belowFloorShareBp: null,
    moneyLeft: 0,
    revenue: 0,
    otherCurrencyQuotes: 0,
    concededQuotes: 0,
    averageConcessionBp: null,
  };

  test.each<{ name: string; rows: SettledQuote[]; expected: Partial<SettlingFigures> }>([
    { name: "no accepted quotes: zeros, and no shares or mean at all", rows: [], expected: none },
    {
      // rated minutes 600 + 300 + 100 = 1000; below target 600 + 100 = 700 → 70%; below floor 100 → 10%.
      // Money only in USD: money left 20000 (the EUR quote's 999 is not added), revenue 80000 + 60000 + 10000.
      // Concession mean over all four: (2000 + 0 + 1000 + 0) / 4 = 750; two quotes conceded something.
      name: "shares of rated hours; money only in the settings currency; concession mean over every quote",
      rows: [
        row({ minutes: 600, price: 80000, moneyLeft: 20000, belowTarget: true, concededBp: 2000 }),
        row({ minutes: 300, price: 60000 }),
        row({ minutes: 100, price: 5000, moneyLeft: 999, belowTarget: true, belowFloor: true, concededBp: 1000, inSettingsCurrency: false }),
        row({ minutes: 200, price: 10000, service: null }),
      ],
      expected: {
        acceptedQuotes: 4,
        ratedQuotes: 3,
        acceptedMinutes: 1200,
        ratedMinutes: 1000,
        belowTargetQuotes: 2,
        belowTargetMinutes: 700,
        belowFloorQuotes: 1,
        belowFloorMinutes: 100,
        belowTargetShareBp: 7000,
        belowFloorShareBp: 1000,
        moneyLeft: 20000,
        revenue: 150000,
        otherCurrencyQuotes: 1,
        concededQuotes: 2,
        averageConcessionBp: 750,
      },
    },
    {
      // 1 of 3 rated minutes below target (and below floor) = 3333.3 → 3333; concession (1 + 2 + 0) / 3 = 1.
      name: "shares round once, half away from zero (one third)",
      rows: [row({ minutes: 1, belowTarget: true, belowFloor: true, concededBp: 1 }), row({ minutes: 2, concededBp: 2 }), row({ minutes: 0 })],
      expected: { ratedMinutes: 3, belowTargetShareBp: 3333, belowFloorShareBp: 3333, averageConcessionBp: 1, concededQuotes: 2 },
    },
    {
      // 2 of 3 minutes below target = 6666.7 → 6667; concession (1 + 2) / 2 = 1.5 → 2.
      name: "shares round once, half away from zero (two thirds, a half)",
      rows: [row({ minutes: 2, belowTarget: true, concededBp: 1 }), row({ minutes: 1, concededBp: 2 })],
      expected: { belowTargetShareBp: 6667, belowFloorShareBp: 0, averageConcessionBp: 2 },
    },
    {
      // nothing could be rated: no share (not 0%), but the quote still counts and its money is added
      name: "accepted work without a service: counted, but no share",
      rows: [row({ service: null, minutes: 120, price: 30000, moneyLeft: 0 })],
      expected: { acceptedQuotes: 1, ratedQuotes: 0, acceptedMinutes: 120, belowTargetShareBp: null, belowFloorShareBp: null, revenue: 30000, averageConcessionBp: 0 },
    },
  ])("$name", ({ rows, expected }) => {
    expect(settlingFigures(rows)).toMatchObject(expected);
  });
});

describe("groupBy and whereSettling", () => {
  test("most money left first, then the larger share below target (none last), then by label", () => {
    const rows = [
      row({ clientId: 1, clientName: "Zeta", moneyLeft: 100, belowTarget: true, minutes: 50 }),
      row({ clientId: 1, clientName: "Zeta", minutes: 50 }), // Zeta: 50 of 100 min below target → 5000
      row({ clientId: 2, clientName: "Alpha", moneyLeft: 100, belowTarget: true }), // Alpha: 10000
      row({ clientId: 3, clientName: "Gamma", service: null }), // nothing rated → no share, sorts last
      row({ clientId: 4, clientName: "Delta" }), // 0 left, 0%
      row({ clientId: 5, clientName: "Beta" }), // 0 left, 0%: before Delta by name
    ];
    const groups = groupBy(
      rows,
      (r) => String(r.clientId),
      (r) => r.clientName,
      (r) => r.clientId,
    );
    expect(groups.map((g) => [g.label, g.moneyLeft, g.belowTargetShareBp])).toEqual([
      ["Alpha", 100, 10000],
      ["Zeta", 100, 5000],
      ["Beta", 0, 0],
      ["Delta", 0, 0],
      ["Gamma", 0, null],
    ]);
    expect(groups.map((g) => g.key)).toEqual(["2", "1", "5", "4", "3"]);
    expect(groups.find((g) => g.label === "Zeta")).toMatchObject({ clientId: 1, acceptedQuotes: 2, acceptedMinutes: 100 });
  });

  test("without clientIdOf a group is not a client", () => {
    expect(groupBy([row()], () => "x", () => "X")[0].clientId).toBeNull();
  });

  test("by service (\"No service\" when none), by lead source (its label) and by client", () => {
    const w = whereSettling([
      row({ service: WEB, leadSource: "referral" }),
      row({ service: null, leadSource: "platform", clientId: 2, clientName: "Bolt", moneyLeft: 5 }),
    ]);
    expect(w.byService.map((g) => [g.key, g.label])).toEqual([
      ["none", "No service"],
      ["1", "Web"],
    ]);
    expect(w.byLeadSource.map((g) => [g.key, g.label])).toEqual([
      ["platform", "Platform"],
      ["referral", "Referral"],
    ]);
    expect(w.byClient.map((g) => [g.label, g.clientId])).toEqual([
      ["Bolt", 2],
      ["Acme", 1],
    ]);
  });
});

describe("median", () => {
  test.each([
    { values: [], expected: 0 },
    { values: [5], expected: 5 },
    { values: [3, 1, 2], expected: 2 },
    { values: [10, 20], expected: 15 },
    { values: [1, 2], expected: 2 }, // 1.5 → 2
    { values: [4, 1, 3, 2], expected: 3 }, // (2 + 3) / 2 = 2.5 → 3
    { values: [100, 0, 7, 0], expected: 4 }, // sorted 0, 0, 7, 100: (0 + 7) / 2 = 3.5 → 4
  ])("median($values) = $expected", ({ values, expected }) => {
    expect(median(values)).toBe(expected);
  });

  test("does not reorder its input", () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe("keep or let go", () => {
  test.each([
    // bandKeep 70: a fit at the band is high; revenue is high when > 0 and at or above the median
    { score: 70, revenue: 100, median: 100, expected: "keep" },
    { score: 69, revenue: 100, median: 100, expected: "painful" },
    { score: 90, revenue: 99, median: 100, expected: "grow" },
    { score: 30, revenue: 50, median: 100, expected: "let_go" },
    { score: 90, revenue: 0, median: 0, expected: "grow" },
    { score: 30, revenue: 0, median: 0, expected: "let_go" },
    { score: 30, revenue: 1, median: 0, expected: "painful" },
  ])("fit $score, revenue $revenue, median $median: $expected", ({ score, revenue, median: med, expected }) => {
    expect(quadrantOf(score, revenue, med, 70)).toBe(expected);
  });
  test("a red flag keeps a high score out of the keep corners (the verdict decides)", () => {
    expect(quadrantOf(80, 100, 100, 70, "set_boundaries")).toBe("painful");
    expect(quadrantOf(80, 10, 100, 70, "set_boundaries")).toBe("let_go");
    expect(quadrantOf(80, 100, 100, 70, "keep")).toBe("keep");
  });

  const assessed = (id: number, name: string, score: number | null, unpaidMinutes: number): ClientAssessment => ({
    client: { id, name } as Client,
    a: { score, verdict: score == null ? "not_enough_data" : score >= 70 ? "keep" : "walk_away", settling: { unpaidMinutes } } as unknown as FitAssessment,
  });

  test("points: revenue in the settings currency, time paid + unpaid, median of the scored clients", () => {
    const settled = [
      row({ clientId: 1, price: 100000, minutes: 600 }),
      row({ clientId: 1, price: 50000, minutes: 60, inSettingsCurrency: false }), // minutes count, money does not
      row({ clientId: 2, price: 30000, minutes: 300 }),
      row({ clientId: 4, price: 999999, minutes: 1 }), // client 4 has no score: not a point, not in the median
    ];
    const assessments = [assessed(3, "Cobalt", 55, 90), assessed(2, "Bolt", 40, 0), assessed(1, "Acme", 80, 30), assessed(4, "Dune", null, 0)];
    // scored revenues 100000, 30000, 0 → median 30000
    const k = keepOrLetGo(settled, assessments, { bandKeep: 70, bandWalkAway: 40 });
    expect(k.revenueMedian).toBe(30000);
    expect(k.bandKeep).toBe(70);
    expect(k.bandWalkAway).toBe(40);
    expect(k.points.map((p) => [p.name, p.revenue, p.paidMinutes, p.unpaidMinutes, p.minutes, p.quadrant])).toEqual([
      ["Acme", 100000, 660, 30, 690, "keep"],
      ["Bolt", 30000, 300, 0, 300, "painful"],
      ["Cobalt", 0, 0, 90, 90, "let_go"],
    ]);
  });
});

const RULES: VerdictRules = { bandKeep: 70, bandWalkAway: 40, capVerdictOnRedFlag: true, redFlagsForWalkAway: 2 };

describe("fit rows and verdicts", () => {
  test("worst first, unscored last, ties by name; every verdict counted", () => {
    const a = (id: number, name: string, score: number | null, verdict: FitAssessment["verdict"]): ClientAssessment => ({
      client: { id, name, leadSource: "referral" } as Client,
      a: { score, verdict, verdictLabel: verdict, confidence: "low", evidenceCount: 1, summary: "" } as unknown as FitAssessment,
    });
    const rows = fitRows([a(1, "Dune", null, "not_enough_data"), a(2, "Cobalt", 90, "keep"), a(3, "Bolt", 30, "walk_away"), a(4, "Acme", 30, "walk_away")], RULES);
    expect(rows.map((r) => r.name)).toEqual(["Acme", "Bolt", "Cobalt", "Dune"]);
    expect(rows.map((r) => r.capped)).toEqual([null, null, null, null]);
    expect(verdictCounts(rows)).toEqual({ keep: 1, set_boundaries: 0, walk_away: 2, not_enough_data: 1 });
  });

  test("a red flag that capped the verdict is named on the row (Marlow Legal: 75, but Set boundaries)", () => {
    const criteria = [
      { key: "pay", label: "Pay", score: 35 },
      { key: "chasing", label: "Chasing", score: 30 },
      { key: "reciprocity", label: "Reciprocity", score: 90 },
    ];
    const a = (id: number, name: string, score: number, verdict: FitAssessment["verdict"], redFlags: string[]): ClientAssessment => ({
      client: { id, name, leadSource: "referral" } as Client,
      a: { score, verdict, verdictLabel: verdict, confidence: "low", evidenceCount: 9, summary: "", criteria, redFlags } as unknown as FitAssessment,
    });
    const rows = fitRows(
      [
        a(1, "Marlow Legal", 75, "set_boundaries", ["pay"]),
        a(2, "Two Flags", 60, "walk_away", ["pay", "chasing"]),
        a(3, "Flag In Band", 55, "set_boundaries", ["chasing"]), // the band already says so: nothing capped
      ],
      RULES,
    );
    expect(rows.map((r) => [r.name, r.redFlags, r.capped])).toEqual([
      ["Flag In Band", ["chasing (30/100)"], null],
      ["Two Flags", ["pay (35/100)", "chasing (30/100)"], "2 red flags: pay (35/100) and chasing (30/100)"],
      ["Marlow Legal", ["pay (35/100)"], "capped by a red flag: pay (35/100)"],
    ]);
  });

  test.each([
    { score: 75, verdict: "keep", flags: [], rules: RULES, expected: null },
    { score: 75, verdict: "set_boundaries", flags: ["pay (35/100)"], rules: RULES, expected: "capped by a red flag: pay (35/100)" },
    { score: 75, verdict: "set_boundaries", flags: ["pay (35/100)", "chasing (30/100)", "payment (20/100)"], rules: { ...RULES, redFlagsForWalkAway: 0 }, expected: "capped by 3 red flags: pay (35/100), chasing (30/100) and payment (20/100)" },
    { score: 75, verdict: "walk_away", flags: ["pay (35/100)"], rules: { ...RULES, redFlagsForWalkAway: 1 }, expected: "1 red flag: pay (35/100)" },
    { score: 30, verdict: "walk_away", flags: ["pay (35/100)"], rules: RULES, expected: null },
    { score: 70, verdict: "keep", flags: ["pay (35/100)"], rules: { ...RULES, capVerdictOnRedFlag: false }, expected: null },
  ] as const)("cappedReason $score $verdict $flags.length flag(s) → $expected", ({ score, verdict, flags, rules, expected }) => {
    expect(cappedReason(score, verdict, flags, rules)).toBe(expected);
  });

  test.each([
    { rules: RULES, keep: "Keep: 70+ and no red flag", bounds: "Set boundaries: 40\u201369, or 70+ with a red flag", walk: "Walk away: under 40 or 2 red flags" },
    { rules: { ...RULES, redFlagsForWalkAway: 1 }, keep: "Keep: 70+ and no red flag", bounds: "Set boundaries: 40\u201369", walk: "Walk away: under 40 or a red flag" },
    { rules: { ...RULES, capVerdictOnRedFlag: false, redFlagsForWalkAway: 0 }, keep: "Keep: 70+", bounds: "Set boundaries: 40\u201369", walk: "Walk away: under 40" },
    { rules: { ...RULES, capVerdictOnRedFlag: false, redFlagsForWalkAway: 3 }, keep: "Keep: 70+ and under 3 red flags", bounds: "Set boundaries: 40\u201369", walk: "Walk away: under 40 or 3 red flags" },
  ])("the legend says the red-flag rules: $keep", ({ rules, keep, bounds, walk }) => {
    expect(verdictLegend(rules)).toEqual({ keep, set_boundaries: bounds, walk_away: walk });
  });
});

describe("headline helpers", () => {
  test.each([
    { now: 15000, before: null, expected: { moneyLeftChange: null, moneyLeftChangeBp: null } },
    { now: 15000, before: 10000, expected: { moneyLeftChange: 5000, moneyLeftChangeBp: 5000 } },
    { now: 5000, before: 0, expected: { moneyLeftChange: 5000, moneyLeftChangeBp: null } },
    // −14000 of 21000 = −66.67% → −6667 (half away from zero, on the negative side too)
    { now: 7000, before: 21000, expected: { moneyLeftChange: -14000, moneyLeftChangeBp: -6667 } },
  ])("money left $now against $before", ({ now, before, expected }) => {
    expect(moneyLeftTrend(now, before)).toEqual(expected);
  });

  test("an unpaid ask logged without minutes counts 15", () => {
    expect(unpaidFigures({ asks: 3, loggedMinutes: 120, unloggedAsks: 2 })).toEqual({ asks: 3, minutes: 150 });
  });

  test("negotiation: every answer class present, accept rate of the decided, share of priced quotes asked", () => {
    const n = negotiationFigures(
      [
        { response: "held_firm", quotes: 4, asks: 5, decided: 3, accepted: 2 },
        { response: "conceded", quotes: 2, asks: 2, decided: 2, accepted: 1 },
        { response: "not_asked", quotes: 5, asks: 0, decided: 4, accepted: 1 },
      ],
      1,
    );
    // haggled 4 + 2 = 6 of 6 + 5 = 11 priced → 5454.5 → 5455
    expect(n).toMatchObject({ pricedQuotes: 11, haggledQuotes: 6, asks: 7, askShareBp: 5455, cameBackAtMyPrice: 1 });
    expect(n.responses.map((r) => [r.response, r.quotes, r.open, r.acceptRateBp])).toEqual([
      ["held_firm", 4, 1, 6667],
      ["conceded", 2, 0, 5000],
      ["cut_scope", 0, 0, null],
      ["countered", 0, 0, null],
      ["no_answer", 0, 0, null],
    ]);
    expect(n.notAsked).toEqual({
      response: "not_asked",
      label: "No discount asked",
      quotes: 5,
      decided: 4,
      accepted: 1,
      open: 1,
      acceptRateBp: 2500,
      // added: the same rate with its cases; 4 decided is under MIN_SAMPLE (tests/unit/dashboard-samples.test.ts)
      acceptRate: { bp: 2500, part: 1, whole: 4, enough: false },
    });
    expect(n.askShare).toEqual({ bp: 5455, part: 6, whole: 11, enough: true });
    expect(n.heldFirmVsConceded).toEqual({ enough: false, minEach: 5 }); // 3 and 2 decided
  });
});
