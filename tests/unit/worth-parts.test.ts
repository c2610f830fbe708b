/**
 * Table-driven checks of two criteria on their own, at the caps and edges the worked examples in
 * worth.test.ts do not reach (docs/worth-model.md, "Chasing" and "Payment").
 */
import { describe, expect, test } from "vitest";
import { scoreChasing } from "@/lib/worth/chasing";
import { scorePayment } from "@/lib/worth/payment";
import { makeInteraction, makeSettings } from "./fixtures";

const settings = makeSettings();
const day = (i: number) => `2025-03-${String(i + 1).padStart(2, "0")}`;

describe("payment = 100 − 60·min(1, avg/30) − 40·min(1, worst/60), rounded once", () => {
  const cases: { days: (number | null)[]; score: number | null; evidence: string[] }[] = [
    { days: [], score: null, evidence: ["No payments logged"] },
    { days: [null], score: null, evidence: ["No payments logged"] },
    { days: [0], score: 100, evidence: ["All 1 payment on time"] },
    // early is not extra credit: floored at 0 days
    { days: [-5, 0], score: 100, evidence: ["All 2 payments on time"] },
    { days: [1], score: 97, evidence: ["1 of 1 payment late; 1 day late on average, worst 1 day"] },
    { days: [0, 14], score: 77, evidence: ["1 of 2 payments late; 7 days late on average, worst 14 days"] },
    // both parts exactly at their caps
    { days: [60, 0], score: 0, evidence: ["1 of 2 payments late; 30 days late on average, worst 60 days"] },
    // average capped, worst not: 100 − 60 − 30
    { days: [30, 45], score: 10, evidence: ["2 of 2 payments late; 37.5 days late on average, worst 45 days"] },
    // the shown average is rounded to one decimal; the score uses the exact sum (100 − 0.67 − 0.67)
    { days: [0, 0, 1], score: 99, evidence: ["1 of 3 payments late; 0.3 days late on average, worst 1 day"] },
  ];
  test.each(cases)("days late $days → $score", ({ days, score, evidence }) => {
    const interactions = days.map((d, i) => makeInteraction({ id: i + 1, kind: "payment", daysLate: d, occurredOn: day(i) }));
    const c = scorePayment(interactions, settings);
    expect(c.score).toBe(score);
    expect(c.evidence).toEqual(evidence);
    expect(c.evidenceCount).toBe(days.filter((d) => d != null).length);
  });
});

describe("chasing = 100 − 50·u/n − 10·min(run, 5), rounded once", () => {
  const T = true;
  const F = false;
  const cases: { answers: (boolean | null)[]; score: number | null; evidence: string[] }[] = [
    { answers: [], score: null, evidence: ["No follow-ups logged"] },
    { answers: [null], score: null, evidence: ["No follow-ups logged", "1 follow-up with no answer recorded yet not counted"] },
    { answers: [T], score: 100, evidence: ["0 of 1 follow-up went unanswered", "They answered your latest follow-up"] },
    { answers: [F], score: 40, evidence: ["1 of 1 follow-up went unanswered", "Your latest follow-up had no answer"] },
    { answers: [F, T], score: 75, evidence: ["1 of 2 follow-ups went unanswered", "They answered your latest follow-up"] },
    // 32.5 rounds half away from zero
    { answers: [T, F, F, F], score: 33, evidence: ["3 of 4 follow-ups went unanswered", "Your last 3 follow-ups in a row had no answer"] },
    // run of 6 capped at 5: 100 − 33.3 − 50 (uncapped would give 7)
    {
      answers: [T, T, T, F, F, F, F, F, F],
      score: 17,
      evidence: ["6 of 9 follow-ups went unanswered", "Your last 6 follow-ups in a row had no answer"],
    },
    // a pending follow-up is mentioned but neither counted nor breaking the run
    {
      answers: [F, null],
      score: 40,
      evidence: ["1 of 1 follow-up went unanswered", "Your latest follow-up had no answer", "1 follow-up with no answer recorded yet not counted"],
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
