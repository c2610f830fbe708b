/** Today's pure rules, table-tested on fixed days (no test reads the clock). */
import { beforeEach, describe, expect, test } from "vitest";
import type { Interaction, QuoteEvent } from "@/lib/domain";
import { PURSUIT_LINE, answerOwedItem, chaseItem, daysSince, oneMessagePerClient, walkAwayItem, worstCriterion, type TodayItem } from "@/lib/today";
import type { CriterionScore, FitAssessment } from "@/lib/worth";
import { makeClient, makeEvent, makeInteraction, makeQuote, makeSettings, resetIds } from "./fixtures";

const TODAY = "2025-06-30";
const client = makeClient({ id: 1, name: "Acme" });
const settings = makeSettings({ followUpAfterDays: 7, chaseThreshold: 2 });

beforeEach(() => resetIds());

const ev = (kind: QuoteEvent["kind"], occurredOn: string, more: Partial<QuoteEvent> = {}) => makeEvent({ kind, occurredOn, ...more });
const fu = (occurredOn: string, answered: boolean | null, quoteId = 7): Interaction => makeInteraction({ kind: "follow_up", occurredOn, answered, quoteId, initiatedBy: "me" });

describe("daysSince", () => {
  test.each([
    ["2025-06-30", 0],
    ["2025-06-29", 1],
    ["2025-06-01", 29],
    ["2025-07-05", 0],
    ["2025-06-26T10:00:00.000Z", 4],
  ])("from %s to 2025-06-30: %i", (from, days) => expect(daysSince(from, TODAY)).toBe(days));
});

describe("answers owed: the client's step is the last one", () => {
  test.each<{ name: string; status?: "sent" | "negotiating" | "accepted" | "draft"; events: () => QuoteEvent[]; reason: string | null; amount?: number }>([
    {
      name: "the one polite ask still waiting (20% off)",
      events: () => [ev("discount_request", "2025-06-26", { percentBp: 2000 })],
      reason: "They asked for 20% off (\u2212$200.00) on Jun 26, 2025; waiting 4 days on your answer.",
      amount: 80000,
    },
    {
      name: "an amount off",
      status: "negotiating",
      events: () => [ev("discount_request", "2025-06-30", { amount: 15000 })],
      reason: "They asked for $150.00 off today; waiting on your answer.",
      amount: 85000,
    },
    {
      name: "a counter-offer",
      status: "negotiating",
      events: () => [ev("client_counter", "2025-06-29", { amount: 70000 })],
      reason: "They countered at $700.00 on Jun 29, 2025; waiting 1 day on your answer.",
      amount: 70000,
    },
    {
      name: "asked again after my answer",
      status: "negotiating",
      events: () => [ev("discount_request", "2025-06-10", { percentBp: 1000 }), ev("my_answer", "2025-06-11", { answer: "held_firm" }), ev("client_counter", "2025-06-20", { amount: 90000 })],
      reason: "They countered at $900.00 on Jun 20, 2025; waiting 10 days on your answer.",
      amount: 90000,
    },
    { name: "answered (held firm)", status: "negotiating", events: () => [ev("discount_request", "2025-06-26", { percentBp: 2000 }), ev("my_answer", "2025-06-27", { answer: "held_firm" })], reason: null },
    { name: "answered with my counter", status: "negotiating", events: () => [ev("client_counter", "2025-06-26", { amount: 50000 }), ev("my_counter", "2025-06-26", { amount: 90000 })], reason: null },
    { name: "no negotiation at all", events: () => [], reason: null },
    { name: "a decided quote", status: "accepted", events: () => [ev("discount_request", "2025-06-26", { percentBp: 2000 })], reason: null },
    { name: "a draft", status: "draft", events: () => [ev("discount_request", "2025-06-26", { percentBp: 2000 })], reason: null },
  ])("$name", ({ status, events, reason, amount }) => {
    const quote = makeQuote({ id: 7, status: status ?? "sent", title: "Website", sentOn: "2025-06-01", events: events() });
    const item = answerOwedItem(quote, client, TODAY);
    if (reason === null) return expect(item).toBeNull();
    const last = quote.events[quote.events.length - 1];
    expect(item).toMatchObject({
      key: "answer:quote:7",
      kind: "answer_owed",
      quoteId: 7,
      clientId: 1,
      title: "Answer Acme on \u201cWebsite\u201d",
      reason,
      since: last.occurredOn,
      fingerprint: `event:${last.id}`,
      amount: { value: amount, currency: "USD" },
    });
    expect(item!.actions[0]).toEqual({ type: "link", label: "Check their offer", href: "/offer?quoteId=7&check=1" });
  });

  test("the same day: my answer logged after their ask (by id) settles it, whatever order the events come in", () => {
    const ask = makeEvent({ id: 1, kind: "discount_request", occurredOn: "2025-06-28", percentBp: 1000 });
    const answer = makeEvent({ id: 2, kind: "my_answer", occurredOn: "2025-06-28", answer: "conceded" });
    expect(answerOwedItem(makeQuote({ id: 7, events: [answer, ask] }), client, TODAY)).toBeNull();
  });
});

