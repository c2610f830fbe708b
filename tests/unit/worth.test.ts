import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { ClientHistory, Interaction, QuoteEvent, QuoteWithEvents, Settings } from "@/lib/domain";
import { replayNegotiation } from "@/lib/negotiation";
import {
  CRITERIA,
  PIECE,
  assessClient,
  confidenceFor,
  overallScore,
  quotePayCentiPoints,
  verdictFor,
  type CriterionKey,
  type FitAssessment,
} from "@/lib/worth";
import { isSilentQuote } from "@/lib/worth/chasing";
import {
  EXAMPLE_SERVICES,
  LATER_DATE,
  arbDate,
  arbHistory,
  arbScenario,
  arbServices,
  arbSettings,
  exampleBargainBin,
  exampleHarbor,
  exampleNewLead,
  exampleNorthwind,
  exampleQuickfix,
  makeEvent,
  makeHistory,
  makeInteraction,
  makeQuote,
  makeService,
  makeSettings,
  nextIds,
  shuffleHistory,
  type Scenario,
} from "./fixtures";

const settings = makeSettings();
const web = makeService();

function crit(a: FitAssessment, key: CriterionKey) {
  return a.criteria.find((c) => c.key === key)!;
}
function scores(a: FitAssessment): Record<CriterionKey, number | null> {
  return Object.fromEntries(a.criteria.map((c) => [c.key, c.score])) as Record<CriterionKey, number | null>;
}
describe("CRITERIA", () => {
  test("one per criterion key, in a fixed order, each with its settings weight and essay line", () => {
    expect(CRITERIA.map((c) => c.key)).toEqual(["pricePressure", "reciprocity", "pay", "chasing", "payment"]);
    expect(CRITERIA.map((c) => c.weightField)).toEqual(["weightPricePressure", "weightReciprocity", "weightPay", "weightChasing", "weightPayment"]);
    for (const c of CRITERIA) {
      expect(typeof settings[c.weightField]).toBe("number");
      expect(c.essay.length).toBeGreaterThan(20);
    }
  });
});

describe("verdictFor and confidence", () => {
  test.each<[number | null, string]>([
    [null, "not_enough_data"],
    [100, "keep"],
    [70, "keep"],
    [69, "set_boundaries"],
    [40, "set_boundaries"],
    [39, "walk_away"],
    [0, "walk_away"],
  ])("score %j with default bands (keep ≥ 70, walk away < 40) → %s", (score, verdict) => {
    expect(verdictFor(score, settings)).toBe(verdict);
  });

  test("bands come from settings", () => {
    expect(verdictFor(60, makeSettings({ bandKeep: 60 }))).toBe("keep");
    expect(verdictFor(45, makeSettings({ bandWalkAway: 50 }))).toBe("walk_away");
  });

  // new rule: red flags (counted criteria in the walk-away band) cap the verdict
  test.each<[number, number, Partial<Settings>, string]>([
    [90, 1, {}, "set_boundaries"],
    [90, 1, { capVerdictOnRedFlag: false }, "keep"],
    [90, 2, {}, "walk_away"],
    [90, 2, { redFlagsForWalkAway: 0 }, "set_boundaries"],
    [90, 2, { redFlagsForWalkAway: 0, capVerdictOnRedFlag: false }, "keep"],
    [55, 1, {}, "set_boundaries"],
    [55, 1, { redFlagsForWalkAway: 1 }, "walk_away"],
    [30, 0, {}, "walk_away"],
  ])("score %i with %i red flags and %j → %s", (score, flags, s, verdict) => {
    expect(verdictFor(score, makeSettings(s), flags)).toBe(verdict);
  });

  test.each([
    [0, "none"],
    [1, "low"],
    [3, "low"],
    [4, "medium"],
    [9, "medium"],
    [10, "high"],
    [250, "high"],
  ])("%i pieces of evidence → %s confidence", (n, confidence) => {
    expect(confidenceFor(n)).toBe(confidence);
  });
});

