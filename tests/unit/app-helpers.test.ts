import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { z } from "zod";
import { errorsForSentNames, formInput } from "@/lib/form-input";
import { deadlineIsRush, offerClientFrom, scopeToMinutes } from "@/lib/offer-check";
import { createInteractionSchema, createQuoteEventSchema, fieldErrors, isoDateSchema, moneySchema, renameAliases, upsertQuoteSchema, upsertServiceSchema } from "@/lib/schemas";
import { offerCheckSchema } from "@/lib/offer-check/schemas";
import { clientTimeline, quoteTimeline } from "@/lib/timeline";
import { assessClient } from "@/lib/worth";
import { makeEvent, makeHistory, makeInteraction, makeQuote, makeService, makeSettings, shuffleHistory } from "./fixtures";

const moneyForm = z.object({ amount: moneySchema, note: z.string().optional() });
const mixedForm = z.object({
  a: moneySchema.optional(),
  b: isoDateSchema.nullable().optional(),
  paid: z.boolean(),
  h: z.number().optional(),
});

describe("formInput: what a person types becomes schema input, field types read from the schema", () => {
  test.each([
    ["1200", 120000],
    ["1,200.50", 120050],
    ["99.9", 9990],
    ["0.01", 1],
  ])("money %s → %i minor units", (typed, minor) => {
    expect(formInput(moneyForm, { amount: typed }, "USD").amount).toBe(minor);
  });
  test("unparseable money stays as typed so the schema reports the field", () => {
    expect(formInput(moneyForm, { amount: "12.345" }, "USD").amount).toBe("12.345");
    expect(formInput(moneyForm, { amount: "abc" }, "USD").amount).toBe("abc");
  });
  test("zero-decimal currencies parse whole yen", () => {
    expect(formInput(moneyForm, { amount: "1500" }, "JPY").amount).toBe(1500);
    expect(formInput(moneyForm, { amount: "1500.5" }, "JPY").amount).toBe("1500.5");
  });
  test("empty fields: undefined, or null where the schema accepts null; checkboxes are booleans even when absent", () => {
    expect(formInput(mixedForm, { a: "", b: "" }, "USD")).toEqual({ a: undefined, b: null, paid: false });
    expect(formInput(mixedForm, { paid: "on" }, "USD")).toEqual({ paid: true });
    expect(formInput(mixedForm, { paid: "false" }, "USD")).toEqual({ paid: false });
  });
  test("decimal comma hours become numbers", () => {
    expect(formInput(mixedForm, { h: "7,5" }, "USD").h).toBe(7.5);
  });
  test("the real forms: a quote's hours and money, an event's percent, a union's checkboxes", () => {
    const quote = formInput(upsertQuoteSchema, { clientId: "3", serviceId: "", title: "Site", estimatedHours: "7,5", quotedAmount: "1,200", agreedAmount: "", currency: "USD" }, "USD");
    expect(quote).toMatchObject({ clientId: 3, serviceId: null, estimatedHours: 7.5, quotedAmount: 120000, agreedAmount: null, cameBackAtMyPrice: false });
    expect(upsertQuoteSchema.parse(quote).estimatedMinutes).toBe(450);
    const ev = formInput(createQuoteEventSchema, { kind: "discount_request", percent: "12.5", amountOff: "" }, "USD");
    expect(createQuoteEventSchema.parse(ev)).toMatchObject({ kind: "discount_request", percentBp: 1250 });
    expect(formInput(createInteractionSchema, { kind: "follow_up" }, "USD")).toMatchObject({ answered: false, paid: false });
  });
});

describe("old input names: hours and percents are still accepted, errors named as they were sent", () => {
  test.each([
    [{ estimatedHours: 7.5 }, { estimatedMinutes: 450 }],
    [{ estimatedHours: 0.001 }, { estimatedMinutes: 1 }],
    [{ estimatedHours: 2, estimatedMinutes: 30 }, { estimatedMinutes: 30 }],
    [{ percent: 12.5 }, { percentBp: 1250 }],
    [{ percent: 0.004 }, { percentBp: 0 }],
    [{ scopeHours: "x" }, { scopeMinutes: "x" }],
  ])("%o → %o", (input, expected) => {
    expect(renameAliases(input)).toEqual(expected);
  });
  test("an error on the stored name is shown on the old name the input used", () => {
    const input = { kind: "discount_request", percent: 150 };
    const r = createQuoteEventSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(Object.keys(errorsForSentNames(fieldErrors(r.error!), input))).toEqual(["percent"]);
  });
});

