import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { QUOTE_STATUSES, type ClientStatus, type QuoteStatus } from "@/lib/domain";
import {
  usualServiceOf,
  namedMyPrice,
  openingOffer,
  DECIDED_QUOTE_STATUSES,
  afterNegotiationStep,
  clientStatusAfter,
  completedAfterSave,
  datesProblem,
  interactionValues,
  isDecided,
  outcomeChanges,
  quoteEventValues,
  quoteValues,
} from "@/lib/quote-lifecycle";
import type { UpsertQuote } from "@/lib/schemas";
import { makeEvent, makeQuote } from "./fixtures";

const TODAY = "2026-11-30";
const input = (over: Partial<UpsertQuote> = {}): UpsertQuote => ({ clientId: 1, title: "Site", estimatedMinutes: 600, quotedAmount: 100000, currency: "USD", status: "draft", ...over });

describe("decided statuses", () => {
  test("open: draft, sent, negotiating; everything else is a decision", () => {
    expect([...DECIDED_QUOTE_STATUSES].sort()).toEqual(["accepted", "declined_by_me", "expired", "rejected", "withdrawn"]);
    expect(QUOTE_STATUSES.filter((s) => !isDecided(s))).toEqual(["draft", "sent", "negotiating"]);
  });
});

describe("quoteValues: a form's quote as stored", () => {
  test.each<[string, Partial<UpsertQuote>, boolean, string | null]>([
    ["a new draft was not sent", { status: "draft" }, true, null],
    ["a new sent quote with no date was sent today", { status: "sent" }, true, TODAY],
    ["a new quote keeps the date it gives", { status: "sent", sentOn: "2026-11-01" }, true, "2026-11-01"],
    ["an edit never invents a sent date", { status: "sent" }, false, null],
    // found by the fuzz test: a past deal logged today was stored "sent today, decided before"
    ["a new quote decided in the past, no sent date: sent by the day it was decided", { status: "accepted", decidedOn: "2026-10-02" }, true, "2026-10-02"],
    ["a new quote decided later than today keeps today as its sending", { status: "accepted", decidedOn: "2026-12-24" }, true, TODAY],
  ])("%s", (_what, over, isNew, sentOn) => {
    expect(quoteValues(input(over), { isNew, today: TODAY }).sentOn).toBe(sentOn);
  });
  test("optional fields are stored as null, the flag as false", () => {
    expect(quoteValues(input(), { isNew: true, today: TODAY })).toMatchObject({ serviceId: null, scope: null, agreedAmount: null, decidedOn: null, rejectionReason: null, cameBackAtMyPrice: false });
  });
});

describe("completedAfterSave: what a save implies", () => {
  test("an accepted quote with no agreed amount agrees at the price on the table after the negotiation", () => {
    const q = makeQuote({ status: "accepted", decidedOn: "2026-11-02", events: [makeEvent({ kind: "discount_request", percentBp: 1000 }), makeEvent({ kind: "my_answer", answer: "conceded" })] });
    // $1,000 quoted, 10% asked and conceded: $900
    expect(completedAfterSave(q, TODAY)).toEqual({ agreedAmount: 90000 });
  });
  test("a decided quote with no date was decided today; an agreed amount already set is kept", () => {
    expect(completedAfterSave(makeQuote({ status: "rejected" }), TODAY)).toEqual({ decidedOn: TODAY });
    expect(completedAfterSave(makeQuote({ status: "accepted", agreedAmount: 50000 }), TODAY)).toEqual({ decidedOn: TODAY });
  });
  test.each<QuoteStatus>(["draft", "sent", "negotiating"])("an open quote (%s) needs nothing", (status) => {
    expect(completedAfterSave(makeQuote({ status }), TODAY)).toBeNull();
  });
});

