/**
 * Properties of the worth model (docs/worth-model.md, "Monotone, by design"), on random histories spread
 * over years, with decay on or off, assessed on a day or with none:
 * bounded, deterministic and order-free, monotone overall AND per criterion for every listed addition,
 * shift-invariant with decay off, unknown stays unknown, and one event never swings a verdict.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { ClientHistory, Interaction, QuoteEvent, QuoteWithEvents } from "@/lib/domain";
import { replayNegotiation } from "@/lib/negotiation";
import { assessClient, confidenceFor, verdictFor, type CriterionKey, type FitAssessment, type Verdict } from "@/lib/worth";
import { isSilentQuote } from "@/lib/worth/chasing";
import { PRIOR } from "@/lib/worth/rules";
import { clockFor } from "@/lib/worth/shared";
import {
  arbClockedScenario,
  makeEvent,
  makeHistory,
  makeInteraction,
  makeQuote,
  makeService,
  makeSettings,
  nextIds,
  shiftHistory,
  shuffleHistory,
  type ClockedScenario,
} from "./fixtures";

/** More runs: WORTH_RUNS=5000 npx vitest run tests/unit/worth-properties.test.ts */
const RUNS = Number(process.env.WORTH_RUNS ?? 300);

function assess(sc: ClockedScenario, history: ClientHistory = sc.history): FitAssessment {
  return assessClient(history, sc.services, sc.settings, sc.asOf === undefined ? {} : { asOf: sc.asOf });
}
const crit = (a: FitAssessment, key: CriterionKey) => a.criteria.find((c) => c.key === key)!;
const RANK: Record<Verdict, number> = { walk_away: 0, set_boundaries: 1, keep: 2, not_enough_data: -1 };

function allNumbersFinite(value: unknown): boolean {
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(allNumbersFinite);
  if (value && typeof value === "object") return Object.values(value).every(allNumbersFinite);
  return true;
}
const isScore = (s: number | null) => s === null || (Number.isInteger(s) && s >= 0 && s <= 100);

// ---- additions ----

/** A random day in the scenario's span (quotes and interactions may land before, among or after the rest). */
function someDay(sc: ClockedScenario, n: number): string {
  const dates = [...sc.history.interactions.map((i) => i.occurredOn), ...sc.history.quotes.map((q) => q.sentOn ?? q.createdAt.slice(0, 10))].sort();
  if (dates.length === 0) return "2025-03-01";
  return dates[n % dates.length];
}
const addInteraction = (h: ClientHistory, i: Omit<Partial<Interaction>, "id"> & Pick<Interaction, "kind">): ClientHistory => ({
  ...h,
  interactions: [...h.interactions, makeInteraction({ ...i, id: nextIds(h).interaction })],
});
const withQuote = (h: ClientHistory, id: number, f: (q: QuoteWithEvents) => QuoteWithEvents): ClientHistory => ({
  ...h,
  quotes: h.quotes.map((q) => (q.id === id ? f(q) : q)),
});
/** New events as the latest of the quote's timeline (a date after every other, fresh ids). */
function appendEvents(h: ClientHistory, quoteId: number, events: (Omit<Partial<QuoteEvent>, "id"> & Pick<QuoteEvent, "kind">)[]): ClientHistory {
  let id = nextIds(h).event;
  return withQuote(h, quoteId, (q) => ({
    ...q,
    events: [...q.events, ...events.map((e) => makeEvent({ occurredOn: "2099-01-01", ...e, id: id++, quoteId }))],
  }));
}

type Addition = (sc: ClockedScenario, pick: number, n: number) => ClientHistory | null;