describe("schemas refuse bad input with field errors", () => {
  const service = { name: "Web", unit: "hour", currency: "usd", marketRate: 12000, targetRate: 10000, floorRate: 8000 };
  test("a valid service is normalised (currency upper-cased)", () => {
    expect(upsertServiceSchema.parse(service).currency).toBe("USD");
  });
  test.each([
    [{ ...service, floorRate: 10001 }, "floorRate"],
    [{ ...service, name: "  " }, "name"],
    [{ ...service, currency: "DOLLARS" }, "currency"],
    [{ ...service, targetRate: -1 }, "targetRate"],
    [{ ...service, marketRate: 1.5 }, "marketRate"],
    [{ ...service, unit: "week" }, "unit"],
  ])("service %# → error on %s", (input, field) => {
    const r = upsertServiceSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join("."))).toContain(field);
  });
  test.each([
    [{ kind: "discount_request" }, "percentBp"],
    [{ kind: "discount_request", percent: 10, amountOff: 500 }, "percentBp"],
    [{ kind: "discount_request", percent: 150 }, "percentBp"],
    [{ kind: "discount_request", percentBp: 12.5 }, "percentBp"],
    [{ kind: "my_answer", answer: "begged" }, "answer"],
    [{ kind: "client_counter", amount: -5 }, "amount"],
    [{ kind: "party" }, "kind"],
  ])("negotiation event %# → error on %s", (input, field) => {
    const r = createQuoteEventSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join("."))).toContain(field);
  });
  test.each([
    [{ kind: "ask", subtype: "quick_question", minutes: 0 }, "minutes"],
    [{ kind: "ask", subtype: "referral", minutes: 10 }, "subtype"],
    [{ kind: "payment", daysLate: -1 }, "daysLate"],
    [{ kind: "follow_up", answered: "maybe" }, "answered"],
  ])("interaction %# → error on %s", (input, field) => {
    const r = createInteractionSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join("."))).toContain(field);
  });
  test("a follow-up without an answer is one still waiting for it (answered unknown)", () => {
    expect(createInteractionSchema.parse({ kind: "follow_up" })).toEqual({ kind: "follow_up" });
    expect(createInteractionSchema.parse({ kind: "follow_up", answered: null })).toMatchObject({ answered: null });
  });
  test("a quote decided before it was sent, or with a reason while accepted, is refused", () => {
    const base = { clientId: 1, title: "T", estimatedHours: 1, quotedAmount: 100, currency: "USD" };
    expect(upsertQuoteSchema.safeParse({ ...base, sentOn: "2026-02-01", decidedOn: "2026-01-01" }).success).toBe(false);
    expect(upsertQuoteSchema.safeParse({ ...base, status: "accepted", rejectionReason: "price" }).success).toBe(false);
    expect(upsertQuoteSchema.safeParse({ ...base, status: "rejected", rejectionReason: "wrong_fit" }).success).toBe(true);
  });
  test("an offer needs a client or a prospect name, reported with the other field errors", () => {
    const r = offerCheckSchema.safeParse({ scopeAmount: -1, offeredAmount: 0, currency: "USD" });
    expect(r.success).toBe(false);
    const fields = r.error!.issues.map((i) => i.path.join("."));
    expect(fields).toEqual(expect.arrayContaining(["newClientName", "scopeAmount", "offeredAmount"]));
  });
  test("no input ever throws instead of returning errors", () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        for (const schema of [upsertServiceSchema, createQuoteEventSchema, createInteractionSchema, offerCheckSchema, upsertQuoteSchema]) schema.safeParse(input);
      }),
      { numRuns: 500 },
    );
  });
});

describe("offer context", () => {
  test.each([
    [null, "2026-01-05", 600, 30, false],
    ["2026-01-05", "2026-01-05", 60, 30, true], // due today
    ["2026-01-12", "2026-01-05", 20 * 60, 30, false], // 5 working days × 6 h = 30 h ≥ 20 h
    ["2026-01-12", "2026-01-05", 40 * 60, 30, true], // 40 h does not fit in 30 h
    ["2026-03-01", "2026-01-05", 40 * 60, 30, false],
  ])("deadline %s from %s, %i minutes, %i h/week → rush %s", (deadline, today, minutes, cap, rush) => {
    expect(deadlineIsRush(deadline, today, minutes, cap)).toBe(rush);
  });
  test.each([
    [10, "hours", 8, 600],
    [2, "days", 8, 960],
    [1.5, "days", 6, 540],
    [0.25, "hours", 8, 15],
  ] as const)("%s %s at %i h/day → %i minutes", (amount, unit, hpd, minutes) => {
    expect(scopeToMinutes(amount, unit, hpd)).toBe(minutes);
  });
  test("a client's history becomes haggling, lateness and chasing figures", () => {
    const services = [makeService()];
    const settings = makeSettings();
    const history = makeHistory({
      quotes: [
        makeQuote({ id: 1, status: "accepted", events: [makeEvent({ id: 1, quoteId: 1, kind: "discount_request", percentBp: 2000 })] }),
        makeQuote({ id: 2, status: "rejected" }),
        makeQuote({ id: 3, status: "negotiating", events: [makeEvent({ id: 2, quoteId: 3, kind: "discount_request", percentBp: 1000 })] }),
      ],
      interactions: [
        makeInteraction({ id: 1, kind: "payment", daysLate: 10 }),
        makeInteraction({ id: 2, kind: "payment", daysLate: 20 }),
        makeInteraction({ id: 3, kind: "ask", subtype: "quick_question", minutes: 45, paid: false }),
        makeInteraction({ id: 4, kind: "follow_up", answered: false, occurredOn: "2025-06-01" }),
      ],
    });
    const c = offerClientFrom(history, assessClient(history, services, settings));
    expect(c).toMatchObject({ isNew: false, haggledQuotes: 1, quotesWithDecision: 2, avgDaysLate: 15, unpaidAskMinutes: 45, unansweredFollowUpsInARow: 1 });
    expect(offerClientFrom(null, null, "  Newco ")).toMatchObject({ isNew: true, name: "Newco", verdict: "not_enough_data", fitScore: null });
  });
});