describe("outcomeChanges: setting the outcome keeps what the user did not say", () => {
  const existing = makeQuote({ status: "negotiating", agreedAmount: null, sentOn: "2026-10-01", rejectionReason: null });
  test.each<[string, Parameters<typeof outcomeChanges>[1], Record<string, unknown>]>([
    ["accepted with an amount", { status: "accepted", agreedAmount: 80000 }, { status: "accepted", agreedAmount: 80000, decidedOn: TODAY, rejectionReason: null, sentOn: "2026-10-01" }],
    ["rejected with a reason and a date", { status: "rejected", rejectionReason: "wrong_timing", decidedOn: "2026-11-20" }, { decidedOn: "2026-11-20", rejectionReason: "wrong_timing" }],
    ["back to negotiating clears the decision", { status: "negotiating" }, { decidedOn: null, rejectionReason: null }],
  ])("%s", (_what, outcome, expected) => {
    expect(outcomeChanges(existing, outcome, TODAY)).toMatchObject(expected);
  });
  test("a reason only stays on rejected or declined quotes", () => {
    const declined = makeQuote({ status: "declined_by_me", rejectionReason: "price", decidedOn: "2026-11-01" });
    expect(outcomeChanges(declined, { status: "declined_by_me" }, TODAY)).toMatchObject({ rejectionReason: "price", decidedOn: "2026-11-01" });
    expect(outcomeChanges(declined, { status: "accepted" }, TODAY)).toMatchObject({ rejectionReason: null });
  });
  test("a decision is never dated before the sending: no date means today or the sent day, whichever is later", () => {
    expect(outcomeChanges(makeQuote({ status: "sent", sentOn: "2027-01-10" }), { status: "accepted" }, TODAY).decidedOn).toBe("2027-01-10");
    // a draft decided in the past was sent by then, not today
    expect(outcomeChanges(makeQuote({ status: "draft", sentOn: null }), { status: "rejected", decidedOn: "2026-10-01" }, TODAY)).toMatchObject({ sentOn: "2026-10-01", decidedOn: "2026-10-01" });
    expect(datesProblem({ sentOn: "2026-11-20", decidedOn: "2026-11-01" })).toMatchObject({ field: "decidedOn" });
    expect(datesProblem({ sentOn: "2026-11-20", decidedOn: "2026-11-20" })).toBeNull();
    expect(completedAfterSave(makeQuote({ status: "rejected", sentOn: "2027-01-10" }), TODAY)).toEqual({ decidedOn: "2027-01-10" });
  });
  test("a draft marked sent was sent today; a draft kept as draft was not", () => {
    const draft = makeQuote({ status: "draft", sentOn: null });
    expect(outcomeChanges(draft, { status: "sent" }, TODAY).sentOn).toBe(TODAY);
    expect(outcomeChanges(draft, { status: "draft" }, TODAY).sentOn).toBeNull();
  });
});

describe("afterNegotiationStep: a first ask moves an open quote to negotiating", () => {
  test.each<[QuoteStatus, string | null, Record<string, unknown> | null]>([
    ["draft", null, { status: "negotiating", sentOn: "2026-11-10" }],
    ["sent", "2026-11-01", { status: "negotiating", sentOn: "2026-11-01" }],
    ["negotiating", "2026-11-01", null],
    ["accepted", "2026-11-01", null],
    ["rejected", "2026-11-01", null],
  ])("%s (sent %s)", (status, sentOn, expected) => {
    expect(afterNegotiationStep(makeQuote({ status, sentOn }), "2026-11-10")).toEqual(expected);
  });
  test("property: a decided quote never changes status because of a negotiation step", () => {
    fc.assert(
      fc.property(fc.constantFrom(...DECIDED_QUOTE_STATUSES), fc.constantFrom("2026-01-01", "2030-12-31"), (status, on) => afterNegotiationStep(makeQuote({ status }), on) === null),
    );
  });
});