describe("pay score per quote (hundredths of a point)", () => {
  test.each([
    [0, 0],
    [3500, 1500],
    [6999, 3000],
    [7000, 5000],
    [8000, 6667],
    [8500, 7500],
    [9999, 9998],
    [10000, 10000],
    [11999, 10000],
    [12000, 11000],
    [50000, 11000],
  ])("rate %i against floor 7000 / target 10000 / market 12000 → %i", (rate, points) => {
    expect(quotePayCentiPoints(rate, web)).toBe(points);
  });

  test("property: monotone in the rate", () => {
    fc.assert(
      fc.property(arbServices, fc.nat({ max: 50000 }), fc.nat({ max: 5000 }), (services, rate, more) => {
        const s = services[0];
        expect(quotePayCentiPoints(rate + more, s)).toBeGreaterThanOrEqual(quotePayCentiPoints(rate, s));
      }),
    );
  });
});

describe("worked examples (docs/worth-model.md)", () => {
  test.each([
    {
      name: "A. Harbor & Co",
      history: exampleHarbor(),
      scores: { pricePressure: 67, reciprocity: 77, pay: 82, chasing: 47, payment: 72 },
      score: 71, verdict: "keep", confidence: "high", evidenceCount: 14, run: 1, stop: false, redFlags: [],
    },
    {
      name: "B. Quickfix Ltd",
      history: exampleQuickfix(),
      scores: { pricePressure: 57, reciprocity: 53, pay: 49, chasing: 39, payment: 32 },
      score: 47, verdict: "walk_away", confidence: "high", evidenceCount: 14, run: 3, stop: true, redFlags: ["chasing", "payment"],
    },
    {
      name: "C. Bargain Bin Media",
      history: exampleBargainBin(),
      scores: { pricePressure: 33, reciprocity: 48, pay: 34, chasing: 32, payment: null },
      score: 39, verdict: "walk_away", confidence: "medium", evidenceCount: 9, run: 2, stop: true, redFlags: ["pricePressure", "pay", "chasing"],
    },
    {
      name: "D. Northwind",
      history: exampleNorthwind(),
      scores: { pricePressure: 87, reciprocity: null, pay: 88, chasing: null, payment: null },
      score: 84, verdict: "keep", confidence: "medium", evidenceCount: 5, run: 0, stop: false, redFlags: [],
    },
    {
      name: "E. New lead",
      history: exampleNewLead(),
      scores: { pricePressure: null, reciprocity: null, pay: null, chasing: null, payment: null },
      score: null, verdict: "not_enough_data", confidence: "none", evidenceCount: 0, run: 0, stop: false, redFlags: [],
    },
  ])("$name", ({ history, scores: expected, score, verdict, confidence, evidenceCount, run, stop, redFlags }) => {
    const a = assessClient(history, EXAMPLE_SERVICES, settings);
    expect(scores(a)).toEqual(expected);
    expect(a).toMatchObject({ clientId: history.client.id, score, verdict, confidence, evidenceCount, redFlags, trend: null, asOf: null });
    expect(a.stopChasing).toMatchObject({ unansweredInARow: run, threshold: 2, shouldStop: stop });
  });

  test("A. Harbor & Co: evidence in plain words", () => {
    const a = assessClient(exampleHarbor(), EXAMPLE_SERVICES, settings);
    // new rules: the Blog quote, sent and never answered, is chasing evidence, not haggling evidence;
    // outcomes are told (what you gave away costs, asking is mild); thin evidence says so
    expect(crit(a, "pricePressure").evidence).toEqual([
      "Asked for a discount on 3 of 3 quotes they replied to; deepest ask 30%",
      "After the asks you held firm and got your full price on 1, traded scope for budget on 1",
      "You conceded on 1 of 3 quotes, giving away 20% on average where you did",
    ]);
    expect(crit(a, "reciprocity").evidence).toEqual([
      "2 unpaid asks took 1.8 h against 33.5 h of paid work (5% of your time for them was unpaid)",
      "1 ask had no time logged: counted as 15 min",
      "They gave back: 1 testimonial",
      "Little evidence yet: the score is pulled towards a neutral 75 until there is more",
    ]);
    expect(crit(a, "pay").evidence).toEqual([
      "1 of 3 accepted quotes paid below your target; 2 at or above target",
      "Lowest: $80.00/hour on \u201cLanding page\u201d (your target $100.00/hour)",
    ]);
    expect(crit(a, "chasing").evidence).toEqual([
      "1 of 2 follow-ups went unanswered",
      "Your latest follow-up had no answer",
      "1 quote you sent met silence: no answer at all",
    ]);
    expect(crit(a, "payment").evidence).toEqual([
      "1 of 2 payments late, by 14 days",
      "Little evidence yet: the score is pulled towards a neutral 75 until there is more",
    ]);
    expect(a.criteria.map((c) => c.evidenceWeight)).toEqual([3, 1.26, 2.35, 3, 1.47]);
    expect(a.summary).toBe(
      "Worth keeping; the weakest point is haggling (67/100): asked for a discount on 3 of 3 quotes they replied to; deepest ask 30%.",
    );
    expect(a.settling.moneyLeftOnTable).toBe(20000);
  });

  test("B. Quickfix Ltd: stop chasing, in the essay's words", () => {
    const a = assessClient(exampleQuickfix(), EXAMPLE_SERVICES, settings);
    expect(a.stopChasing.message).toBe(
      "You have followed up 3 times without an answer. Stop chasing: 'the harder you chase, the faster they run.'",
    );
    // payment (32) and chasing (39) are in the walk-away band: two red flags make it walk away, and the summary names both
    expect(a.summary).toBe("Walk away: red flags on payment (32/100) and chasing (39/100); 2 of 2 payments late, by 37.5 days on average (worst 45 days).");
  });

  test("C. Bargain Bin Media: walk away on three red flags", () => {
    const a = assessClient(exampleBargainBin(), EXAMPLE_SERVICES, settings);
    expect(a.summary).toBe(
      "Walk away: red flags on pay (34/100), haggling (33/100) and chasing (32/100); 2 of 2 accepted quotes paid below your target, 2 below your floor.",
    );
    expect(a.settling).toMatchObject({ settledCount: 2, belowFloorCount: 2, moneyLeftOnTable: 91250 });
  });

  test("D. Northwind: with the pay weight at 0, pay is left out (haggling and the priors of the unknown criteria remain)", () => {
    const a = assessClient(exampleNorthwind(), EXAMPLE_SERVICES, makeSettings({ weightPay: 0 }));
    expect(a.score).toBe(82);
    expect(a.evidenceCount).toBe(3);
  });

  test("E. New lead: unknown, never 0 or 100", () => {
    const a = assessClient(exampleNewLead(), EXAMPLE_SERVICES, settings);
    expect(a.summary).toBe("Not enough recorded to score this client yet: log quotes, asks, follow-ups or payments.");
    expect(crit(a, "chasing").evidence).toEqual(["No follow-ups logged", "1 follow-up with no answer recorded yet not counted"]);
  });

  test("new rule: the first evidence of a criterion can no longer lift the score when it is bad news", () => {
    // C has no payment logged; one payment 1 day late makes payment known at 73 — below the prior it replaces
    // (it used to score 97 and lift the mean from 19 to 30). The overall stays put or goes down.
    const before = assessClient(exampleBargainBin(), EXAMPLE_SERVICES, settings);
    const h = exampleBargainBin();
    h.interactions.push(makeInteraction({ id: 26, kind: "payment", daysLate: 1, occurredOn: "2025-05-01" }));
    const after = assessClient(h, EXAMPLE_SERVICES, settings);
    expect(crit(after, "payment").score).toBe(73);
    expect([before.score, after.score]).toEqual([39, 39]);
  });
});

