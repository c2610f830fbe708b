import { describe, expect, test } from "vitest";
import { settleClient, settleQuote } from "@/lib/settling";
import { clientCreep, quoteTimeView, ratePosition, timeBar, unpaidAsksOn } from "@/lib/time-spent";
import { basisSentence, notJudgedSentence, clientCreepLine, creepNotice, loggedAgainstEstimate, overrunWords, pastOverrunWarning, unpaidAsksCause } from "@/lib/time-words";
import { judgeTime } from "@/lib/true-rate";
import { evaluateOffer, overrunWarning, pastOverrunOf, type OfferInput } from "@/lib/offer-check";
import { makeHistory, makeInteraction, makeQuote, makeService, makeSettings } from "./fixtures";

const H = 60;
const service = makeService({ targetRate: 10000, floorRate: 6000, marketRate: 12000 });
const settings = makeSettings();
const job = (over: Parameters<typeof makeQuote>[0] = {}) =>
  makeQuote({ status: "accepted", estimatedMinutes: 40 * H, quotedAmount: 400000, agreedAmount: 400000, decidedOn: "2025-02-01", ...over });

describe("basisSentence: which minutes the judgement uses, in plain words", () => {
  test.each([
    { name: "nothing logged", t: judgeTime({ actualMinutes: 0 }, 40 * H, 20), text: "No time logged yet: judged on the estimate." },
    { name: "nothing logged and no estimate", t: judgeTime({ actualMinutes: 0 }, 0, 20), text: "No time logged yet and no estimate: the rate cannot be judged." },
    { name: "in progress", t: judgeTime({ actualMinutes: 12 * H }, 40 * H, 20), text: "Judged on the 40 h estimate while the work is in progress: 12 h logged so far." },
    { name: "done", t: judgeTime({ actualMinutes: 70 * H, workDoneOn: "2025-04-01" }, 40 * H, 20), text: "Judged on the 70 h logged: the work is done." },
    { name: "past the estimate, still going", t: judgeTime({ actualMinutes: 45 * H }, 40 * H, 20), text: "Judged on the 45 h logged: past the 40 h estimate while the work is still going." },
    { name: "the whole estimate used", t: judgeTime({ actualMinutes: 40 * H }, 40 * H, 20), text: "Judged on the 40 h logged: the whole 40 h estimate is used and the work is still going." },
    { name: "no estimate of its own", t: judgeTime({ actualMinutes: 90, estimateKnown: false }, 90, 20), text: "Judged on the 1.5 h logged: the quote has no estimate of its own." },
  ])("$name", ({ t, text }) => {
    expect(basisSentence(t, "en-US")).toBe(text);
  });
});

