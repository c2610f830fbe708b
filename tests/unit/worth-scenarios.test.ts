/**
 * Client stories a person judges at a glance, each with the verdict a person would give
 * (docs/worth-model.md, "Stories"). Default settings (weights 25/20/30/10/15, bands 70/40, half-life 12
 * months, red flags cap the verdict, 2 make it walk away), assessed on 2025-06-30 unless a story says so.
 * Web development: floor $70/h, target $100/h, market $120/h; a quote is 10 h for $1,000 unless said.
 */
import { describe, expect, test } from "vitest";
import type { ClientHistory, Interaction, QuoteEvent, QuoteWithEvents, Settings } from "@/lib/domain";
import { assessClient, type CriterionKey, type FitAssessment, type Verdict } from "@/lib/worth";
import { makeEvent, makeHistory, makeInteraction, makeQuote, makeService, makeSettings } from "./fixtures";

const AS_OF = "2025-06-30";
const services = [makeService()];
const settings = makeSettings();

// ---- a tiny vocabulary for stories ----

let id = 1;
const nextId = () => id++;

/** An accepted quote of `hours` at `rate` dollars an hour, sent and decided on `day`, with its negotiation. */
function job(
  day: string,
  opts: { hours?: number; rate?: number; ask?: number; answer?: QuoteEvent["answer"]; agreedRate?: number; status?: QuoteWithEvents["status"]; service?: boolean; logged?: number; done?: boolean } = {},
): QuoteWithEvents {
  const hours = opts.hours ?? 10;
  const price = Math.round(hours * (opts.rate ?? 100) * 100);
  const qid = nextId();
  const events: QuoteEvent[] = [];
  if (opts.ask != null) events.push(makeEvent({ id: nextId(), kind: "discount_request", percentBp: opts.ask * 100, occurredOn: day }));
  if (opts.answer) events.push(makeEvent({ id: nextId(), kind: "my_answer", answer: opts.answer, occurredOn: day }));
  const status = opts.status ?? "accepted";
  return makeQuote({
    id: qid,
    title: `Job ${qid}`,
    serviceId: opts.service === false ? null : 1,
    estimatedMinutes: hours * 60,
    quotedAmount: price,
    agreedAmount: status === "accepted" && opts.agreedRate != null ? Math.round(hours * opts.agreedRate * 100) : null,
    status,
    sentOn: day,
    decidedOn: status === "sent" ? null : day,
    createdAt: `${day}T00:00:00.000Z`,
    events,
    // time really spent (lib/true-rate.ts): `logged` hours, the work done on the day or still going
    actualMinutes: opts.logged != null ? Math.round(opts.logged * 60) : 0,
    workDoneOn: opts.done ? day : null,
  });
}
const paid = (day: string, daysLate = 0): Interaction => makeInteraction({ id: nextId(), kind: "payment", daysLate, occurredOn: day });
const followUp = (day: string, answered: boolean): Interaction => makeInteraction({ id: nextId(), kind: "follow_up", answered, occurredOn: day });
const favour = (day: string, minutes: number): Interaction => makeInteraction({ id: nextId(), kind: "ask", subtype: "unpaid_favour", minutes, paid: false, occurredOn: day });
const give = (day: string, subtype: "referral" | "testimonial" | "repeat_work" | "prompt_payment"): Interaction =>
  makeInteraction({ id: nextId(), kind: "give", subtype, occurredOn: day });
const months = (from: string, n: number, step = 1): string[] =>
  Array.from({ length: n }, (_, i) => {
    const [y, m] = from.split("-").map(Number);
    const k = m - 1 + i * step;
    return `${y + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, "0")}-15`;
  });

function story(quotes: QuoteWithEvents[], interactions: Interaction[] = []): ClientHistory {
  return makeHistory({ quotes, interactions });
}
/** Assessed on AS_OF; null: with no day (no decay, no trend). */
function assess(history: ClientHistory, s: Settings = settings, asOf: string | null = AS_OF): FitAssessment {
  return assessClient(history, services, s, asOf ? { asOf } : {});
}
const crit = (a: FitAssessment, key: CriterionKey) => a.criteria.find((c) => c.key === key)!;