describe("timeline", () => {
  const history = makeHistory({
    quotes: [
      makeQuote({
        id: 7,
        title: "Site",
        quotedAmount: 100000,
        estimatedMinutes: 600,
        status: "accepted",
        agreedAmount: 90000,
        sentOn: "2025-03-01",
        decidedOn: "2025-03-05",
        events: [
          makeEvent({ id: 1, quoteId: 7, kind: "discount_request", percentBp: 2000, occurredOn: "2025-03-02", note: "<script>alert(1)</script>" }),
          makeEvent({ id: 2, quoteId: 7, kind: "my_answer", answer: "met_halfway", occurredOn: "2025-03-03" }),
        ],
      }),
    ],
    interactions: [makeInteraction({ id: 3, kind: "follow_up", answered: false, occurredOn: "2025-03-04" })],
  });
  test("one ordered story, newest first, with prices in words", () => {
    const entries = clientTimeline(history, "USD");
    expect(entries.map((e) => e.title)).toEqual([
      "Accepted at $900.00",
      "I followed up, no answer",
      "I met them halfway",
      "They asked for 20% off",
      "Quoted $1,000.00 for 10 h",
    ]);
    expect(entries.find((e) => e.title === "I met them halfway")!.detail).toBe("$1,000.00 → $900.00");
    // notes are carried as plain text; rendering escapes them
    expect(entries.find((e) => e.title.startsWith("They asked"))!.note).toBe("<script>alert(1)</script>");
  });
  test("the same history in any order gives the same timeline", () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        expect(clientTimeline(shuffleHistory(history, seed), "USD")).toEqual(clientTimeline(history, "USD"));
      }),
      { numRuns: 50 },
    );
  });
  test("the same day, in the order it happened: a quote sent, asked, answered and accepted on one day; ids past 9", () => {
    const day = "2026-11-30";
    const at = (h: number) => `${day}T${String(h).padStart(2, "0")}:00:00.000Z`;
    const oneDay = makeHistory({
      quotes: [
        makeQuote({
          id: 7,
          status: "accepted",
          sentOn: day,
          decidedOn: day,
          agreedAmount: 100000,
          createdAt: at(9),
          updatedAt: at(15),
          events: [
            makeEvent({ id: 9, kind: "discount_request", percentBp: 2000, occurredOn: day, createdAt: at(10) }),
            makeEvent({ id: 10, kind: "my_answer", answer: "held_firm", occurredOn: day, createdAt: at(11) }),
          ],
        }),
      ],
      // logged between the answer and the decision
      interactions: [makeInteraction({ id: 2, kind: "follow_up", answered: true, occurredOn: day, createdAt: at(12) })],
    });
    expect(clientTimeline(oneDay, "USD").map((e) => e.title)).toEqual([
      "Accepted at $1,000.00",
      "I followed up, they answered",
      "I held firm",
      "They asked for 20% off",
      "Quoted $1,000.00 for 10 h",
    ]);
  });
  test.each([
    ["their offer on the day it was opened, at its price: no 'Quoted' for a price I never named", "2026-11-30", 280000, ["Opened from their offer, for 40 h", "They offered $2,800.00", "Declined by me"]],
    ["a counter at another price is a counter on my quote", "2026-11-30", 250000, ["Quoted $2,800.00 for 40 h", "They countered at $2,500.00", "Declined by me"]],
    ["a counter on a later day is a counter on my quote", "2026-12-02", 280000, ["Quoted $2,800.00 for 40 h", "They countered at $2,800.00", "Declined by me"]],
  ])("a quote opened from the client's offer: %s", (_, on, amount, titles) => {
    const quote = makeQuote({
      id: 11,
      status: "declined_by_me",
      quotedAmount: 280000,
      estimatedMinutes: 2400,
      sentOn: "2026-11-30",
      decidedOn: "2026-12-02",
      events: [makeEvent({ id: 1, quoteId: 11, kind: "client_counter", amount, occurredOn: on })],
    });
    expect(quoteTimeline(quote).map((e) => e.title)).toEqual(titles);
  });
  test("a quote's own timeline has no decision entry while open", () => {
    const open = makeQuote({ id: 9, status: "negotiating", events: [] });
    expect(quoteTimeline(open).map((e) => e.key)).toEqual(["q9-sent"]);
  });
});
