/**
 * Table-driven checks of criteria on their own, at the caps and edges the worked examples in
 * worth.test.ts do not reach (docs/worth-model.md, "Chasing", "Payment", "Haggling", "Pay").
 * Every score is 100 × (1.125 + good) / (1.5 + good + bad), pieces of evidence against the neutral prior 75 × 1.5.
 */
import { describe, expect, test } from "vitest";
import { quoteHaggleBadBp } from "@/lib/worth/price-pressure";
import { quotePayGoodBp, quoteSizeBp } from "@/lib/worth/pay";
import { paymentBadBp, scorePayment } from "@/lib/worth/payment";
import { isSilentQuote, scoreChasing } from "@/lib/worth/chasing";
import { decayWeight } from "@/lib/worth/shared";
import { makeInteraction, makeQuote, makeSettings } from "./fixtures";

const settings = makeSettings();
const day = (i: number) => `2025-03-${String(i + 1).padStart(2, "0")}`;

// new rule: an on-time payment is a good piece, a late one a bad piece × min(1, days/30), shrunk towards the prior
describe("payment: on time = a good piece, late = min(1, days/30) of a bad piece", () => {
  const cases: { days: (number | null)[]; score: number | null; evidence: string[] }[] = [
    { days: [], score: null, evidence: ["No payments logged"] },
    { days: [null], score: null, evidence: ["No payments logged"] },
    { days: [0], score: 85, evidence: ["The one payment was on time", "Little evidence yet: the score is pulled towards a neutral 75 until there is more"] },
    // early is not extra credit: floored at 0 days; 3.125 / 3.5
    { days: [-5, 0], score: 89, evidence: ["Both payments on time"] },
    // a day late is a thirtieth of a bad piece: 1.125 / 1.533 — it never lifts the prior
    { days: [1], score: 73, evidence: ["1 of 1 payment late, by 1 day", "Little evidence yet: the score is pulled towards a neutral 75 until there is more"] },
    { days: [0, 14], score: 72, evidence: ["1 of 2 payments late, by 14 days", "Little evidence yet: the score is pulled towards a neutral 75 until there is more"] },
    // a payment 60 days late is one bad piece, as at 30: one event never weighs more than one piece
    { days: [60, 0], score: 61, evidence: ["1 of 2 payments late, by 60 days"] },
    { days: [30, 45], score: 32, evidence: ["2 of 2 payments late, by 37.5 days on average (worst 45 days)"] },
    // the shown average is rounded to one decimal; 3.125 / 3.533
    { days: [0, 0, 1], score: 88, evidence: ["1 of 3 payments late, by 1 day"] },
  ];
  test.each(cases)("days late $days → $score", ({ days, score, evidence }) => {
    const interactions = days.map((d, i) => makeInteraction({ id: i + 1, kind: "payment", daysLate: d, occurredOn: day(i) }));
    const c = scorePayment(interactions, settings);
    expect(c.score).toBe(score);
    expect(c.evidence).toEqual(evidence);
    expect(c.evidenceCount).toBe(days.filter((d) => d != null).length);
  });
});

// new rule: answered = a good piece; unanswered = a bad piece in the current run, half a piece once answered since
describe("chasing: answered = good piece, unanswered = bad piece (½ once they answered a later one)", () => {
  const T = true;
  const F = false;
  const cases: { answers: (boolean | null)[]; score: number | null; evidence: string[] }[] = [
    { answers: [], score: null, evidence: ["No follow-ups logged"] },
    { answers: [null], score: null, evidence: ["No follow-ups logged", "1 follow-up with no answer recorded yet not counted"] },
    { answers: [T], score: 85, evidence: ["0 of 1 follow-up went unanswered", "They answered your latest follow-up", "Little evidence yet: the score is pulled towards a neutral 75 until there is more"] },
    { answers: [F], score: 45, evidence: ["1 of 1 follow-up went unanswered", "Your latest follow-up had no answer", "Little evidence yet: the score is pulled towards a neutral 75 until there is more"] },
    // answered since: the old silence weighs half: 2.125 / 3; 1.5 pieces are no longer less than the prior
    {
      answers: [F, T],
      score: 71,
      evidence: [
        "1 of 2 follow-ups went unanswered",
        "They answered your latest follow-up",
      ],
    },
    // 2.125 / 5.5
    { answers: [T, F, F, F], score: 39, evidence: ["3 of 4 follow-ups went unanswered", "Your last 3 follow-ups in a row had no answer"] },
    // 4.125 / 10.5
    {
      answers: [T, T, T, F, F, F, F, F, F],
      score: 39,
      evidence: ["6 of 9 follow-ups went unanswered", "Your last 6 follow-ups in a row had no answer"],
    },
    // a pending follow-up is mentioned but neither counted nor breaking the run
    {
      answers: [F, null],
      score: 45,
      evidence: [
        "1 of 1 follow-up went unanswered",
        "Your latest follow-up had no answer",
        "1 follow-up with no answer recorded yet not counted",
        "Little evidence yet: the score is pulled towards a neutral 75 until there is more",
      ],
    },
  ];
  test.each(cases)("answers $answers → $score", ({ answers, score, evidence }) => {
    const interactions = answers.map((answered, i) => makeInteraction({ id: i + 1, kind: "follow_up", answered, occurredOn: day(i) }));
    const c = scoreChasing(interactions, settings);
    expect(c.score).toBe(score);
    expect(c.evidence).toEqual(evidence);
    expect(c.evidenceCount).toBe(answers.filter((a) => a != null).length);
  });
});