describe("criteria details", () => {
  // new rule: scores shrink towards the neutral 75 (worth 1.5 pieces) by the amount of evidence
  test("reciprocity: a referral alone scores 88; one 60-minute ask with no paid work and nothing back 59; paid asks are not evidence", () => {
    const gives = assessClient(makeHistory({ interactions: [makeInteraction({ id: 1, kind: "give", subtype: "referral" })] }), [web], settings);
    expect(crit(gives, "reciprocity").score).toBe(88); // (1.125 + 1.5) / (1.5 + 1.5)
    const asks = assessClient(makeHistory({ interactions: [makeInteraction({ id: 1, kind: "ask", minutes: 60, paid: false })] }), [web], settings);
    expect(crit(asks, "reciprocity").score).toBe(59); // 1.125 / (1.5 + 60/150)
    const paid = assessClient(makeHistory({ interactions: [makeInteraction({ id: 1, kind: "ask", minutes: 60, paid: true })] }), [web], settings);
    expect(crit(paid, "reciprocity").score).toBeNull();
  });

  // new rule: good and bad pieces shrunk towards the prior (docs: "Chasing"); the run is unchanged
  test.each([
    [[true], 85, 0],
    [[false], 45, 1],
    [[false, false], 32, 2],
    [[true, false, false, false], 39, 3],
    [[false, false, true], 61, 0],
    [[false, false, false, false, false, false, false], 13, 7],
  ])("chasing: follow-ups answered %j → %i, unanswered run %i", (answers, score, run) => {
    const interactions = answers.map((answered, i) => makeInteraction({ id: i + 1, kind: "follow_up", answered, occurredOn: "2025-03-01" }));
    const a = assessClient(makeHistory({ interactions }), [web], settings);
    expect(crit(a, "chasing").score).toBe(score);
    expect(a.stopChasing.unansweredInARow).toBe(run);
    expect(a.stopChasing.shouldStop).toBe(run >= 2);
  });

  test("chasing: a follow-up with no answer recorded neither breaks nor extends the run", () => {
    const interactions = [
      makeInteraction({ id: 1, kind: "follow_up", answered: false, occurredOn: "2025-03-01" }),
      makeInteraction({ id: 2, kind: "follow_up", answered: null, occurredOn: "2025-03-02" }),
      makeInteraction({ id: 3, kind: "follow_up", answered: false, occurredOn: "2025-03-03" }),
    ];
    expect(assessClient(makeHistory({ interactions }), [web], settings).stopChasing.unansweredInARow).toBe(2);
  });

  test("stop chasing: the threshold comes from settings; below 1 it is read as 1", () => {
    const interactions = [makeInteraction({ id: 1, kind: "follow_up", answered: false })];
    expect(assessClient(makeHistory({ interactions }), [web], makeSettings({ chaseThreshold: 0 })).stopChasing).toEqual({
      unansweredInARow: 1,
      threshold: 1,
      shouldStop: true,
      message: "You have followed up once without an answer. Stop chasing: 'the harder you chase, the faster they run.'",
    });
    expect(assessClient(makeHistory({ interactions }), [web], makeSettings({ chaseThreshold: 3 })).stopChasing.shouldStop).toBe(false);
  });

  // new rule: an on-time payment is a good piece, a late one only bad (a piece at 30 days), shrunk towards the prior
  test.each([
    [[0], 85],
    [[-4], 85],
    [[7], 65],
    [[0, 10, 20], 61],
    [[30, 45], 32],
    [[90], 45],
  ])("payment: days late %j → %i", (days, score) => {
    const interactions = days.map((daysLate, i) => makeInteraction({ id: i + 1, kind: "payment", daysLate }));
    expect(crit(assessClient(makeHistory({ interactions }), [web], settings), "payment").score).toBe(score);
  });

  test("pay: quotes in another currency than their service are skipped, and say so", () => {
    const history = makeHistory({
      quotes: [makeQuote({ id: 1, status: "accepted", quotedAmount: 100000 }), makeQuote({ id: 2, status: "accepted", currency: "EUR", quotedAmount: 1 })],
    });
    const pay = crit(assessClient(history, [web], settings), "pay");
    expect(pay.score).toBe(85); // one piece at target: (1.125 + 1) / (1.5 + 1)
    expect(pay.evidenceCount).toBe(1);
    expect(pay.evidence).toContain("1 accepted quote skipped: priced in another currency than the service");
  });

  test("pay: a long job counts more than a short one (a quote is minutes / 600 of a piece, from ¼ to 1)", () => {
    const history = makeHistory({
      quotes: [
        makeQuote({ id: 1, status: "accepted", estimatedMinutes: 3000, quotedAmount: 500000 }), // $100/h, 50 h → one good piece
        makeQuote({ id: 2, status: "accepted", estimatedMinutes: 60, quotedAmount: 3500 }), // $35/h, below floor, 1 h → ¼ bad piece
      ],
    });
    // new rule: (1.125 + 1) / (1.5 + 1 + 0.25) = 77.3 → 77; the other way round (long job below floor): 1.375 / 2.75 → 50
    expect(crit(assessClient(history, [web], settings), "pay").score).toBe(77);
    const swapped = makeHistory({
      quotes: [
        makeQuote({ id: 1, status: "accepted", estimatedMinutes: 3000, quotedAmount: 175000 }),
        makeQuote({ id: 2, status: "accepted", estimatedMinutes: 60, quotedAmount: 10000 }),
      ],
    });
    expect(crit(assessClient(swapped, [web], settings), "pay").score).toBe(50);
  });

  test("weights: a criterion with weight 0 is shown but not counted; all weights 0 → not enough data", () => {
    const zero = makeSettings({ weightPricePressure: 0, weightReciprocity: 0, weightPay: 0, weightChasing: 0, weightPayment: 0 });
    const a = assessClient(exampleHarbor(), EXAMPLE_SERVICES, zero);
    expect(a.criteria.every((c) => c.score !== null && c.weight === 0)).toBe(true);
    expect(a).toMatchObject({ score: null, verdict: "not_enough_data", confidence: "none", evidenceCount: 0 });
  });

  // new rule: the overall is a pooled ratio of the criteria's evidence with their priors (docs: "Overall score")
  test("overallScore: each criterion's shrunk score weighted by weight × min(prior + evidence, 9.5 pieces), rounded once", () => {
    const m = (good: number, bad: number) => ({ good: good * PIECE, bad: bad * PIECE });
    // no evidence anywhere: every criterion at the prior
    expect(overallScore([{ weight: 25, mass: m(0, 0) }, { weight: 30, mass: m(0, 0) }])).toBe(75);
    // one criterion with 2 bad pieces: (1.125 / 3.5) weighted 25 × 3.5 against 30 × 1.5 at 75 → (28.125 + 33.75) / 132.5
    expect(overallScore([{ weight: 25, mass: m(0, 2) }, { weight: 30, mass: m(0, 0) }])).toBe(47);
    // beyond 9.5 pieces a criterion stops gaining weight: 20 good pieces → 21.125 / 21.5 = 98.3, weight 25 × 9.5
    expect(overallScore([{ weight: 25, mass: m(20, 0) }, { weight: 30, mass: m(0, 0) }])).toBe(95); // (237.5 × 98.26 + 45 × 75) / 282.5
    expect(overallScore([{ weight: 0, mass: m(0, 5) }, { weight: 10, mass: m(1, 0) }])).toBe(85);
    expect(overallScore([{ weight: 0, mass: m(1, 0) }])).toBeNull();
  });

  test("the input history is not mutated", () => {
    const h = exampleQuickfix();
    const copy = structuredClone(h);
    assessClient(h, EXAMPLE_SERVICES, settings);
    expect(h).toEqual(copy);
  });
});