/** Bad news: never raises any score, overall or per criterion, nor improves the verdict. */
const BAD: Record<string, Addition> = {
  // On a quote that is not sitting in silence: the first word on a silent quote ends the silence (docs: "the one edge").
  "a discount request or counter-offer": (sc, pick, n) => {
    const clock = clockFor(sc.settings, sc.asOf);
    const quotes = sc.history.quotes.filter((q) => !isSilentQuote(q, clock));
    if (quotes.length === 0) return null;
    const q = quotes[pick % quotes.length];
    return appendEvents(sc.history, q.id, [
      n % 3 === 0 ? { kind: "client_counter", amount: n } : { kind: "discount_request", percentBp: n % 2 ? null : n % 10001, amount: n % 2 ? n : null },
    ]);
  },
  "a deeper ask than any so far, on an accepted quote": (sc, pick, n) => {
    const accepted = sc.history.quotes.filter((q) => q.status === "accepted");
    if (accepted.length === 0) return null;
    const q = accepted[pick % accepted.length];
    const deepest = replayNegotiation(q).deepestAskBp;
    return appendEvents(sc.history, q.id, [{ kind: "discount_request", percentBp: Math.min(10000, Math.max(0, deepest) + 1 + (n % 3000)) }]);
  },
  "a discount you conceded": (sc, pick, n) => {
    const clock = clockFor(sc.settings, sc.asOf);
    const quotes = sc.history.quotes.filter((q) => !isSilentQuote(q, clock));
    if (quotes.length === 0) return null;
    const q = quotes[pick % quotes.length];
    return appendEvents(sc.history, q.id, [{ kind: "discount_request", percentBp: n % 6001 }, { kind: "my_answer", answer: "conceded" }]);
  },
  "a lower agreed price": (sc, pick, n) => {
    const accepted = sc.history.quotes.filter((q) => q.status === "accepted");
    if (accepted.length === 0) return null;
    const q = accepted[pick % accepted.length];
    const current = replayNegotiation(q).currentPrice;
    return withQuote(sc.history, q.id, (x) => ({ ...x, agreedAmount: Math.max(0, current - 1 - n) }));
  },
  "a lowball you declined": (sc, pick, n) => {
    const ids = nextIds(sc.history);
    const svc = sc.services[pick % sc.services.length];
    const day = someDay(sc, n);
    const quote = makeQuote({
      id: ids.quote,
      serviceId: svc.id,
      currency: svc.currency,
      status: "declined_by_me",
      rejectionReason: "price",
      quotedAmount: 10000 + (n % 300000),
      sentOn: day,
      decidedOn: day,
      createdAt: `${day}T00:00:00.000Z`,
      events: [
        pick % 2
          ? makeEvent({ id: ids.event, kind: "discount_request", percentBp: 3000 + (n % 5000), occurredOn: day })
          : makeEvent({ id: ids.event, kind: "client_counter", amount: 1000 + (n % 5000), occurredOn: day }),
        makeEvent({ id: ids.event + 1, kind: "my_answer", answer: "held_firm", occurredOn: day }),
      ],
    });
    return { ...sc.history, quotes: [...sc.history.quotes, quote] };
  },
  "an unpaid ask": (sc, pick, n) =>
    addInteraction(sc.history, {
      kind: "ask",
      subtype: "unpaid_favour",
      minutes: n % 4 === 0 ? null : n % 600,
      paid: pick % 2 ? false : null,
      quoteId: sc.history.quotes.length > 0 && pick % 3 === 0 ? sc.history.quotes[pick % sc.history.quotes.length].id : null,
      occurredOn: someDay(sc, n),
    }),
  "an unanswered follow-up": (sc, _pick, n) => addInteraction(sc.history, { kind: "follow_up", answered: false, occurredOn: someDay(sc, n) }),
  "a late payment (a new one, or an existing one later)": (sc, pick, n) => {
    const pays = sc.history.interactions.filter((i) => i.kind === "payment" && i.daysLate != null);
    if (pick % 3 === 0 && pays.length > 0) {
      const p = pays[n % pays.length];
      return { ...sc.history, interactions: sc.history.interactions.map((i) => (i.id === p.id ? { ...i, daysLate: Math.max(0, i.daysLate!) + 1 + (n % 60) } : i)) };
    }
    return addInteraction(sc.history, { kind: "payment", daysLate: 1 + (n % 90), amount: 1000, occurredOn: someDay(sc, n) });
  },
};