// ---- the stories ----

interface Story {
  name: string;
  history: () => ClientHistory;
  score: number | null;
  verdict: Verdict;
  redFlags?: CriterionKey[];
  trend?: FitAssessment["trend"];
}

const STORIES: Story[] = [
  {
    name: "the overrunner: quoted at target, but every job took 75% longer than quoted, with scope-creep favours",
    history: () =>
      story(
        months("2024-09", 5, 2).map((d) => job(d, { hours: 40, logged: 70, done: true })),
        [...months("2024-09", 5, 2).map((d) => paid(d)), ...months("2024-10", 4, 2).map((d) => favour(d, 120))],
      ),
    score: 63,
    verdict: "set_boundaries",
    redFlags: ["pay"],
  },
  {
    name: "the quick job: 40 h quoted at target, done in 30 h — the true rate is above target",
    history: () => story([job("2025-06-01", { hours: 40, logged: 30, done: true })], [paid("2025-06-20")]),
    score: 83,
    verdict: "keep",
    redFlags: [],
  },
  {
    name: "the good client: paid at target, on time, answers, sends referrals",
    history: () =>
      story(
        months("2024-09", 5, 2).map((d) => job(d)),
        [...months("2024-09", 5, 2).map((d) => paid(d)), give("2025-02-01", "referral"), followUp("2025-01-10", true), followUp("2025-04-10", true)],
      ),
    score: 92,
    verdict: "keep",
    redFlags: [],
  },
  {
    name: "the haggler: asks 35-45% every time and you gave in, down to your floor and below",
    history: () =>
      story(
        [
          job("2024-09-10", { ask: 40, answer: "conceded", agreedRate: 62 }),
          job("2024-11-10", { ask: 35, answer: "conceded", agreedRate: 68 }),
          job("2025-01-10", { ask: 45, answer: "conceded", agreedRate: 55 }),
          job("2025-03-10", { ask: 40, answer: "conceded", agreedRate: 60 }),
          job("2025-05-10", { ask: 40, answer: "conceded", agreedRate: 65 }),
        ],
        months("2024-09", 5, 2).map((d) => paid(d)),
      ),
    score: 41,
    verdict: "walk_away",
    redFlags: ["pricePressure", "pay"],
  },
  {
    name: "the hard bargainer: asks 25-35% every time, you conceded 20-30%, still above your floor",
    history: () =>
      story(
        [
          job("2024-11-10", { ask: 30, answer: "conceded", agreedRate: 75 }),
          job("2025-01-10", { ask: 25, answer: "conceded", agreedRate: 80 }),
          job("2025-03-10", { ask: 35, answer: "conceded", agreedRate: 70 }),
          job("2025-05-10", { ask: 30, answer: "conceded", agreedRate: 72 }),
        ],
        months("2024-11", 4, 2).map((d) => paid(d)),
      ),
    score: 59,
    verdict: "set_boundaries",
    redFlags: ["pricePressure"],
  },
  {
    name: "the taker: a third of all your time for them is unpaid favours",
    history: () =>
      story(
        months("2024-10", 6).map((d) => job(d)),
        // 18 favours of 100 min = 30 h unpaid against 60 h paid: a third of all the time
        [...months("2024-10", 6).map((d) => paid(d)), ...months("2024-10", 6).flatMap((d) => [5, 12, 20].map((day) => favour(d.replace("-15", `-${day}`), 100)))],
      ),
    score: 81,
    verdict: "set_boundaries",
    redFlags: ["reciprocity"],
  },
  {
    name: "the ghost (issue): 3 follow-ups in a row ignored, one quote sent and never answered — was 77 “Keep”",
    history: () =>
      story(
        [job("2025-04-01", { status: "sent" })],
        [followUp("2025-04-20", false), followUp("2025-05-10", false), followUp("2025-06-01", false)],
      ),
    score: 61,
    verdict: "set_boundaries",
    redFlags: ["chasing"],
  },
  { name: "the stranger: nothing recorded", history: () => story([]), score: null, verdict: "not_enough_data", redFlags: [] },
  {
    name: "the fresh lead: a quote sent three days ago is not silence yet",
    history: () => story([job("2025-06-27", { status: "sent" })]),
    score: null,
    verdict: "not_enough_data",
  },
  {
    name: "the turned-bad: a model client two years ago, haggling, paying late and ghosting this year",
    history: () =>
      story(
        [...months("2023-03", 6).map((d) => job(d)), job("2025-02-10", { ask: 30, answer: "conceded", agreedRate: 75 }), job("2025-04-10", { ask: 30, answer: "conceded", agreedRate: 72 })],
        [
          ...months("2023-03", 6).map((d) => paid(d)),
          give("2023-06-01", "referral"),
          paid("2025-03-20", 35),
          paid("2025-05-20", 40),
          followUp("2025-05-25", false),
          followUp("2025-06-10", false),
        ],
      ),
    score: 63,
    verdict: "set_boundaries",
    redFlags: ["chasing"],
    trend: "worse",
  },
  {
    name: "the reformed: below your floor and late three years ago, exemplary since",
    history: () =>
      story(
        [
          job("2022-04-10", { ask: 40, answer: "conceded", agreedRate: 60 }),
          job("2022-06-10", { ask: 30, answer: "conceded", agreedRate: 65 }),
          ...months("2023-06", 9, 2).map((d) => job(d)),
        ],
        [paid("2022-05-10", 45), paid("2022-07-10", 60), ...months("2023-06", 9, 2).map((d) => paid(d)), give("2024-05-01", "testimonial"), followUp("2025-03-01", true)],
      ),
    score: 88,
    verdict: "keep",
    redFlags: [],
  },
  {
    name: "the one polite ask: asked 10% once, you held firm, they paid in full and on time",
    history: () => story([job("2025-05-01", { ask: 10, answer: "held_firm" })], [paid("2025-06-01")]),
    score: 82,
    verdict: "keep",
    redFlags: [],
  },
  {
    name: "the first 20% ask (issue): held firm, paid full price — was 100 → 50 “Set boundaries”",
    history: () => story([job("2025-05-01", { ask: 20, answer: "held_firm", service: false })]),
    score: 76,
    verdict: "keep",
  },
  {
    name: "the late payer: good work at target, every payment 3 to 6 weeks late",
    history: () =>
      story(
        months("2024-10", 5).map((d) => job(d)),
        [paid("2024-11-20", 21), paid("2024-12-20", 35), paid("2025-01-25", 45), paid("2025-02-25", 30), paid("2025-04-01", 28)],
      ),
    score: 77,
    verdict: "set_boundaries",
    redFlags: ["payment"],
  },
  {
    name: "the below-floor payer: never haggles, but every job pays $60/h against your $70 floor",
    history: () => story(months("2024-10", 5, 2).map((d) => job(d, { rate: 60 })), months("2024-10", 5, 2).map((d) => paid(d))),
    score: 63,
    verdict: "set_boundaries",
    redFlags: ["pay"],
  },
  {
    name: "the referral-giver who haggles a little: asks 10%, you mostly hold, they send work your way",
    history: () =>
      story(
        [
          job("2024-09-10", { ask: 10, answer: "held_firm" }),
          job("2024-11-10", { ask: 10, answer: "held_firm" }),
          job("2025-01-10", { ask: 10, answer: "met_halfway", agreedRate: 95 }),
          job("2025-03-10", { ask: 10, answer: "held_firm" }),
          job("2025-05-10", { ask: 10, answer: "held_firm" }),
        ],
        [give("2024-12-01", "referral"), give("2025-04-01", "referral"), ...months("2024-09", 5, 2).map((d) => paid(d))],
      ),
    score: 89,
    verdict: "keep",
    redFlags: [],
  },
  {
    name: "the lowball you declined (issue): 4 quotes asked ≥30%, you conceded ~10% — then a 36% lowball you declined",
    history: () => lowballBefore(true),
    score: 68,
    verdict: "set_boundaries",
  },
];

