/**
 * The raise rules (lib/raise/), table-driven with fixed dates: the client rate in force, the rate they
 * pay now, the "due a raise" rule (the exactly-12-months edge included), the suggestion, the letter and
 * the outcome counts.
 */
import { describe, expect, test } from "vitest";
import {
  DEFAULT_RAISE_TEMPLATE,
  addMonths,
  clientRateOn,
  defaultEffectiveFrom,
  defaultRaiseMode,
  fillRaiseLetter,
  checkLetter,
  lastRaiseOn,
  latestPlan,
  moneyInText,
  nextClientRate,
  pendingWords,
  pendingPlan,
  raiseDue,
  raiseNotAbove,
  raiseStatLines,
  raiseStats,
  rateNow,
  suggestRate,
  wholeMonthsBetween,
  type PlanForStats,
  type RateNow,
} from "@/lib/raise";
import type { RatePlan } from "@/lib/domain";
import { makeQuote, makeService, makeSettings } from "./fixtures";

const rows = [
  { clientId: 1, serviceId: 1, effectiveFrom: "2026-01-01", rate: 9000 },
  { clientId: 1, serviceId: 1, effectiveFrom: "2027-03-01", rate: 9500 },
  { clientId: 1, serviceId: 2, effectiveFrom: "2025-01-01", rate: 50000 },
  { clientId: 2, serviceId: 1, effectiveFrom: "2020-01-01", rate: 1 },
];

describe("clientRateOn: the latest row from on or before the day", () => {
  test.each([
    ["2025-12-31", undefined],
    ["2026-01-01", 9000],
    ["2027-02-28", 9000],
    ["2027-03-01", 9500],
    ["2030-01-01", 9500],
  ])("on %s → %s", (day, rate) => {
    expect(clientRateOn(rows, 1, 1, day)?.rate).toBe(rate);
  });
  test("another service's or client's rows never count", () => {
    expect(clientRateOn(rows, 1, 3, "2030-01-01")).toBeUndefined();
    expect(clientRateOn(rows, 3, 1, "2030-01-01")).toBeUndefined();
  });
  test("order does not matter; the next rate is the earliest after the day", () => {
    expect(clientRateOn([...rows].reverse(), 1, 1, "2027-03-01")?.rate).toBe(9500);
    expect(nextClientRate(rows, 1, 1, "2026-12-01")?.effectiveFrom).toBe("2027-03-01");
    expect(nextClientRate(rows, 1, 1, "2027-03-01")).toBeUndefined();
  });
});

describe("addMonths and wholeMonthsBetween", () => {
  test.each([
    ["2025-12-01", 12, "2026-12-01"],
    ["2025-01-31", 1, "2025-02-28"],
    ["2024-01-31", 1, "2024-02-29"],
    ["2026-12-01", -12, "2025-12-01"],
    ["2026-11-15", 3, "2027-02-15"],
  ])("%s + %i months = %s", (from, n, to) => expect(addMonths(from, n)).toBe(to));
  test.each([
    ["2025-11-01", "2026-12-01", 13],
    ["2025-12-01", "2026-11-30", 11],
    ["2025-12-01", "2026-12-01", 12],
    ["2026-12-01", "2026-12-01", 0],
  ])("%s → %s: %i whole months", (a, b, n) => expect(wholeMonthsBetween(a, b)).toBe(n));
});

const settings = makeSettings({ hoursPerDay: 8, creepThresholdPct: 20 });
const service = makeService(); // target $100/h, floor $70/h, market $120/h