describe("what a logged step or interaction stores", () => {
  test.each([
    [{ kind: "discount_request" as const, percentBp: 1500 }, { percentBp: 1500, amount: null, occurredOn: TODAY }],
    [{ kind: "discount_request" as const, amountOff: 20000, occurredOn: "2026-11-01" }, { percentBp: null, amount: 20000, occurredOn: "2026-11-01" }],
    [{ kind: "my_answer" as const, answer: "cut_scope" as const, scopeMinutes: 300 }, { answer: "cut_scope", scopeMinutes: 300 }],
    [{ kind: "client_counter" as const, amount: 70000 }, { amount: 70000, answer: null }],
  ])("%o", (event, expected) => {
    expect(quoteEventValues(7, event, TODAY)).toMatchObject({ quoteId: 7, ...expected });
  });
  test.each([
    [{ kind: "ask" as const, subtype: "scope_creep" as const, minutes: 30, paid: false }, { initiatedBy: "client", minutes: 30, paid: false }],
    [{ kind: "follow_up" as const, answered: false }, { initiatedBy: "me", answered: false, minutes: null }],
    [{ kind: "payment" as const, daysLate: 12 }, { initiatedBy: "client", daysLate: 12, amount: null }],
    [{ kind: "give" as const, subtype: "referral" as const }, { initiatedBy: "client", subtype: "referral" }],
  ])("%o", (interaction, expected) => {
    expect(interactionValues(3, interaction, TODAY)).toMatchObject({ clientId: 3, occurredOn: TODAY, quoteId: null, ...expected });
  });
});

describe("clientStatusAfter: an accepted quote makes a prospect a client you work with", () => {
  test.each<[ClientStatus, QuoteStatus, ClientStatus | null]>([
    ["prospect", "accepted", "active"],
    ["prospect", "rejected", null],
    ["prospect", "negotiating", null],
    ["active", "accepted", null],
    ["paused", "accepted", null],
    ["walked_away", "accepted", null],
  ])("%s + quote %s → %s", (client, quote, expected) => {
    expect(clientStatusAfter(client, quote)).toBe(expected);
  });
});

describe("a quote opened from the client's offer", () => {
  const opened = (events: Parameters<typeof makeEvent>[0][]) =>
    makeQuote({ quotedAmount: 280000, sentOn: "2026-11-30", events: events.map((e, i) => makeEvent({ id: i + 1, occurredOn: "2026-11-30", ...e })) });
  test.each([
    ["their offer at the quoted price on the day it opened", [{ kind: "client_counter", amount: 280000 }], true, false],
    ["then my counter: I named a price", [{ kind: "client_counter", amount: 280000 }, { kind: "my_counter", amount: 330000 }], true, true],
    ["a counter at another price: a quote I priced", [{ kind: "client_counter", amount: 250000 }], false, true],
    ["a discount request first: a quote I priced", [{ kind: "discount_request", percentBp: 1000 }], false, true],
    ["their offer on a later day: a quote I priced", [{ kind: "client_counter", amount: 280000, occurredOn: "2026-12-02" }], false, true],
    ["nothing logged: a quote I priced", [], false, true],
  ] as const)("%s", (_, events, isOpened, named) => {
    const q = opened(events as never);
    expect(openingOffer(q) != null).toBe(isOpened);
    expect(namedMyPrice(q)).toBe(named);
  });
});

describe("a client's usual service (a new quote starts on it)", () => {
  test.each([
    ["no quotes", [], null],
    ["only quotes without a service", [{ id: 1, serviceId: null, sentOn: "2026-01-01" }], null],
    ["the latest quote's service, by sending day", [{ id: 1, serviceId: 3, sentOn: "2026-03-01" }, { id: 2, serviceId: 5, sentOn: "2026-01-01" }], 3],
    ["a draft (not sent) counts by when it was written", [{ id: 1, serviceId: 3, sentOn: "2026-03-01" }, { id: 2, serviceId: 5, sentOn: null, createdAt: "2026-04-02T10:00:00.000Z" }], 5],
    ["the same day: the later id", [{ id: 7, serviceId: 3, sentOn: "2026-03-01" }, { id: 9, serviceId: 5, sentOn: "2026-03-01" }], 5],
    ["a later quote without a service does not hide the usual one", [{ id: 1, serviceId: 3, sentOn: "2026-03-01" }, { id: 2, serviceId: null, sentOn: "2026-05-01" }], 3],
  ] as const)("%s", (_, quotes, expected) => {
    expect(usualServiceOf(quotes.map((q) => ({ createdAt: "2026-01-01T00:00:00.000Z", ...q })))).toBe(expected);
  });
});