describe("the words of creep", () => {
  test("the notice, as the issue words it", () => {
    const t = judgeTime({ actualMinutes: 70 * H, workDoneOn: "2025-04-01" }, 40 * H, 20);
    const rates = { floorRate: 6000, targetRate: 10000, marketRate: 12000 };
    expect(creepNotice(t, { rate: 5714, position: ratePosition(5714, rates), rates, currency: "USD", unit: "hour" }, "en-US")).toBe(
      "Ran 75% over its estimate: 70 h against 40 h. True rate $57.14/h — below your floor of $60.00/h.",
    );
    expect(creepNotice(t, { rate: 8000, position: ratePosition(8000, rates), rates, currency: "USD", unit: "hour" }, "en-US")).toBe(
      "Ran 75% over its estimate: 70 h against 40 h. True rate $80.00/h — below your target of $100.00/h.",
    );
    expect(creepNotice(t, null, "en-US")).toBe("Ran 75% over its estimate: 70 h against 40 h.");
  });
  test("in the book's locale", () => {
    const t = judgeTime({ actualMinutes: 75 * H, workDoneOn: "2025-04-01" }, 40 * H, 20);
    const rates = { floorRate: 6000, targetRate: 10000, marketRate: 12000 };
    // Intl puts no-break spaces before % and €
    expect(creepNotice(t, { rate: 5333, position: "below_floor", rates, currency: "EUR", unit: "day" }, "de-DE").replace(/\u00a0/g, " ")).toBe(
      "Ran 87,5 % over its estimate: 75 h against 40 h. True rate 53,33 €/day — below your floor of 60,00 €/day.",
    );
  });
  test.each([
    [{ count: 0, minutes: 0 }, null],
    [{ count: 1, minutes: 15 }, "Likely cause: 1 unpaid ask logged on this quote (0.3 h)."],
    [{ count: 3, minutes: 270 }, "Likely cause: 3 unpaid asks logged on this quote (4.5 h)."],
  ])("unpaid asks %o", (asks, text) => {
    expect(unpaidAsksCause(asks, "en-US")).toBe(text);
  });
  test.each([
    [{ jobs: 0, crept: 0, overrunBp: null }, null],
    [{ jobs: 3, crept: 0, overrunBp: 500 }, null],
    [{ jobs: 1, crept: 1, overrunBp: 7500 }, "Their 1 job with time logged ran more than 20% over its estimate."],
    [{ jobs: 5, crept: 1, overrunBp: 1000 }, "1 of 5 jobs ran more than 20% over its estimate; together 10% over."],
    [{ jobs: 5, crept: 2, overrunBp: 3500 }, "2 of 5 jobs ran more than 20% over their estimate; together 35% over."],
    [{ jobs: 4, crept: 2, overrunBp: -500 }, "2 of 4 jobs ran more than 20% over their estimate; together 5% under."],
  ])("client line %o", (c, text) => {
    expect(clientCreepLine(c, 20, "en-US")).toBe(text);
  });
  test("small words", () => {
    expect(notJudgedSentence(0, "en-US")).toBe("Not accepted yet: the rate is judged once the quote is accepted.");
    expect(notJudgedSentence(150, "en-US")).toBe("Not accepted yet: the rate is judged once the quote is accepted. 2.5 h logged so far.");
    expect(overrunWords(0, "en-US")).toBe("on the estimate");
    expect(overrunWords(-2500, "en-US")).toBe("25% under");
    expect(loggedAgainstEstimate({ actualMinutes: 70 * H, estimateMinutes: 40 * H, estimateKnown: true }, "en-US")).toBe("70 h logged against 40 h estimated");
    expect(loggedAgainstEstimate({ actualMinutes: 90, estimateMinutes: 90, estimateKnown: false }, "en-US")).toBe("1.5 h logged, no estimate of its own");
    expect(pastOverrunWarning(3500, 3, "en-US")).toBe("Their jobs ran 35% over estimate on average (3 jobs): price the overrun in.");
    expect(pastOverrunWarning(3500, 1, "en-US")).toBe("Their job ran 35% over estimate (1 job): price the overrun in.");
  });
});

describe("timeBar", () => {
  test.each([
    { estimate: 0, actual: 0, bar: { withinBp: 0, overrunBp: 0, estimateAtBp: 10000 } },
    { estimate: 40 * H, actual: 0, bar: { withinBp: 0, overrunBp: 0, estimateAtBp: 10000 } },
    { estimate: 40 * H, actual: 10 * H, bar: { withinBp: 2500, overrunBp: 0, estimateAtBp: 10000 } },
    { estimate: 40 * H, actual: 40 * H, bar: { withinBp: 10000, overrunBp: 0, estimateAtBp: 10000 } },
    { estimate: 40 * H, actual: 80 * H, bar: { withinBp: 5000, overrunBp: 5000, estimateAtBp: 5000 } },
    { estimate: 1, actual: 3, bar: { withinBp: 3333, overrunBp: 6667, estimateAtBp: 3333 } },
    { estimate: 0, actual: 90, bar: { withinBp: 0, overrunBp: 10000, estimateAtBp: 0 } },
  ])("$actual of $estimate", ({ estimate, actual, bar }) => {
    const b = timeBar(estimate, actual);
    expect(b).toEqual(bar);
    expect(b.withinBp + b.overrunBp).toBeLessThanOrEqual(10000);
  });
});