/** The haggler: 4 accepted quotes asked 30%, conceded 10/10/12.5/10% (old haggling 23); with the declined 36% lowball, old haggling went up to 26. */
function lowballBefore(withLowball: boolean): ClientHistory {
  const quotes = [
    job("2025-01-10", { ask: 30, answer: "conceded", agreedRate: 90 }),
    job("2025-02-10", { ask: 30, answer: "conceded", agreedRate: 90 }),
    job("2025-03-10", { ask: 30, answer: "conceded", agreedRate: 87.5 }),
    job("2025-04-10", { ask: 30, answer: "conceded", agreedRate: 90 }),
  ];
  if (withLowball) quotes.push(job("2025-06-01", { ask: 36, answer: "held_firm", status: "declined_by_me" }));
  return story(quotes);
}

describe("stories: the verdict a person would give", () => {
  test.each(STORIES)("$name → $score, $verdict", (s) => {
    const a = assess(s.history());
    expect({ score: a.score, verdict: a.verdict }).toEqual({ score: s.score, verdict: s.verdict });
    if (s.redFlags) expect(a.redFlags).toEqual(s.redFlags);
    if (s.trend !== undefined) expect(a.trend).toBe(s.trend);
  });

  test("at least 12 stories", () => {
    expect(STORIES.length).toBeGreaterThanOrEqual(12);
  });
});