describe("rateNow: their own rate, else their last accepted job's effective rate", () => {
  const job = (o: Parameters<typeof makeQuote>[0]) => makeQuote({ status: "accepted", ...o });
  test.each([
    {
      name: "no own rate, last accepted job: agreed ÷ estimate",
      rates: [],
      quotes: [job({ quotedAmount: 400000, estimatedMinutes: 3000, decidedOn: "2026-10-12" }), job({ quotedAmount: 100000, estimatedMinutes: 600, decidedOn: "2025-01-10" })],
      want: { rate: 8000, source: "last_job", words: "from your last job, Oct 2026: $4,000.00 for 50 h" },
    },
    {
      name: "time logged once the work is done is the basis (true rate)",
      rates: [],
      quotes: [job({ quotedAmount: 400000, estimatedMinutes: 3000, actualMinutes: 4000, workDoneOn: "2026-10-30", decidedOn: "2026-10-01" })],
      want: { rate: 6000, source: "last_job", words: "from your last job, Oct 2026: $4,000.00 for 66.7 h" },
    },
    {
      name: "an agreed amount after a discount is what they pay",
      rates: [],
      quotes: [job({ quotedAmount: 500000, agreedAmount: 400000, estimatedMinutes: 3000, decidedOn: "2026-10-12" })],
      want: { rate: 8000, source: "last_job" },
    },
    {
      name: "their own rate in force wins over the last job",
      rates: [{ clientId: 1, serviceId: 1, effectiveFrom: "2026-03-01", rate: 9500 }],
      quotes: [job({ quotedAmount: 400000, estimatedMinutes: 3000, decidedOn: "2026-10-12" })],
      want: { rate: 9500, source: "client_rate", words: "your rate for them since Mar 1, 2026" },
    },
    {
      name: "their own rate from a later day is not in force yet",
      rates: [{ clientId: 1, serviceId: 1, effectiveFrom: "2027-03-01", rate: 9500 }],
      quotes: [job({ quotedAmount: 400000, estimatedMinutes: 3000, decidedOn: "2026-10-12" })],
      want: { rate: 8000, source: "last_job" },
    },
    {
      name: "a job in another currency without a rate is skipped for an older one",
      rates: [],
      quotes: [job({ quotedAmount: 400000, currency: "EUR", estimatedMinutes: 3000, decidedOn: "2026-10-12" }), job({ quotedAmount: 90000, estimatedMinutes: 600, decidedOn: "2026-01-10" })],
      want: { rate: 9000, source: "last_job" },
    },
    {
      name: "a job in another currency with its rate is read in the book's currency",
      rates: [],
      quotes: [job({ quotedAmount: 400000, currency: "EUR", fxRate: "1.1", estimatedMinutes: 3000, decidedOn: "2026-10-12" })],
      want: { rate: 8800, source: "last_job" },
    },
  ])("$name", ({ rates, quotes, want }) => {
    const now = rateNow({ clientId: 1, service, today: "2026-12-01", clientRates: rates, quotes, settings });
    expect(now).toMatchObject(want);
  });
  test("nothing known: null (open quotes and other services do not count)", () => {
    const quotes = [makeQuote({ status: "sent" }), makeQuote({ status: "accepted", serviceId: 2, decidedOn: "2026-01-01" })];
    expect(rateNow({ clientId: 1, service, today: "2026-12-01", clientRates: [], quotes, settings })).toBeNull();
  });
});

const now80: RateNow = { rate: 8000, currency: "USD", unit: "hour", source: "last_job", since: "2026-10-12", quoteId: 1, words: "" };
const now100: RateNow = { ...now80, rate: 10000 };
const plan = (o: Partial<RatePlan>): Pick<RatePlan, "effectiveFrom" | "outcome" | "noticeOn"> => ({ effectiveFrom: "2026-03-01", outcome: null, noticeOn: "2025-12-01", ...o });