describe("quoteTimeView: the model's numbers", () => {
  test("a crept job: both rates, the judged one is settling's, the unpaid asks on this quote only", () => {
    const q = job({ id: 7, actualMinutes: 70 * H, workDoneOn: "2025-04-01" });
    const s = settleQuote(q, service, settings);
    const asks = [
      makeInteraction({ kind: "ask", quoteId: 7, minutes: 120 }),
      makeInteraction({ kind: "ask", quoteId: 7, minutes: null }),
      makeInteraction({ kind: "ask", quoteId: 7, minutes: 60, paid: true }),
      makeInteraction({ kind: "ask", quoteId: 8, minutes: 60 }),
      makeInteraction({ kind: "follow_up", quoteId: 7 }),
    ];
    const v = quoteTimeView(q, s, service, settings, asks);
    expect(v.judged).toBe(true);
    expect(v.estimateRate).toBe(10000);
    expect(v.loggedRate).toBe(5714);
    expect(v.judgedRate).toBe(s.effectiveRate);
    expect(v.rates).toEqual({ floorRate: 6000, targetRate: 10000, marketRate: 12000 });
    expect(v.unpaidAsks).toEqual({ count: 2, minutes: 135 });
    expect(v.bar.overrunBp).toBeGreaterThan(0);
    expect(unpaidAsksOn(8, asks)).toEqual({ count: 1, minutes: 60 });
  });
  test("an open quote is shown, not judged; the rates use the price now", () => {
    const q = makeQuote({ status: "sent", estimatedMinutes: 10 * H, quotedAmount: 100000, actualMinutes: 5 * H });
    const v = quoteTimeView(q, settleQuote(q, service, settings), service, settings);
    expect(v.judged).toBe(false);
    expect(v.estimateRate).toBe(10000);
    expect(v.loggedRate).toBe(20000);
    expect(v.judgedRate).toBe(10000);
  });
  test("a service in another currency: no rates compared", () => {
    const q = job({ actualMinutes: 50 * H, currency: "GBP" });
    const v = quoteTimeView(q, undefined, service, { ...settings, currency: "USD" });
    expect(v.rates).toBeNull();
    expect(v.estimateRate).toBeNull();
    expect(v.loggedRate).toBeNull();
  });
  test("a quote in another currency with its rate is shown in the book's currency, like settling", () => {
    const eur = makeService({ currency: "EUR", targetRate: 10000, floorRate: 6000, marketRate: 12000 });
    const q = job({ currency: "EUR", fxRate: "1.5", actualMinutes: 70 * H, workDoneOn: "2025-04-01" });
    const history = makeHistory({ quotes: [q] });
    const s = settleClient(history, [eur], settings).quotes[0];
    const v = quoteTimeView(q, s, eur, settings);
    expect(v.currency).toBe("USD");
    expect(v.judgedRate).toBe(s.effectiveRate);
    expect(v.loggedRate).toBe(s.effectiveRate);
    expect(v.rates?.floorRate).toBe(9000);
  });
});

describe("clientCreep", () => {
  test("counts accepted jobs whose time counts and that have an estimate; pools them by size", () => {
    const quotes = [
      job({ id: 1, actualMinutes: 70 * H, workDoneOn: "2025-04-01" }), // +75%, crept
      job({ id: 2, actualMinutes: 40 * H, workDoneOn: "2025-04-01" }), // 0%
      job({ id: 3, actualMinutes: 10 * H }), // in progress: not counted
      job({ id: 4, actualMinutes: 10 * H, estimateKnown: false, estimatedMinutes: 10 * H }), // no estimate of its own
      makeQuote({ id: 5, status: "rejected", actualMinutes: 90 * H }), // not accepted
      job({ id: 6 }), // nothing logged
    ];
    const c = clientCreep(settleClient(makeHistory({ quotes }), [service], settings).quotes);
    expect(c).toEqual({ jobs: 2, crept: 1, overrunBp: 3750 });
    expect(clientCreepLine(c, 20, "en-US")).toBe("1 of 2 jobs ran more than 20% over its estimate; together 37.5% over.");
  });
});