describe("the issue's stories, before and after", () => {
  test("the ghost: an unanswered quote is chasing evidence, not clean haggling evidence; the red flag is named", () => {
    const a = assess(STORIES.find((s) => s.name.startsWith("the ghost"))!.history());
    expect(crit(a, "pricePressure").score).toBeNull();
    expect(crit(a, "chasing").evidence).toEqual([
      "3 of 3 follow-ups went unanswered",
      "Your last 3 follow-ups in a row had no answer",
      "1 quote you sent met silence: no answer at all",
    ]);
    expect(a.summary).toBe("Set boundaries: red flag on chasing (22/100); 3 of 3 follow-ups went unanswered.");
    expect(a.stopChasing).toMatchObject({ unansweredInARow: 3, shouldStop: true });
  });

  test("the first 20% ask: one piece of evidence moves the score a little, and holding firm beats conceding", () => {
    const clean = assess(story([job("2025-05-01", { service: false })]));
    const held = assess(story([job("2025-05-01", { ask: 20, answer: "held_firm", service: false })]));
    const halfway = assess(story([job("2025-05-01", { ask: 20, answer: "met_halfway", service: false })]));
    const conceded = assess(story([job("2025-05-01", { ask: 20, answer: "conceded", service: false })]));
    expect([clean.score, held.score, halfway.score, conceded.score]).toEqual([78, 76, 72, 68]);
    // one event never makes a red flag nor "walk away"; giving in on the very first ask is enough to say
    // "set boundaries" (the advice is about what you gave away), holding firm or meeting halfway is not
    expect([clean.verdict, held.verdict, halfway.verdict, conceded.verdict]).toEqual(["keep", "keep", "keep", "set_boundaries"]);
    expect(conceded.redFlags).toEqual([]);
    expect(crit(held, "pricePressure").score!).toBeGreaterThan(crit(halfway, "pricePressure").score!);
    expect(crit(halfway, "pricePressure").score!).toBeGreaterThan(crit(conceded, "pricePressure").score!);
    expect(crit(held, "pricePressure").evidence[0]).toBe("Asked 20% off; you held firm and they accepted your full price");
    expect(crit(conceded, "pricePressure").evidence[0]).toBe("Asked 20% off; you gave away 20%");
    // two months old, so a little less than one piece with the 12-month half-life
    expect(crit(held, "pricePressure").evidence).toContain("Little evidence yet: the score is pulled towards a neutral 75 until there is more");
    expect(held.summary).toBe(
      "Worth keeping; the weakest point is haggling (78/100): asked 20% off; you held firm and they accepted your full price \u2014 an early read on 1 piece of evidence.",
    );
  });

  test("the declined 36% lowball: haggling and the overall go down, never up (they went 23 → 26 before)", () => {
    const before = assess(lowballBefore(false));
    const after = assess(lowballBefore(true));
    expect([crit(before, "pricePressure").score, crit(after, "pricePressure").score]).toEqual([53, 51]);
    expect([before.score, after.score]).toEqual([69, 68]);
    // four quotes asked 30% off is a client to set boundaries with already; the lowball never lifts the verdict
    expect([before.verdict, after.verdict]).toEqual(["set_boundaries", "set_boundaries"]);
    expect(crit(after, "pricePressure").evidence).toContain("After the asks you declined 1");
  });

  test("the taker is no longer averaged into keep: the red flag caps the verdict, and is named", () => {
    const taker = STORIES.find((s) => s.name.startsWith("the taker"))!.history();
    const a = assess(taker);
    expect(a.score).toBeGreaterThanOrEqual(70); // the average alone would say keep …
    expect(a.verdict).toBe("set_boundaries"); // … the red flag does not let it
    expect(a.summary).toMatch(/^Set boundaries: red flag on one-way asks \(24\/100\); 18 unpaid asks took 30 h against 60 h of paid work/);
    expect(assess(taker, makeSettings({ capVerdictOnRedFlag: false })).verdict).toBe("keep");
    expect(assess(taker, makeSettings({ redFlagsForWalkAway: 1 })).verdict).toBe("walk_away");
  });
});