describe("chasing: a quote sent into silence", () => {
  const clock = (asOf: string | null) => ({ asOf, halfLifeMonths: 12 });
  test.each<[string, Parameters<typeof makeQuote>[0], string | null, boolean]>([
    ["sent, no word back, no day given", { status: "sent" }, null, true],
    ["sent 13 days ago", { status: "sent", sentOn: "2025-06-17" }, "2025-06-30", false],
    ["sent 14 days ago", { status: "sent", sentOn: "2025-06-16" }, "2025-06-30", true],
    ["expired, whenever", { status: "expired", sentOn: "2025-06-29" }, "2025-06-30", true],
    ["sent, and they asked for a discount", { status: "sent", events: [{ id: 1, quoteId: 1, kind: "discount_request", answer: null, percentBp: 1000, amount: null, scopeMinutes: null, note: null, occurredOn: "2025-02-01", createdAt: "" }] }, null, false],
    ["accepted", { status: "accepted" }, null, false],
    ["draft", { status: "draft" }, null, false],
  ])("%s → silent: %s", (_name, quote, asOf, silent) => {
    expect(isSilentQuote(makeQuote(quote), clock(asOf))).toBe(silent);
  });

  test("a silent quote is a bad piece of chasing: 1.125 / 2.5", () => {
    expect(scoreChasing([], settings, clock(null), [makeQuote({ status: "sent" })]).score).toBe(45);
  });
});

describe("haggling, per quote: bad share = ¼ × min(1, ask/30%) + ¾ × min(1, conceded/25%)", () => {
  test.each([
    [0, 0, 0],
    [1000, 0, 833], // a polite 10% ask: a twelfth of a piece
    [2000, 0, 1667],
    [3000, 0, 2500],
    [6000, 0, 2500], // asking more than 30% costs no more than asking 30%: asking is mild
    [2000, 2000, 7667], // asked 20%, conceded 20%
    [2000, 1000, 4667], // met halfway
    [3000, 2500, 10000],
    [5000, 5000, 10000],
  ])("ask %i bp, conceded %i bp → %i bp bad", (ask, conceded, bad) => {
    expect(quoteHaggleBadBp(ask, conceded)).toBe(bad);
  });
});

describe("pay, per quote: good share from the floor up, size in pieces", () => {
  test.each([
    [0, 0],
    [2999, 0], // below the floor (30 points and less): all bad
    [5000, 5000], // at the floor
    [6667, 6667],
    [10000, 10000],
    [11000, 10000], // the market bonus is shown, not counted
  ])("%i centi-points → %i bp good", (pts, good) => {
    expect(quotePayGoodBp(pts)).toBe(good);
  });
  test.each([
    [0, 2500],
    [60, 2500],
    [300, 5000],
    [600, 10000],
    [6000, 10000],
  ])("%i minutes → %i bp of a piece", (minutes, size) => {
    expect(quoteSizeBp(minutes)).toBe(size);
  });
});

describe("payment, per payment: bad share", () => {
  test.each([
    [0, 0],
    [1, 333],
    [15, 5000],
    [30, 10000],
    [90, 10000],
  ])("%i days late → %i bp bad", (days, bad) => {
    expect(paymentBadBp(days)).toBe(bad);
  });
});

describe("decay: weight = 10000 × 2^(−age in months / half-life), never below 1", () => {
  test.each<[string, string | null, number, number]>([
    ["2025-06-30", "2025-06-30", 12, 10000],
    // a month is 30.4375 days (365.25 / 12), so 365 days are a hair under 12 months
    ["2024-06-30", "2025-06-30", 12, 5002],
    ["2023-06-30", "2025-06-30", 12, 2498],
    ["2023-06-30", "2025-06-30", 24, 4998],
    ["2024-12-30", "2025-06-30", 6, 5012],
    ["1970-01-01", "2025-06-30", 1, 1], // faded, never gone
    ["2026-01-01", "2025-06-30", 12, 10000], // a date after the day: full weight
    ["2020-01-01", "2025-06-30", 0, 10000], // half-life 0: no decay
    ["2020-01-01", null, 12, 10000], // no day: no decay
  ])("%s on %s, half-life %i months → %i", (date, asOf, h, w) => {
    expect(decayWeight({ asOf, halfLifeMonths: h }, date)).toBe(w);
  });
});