describe("the offer check's overrun warning", () => {
  test("pastOverrunOf gathers accepted jobs with time that counts and an estimate of their own", () => {
    const quotes = [
      job({ id: 1, actualMinutes: 70 * H, workDoneOn: "2025-04-01" }),
      job({ id: 2, actualMinutes: 12 * H }), // still going, under estimate: says nothing of an overrun
      job({ id: 3, actualMinutes: 9 * H, estimateKnown: false, estimatedMinutes: 9 * H }),
      makeQuote({ id: 4, status: "sent", estimatedMinutes: 10 * H, actualMinutes: 50 * H }),
      job({ id: 5, actualMinutes: 50 * H }), // past its estimate while going: counts
    ];
    expect(pastOverrunOf(quotes, 20)).toEqual({ overrunBp: 5000, jobs: 2 });
    expect(pastOverrunOf([], 20)).toEqual({ overrunBp: null, jobs: 0 });
  });
  test.each([
    { name: "nothing known", past: null, threshold: 20, warns: null },
    { name: "no job with both", past: { overrunBp: null, jobs: 0 }, threshold: 20, warns: null },
    { name: "under their estimates", past: { overrunBp: -1000, jobs: 3 }, threshold: 20, warns: null },
    { name: "exactly at the threshold: no warning", past: { overrunBp: 2000, jobs: 3 }, threshold: 20, warns: null },
    { name: "just above: a warning", past: { overrunBp: 2001, jobs: 3 }, threshold: 20, warns: "Their jobs ran 20% over estimate on average (3 jobs): price the overrun in." },
    { name: "35% over 3 jobs", past: { overrunBp: 3500, jobs: 3 }, threshold: 20, warns: "Their jobs ran 35% over estimate on average (3 jobs): price the overrun in." },
    { name: "35% under a 50% threshold: none", past: { overrunBp: 3500, jobs: 3 }, threshold: 50, warns: null },
  ])("$name", ({ past, threshold, warns }) => {
    expect(overrunWarning(past, threshold, "en-US")?.text ?? null).toBe(warns);
  });
  test("evaluateOffer carries the warning and its question; without a past, none", () => {
    const input: OfferInput = {
      offeredAmount: 400000,
      currency: "USD",
      minutes: 40 * H,
      rush: false,
      service,
      client: { isNew: false, name: "Acme", fitScore: 80, verdict: "keep", haggledQuotes: 0, quotesWithDecision: 3, avgDaysLate: null, unpaidAskMinutes: 0, unansweredFollowUpsInARow: 0, pastOverrun: { overrunBp: 3500, jobs: 3 } },
      capacity: { weeklyCapacityHours: 40, committedMinutesNext4Weeks: 0, openPipelineCount: 3, openPipelineValue: 0 },
      settings,
    };
    const e = evaluateOffer(input);
    // $4,000 for 40 h is $100/h; 35% more time: $4,000 / 54 h = $74.07/h, below the $100 target, above the $60 floor
    expect(e.overrun).toEqual({
      overrunBp: 3500,
      jobs: 3,
      text: "Their jobs ran 35% over estimate on average (3 jobs): price the overrun in. If this one runs over as much, it pays $74.07/h — below your target of $100.00/h.",
    });
    // 80% over: $4,000 / 72 h = $55.56/h, below the floor
    const worse = evaluateOffer({ ...input, client: { ...input.client, pastOverrun: { overrunBp: 8000, jobs: 2 } } });
    expect(worse.overrun!.text).toContain("it pays $55.56/h — below your floor of $60.00/h.");
    expect(e.questions).toContain("How long will this job really take, if it runs over like their last ones?");
    expect(e.answer).toBe("accept"); // a warning, not a rule: the answer stands
    const none = evaluateOffer({ ...input, client: { ...input.client, pastOverrun: undefined } });
    expect(none.overrun).toBeNull();
    expect(none.answer).toBe(e.answer);
  });
});