describe("red flags", () => {
  const haggler = () => STORIES.find((s) => s.name.startsWith("the haggler"))!.history();
  test("two red flags make it walk away (redFlagsForWalkAway 2); 0 turns that off; the summary names both", () => {
    const a = assess(haggler());
    expect(a.redFlags).toEqual(["pricePressure", "pay"]);
    expect(a.summary).toMatch(/^Walk away: red flags on pay \(22\/100\) and haggling \(22\/100\); /);
    const off = assess(haggler(), makeSettings({ redFlagsForWalkAway: 0 }));
    expect(off.verdict).toBe("set_boundaries"); // the score (41) is in the middle band; the cap still holds it from keep
    expect(assess(haggler(), makeSettings({ redFlagsForWalkAway: 3 })).verdict).toBe("set_boundaries");
  });

  test("a criterion with weight 0 is never a red flag", () => {
    const a = assess(haggler(), makeSettings({ weightPay: 0 }));
    expect(a.redFlags).toEqual(["pricePressure"]);
  });
});

describe("recency", () => {
  const turnedBad = () => STORIES.find((s) => s.name.startsWith("the turned-bad"))!.history();
  const reformed = () => STORIES.find((s) => s.name.startsWith("the reformed"))!.history();

  test("with decay, this year's behaviour outweighs the old: turned-bad scores lower and reformed higher than with decay off", () => {
    const off = makeSettings({ halfLifeMonths: 0 });
    expect(assess(turnedBad()).score!).toBeLessThan(assess(turnedBad(), off).score!);
    expect(assess(reformed()).score!).toBeGreaterThan(assess(reformed(), off).score!);
    // and without a day to age against, nothing decays: the same as decay off (no trend)
    const h = turnedBad();
    expect({ ...assess(h, settings, null), trendSummary: "", asOf: null }).toEqual({ ...assess(h, off), trend: null, trendSummary: "", asOf: null });
  });

  test("weight = 2^(−age / half-life): a year-old payment weighs half with a 12-month half-life", () => {
    const one = (day: string) => crit(assess(story([], [paid(day)])), "payment").evidenceWeight;
    expect(one("2025-06-30")).toBe(1);
    expect(one("2024-06-30")).toBe(0.5);
    expect(one("2023-06-30")).toBe(0.25);
    expect(crit(assess(story([], [paid("2023-06-30")]), makeSettings({ halfLifeMonths: 24 })), "payment").evidenceWeight).toBe(0.5);
  });

  test("trend: the last 6 months against before", () => {
    expect(assess(turnedBad())).toMatchObject({ trend: "worse", trendSummary: "Getting worse: 47 over the last 6 months against 94 before." });
    const better = story(
      [job("2024-06-10", { ask: 40, answer: "conceded", agreedRate: 60 }), job("2024-08-10", { ask: 35, answer: "conceded", agreedRate: 65 }), ...months("2025-01", 5).map((d) => job(d))],
      [paid("2024-07-10", 40), paid("2024-09-10", 35), ...months("2025-01", 5).map((d) => paid(d))],
    );
    expect(assess(better)).toMatchObject({ trend: "better", trendSummary: "Getting better: 93 over the last 6 months against 39 before." });
    expect(assess(better, settings, null)).toMatchObject({ trend: null, trendSummary: "No trend: no date to measure the last 6 months from." });
  });
});