describe("follow up once, then stop chasing", () => {
  type Row = { name: string; sentOn: string; fus?: Interaction[]; events?: QuoteEvent[]; status?: "sent" | "negotiating"; threshold?: number; kind: "follow_up" | "stop_chasing" | null; reason?: string; fingerprint?: string };
  test.each<Row>([
    { name: "sent 9 days ago, silent", sentOn: "2025-06-21", kind: "follow_up", reason: "Sent 9 days ago, no reply: follow up once.", fingerprint: "sent|0|2025-06-21" },
    { name: "sent exactly 7 days ago", sentOn: "2025-06-23", kind: "follow_up", fingerprint: "sent|0|2025-06-23" },
    { name: "sent 6 days ago: too soon", sentOn: "2025-06-24", kind: null },
    {
      name: "one follow-up, still silent",
      sentOn: "2025-06-01",
      fus: [fu("2025-06-12", null)],
      kind: "follow_up",
      reason: "Sent 29 days ago and followed up on Jun 12, 2025, no reply: follow up one last time.",
      fingerprint: "sent|1|2025-06-12",
    },
    { name: "followed up 3 days ago: give it time", sentOn: "2025-06-01", fus: [fu("2025-06-27", null)], kind: null },
    {
      name: "the ghost: silent after 2 follow-ups",
      sentOn: "2025-06-01",
      fus: [fu("2025-06-09", false), fu("2025-06-17", null)],
      kind: "stop_chasing",
      reason: `Sent 29 days ago; 2 follow-ups since, no reply. ${PURSUIT_LINE} Stop chasing: mark the quote expired, or record that they walked away.`,
      fingerprint: "sent|2|2025-06-17",
    },
    { name: "a chase threshold of 1: stop after one", sentOn: "2025-06-01", fus: [fu("2025-06-09", null)], threshold: 1, kind: "stop_chasing" },
    { name: "a chase threshold of 0 is read as 1", sentOn: "2025-06-01", threshold: 0, kind: "follow_up" },
    { name: "they replied to a follow-up", sentOn: "2025-06-01", fus: [fu("2025-06-09", true)], kind: null },
    { name: "they replied to the second one", sentOn: "2025-06-01", fus: [fu("2025-06-09", false), fu("2025-06-15", true)], kind: null },
    { name: "a follow-up on another quote does not count", sentOn: "2025-06-01", fus: [fu("2025-06-09", null, 8), fu("2025-06-10", null, 8)], kind: "follow_up", fingerprint: "sent|0|2025-06-01" },
    { name: "a follow-up before the sending does not count", sentOn: "2025-06-01", fus: [fu("2025-05-20", null)], kind: "follow_up", fingerprint: "sent|0|2025-06-01" },
    { name: "they asked for a discount: an answer is owed, not a chase", sentOn: "2025-06-01", events: [ev("discount_request", "2025-06-05", { percentBp: 1000 })], kind: null },
    { name: "negotiating: not a silent quote", sentOn: "2025-06-01", status: "negotiating", kind: null },
  ])("$name", ({ sentOn, fus, events, status, threshold, kind, reason, fingerprint }) => {
    const quote = makeQuote({ id: 7, status: status ?? "sent", title: "Website", sentOn, events: events ?? [] });
    const item = chaseItem(quote, client, fus ?? [], { ...settings, chaseThreshold: threshold ?? 2 }, TODAY);
    if (kind === null) return expect(item).toBeNull();
    expect(item).toMatchObject({ key: "chase:quote:7", kind, since: sentOn, days: daysSince(sentOn, TODAY), amount: { value: 100000, currency: "USD" } });
    if (reason) expect(item!.reason).toBe(reason);
    if (fingerprint) expect(item!.fingerprint).toBe(fingerprint);
    if (kind === "stop_chasing") {
      expect(item!.actions.map((a) => a.type)).toEqual(["mark_expired", "client_walked_away"]);
      expect(item!.title).toBe("Stop chasing Acme on \u201cWebsite\u201d");
    } else {
      expect(item!.actions[0]).toEqual({ type: "follow_up", label: "Log my follow-up", quoteId: 7 });
      expect(item!.message).toMatch(/^Hi Acme, following up on my quote for Website \(\$1,000\.00\), sent on /);
    }
  });

  test("a quote with no sending day waits from the day it was created", () => {
    const quote = makeQuote({ id: 7, sentOn: null, createdAt: "2025-06-10T09:00:00.000Z" });
    expect(chaseItem(quote, client, [], settings, TODAY)).toMatchObject({ since: "2025-06-10", days: 20, fingerprint: "sent|0|2025-06-10" });
  });

  test("the follow-up setting: 14 days", () => {
    const quote = makeQuote({ id: 7, sentOn: "2025-06-21" });
    expect(chaseItem(quote, client, [], { ...settings, followUpAfterDays: 14 }, TODAY)).toBeNull();
    expect(chaseItem(quote, client, [], { ...settings, followUpAfterDays: 14 }, "2025-07-05")).not.toBeNull();
  });

  test("the user's follow-up template is filled in; no discount in the built-in one", () => {
    const quote = makeQuote({ id: 7, title: "Logo", sentOn: "2025-06-01" });
    const mine = chaseItem(quote, client, [], settings, TODAY, { template: "Hello {client}: any news on {quote} ({price}, {sentOn})? {unknown}" });
    expect(mine!.message).toBe("Hello Acme: any news on Logo ($1,000.00, Jun 1, 2025)? {unknown}");
    const builtIn = chaseItem(quote, client, [], settings, TODAY, { template: "   " })!.message!;
    expect(builtIn).toContain("Acme");
    expect(builtIn).not.toMatch(/discount|% off|sorry|please/i);
  });
});