/** Good news: never lowers any score, overall or per criterion, nor worsens the verdict. */
const GOOD: Record<string, Addition> = {
  "a give": (sc, pick, n) =>
    addInteraction(sc.history, { kind: "give", subtype: (["referral", "testimonial", "repeat_work", "prompt_payment", null] as const)[pick % 5], occurredOn: someDay(sc, n) }),
  "an answered follow-up": (sc, _pick, n) => addInteraction(sc.history, { kind: "follow_up", answered: true, occurredOn: someDay(sc, n) }),
  "a payment in full, on time": (sc, pick, n) => addInteraction(sc.history, { kind: "payment", daysLate: pick % 2 ? 0 : -3, amount: 1000, occurredOn: someDay(sc, n) }),
  "a quote accepted at (or above) your target": (sc, pick, n) => {
    const svc = sc.services[pick % sc.services.length];
    const minutes = 30 + (n % 6000);
    const perUnit = svc.unit === "day" ? 60 * sc.settings.hoursPerDay : 60;
    const price = Math.ceil((svc.targetRate * minutes) / perUnit) + (pick % 3 === 0 ? n % 5000 : 0);
    const day = someDay(sc, n);
    const quote = makeQuote({
      id: nextIds(sc.history).quote,
      serviceId: svc.id,
      currency: svc.currency,
      status: "accepted",
      estimatedMinutes: minutes,
      quotedAmount: price,
      agreedAmount: price,
      sentOn: day,
      decidedOn: day,
      createdAt: `${day}T00:00:00.000Z`,
    });
    return { ...sc.history, quotes: [...sc.history.quotes, quote] };
  },
};

function checkDirection(add: Addition, direction: "worse" | "better") {
  fc.assert(
    fc.property(arbClockedScenario, fc.nat(), fc.nat({ max: 100000 }), (sc, pick, n) => {
      const next = add(sc, pick, n);
      fc.pre(next !== null);
      const before = assess(sc);
      const after = assess(sc, next!);
      const notWorse = (b: number | null, a: number | null) => (direction === "worse" ? a! <= b! : a! >= b!);
      for (const c of before.criteria) {
        const a = crit(after, c.key).score;
        if (c.score !== null) {
          expect(a, c.key).not.toBeNull();
          expect(notWorse(c.score, a), `${c.key}: ${c.score} → ${a}`).toBe(true);
        }
      }
      if (before.score !== null) {
        expect(after.score).not.toBeNull();
        expect(notWorse(before.score, after.score), `overall: ${before.score} → ${after.score}`).toBe(true);
        if (direction === "worse") {
          expect(RANK[after.verdict]).toBeLessThanOrEqual(RANK[before.verdict]);
          for (const k of before.redFlags) expect(after.redFlags).toContain(k);
        } else {
          expect(RANK[after.verdict]).toBeGreaterThanOrEqual(RANK[before.verdict]);
          for (const k of after.redFlags) expect(before.redFlags).toContain(k);
        }
      }
    }),
    { numRuns: RUNS },
  );
}

describe("monotone: bad news never raises a score (each criterion and the overall) nor improves the verdict", () => {
  test.each(Object.keys(BAD))("%s", (name) => checkDirection(BAD[name], "worse"));
});

describe("monotone: good news never lowers a score (each criterion and the overall) nor worsens the verdict", () => {
  test.each(Object.keys(GOOD))("%s", (name) => checkDirection(GOOD[name], "better"));
});