describe("raiseDue", () => {
  const base = { today: "2026-12-01", settings: { raiseAfterMonths: 12, locale: "en-US" }, clientStatus: "active" as const, firstAcceptedOn: "2025-11-01", plans: [], rateNow: now100, targetRate: 10000 };
  test.each([
    { name: "below target", o: { rateNow: now80, firstAcceptedOn: "2026-10-12" }, due: true, reason: "Pays $80.00/h, 20% below your target of $100.00/h." },
    { name: "at target, no raise for 13 months", o: {}, due: true, reason: "Pays $100.00/h. No raise for 13 months (first job: Nov 1, 2025)." },
    { name: "exactly 12 months since the first job: due", o: { firstAcceptedOn: "2025-12-01" }, due: true, reason: "Pays $100.00/h. No raise for 12 months (first job: Dec 1, 2025)." },
    { name: "one day short of 12 months: not due", o: { firstAcceptedOn: "2025-12-02" }, due: false },
    { name: "raised 11 months ago: not due", o: { plans: [plan({ effectiveFrom: "2026-01-01", outcome: "accepted" })] }, due: false },
    { name: "raised 12 months ago: due, counted from the last raise", o: { plans: [plan({ effectiveFrom: "2025-12-01", outcome: "accepted" })] }, due: true, reason: "Pays $100.00/h. No raise for 12 months (last raise: Dec 1, 2025)." },
    { name: "they left over their latest raise: not suggested again", o: { rateNow: now80, plans: [plan({ effectiveFrom: "2026-06-01", outcome: "left" })] }, due: false },
    {
      name: "an older raise they left, a later one accepted 13 months ago: due from the accepted one",
      o: { plans: [plan({ noticeOn: "2025-06-01", effectiveFrom: "2025-09-01", outcome: "left" }), plan({ noticeOn: "2025-08-01", effectiveFrom: "2025-11-01", outcome: "accepted" })] },
      due: true,
      reason: "Pays $100.00/h. No raise for 13 months (last raise: Nov 1, 2025).",
    },
    { name: "a raise still to come: not due, even below target", o: { rateNow: now80, plans: [plan({ effectiveFrom: "2027-03-01" })] }, due: false },
    { name: "a raise still to come that they left: not suggested again", o: { rateNow: now80, plans: [plan({ effectiveFrom: "2027-03-01", outcome: "left" })] }, due: false },
    { name: "not active: never", o: { rateNow: now80, clientStatus: "paused" as const }, due: false },
    { name: "no accepted work: never", o: { rateNow: null, firstAcceptedOn: null }, due: false },
    { name: "both below target and stale", o: { rateNow: now80 }, due: true, reason: "Pays $80.00/h, 20% below your target of $100.00/h. No raise for 13 months (first job: Nov 1, 2025)." },
    { name: "what they pay not known, stale", o: { rateNow: null }, due: true, reason: "No raise for 13 months (first job: Nov 1, 2025)." },
    { name: "1 month: singular", o: { settings: { raiseAfterMonths: 1, locale: "en-US" }, firstAcceptedOn: "2026-11-01" }, due: true, reason: "Pays $100.00/h. No raise for 1 month (first job: Nov 1, 2026)." },
  ])("$name", ({ o, due, reason }) => {
    const r = raiseDue({ ...base, ...o });
    expect(r != null).toBe(due);
    if (reason) expect(r?.reason).toBe(reason);
  });
  test("the fingerprint names the rate now, the day the clock started and the target", () => {
    const a = raiseDue({ ...base, rateNow: now80 })!;
    expect(a.fingerprint).toBe("8000|2025-11-01|10000");
    expect(raiseDue({ ...base, rateNow: now80, targetRate: 11000 })!.fingerprint).not.toBe(a.fingerprint);
  });
  test("pendingPlan, lastRaiseOn and latestPlan", () => {
    const plans = [plan({ effectiveFrom: "2026-03-01", outcome: "accepted" }), plan({ effectiveFrom: "2027-01-01", outcome: "left" })];
    expect(pendingPlan(plans, "2026-12-01")).toBeUndefined();
    expect(lastRaiseOn(plans)).toBe("2026-03-01");
    // same notice day: the later first day is the latest; a later notice wins over a later first day
    expect(latestPlan(plans)?.effectiveFrom).toBe("2027-01-01");
    expect(latestPlan([plan({ noticeOn: "2026-02-01", effectiveFrom: "2026-05-01" }), plan({ noticeOn: "2025-01-01", effectiveFrom: "2027-01-01" })])?.noticeOn).toBe("2026-02-01");
    expect(latestPlan([])).toBeUndefined();
  });
  test("since says what it is", () => {
    expect(raiseDue({ ...base })).toMatchObject({ since: "2025-11-01", sinceIs: "first_job" });
    expect(raiseDue({ ...base, plans: [plan({ effectiveFrom: "2025-10-01", outcome: "negotiated" })] })).toMatchObject({ since: "2025-10-01", sinceIs: "last_raise" });
  });
});

describe("the suggestion and the default day", () => {
  test.each([
    [8000, 10000, "to_target", 10, 10000],
    [8000, 10000, "by_pct", 10, 8800],
    [10000, 10000, "by_pct", 10, 11000],
    [10050, 10000, "by_pct", 5, 10553],
    [12000, 10000, "to_target", 10, 12000],
    [null, 10000, "by_pct", 10, 10000],
  ] as const)("now %s, target %s, %s %i%% → %i", (current, target, mode, pct, want) => {
    expect(suggestRate(current, target, mode, pct)).toBe(want);
  });
  test("to target when below it, else by the percentage", () => {
    expect(defaultRaiseMode(8000, 10000)).toBe("to_target");
    expect(defaultRaiseMode(10000, 10000)).toBe("by_pct");
    expect(defaultRaiseMode(null, 10000)).toBe("by_pct");
  });
  test("notice months after today", () => {
    expect(defaultEffectiveFrom("2026-12-01", 3)).toBe("2027-03-01");
    expect(defaultEffectiveFrom("2026-11-30", 3)).toBe("2027-02-28");
    expect(defaultEffectiveFrom("2026-12-01", 0)).toBe("2026-12-01");
  });
});