describe("a reminder after my answer: my step is the last one and they have gone quiet", () => {
  type Row = { name: string; events: () => QuoteEvent[]; fus?: Interaction[]; status?: "sent" | "negotiating"; threshold?: number; kind: "follow_up" | "stop_chasing" | null; reason?: string; since?: string; amount?: number };
  test.each<Row>([
    {
      name: "held firm 8 days ago, silent since",
      events: () => [ev("discount_request", "2025-06-20", { percentBp: 2000 }), ev("my_answer", "2025-06-22", { answer: "held_firm" })],
      kind: "follow_up",
      reason: "You answered on Jun 22, 2025 ($1,000.00); no reply in 8 days: follow up once.",
      since: "2025-06-22",
      amount: 100000,
    },
    {
      name: "my counter 7 days ago (exactly the setting)",
      events: () => [ev("client_counter", "2025-06-20", { amount: 60000 }), ev("my_counter", "2025-06-23", { amount: 90000 })],
      kind: "follow_up",
      reason: "You answered on Jun 23, 2025 ($900.00); no reply in 7 days: follow up once.",
      since: "2025-06-23",
      amount: 90000,
    },
    { name: "my answer 6 days ago: too soon", events: () => [ev("discount_request", "2025-06-20", { percentBp: 1000 }), ev("my_answer", "2025-06-24", { answer: "conceded" })], kind: null },
    {
      name: "met halfway, then one follow-up: one last time",
      events: () => [ev("discount_request", "2025-06-01", { percentBp: 2000 }), ev("my_answer", "2025-06-02", { answer: "met_halfway" })],
      fus: [fu("2025-06-12", null)],
      kind: "follow_up",
      reason: "You answered on Jun 2, 2025 ($900.00) and followed up on Jun 12, 2025, no reply: follow up one last time.",
    },
    {
      name: "two unanswered follow-ups after my answer: stop chasing",
      events: () => [ev("client_counter", "2025-06-01", { amount: 70000 }), ev("my_answer", "2025-06-02", { answer: "held_firm" })],
      fus: [fu("2025-06-10", false), fu("2025-06-18", null)],
      kind: "stop_chasing",
      reason: `You answered on Jun 2, 2025 ($1,000.00); 2 follow-ups since, no reply. ${PURSUIT_LINE} Stop chasing: mark the quote expired, or record that they walked away.`,
    },
    {
      name: "follow-ups before my answer do not count",
      events: () => [ev("discount_request", "2025-06-01", { percentBp: 1000 }), ev("my_answer", "2025-06-15", { answer: "held_firm" })],
      fus: [fu("2025-06-05", null), fu("2025-06-08", null)],
      kind: "follow_up",
      reason: "You answered on Jun 15, 2025 ($1,000.00); no reply in 15 days: follow up once.",
    },
    { name: "they answered my follow-up", events: () => [ev("discount_request", "2025-06-01", { percentBp: 1000 }), ev("my_answer", "2025-06-02", { answer: "held_firm" })], fus: [fu("2025-06-10", true)], kind: null },
    { name: "their step is the last one: an answer is owed, not a chase", events: () => [ev("my_counter", "2025-06-01", { amount: 90000 }), ev("client_counter", "2025-06-05", { amount: 80000 })], kind: null },
    {
      name: "still 'sent' but I answered their ask: the reminder counts from my answer",
      status: "sent",
      events: () => [ev("discount_request", "2025-06-10", { percentBp: 1000 }), ev("my_answer", "2025-06-11", { answer: "held_firm" })],
      kind: "follow_up",
      since: "2025-06-11",
    },
  ])("$name", ({ events, fus, status, threshold, kind, reason, since, amount }) => {
    const quote = makeQuote({ id: 7, status: status ?? "negotiating", title: "Website", sentOn: "2025-05-20", events: events() });
    const item = chaseItem(quote, client, fus ?? [], { ...settings, chaseThreshold: threshold ?? 2 }, TODAY);
    if (kind === null) return expect(item).toBeNull();
    expect(item).toMatchObject({ key: "chase:quote:7", kind });
    if (reason) expect(item!.reason).toBe(reason);
    if (since) expect(item).toMatchObject({ since, days: daysSince(since, TODAY) });
    if (amount !== undefined) expect(item!.amount).toEqual({ value: amount, currency: "USD" });
    const last = quote.events[quote.events.length - 1];
    expect(item!.fingerprint).toMatch(new RegExp(`\\|event:${last.id}$`));
    if (kind === "follow_up") expect(item!.message).toMatch(/^Hi Acme, following up on my answer about Website \(/);
  });

  test("a new answer of mine after a follow-up starts a new chase (new fingerprint)", () => {
    const first = [ev("discount_request", "2025-06-01", { percentBp: 1000 }), ev("my_answer", "2025-06-02", { answer: "held_firm" })];
    const a = chaseItem(makeQuote({ id: 7, status: "negotiating", events: first }), client, [], settings, TODAY)!;
    const again = [...first, ev("client_counter", "2025-06-05", { amount: 95000 }), ev("my_counter", "2025-06-06", { amount: 98000 })];
    const b = chaseItem(makeQuote({ id: 7, status: "negotiating", events: again }), client, [], settings, TODAY)!;
    expect(a.fingerprint).not.toBe(b.fingerprint);
    expect(b.reason).toBe("You answered on Jun 6, 2025 ($980.00); no reply in 24 days: follow up once.");
  });
});

describe("one client, one message", () => {
  const item = (kind: TodayItem["kind"], clientId: number, reason = "Why."): TodayItem => ({
    key: `${kind}:${clientId}`,
    kind,
    clientId,
    clientName: `C${clientId}`,
    quoteId: null,
    title: kind,
    reason,
    since: TODAY,
    days: 0,
    fingerprint: "f",
    actions: [],
  });
  test("a walk-away client gets no raise; their answer owed says to consider declining; others are untouched", () => {
    const items = [item("answer_owed", 1, "They asked for 20% off today; waiting on your answer."), item("walk_away", 1), item("raise_due", 1), item("raise_due", 2), item("answer_owed", 2)];
    const out = oneMessagePerClient(items, new Map([[1, 28]]));
    expect(out.map((i) => i.key)).toEqual(["answer_owed:1", "walk_away:1", "raise_due:2", "answer_owed:2"]);
    expect(out[0].reason).toBe("They asked for 20% off today; waiting on your answer. Fit 28/100: walk-away band \u2014 consider declining.");
    expect(out[0].fingerprint).toBe("f");
    expect(out[3].reason).toBe("Why.");
    expect(items[0].reason).toBe("They asked for 20% off today; waiting on your answer.");
  });
  test("no walk-away client: the same list", () => {
    const items = [item("raise_due", 1), item("answer_owed", 1)];
    expect(oneMessagePerClient(items, new Map())).toEqual(items);
  });
});

const criterion = (key: CriterionScore["key"], score: number | null, evidence: string, weight = 1): CriterionScore => ({
  key,
  label: key,
  score,
  weight,
  evidence: [evidence],
  improve: "",
  evidenceCount: 3,
  evidenceWeight: 3,
});
const assessment = (verdict: FitAssessment["verdict"], score: number | null, criteria: CriterionScore[]) => ({ verdict, score, criteria });

describe("clients to walk away from", () => {
  const criteria = [criterion("pricePressure", 20, "Asked for a discount on 4 of 5 quotes"), criterion("chasing", 45, "2 of 3 follow-ups went unanswered"), criterion("pay", 5, "No weight", 0), criterion("payment", null, "No payments")];
  test.each([
    { name: "active, walk-away band", status: "active" as const, verdict: "walk_away" as const, reason: "Fit 28/100 \u2014 asked for a discount on 4 of 5 quotes." },
    { name: "a prospect is not listed", status: "prospect" as const, verdict: "walk_away" as const, reason: null },
    { name: "already walked away", status: "walked_away" as const, verdict: "walk_away" as const, reason: null },
    { name: "set boundaries is not walk away", status: "active" as const, verdict: "set_boundaries" as const, reason: null },
  ])("$name", ({ status, verdict, reason }) => {
    const item = walkAwayItem(makeClient({ id: 4, name: "Bargain Bin", status }), assessment(verdict, 28, criteria), TODAY, "2025-06-20");
    if (reason === null) return expect(item).toBeNull();
    expect(item).toMatchObject({ key: "walk_away:client:4", kind: "walk_away", quoteId: null, reason, fingerprint: "walk_away|2025-06-20|pricePressure", since: "2025-06-20", days: 10, title: "Walk away from Bargain Bin" });
    expect(item!.actions).toEqual([
      { type: "link", label: "See why", href: "/clients/4" },
      { type: "walk_away_client", label: "Walk away", clientId: 4 },
    ]);
  });

  test("the worst criterion: the lowest score that counts (weight > 0, known)", () => {
    expect(worstCriterion(criteria)?.key).toBe("pricePressure");
    expect(worstCriterion([criterion("payment", null, "x")])).toBeNull();
  });

  test("new facts make a new fingerprint (a new latest activity, another worst criterion); a score drifting as evidence ages does not", () => {
    const a = walkAwayItem(makeClient({ id: 4 }), assessment("walk_away", 28, criteria), TODAY, "2025-06-20")!;
    const drift = walkAwayItem(makeClient({ id: 4 }), assessment("walk_away", 27, criteria), TODAY, "2025-06-20")!;
    const newAsk = walkAwayItem(makeClient({ id: 4 }), assessment("walk_away", 25, criteria), TODAY, "2025-06-29")!;
    const otherWorst = walkAwayItem(makeClient({ id: 4 }), assessment("walk_away", 28, [criterion("chasing", 10, "4 of 4 follow-ups went unanswered"), ...criteria]), TODAY, "2025-06-20")!;
    expect(drift.fingerprint).toBe(a.fingerprint);
    expect(newAsk.fingerprint).not.toBe(a.fingerprint);
    expect(otherWorst.fingerprint).not.toBe(a.fingerprint);
    expect(walkAwayItem(makeClient({ id: 4 }), assessment("walk_away", 28, criteria), TODAY)).toMatchObject({ since: TODAY, days: 0 });
  });
});