// ---------------- properties ----------------

function allNumbersFinite(value: unknown): boolean {
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(allNumbersFinite);
  if (value && typeof value === "object") return Object.values(value).every(allNumbersFinite);
  return true;
}

const isScore = (s: number | null) => s === null || (Number.isInteger(s) && s >= 0 && s <= 100);

describe("properties", () => {
  test("bounded: every score is an integer in [0, 100] or null; no NaN or Infinity anywhere", () => {
    fc.assert(
      fc.property(arbScenario, ({ history, services, settings: s }) => {
        const a = assessClient(history, services, s);
        expect(allNumbersFinite(a)).toBe(true);
        expect(isScore(a.score)).toBe(true);
        for (const c of a.criteria) {
          expect(isScore(c.score)).toBe(true);
          expect(c.score === null).toBe(c.evidenceCount === 0);
          expect(c.evidence.length).toBeGreaterThan(0);
        }
        expect(a.verdict).toBe(verdictFor(a.score, s, a.redFlags.length));
        expect(a.score === null).toBe(a.evidenceCount === 0);
        expect(a.confidence).toBe(confidenceFor(a.evidenceCount));
        expect(a.summary.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  test("deterministic and order-free: shuffled quotes, events and interactions give a deep-equal result", () => {
    fc.assert(
      fc.property(arbScenario, fc.nat(), ({ history, services, settings: s }, seed) => {
        const a = assessClient(history, services, s);
        expect(assessClient(history, services, s)).toEqual(a);
        expect(assessClient(shuffleHistory(history, seed), services, s)).toEqual(a);
      }),
      { numRuns: 300 },
    );
  });

  test("unknown stays unknown: quotes only → reciprocity and payment null, chasing null unless a quote met silence", () => {
    const arb = fc
      .record({ settings: arbSettings, services: arbServices })
      .chain(({ settings: s, services }) => arbHistory(services, { maxInteractions: 0 }).map((history) => ({ settings: s, services, history })));
    fc.assert(
      fc.property(arb, ({ history, services, settings: s }) => {
        const a = assessClient(history, services, s);
        expect(crit(a, "reciprocity").score).toBeNull();
        expect(crit(a, "payment").score).toBeNull();
        const silent = history.quotes.some((q) => isSilentQuote(q, { asOf: null, halfLifeMonths: 0 }));
        expect(crit(a, "chasing").score === null).toBe(!silent);
      }),
      { numRuns: 300 },
    );
  });

  // ---- monotone: what we promise (docs/worth-model.md, "Monotone") ----
  // A "bad" signal never raises its criterion nor (new rule) the overall score, whatever was known before.
  // A "good" signal never lowers its criterion nor the overall score: its first evidence scores at least the prior, 75.
  // tests/unit/worth-properties.test.ts checks the same with decay and more additions.

  type Mutation = (sc: Scenario, pick: number, n: number) => ClientHistory | null;

  function checkWorse(key: CriterionKey | CriterionKey[], mutate: Mutation) {
    const keys = Array.isArray(key) ? key : [key];
    fc.assert(
      fc.property(arbScenario, fc.nat(), fc.nat({ max: 100000 }), (sc, pick, n) => {
        const next = mutate(sc, pick, n);
        fc.pre(next !== null);
        const before = assessClient(sc.history, sc.services, sc.settings);
        const after = assessClient(next!, sc.services, sc.settings);
        for (const k of keys) {
          const b = crit(before, k).score;
          const a = crit(after, k).score;
          if (b !== null) {
            expect(a).not.toBeNull();
            expect(a!).toBeLessThanOrEqual(b);
          }
        }
        // the other criteria do not move
        for (const c of before.criteria) if (!keys.includes(c.key)) expect(crit(after, c.key).score).toBe(c.score);
        if (before.score !== null) expect(after.score!).toBeLessThanOrEqual(before.score);
      }),
      { numRuns: 400 },
    );
  }

  function checkBetter(keys: CriterionKey[], mutate: Mutation) {
    fc.assert(
      fc.property(arbScenario, fc.nat(), fc.nat({ max: 100000 }), (sc, pick, n) => {
        const next = mutate(sc, pick, n);
        fc.pre(next !== null);
        const before = assessClient(sc.history, sc.services, sc.settings);
        const after = assessClient(next!, sc.services, sc.settings);
        for (const c of before.criteria) {
          const a = crit(after, c.key).score;
          if (!keys.includes(c.key)) expect(a).toBe(c.score);
          else if (c.score !== null) expect(a!).toBeGreaterThanOrEqual(c.score);
          else if (a !== null) expect(a).toBeGreaterThanOrEqual(75); // first good evidence: at least the prior
        }
        if (before.score !== null) expect(after.score!).toBeGreaterThanOrEqual(before.score);
      }),
      { numRuns: 400 },
    );
  }

  const withQuote = (h: ClientHistory, id: number, f: (q: QuoteWithEvents) => QuoteWithEvents): ClientHistory => ({
    ...h,
    quotes: h.quotes.map((q) => (q.id === id ? f(q) : q)),
  });
  const addInteraction = (h: ClientHistory, i: Omit<Partial<Interaction>, "id"> & Pick<Interaction, "kind">): ClientHistory => ({
    ...h,
    interactions: [...h.interactions, makeInteraction({ ...i, id: nextIds(h).interaction })],
  });
  const appendEvents = (h: ClientHistory, quoteId: number, events: (Omit<Partial<QuoteEvent>, "id"> & Pick<QuoteEvent, "kind">)[]) => {
    let id = nextIds(h).event;
    // LATER_DATE and fresh ids: the new events are the latest in the quote's timeline
    return withQuote(h, quoteId, (q) => ({
      ...q,
      events: [...q.events, ...events.map((e) => makeEvent({ occurredOn: LATER_DATE, ...e, id: id++, quoteId }))],
    }));
  };
  /** A quote not sitting in silence (new rule: a sent quote with no word back is chasing evidence; the first word ends that). */
  const pricedQuotes = (h: ClientHistory) => h.quotes.filter((q) => !isSilentQuote(q, { asOf: null, halfLifeMonths: 0 }));

  test("monotone: a discount request (the latest event on a quote in evidence) never raises haggling nor the overall", () => {
    checkWorse("pricePressure", ({ history }, pick, n) => {
      const quotes = pricedQuotes(history);
      if (quotes.length === 0) return null;
      const q = quotes[pick % quotes.length];
      return appendEvents(history, q.id, [
        n % 3 === 0 ? { kind: "client_counter", amount: n } : { kind: "discount_request", percentBp: n % 2 ? null : n % 10001, amount: n % 2 ? n : null },
      ]);
    });
  });

  test("monotone: a larger concession (asked, then conceded as the latest events) never raises haggling, pay nor the overall", () => {
    checkWorse(["pricePressure", "pay"], ({ history }, pick, n) => {
      const quotes = pricedQuotes(history);
      if (quotes.length === 0) return null;
      const q = quotes[pick % quotes.length];
      return appendEvents(history, q.id, [
        { kind: "discount_request", percentBp: n % 6001 },
        { kind: "my_answer", answer: "conceded" },
      ]);
    });
  });

  test("monotone: a lower agreed price never raises haggling, pay nor the overall", () => {
    checkWorse(["pricePressure", "pay"], ({ history }, pick, n) => {
      const accepted = history.quotes.filter((q) => q.status === "accepted");
      if (accepted.length === 0) return null;
      const q = accepted[pick % accepted.length];
      const current = replayNegotiation(q).currentPrice;
      return withQuote(history, q.id, (x) => ({ ...x, agreedAmount: Math.max(0, current - 1 - n) }));
    });
  });

  test("monotone: an unpaid ask never raises one-way asks nor the overall", () => {
    checkWorse("reciprocity", ({ history }, pick, n) =>
      addInteraction(history, {
        kind: "ask",
        subtype: "quick_question",
        minutes: n % 4 === 0 ? null : n % 600,
        paid: pick % 2 ? false : null,
        quoteId: history.quotes.length > 0 && pick % 3 === 0 ? history.quotes[pick % history.quotes.length].id : null,
      }),
    );
  });

  test("monotone: an unanswered follow-up (at any date) never raises chasing nor the overall", () => {
    fc.assert(
      fc.property(arbScenario, arbDate, (sc, date) => {
        const before = assessClient(sc.history, sc.services, sc.settings);
        const after = assessClient(addInteraction(sc.history, { kind: "follow_up", answered: false, occurredOn: date }), sc.services, sc.settings);
        const b = crit(before, "chasing").score;
        if (b !== null) expect(crit(after, "chasing").score!).toBeLessThanOrEqual(b);
        expect(after.stopChasing.unansweredInARow).toBeGreaterThanOrEqual(before.stopChasing.unansweredInARow);
        if (before.score !== null) expect(after.score!).toBeLessThanOrEqual(before.score);
      }),
      { numRuns: 400 },
    );
  });

  test("monotone: a later payment (an existing payment more days late) never raises payment nor the overall", () => {
    checkWorse("payment", ({ history }, pick, n) => {
      const pays = history.interactions.filter((i) => i.kind === "payment" && i.daysLate != null);
      if (pays.length === 0) return null;
      const p = pays[pick % pays.length];
      return { ...history, interactions: history.interactions.map((i) => (i.id === p.id ? { ...i, daysLate: i.daysLate! + 1 + (n % 60) } : i)) };
    });
  });

  test("monotone: a referral never lowers one-way asks nor the overall", () => {
    checkBetter(["reciprocity"], ({ history }, _pick, n) => addInteraction(history, { kind: "give", subtype: n % 2 ? "referral" : "testimonial" }));
  });

  test("monotone: a prompt payment (a give, or a payment 0 days late) never lowers its criterion nor the overall", () => {
    checkBetter(["reciprocity"], ({ history }) => addInteraction(history, { kind: "give", subtype: "prompt_payment" }));
    checkBetter(["payment"], ({ history }, pick) => addInteraction(history, { kind: "payment", daysLate: pick % 2 ? 0 : -3, amount: 1000 }));
  });

  test("monotone: a new quote accepted at (or above) target never lowers any criterion nor the overall", () => {
    checkBetter(["pricePressure", "reciprocity", "pay"], ({ history, services, settings: s }, pick, n) => {
      const svc = services[pick % services.length];
      const minutes = 30 + (n % 6000);
      const perUnit = svc.unit === "day" ? 60 * s.hoursPerDay : 60;
      // the smallest price whose effective rate is at least the target
      const price = Math.ceil((svc.targetRate * minutes) / perUnit) + (pick % 3 === 0 ? n % 5000 : 0);
      const quote = makeQuote({
        id: nextIds(history).quote,
        serviceId: svc.id,
        currency: svc.currency,
        status: "accepted",
        estimatedMinutes: minutes,
        quotedAmount: price,
        agreedAmount: price,
      });
      return { ...history, quotes: [...history.quotes, quote] };
    });
  });

  test("a higher keep band never turns walk-away into keep (bands are ordered)", () => {
    fc.assert(
      fc.property(fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }), arbSettings, (score, s: Settings) => {
        const v = verdictFor(score, s);
        if (score === null) expect(v).toBe("not_enough_data");
        else if (v === "keep") expect(score).toBeGreaterThanOrEqual(s.bandKeep);
        else if (v === "walk_away") expect(score).toBeLessThan(s.bandWalkAway);
      }),
    );
  });
});