describe("shape", () => {
  test("bounded: integer scores in [0, 100] or null, no NaN anywhere; the verdict follows from score and red flags", () => {
    fc.assert(
      fc.property(arbClockedScenario, (sc) => {
        const a = assess(sc);
        expect(allNumbersFinite(a)).toBe(true);
        expect(isScore(a.score)).toBe(true);
        for (const c of a.criteria) {
          expect(isScore(c.score)).toBe(true);
          expect(c.score === null).toBe(c.evidenceCount === 0);
          expect(c.evidence.length).toBeGreaterThan(0);
          expect(c.evidenceWeight).toBeGreaterThanOrEqual(0);
        }
        expect(a.score === null).toBe(a.evidenceCount === 0);
        expect(a.confidence).toBe(confidenceFor(a.evidenceCount));
        const flags = a.criteria.filter((c) => c.score !== null && c.weight > 0 && c.score < sc.settings.bandWalkAway).map((c) => c.key);
        expect([...a.redFlags].sort()).toEqual([...flags].sort());
        expect(a.verdict).toBe(verdictFor(a.score, sc.settings, a.redFlags.length));
        if (sc.settings.capVerdictOnRedFlag && a.redFlags.length > 0) expect(a.verdict).not.toBe("keep");
        expect(a.summary.length).toBeGreaterThan(0);
        expect(a.trendSummary.length).toBeGreaterThan(0);
        if (sc.asOf === undefined) expect(a.trend).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  test("deterministic and order-free: the same history in any array order gives a deep-equal assessment", () => {
    fc.assert(
      fc.property(arbClockedScenario, fc.nat(), (sc, seed) => {
        const a = assess(sc);
        expect(assess(sc)).toEqual(a);
        expect(assess(sc, shuffleHistory(sc.history, seed))).toEqual(a);
      }),
      { numRuns: RUNS },
    );
  });

  test("the input history is not mutated", () => {
    fc.assert(
      fc.property(arbClockedScenario, (sc) => {
        const copy = structuredClone(sc.history);
        assess(sc);
        expect(sc.history).toEqual(copy);
      }),
      { numRuns: 50 },
    );
  });
});

describe("time", () => {
  test("shifting a whole history changes nothing when there is no day to age it against", () => {
    fc.assert(
      fc.property(arbClockedScenario, fc.integer({ min: -3000, max: 3000 }), (sc, days) => {
        const s = { ...sc, asOf: undefined };
        expect(assess(s, shiftHistory(s.history, days))).toEqual(assess(s));
      }),
      { numRuns: RUNS },
    );
  });

  test("with decay off, shifting a history that stays well behind the day changes nothing", () => {
    fc.assert(
      fc.property(arbClockedScenario, fc.integer({ min: 0, max: 3000 }), (sc, days) => {
        // the day is a year after the history's end, so the history stays older than the trend window and the 14-day wait
        const s = { ...sc, settings: { ...sc.settings, halfLifeMonths: 0 }, asOf: "2040-01-01" };
        expect(assess(s, shiftHistory(s.history, -days))).toEqual(assess(s));
      }),
      { numRuns: RUNS },
    );
  });

  test("shifting a history and its day together changes nothing, decay on or off", () => {
    fc.assert(
      fc.property(arbClockedScenario, fc.integer({ min: -3000, max: 3000 }), (sc, days) => {
        fc.pre(sc.asOf !== undefined);
        const shifted = { ...sc, asOf: shiftHistory(makeHistory({ interactions: [makeInteraction({ kind: "give", occurredOn: sc.asOf! })] }), days).interactions[0].occurredOn };
        const a = assess(sc);
        const b = assess(shifted, shiftHistory(sc.history, days));
        expect({ ...b, asOf: a.asOf }).toEqual(a);
      }),
      { numRuns: RUNS },
    );
  });

  // Reciprocity is left out of the second half: its asks are diluted by paid time, which fades too.
  test("older evidence weighs less: the same history judged later weighs less, and moves towards the prior, never past it", () => {
    fc.assert(
      fc.property(arbClockedScenario, fc.integer({ min: 1, max: 2000 }), (sc, later) => {
        fc.pre(sc.asOf !== undefined && sc.settings.halfLifeMonths > 0);
        // a quote still "sent" becomes chasing evidence once it has been silent 14 days: judged later, it can
        // add evidence that was not there yet. That is time passing, not decay: keep such quotes out
        sc = { ...sc, history: { ...sc.history, quotes: sc.history.quotes.map((q) => (q.status === "sent" ? { ...q, status: "negotiating" as const } : q)) } };
        const now = assess(sc);
        const then = assess({ ...sc, asOf: shiftHistory(makeHistory({ interactions: [makeInteraction({ kind: "give", occurredOn: sc.asOf! })] }), later).interactions[0].occurredOn });
        for (const c of now.criteria) {
          const t = crit(then, c.key);
          expect(t.evidenceWeight).toBeLessThanOrEqual(c.evidenceWeight);
          if (c.score === null || c.key === "reciprocity") continue;
          if (c.score >= 75) expect(t.score!).toBeLessThanOrEqual(c.score);
          if (c.score <= 75) expect(t.score!).toBeGreaterThanOrEqual(c.score);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe("unknown stays unknown", () => {
  test("no evidence → every criterion null, score null, verdict not_enough_data", () => {
    fc.assert(
      fc.property(arbClockedScenario, (sc) => {
        // what is never evidence: drafts, follow-ups with no answer recorded, asks the client paid for, payments with no lateness
        const history = makeHistory({
          quotes: sc.history.quotes.map((q) => ({ ...q, status: "draft" as const, events: [], agreedAmount: null })),
          interactions: sc.history.interactions
            .filter((i) => i.kind !== "give")
            .map((i) => ({ ...i, answered: null, paid: i.kind === "ask" ? true : i.paid, daysLate: null })),
        });
        const a = assess(sc, history);
        expect(a.criteria.map((c) => c.score)).toEqual([null, null, null, null, null]);
        expect(a).toMatchObject({ score: null, verdict: "not_enough_data", confidence: "none", evidenceCount: 0, redFlags: [], trend: null });
      }),
      { numRuns: 200 },
    );
  });

  test("a criterion with no evidence stays null however much else is known", () => {
    fc.assert(
      fc.property(arbClockedScenario, (sc) => {
        const a = assess(sc, { ...sc.history, interactions: sc.history.interactions.filter((i) => i.kind !== "payment") });
        expect(crit(a, "payment").score).toBeNull();
        expect(crit(a, "payment").evidenceWeight).toBe(0);
      }),
      { numRuns: 200 },
    );
  });
});

describe("one event never swings a verdict", () => {
  const settings = makeSettings();
  const services = [makeService()];
  /** Every kind of single event, good or bad, as a one-item history. */
  const arbOneEvent: fc.Arbitrary<ClientHistory> = fc.oneof(
    fc.record({ bp: fc.integer({ min: 0, max: 10000 }), answer: fc.constantFrom("held_firm", "conceded", "met_halfway", "cut_scope", null), status: fc.constantFrom("accepted", "rejected", "declined_by_me", "negotiating") }).map(({ bp, answer, status }) =>
      makeHistory({
        quotes: [
          makeQuote({
            id: 1,
            status: status as QuoteWithEvents["status"],
            events: [makeEvent({ id: 1, kind: "discount_request", percentBp: bp }), ...(answer ? [makeEvent({ id: 2, kind: "my_answer", answer: answer as QuoteEvent["answer"], scopeMinutes: 300 })] : [])],
          }),
        ],
      }),
    ),
    fc.integer({ min: 0, max: 400000 }).map((price) => makeHistory({ quotes: [makeQuote({ id: 1, status: "accepted", quotedAmount: price })] })),
    fc.integer({ min: 0, max: 100000 }).map((m) => makeHistory({ interactions: [makeInteraction({ id: 1, kind: "ask", minutes: m, paid: false })] })),
    fc.boolean().map((answered) => makeHistory({ interactions: [makeInteraction({ id: 1, kind: "follow_up", answered })] })),
    fc.integer({ min: 0, max: 365 }).map((d) => makeHistory({ interactions: [makeInteraction({ id: 1, kind: "payment", daysLate: d })] })),
    fc.constant(makeHistory({ quotes: [makeQuote({ id: 1, status: "expired" })] })),
  );

  test("the first event about a client never makes a red flag nor a verdict below set boundaries", () => {
    // one event is at most one bad piece: the prior alone against it, PRIOR.score × strength / (strength + 1),
    // rounded as the scores are; still above the default walk-away band
    const floor = Math.round((PRIOR.score * PRIOR.strength) / (PRIOR.strength + 1));
    expect(floor).toBeGreaterThanOrEqual(settings.bandWalkAway);
    fc.assert(
      fc.property(arbOneEvent, (history) => {
        const a = assessClient(history, services, settings);
        expect(a.redFlags).toEqual([]);
        for (const c of a.criteria) if (c.score !== null) expect(c.score).toBeGreaterThanOrEqual(floor);
        expect(["keep", "set_boundaries", "not_enough_data"]).toContain(a.verdict);
      }),
      { numRuns: 500 },
    );
  });

  test("one more event that touches a single criterion never turns keep into walk away (default settings)", () => {
    const singles = ["a discount request or counter-offer", "a lowball you declined", "an unpaid ask", "an unanswered follow-up", "a late payment (a new one, or an existing one later)"];
    fc.assert(
      fc.property(arbClockedScenario, fc.constantFrom(...singles), fc.nat(), fc.nat({ max: 100000 }), (sc0, name, pick, n) => {
        const sc = { ...sc0, settings: { ...makeSettings(), hoursPerDay: sc0.settings.hoursPerDay, halfLifeMonths: sc0.settings.halfLifeMonths } };
        const before = assess(sc);
        fc.pre(before.verdict === "keep");
        const next = BAD[name](sc, pick, n);
        fc.pre(next !== null);
        expect(assess(sc, next!).verdict).not.toBe("walk_away");
      }),
      { numRuns: 400 },
    );
  });
});