describe("the letter", () => {
  const facts = { client: "Acme", service: "Web development", currency: "USD", unit: "hour" as const, currentRate: 8000, newRate: 10000, effectiveFrom: "2027-03-01", locale: "en-US" };
  test("every placeholder filled", () => {
    const text = fillRaiseLetter(DEFAULT_RAISE_TEMPLATE, facts);
    expect(text).toContain("Hi Acme,");
    expect(text).toContain("From Mar 1, 2027, my rate for Web development will be $100.00/h (it is $80.00/h today)");
    expect(text).not.toMatch(/\{[a-z_]+\}/);
  });
  test("a user template; unknown placeholders stay visible; values are not re-expanded", () => {
    expect(fillRaiseLetter("{client}: {new_rate} from {effective_date} (was {current_rate}) {oops}", { ...facts, client: "{service} $&", currentRate: null, unit: "day" })).toBe(
      "{service} $&: $100.00/day from Mar 1, 2027 (was your current rate) {oops}",
    );
  });
});

describe("raiseStats", () => {
  const p = (noticeOn: string, outcome: RatePlan["outcome"], currentRate = 10000, targetRate = 10000): PlanForStats => ({ noticeOn, outcome, currentRate, targetRate });
  test.each([
    { name: "none at all", plans: [], words: "No raises planned yet." },
    { name: "only older than 12 months", plans: [p("2025-11-30", "accepted")], words: "No raises in the last 12 months." },
    {
      name: "the issue's example",
      plans: [p("2026-01-10", "accepted"), p("2026-02-10", "accepted"), p("2026-03-10", "accepted"), p("2026-04-10", "accepted"), p("2026-05-10", "negotiated"), p("2026-06-10", "left", 6200, 10000)],
      words: "Of 6 raises in the last 12 months, 4 accepted, 1 negotiated, 1 left; the one who left paid 62% of target.",
    },
    { name: "one raise, waiting", plans: [p("2026-12-01", null)], words: "Of 1 raise in the last 12 months, 1 waiting for an answer." },
    { name: "two who left: the average", plans: [p("2026-06-01", "left", 6000, 10000), p("2026-07-01", "left", 7000, 10000), p("2025-12-01", "accepted")], words: "Of 2 raises in the last 12 months, 2 left; the 2 who left paid 65% of target on average." },
    { name: "one who left without a known rate: no share of target", plans: [p("2026-06-01", "left", 0, 10000)], words: "Of 1 raise in the last 12 months, 1 left." },
    { name: "the notice day 12 months ago to the day is out, the day after is in", plans: [p("2025-12-01", "accepted"), p("2025-12-02", "accepted")], words: "Of 1 raise in the last 12 months, 1 accepted." },
  ])("$name", ({ plans, words }) => {
    expect(raiseStats(plans, "2026-12-01").words).toBe(words);
  });
});

describe("a raise must be above what they pay now", () => {
  const f = { client: "Atlas", currency: "USD", unit: "hour" as const, locale: "en-US" };
  test.each([
    { current: 10175, next: 9500, want: "A raise must be above what Atlas pays now: $101.75/h" },
    { current: 10175, next: 10175, want: "A raise must be above what Atlas pays now: $101.75/h" },
    { current: 10175, next: 10176, want: null },
    { current: null, next: 1, want: null },
    { current: 0, next: 5000, want: null },
  ])("now $current, new $next → $want", ({ current, next, want }) => {
    expect(raiseNotAbove({ ...f, currentRate: current, newRate: next })).toBe(want);
  });
});

