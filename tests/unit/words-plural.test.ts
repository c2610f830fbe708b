/**
 * Every sentence the worth model (and the timeline) writes agrees with its count: rendered for 0, 1 and
 * 2 of everything, none says "1 days", "1 pieces", "1 quotes"…, and none says a double negative.
 */
import { describe, expect, test } from "vitest";
import {
  chasingEvidence,
  chasingPendingNotes,
  payEvidence,
  paySkippedNotes,
  paymentEvidence,
  pricePressureEvidence,
  reciprocityEvidence,
  smallSampleNote,
  stopChasingMessage,
  summarize,
  trendSummary,
  type HaggleQuote,
} from "@/lib/worth/words";
import type { CriterionScore } from "@/lib/worth";
import { clientTimeline } from "@/lib/timeline";
import { plural } from "@/lib/text";
import { REASONS } from "@/lib/offer-check/reasons";
import { makeInteraction } from "./fixtures";

const ONE_PLURAL = /\b1 (pieces|days|quotes|clients|times|asks|payments|follow-ups|months|hours|answered quotes|accepted quotes|unpaid asks|referrals|testimonials)\b/;
const DOUBLE_NEGATIVE = /\bno\b[^.;:]*\bwithout\b|\bnot\b[^.;:]*\bno\b|\bnever\b[^.;:]*\bnot\b/i;
const COUNTS = [0, 1, 2] as const;

function criterion(evidence: string[]): CriterionScore {
  return { key: "payment", label: "Payment", score: 60, weight: 1, evidence, improve: "", evidenceCount: 1, evidenceWeight: 1 };
}

/** Every sentence, for every mix of counts 0, 1 and 2. */
function allSentences(): string[] {
  const out: string[] = [];
  for (const n of COUNTS) {
    for (const m of COUNTS) {
      // haggling: n answered quotes of each outcome, m of them with a concession
      const outcomes: HaggleQuote["outcome"][] = ["clean", "paid_in_full", "traded_scope", "conceded", "declined", "rejected", "open"];
      for (const o of outcomes) {
        const quotes: HaggleQuote[] = Array.from({ length: Math.max(n, 1) }, (_, i) => ({ outcome: o, askBp: o === "clean" ? 0 : 1500, concededBp: i < m ? 1000 : 0 }));
        out.push(...pricePressureEvidence(quotes, "en-US"));
      }
      out.push(
        ...reciprocityEvidence(
          { asks: n, untimed: m > n ? n : m, unpaidMinutes: n * 90, paidMinutes: m * 60, gives: m, giveCounts: new Map(m > 0 ? ([["referral", m], ["testimonial", n]] as const) : []) },
          "en-US",
        ),
      );
      out.push(...payEvidence({ rated: Math.max(n + m, 1), belowFloor: n, belowTarget: m, atMarket: m }, null, paySkippedNotes(n, m)));
      out.push(...payEvidence({ rated: Math.max(n, 1), belowFloor: 0, belowTarget: 0, atMarket: m }, null, []));
      out.push(...chasingEvidence(Math.min(n, m), Math.max(n, m), n, m), ...chasingPendingNotes(n));
      if (n > 0) out.push(stopChasingMessage(n));
      if (m > 0) out.push(...paymentEvidence(n, m, n * m, n), ...paymentEvidence(0, m, 0, 0));
      out.push(smallSampleNote());
      for (const verdict of ["keep", "set_boundaries", "walk_away", "not_enough_data"] as const) {
        out.push(summarize(verdict, null, n), summarize(verdict, criterion(["1 of 1 payment late"]), m), summarize(verdict, null, m, [criterion(["Late"])]));
      }
    }
  }
  out.push(trendSummary(null, null, null, true), trendSummary("better", 80, 60, true), trendSummary(null, null, null, false));
  return out;
}

describe("the worth model's words agree with their counts", () => {
  const sentences = allSentences();

  test("there are sentences to check (every function above ran)", () => {
    expect(sentences.length).toBeGreaterThan(300);
  });

  test('no "1 … s": a count of one takes the singular', () => {
    expect(sentences.filter((s) => ONE_PLURAL.test(s))).toEqual([]);
  });

  test("no double negatives", () => {
    expect(sentences.filter((s) => DOUBLE_NEGATIVE.test(s))).toEqual([]);
  });

  test("the pattern itself catches what it is meant to catch", () => {
    expect(ONE_PLURAL.test("an early read on 1 pieces of evidence")).toBe(true);
    expect(ONE_PLURAL.test("Paid 1 days late")).toBe(true);
    expect(ONE_PLURAL.test("Paid 11 days late")).toBe(false);
    expect(DOUBLE_NEGATIVE.test("You gave no discount without a matching cut in scope")).toBe(true);
  });

  test("a held rate is said positively", () => {
    const evidence = pricePressureEvidence(
      [
        { outcome: "paid_in_full", askBp: 1000, concededBp: 0 },
        { outcome: "traded_scope", askBp: 2000, concededBp: 0 },
      ],
      "en-US",
    );
    expect(evidence).toContain("You kept your rate every time: each lower price came with a matching cut in scope");
    // no quote traded scope: there was no lower price to speak of
    const plain = pricePressureEvidence(
      [
        { outcome: "paid_in_full", askBp: 1000, concededBp: 0 },
        { outcome: "clean", askBp: 0, concededBp: 0 },
      ],
      "en-US",
    );
    expect(plain).toContain("You kept your rate every time");
    expect(plain.join(" ")).not.toMatch(/lower price|paid in full/);
  });

  test("small counts read naturally", () => {
    // weighed evidence is fractional and would contradict the counted events above it: no number at all
    expect(smallSampleNote()).toBe("Little evidence yet: the score is pulled towards a neutral 75 until there is more");
    expect(summarize("keep", null, 1)).toContain("in 1 piece of evidence");
    expect(summarize("walk_away", criterion(["Late"]), 1)).toContain("an early read on 1 piece of evidence");
    expect(paymentEvidence(1, 1, 1, 1)).toEqual(["1 of 1 payment late, by 1 day"]);
    expect(stopChasingMessage(1)).toMatch(/^You have followed up once/);
    expect(plural(0, "quote")).toBe("0 quotes");
  });
});

describe("the timeline's payment line", () => {
  const history = (daysLate: number | null) => ({
    client: { id: 1 } as never,
    quotes: [],
    interactions: [makeInteraction({ kind: "payment", occurredOn: "2025-03-01", daysLate })],
  });
  test.each([
    [0, "Paid on time"],
    [1, "Paid 1 day late"],
    [2, "Paid 2 days late"],
  ])("%i days late → %s", (days, title) => {
    const [entry] = clientTimeline(history(days) as never, "USD");
    expect(entry.title).toBe(title);
  });
});

describe("other sentences with a count of days", () => {
  test("the offer check's late payer: 1 day, 2 days, 1.5 days", () => {
    expect(REASONS.paysLate("info", "Acme", "1").text).toBe("Acme pays 1 day late on average, counting on-time payments.");
    expect(REASONS.paysLate("info", "Acme", "2").text).toBe("Acme pays 2 days late on average, counting on-time payments.");
    expect(REASONS.paysLate("warn", "Acme", "1.5").text).toBe("Acme pays 1.5 days late on average, counting on-time payments.");
  });
});