describe("time really spent (lib/true-rate.ts) in the stories", () => {
  test("a job under way is judged on its estimate: 12 h logged on a 40 h job at $65/h is not praised at $217/h", () => {
    const under = assess(story([job("2025-06-01", { hours: 40, rate: 65, logged: 12 })], [paid("2025-06-20")]));
    const none = assess(story([job("2025-06-01", { hours: 40, rate: 65 })], [paid("2025-06-20")]));
    expect(under.score).toBe(none.score);
    expect(crit(under, "pay").evidence.join(" ")).toMatch(/floor/);
    expect(under.settling.quotes[0]).toMatchObject({ effectiveRate: 6500, settlesHard: true });
  });

  test("the same job once done in 12 h is judged on the 12 h: above target", () => {
    const done = assess(story([job("2025-06-01", { hours: 40, rate: 65, logged: 12, done: true })], [paid("2025-06-20")]));
    expect(done.settling.quotes[0]).toMatchObject({ effectiveRate: 21667, settles: false, crept: false });
  });

  test("an overrun counts before the work is marked done: 50 h logged on a 40 h job at target", () => {
    const a = assess(story([job("2025-06-01", { hours: 40, logged: 50 })], [paid("2025-06-20")]));
    expect(a.settling.quotes[0]).toMatchObject({ effectiveRate: 8000, belowTarget: true, belowFloor: false, crept: true, moneyLeftOnTable: 100000 });
  });
});

describe("imported history and finishing early", () => {
  test("a job brought in by an import says nothing about haggling until a step is logged on it", () => {
    const imported = { ...job("2025-05-01"), sourceKey: "toggl:abc" };
    const a = assess(story([imported], [paid("2025-05-20")]));
    expect(crit(a, "pricePressure").evidenceCount).toBe(0);
    const asked = { ...job("2025-05-01", { ask: 20, answer: "conceded", agreedRate: 80 }), sourceKey: "toggl:abc" };
    expect(crit(assess(story([asked])), "pricePressure").evidenceCount).toBe(1);
  });

  test("a job done in half its estimate never lowers the client's pay score", () => {
    const others = [job("2025-03-01", { rate: 60 }), job("2025-04-01", { rate: 60 })];
    const onTime = assess(story([...others, job("2025-06-01", { hours: 10, logged: 10, done: true })]));
    const early = assess(story([...others, job("2025-06-01", { hours: 10, logged: 5, done: true })]));
    expect(crit(early, "pay").score!).toBeGreaterThanOrEqual(crit(onTime, "pay").score!);
  });
});