describe("the letter must say the new rate (the day: a warning)", () => {
  const f = { currency: "USD", unit: "hour" as const, currentRate: 8000, newRate: 10000, effectiveFrom: "2027-03-01", locale: "en-US" };
  const filled = fillRaiseLetter(DEFAULT_RAISE_TEMPLATE, { ...f, client: "Acme", service: "Web" });
  test("amounts in the text, with the symbol or the code, either side", () => {
    expect(moneyInText("was $80.00/h, now $1,100.50 or $95 and USD 70. Or 60 USD.", "USD", "en-US")).toEqual([8000, 110050, 9500, 7000, 6000]);
    expect(moneyInText("ab 1.200,50 € statt 95 €", "EUR", "de-DE")).toEqual([120050, 9500]);
    expect(moneyInText("no money here, 100 days", "USD", "en-US")).toEqual([]);
  });
  test.each([
    { name: "the filled-in letter", letter: filled, o: {}, rate: null, date: null },
    { name: "written for $95, the new rate is $100", letter: filled.replace("$100.00", "$95.00"), o: {}, rate: "The letter says $95.00/h; the new rate is $100.00/h: update the letter", date: null },
    { name: "no rate at all", letter: "Hi, my rates go up from Mar 1, 2027.", o: {}, rate: "The letter does not say the new rate, $100.00/h: update the letter", date: null },
    { name: "only the rate now", letter: "It is $80.00/h today.", o: {}, rate: "The letter does not say the new rate, $100.00/h: update the letter", date: "The letter does not say the day the new rate starts, Mar 1, 2027" },
    { name: "the rate without cents is the rate", letter: "From Mar 1, 2027: $100/h.", o: {}, rate: null, date: null },
    { name: "$1,100.00 is not $100.00", letter: "From Mar 1, 2027: $1,100.00/h.", o: {}, rate: "The letter says $1,100.00/h; the new rate is $100.00/h: update the letter", date: null },
    { name: "the day changed after the letter was edited", letter: filled, o: { effectiveFrom: "2027-04-01" }, rate: null, date: "The letter does not say the day the new rate starts, Apr 1, 2027" },
  ])("$name", ({ letter, o, rate, date }) => {
    const c = checkLetter(letter, { ...f, ...o });
    expect(c.rateProblem).toBe(rate);
    expect(c.saysRate).toBe(rate == null);
    expect(c.dateProblem).toBe(date);
  });
});

describe("a raise still to take effect, in words", () => {
  const p = { newRate: 10000, effectiveFrom: "2027-03-01", currency: "USD", outcomeRate: null };
  test.each([
    [{ outcome: null }, "Raise to $100.00/h from Mar 1, 2027 — waiting for their answer"],
    [{ outcome: "accepted" as const }, "Accepted: $100.00/h from Mar 1, 2027"],
    [{ outcome: "negotiated" as const, outcomeRate: 9500 }, "Negotiated: $95.00/h from Mar 1, 2027"],
  ])("%o → %s", (o, words) => expect(pendingWords({ ...p, ...o }, "hour", "en-US")).toBe(words));
});

describe("raiseStatLines: this client's count, and the book's apart", () => {
  const p = (noticeOn: string, outcome: RatePlan["outcome"], currentRate = 10000, targetRate = 10000): PlanForStats => ({ noticeOn, outcome, currentRate, targetRate });
  const loyal = [p("2026-05-01", "accepted")];
  const book = [...loyal, p("2026-01-10", "accepted"), p("2026-02-10", "accepted"), p("2026-03-10", "accepted"), p("2026-04-10", "accepted"), p("2026-06-10", "left", 6200, 10000)];
  test.each([
    { name: "no raise anywhere: one line, said once", client: "Taker Inc", mine: [], all: [], want: { client: "Taker Inc: no raise planned yet.", book: null } },
    { name: "none for them, some in the book", client: "Taker Inc", mine: [], all: book, want: { client: "Taker Inc: no raise planned yet.", book: "Across your book: of 6 raises in the last 12 months, 5 accepted, 1 left; the one who left paid 62% of target." } },
    { name: "theirs are the book's only ones: no book line", client: "Loyal Co", mine: loyal, all: loyal, want: { client: "Loyal Co: of 1 raise in the last 12 months, 1 accepted.", book: null } },
    { name: "theirs and the book's", client: "Loyal Co", mine: loyal, all: book, want: { client: "Loyal Co: of 1 raise in the last 12 months, 1 accepted.", book: "Across your book: of 6 raises in the last 12 months, 5 accepted, 1 left; the one who left paid 62% of target." } },
    { name: "only an old one of theirs", client: "Old Co", mine: [p("2025-01-01", "accepted")], all: [p("2025-01-01", "accepted")], want: { client: "Old Co: no raise in the last 12 months.", book: null } },
  ])("$name", ({ client, mine, all, want }) => {
    expect(raiseStatLines(client, mine, all, "2026-12-01")).toEqual(want);
  });
});
