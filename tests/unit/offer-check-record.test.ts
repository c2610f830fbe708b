/** The recording rules (lib/offer-check/record.ts) and the page's required choices (form.ts), as plain objects. */
import { describe, expect, test } from "vitest";
import type { QuoteEvent, QuoteStatus } from "@/lib/domain";
import { CHOOSE_CLIENT, CHOOSE_SERVICE, offerFormChoices } from "@/lib/offer-check/form";
import { alreadyRecorded, askStands, planRecording, type RecordRequest } from "@/lib/offer-check/record";

let nextId = 1;
function ev(kind: QuoteEvent["kind"], o: Partial<QuoteEvent> = {}): QuoteEvent {
  return { id: nextId++, quoteId: 1, kind, answer: null, percentBp: null, amount: null, scopeMinutes: null, note: null, occurredOn: "2026-11-30", createdAt: "2026-11-30T10:00:00Z", ...o };
}
const quote = (events: QuoteEvent[], status: QuoteStatus = "negotiating", agreedAmount: number | null = null) => ({ quotedAmount: 330000, estimatedMinutes: 1800, agreedAmount, events, status });
const FORTY_OFF = () => ev("discount_request", { percentBp: 4000 }); // asks for $1,980
const req = (decision: RecordRequest["decision"], offeredAmount = 198000, counterAmount: number | null = null): RecordRequest => ({ decision, offeredAmount, counterAmount });

describe("askStands", () => {
  test.each<[string, QuoteEvent[], number, boolean]>([
    ["their 40% off stands at $1,980", [FORTY_OFF()], 198000, true],
    ["another price is not their ask", [FORTY_OFF()], 250000, false],
    ["my counter does not answer it: they have not moved", [FORTY_OFF(), ev("my_counter", { amount: 330000 })], 198000, true],
    ["held firm answers it", [FORTY_OFF(), ev("my_answer", { answer: "held_firm" })], 198000, false],
    ["their latest counter replaces the older ask", [FORTY_OFF(), ev("client_counter", { amount: 250000 })], 250000, true],
    ["no ask at all", [], 330000, false],
  ])("%s", (_, events, amount, stands) => {
    expect(askStands(quote(events), amount)).toBe(stands);
  });
});

describe("planRecording on an existing quote", () => {
  test("declining their standing ask: only the outcome, no client step, no 'held firm'", () => {
    expect(planRecording(quote([FORTY_OFF()]), req("declined"), false)).toEqual({ kind: "write", clientOffer: false, myCounter: null, holdFirm: false, outcome: "declined_by_me" });
  });
  test("a new price from them is logged as their counter", () => {
    expect(planRecording(quote([FORTY_OFF()]), req("countered", 250000, 300000), false)).toEqual({ kind: "write", clientOffer: true, myCounter: 300000, holdFirm: false, outcome: null });
  });
  test.each<[string, ReturnType<typeof quote>, RecordRequest, boolean]>([
    ["their standing ask, my quoted price", quote([FORTY_OFF()]), req("countered", 198000, 330000), false],
    ["a new price of theirs, my quoted price", quote([FORTY_OFF()]), req("countered", 250000, 330000), true],
    ["after my counter, that counter's price again", quote([FORTY_OFF(), ev("my_counter", { amount: 300000 }), ev("client_counter", { amount: 250000 })]), req("countered", 250000, 300000), false],
  ])("a 'counter' at the price already on the table is holding firm, not a counter (%s)", (_, q, r, clientOffer) => {
    expect(planRecording(q, r, false)).toEqual({ kind: "write", clientOffer, myCounter: null, holdFirm: true, outcome: null });
  });
  test("held firm, then the same decision again: already recorded (a double click writes nothing)", () => {
    const q = quote([FORTY_OFF(), ev("my_answer", { answer: "held_firm" })]);
    expect(alreadyRecorded(q, req("countered", 198000, 330000))).toBe(true);
    // another offer of theirs is news: it is logged
    expect(planRecording(q, req("countered", 250000, 330000), false)).toMatchObject({ kind: "write", clientOffer: true, holdFirm: true });
  });
  test("accepting the price on the table is no ask of theirs", () => {
    expect(planRecording(quote([], "sent"), req("accepted", 330000), false)).toEqual({ kind: "write", clientOffer: false, myCounter: null, holdFirm: false, outcome: "accepted" });
  });
  test.each<[string, ReturnType<typeof quote>, RecordRequest]>([
    ["declined again", quote([FORTY_OFF()], "declined_by_me"), req("declined")],
    ["accepted again at the same price", quote([FORTY_OFF()], "accepted", 198000), req("accepted")],
    ["the same counter again", quote([FORTY_OFF(), ev("my_counter", { amount: 330000 })]), req("countered", 198000, 330000)],
  ])("the same decision twice: already recorded (%s)", (_, q, r) => {
    expect(alreadyRecorded(q, r)).toBe(true);
    expect(planRecording(q, r, false)).toEqual({ kind: "already_recorded" });
  });
  test("a different counter price is a new step, not 'already recorded'", () => {
    const q = quote([FORTY_OFF(), ev("my_counter", { amount: 330000 })]);
    expect(planRecording(q, req("countered", 198000, 300000), false)).toEqual({ kind: "write", clientOffer: false, myCounter: 300000, holdFirm: false, outcome: null });
  });
  test("a quote decided otherwise is a conflict", () => {
    expect(planRecording(quote([FORTY_OFF()], "declined_by_me"), req("accepted"), false).kind).toBe("conflict");
    expect(planRecording(quote([FORTY_OFF()], "accepted", 198000), req("accepted", 150000), false).kind).toBe("conflict");
  });
});

describe("planRecording on a quote just started from the offer", () => {
  const fresh = { quotedAmount: 280000, estimatedMinutes: 2400, agreedAmount: null, events: [], status: "sent" as QuoteStatus };
  test.each<[RecordRequest["decision"], boolean, number | null, string | null]>([
    ["declined", true, null, "declined_by_me"],
    ["countered", true, 440000, null],
    ["accepted", false, null, "accepted"],
  ])("%s: their offer logged first unless simply accepted", (decision, clientOffer, myCounter, outcome) => {
    expect(planRecording(fresh, req(decision, 280000, decision === "countered" ? 440000 : null), true)).toEqual({ kind: "write", clientOffer, myCounter, holdFirm: false, outcome });
  });
});

describe("offerFormChoices: the page must choose", () => {
  test("no client and no service chosen: two field errors", () => {
    expect(offerFormChoices({ clientId: "", serviceId: "" }).fields).toEqual({ clientId: [CHOOSE_CLIENT], serviceId: [CHOOSE_SERVICE] });
  });
  test("a client, and explicitly no service: parsed as no service", () => {
    const r = offerFormChoices({ clientId: "3", serviceId: "none" });
    expect(r.fields).toEqual({});
    expect(r.parse.serviceId).toBe("");
  });
  test("a new prospect and a service", () => {
    const r = offerFormChoices({ clientId: "new", serviceId: "2" });
    expect(r.fields).toEqual({});
    expect(r.parse).toMatchObject({ clientId: "new", serviceId: "2" });
  });
});
