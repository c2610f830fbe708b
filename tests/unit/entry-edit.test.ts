import { describe, expect, test } from "vitest";
import type { Interaction, QuoteEvent } from "@/lib/domain";
import { interactionForm, interactionInput, quoteEventForm, quoteEventInput, withoutNulls } from "@/lib/entry-edit";
import { formInput } from "@/lib/form-input";
import { interactionValues, quoteEventValues } from "@/lib/quote-lifecycle";
import { createInteractionSchema, createQuoteEventSchema } from "@/lib/schemas";
import { mainCriterionLine, scoreChange, scoreChangeLine } from "@/lib/score-change";

const ev = (e: Partial<QuoteEvent> & Pick<QuoteEvent, "kind">): QuoteEvent => ({ id: 7, quoteId: 3, answer: null, percentBp: null, amount: null, scopeMinutes: null, note: null, occurredOn: "2026-11-03", createdAt: "2026-11-03 10:00:00", ...e });
const it = (i: Partial<Interaction> & Pick<Interaction, "kind">): Interaction => ({
  id: 9, clientId: 2, quoteId: null, subtype: null, minutes: null, paid: null, answered: null, daysLate: null, amount: null, initiatedBy: "client", note: null, occurredOn: "2026-11-05", createdAt: "2026-11-05 10:00:00", ...i,
});

const EVENTS: QuoteEvent[] = [
  ev({ kind: "discount_request", percentBp: 1250, note: "Budget" }),
  ev({ kind: "discount_request", amount: 15000 }),
  ev({ kind: "client_counter", amount: 80000 }),
  ev({ kind: "my_counter", amount: 95000 }),
  ev({ kind: "my_answer", answer: "held_firm" }),
  ev({ kind: "my_answer", answer: "cut_scope", amount: 80000, scopeMinutes: 450 }),
];
const INTERACTIONS: Interaction[] = [
  it({ kind: "ask", subtype: "scope_creep", minutes: 90, paid: true, quoteId: 3 }),
  it({ kind: "ask", subtype: "quick_question", minutes: 15, paid: false, note: "Call" }),
  it({ kind: "give", subtype: "referral", amount: 5000 }),
  it({ kind: "follow_up", answered: false, initiatedBy: "me" }),
  it({ kind: "payment", daysLate: 12, amount: 100000 }),
];
const stored = <T extends { id: number; createdAt: string }>({ id: _id, createdAt: _c, ...rest }: T) => rest;

describe("a stored entry back into its input: what an edit starts from", () => {
  test.each(EVENTS.map((e) => [`${e.kind} ${e.answer ?? ""}`, e] as const))("negotiation step %s: API input and form values both give back the same row", (_name, e) => {
    const fromApi = createQuoteEventSchema.parse(quoteEventInput(e));
    expect(quoteEventValues(e.quoteId, fromApi, "2026-12-01")).toEqual(stored(e));
    const form = quoteEventForm(e, "USD");
    expect(form.kind).toBe(e.kind);
    const kind = form.values.mode === "counter" ? "client_counter" : form.values.answer === "my_counter" ? "my_counter" : form.kind;
    const fromForm = createQuoteEventSchema.parse(formInput(createQuoteEventSchema, { ...form.values, kind }, "USD"));
    expect(quoteEventValues(e.quoteId, fromForm, "2026-12-01")).toEqual(stored(e));
  });

  test.each(INTERACTIONS.map((i) => [`${i.kind} ${i.subtype ?? ""}`, i] as const))("interaction %s: API input and form values both give back the same row", (_name, i) => {
    const fromApi = createInteractionSchema.parse(interactionInput(i));
    expect(interactionValues(i.clientId, fromApi, "2026-12-01")).toEqual(stored(i));
    const form = interactionForm(i, "USD");
    const values: Record<string, string> = Object.fromEntries(Object.entries({ ...form.values, kind: form.kind as string }).filter(([k, v]) => !(k === "paid" && v === "")));
    const fromForm = createInteractionSchema.parse(formInput(createInteractionSchema, values, "USD"));
    expect(interactionValues(i.clientId, fromForm, "2026-12-01")).toEqual(stored(i));
  });

  test("withoutNulls drops null and undefined, keeps false, 0 and empty text", () => {
    expect(withoutNulls({ a: null, b: undefined, c: false, d: 0, e: "" })).toEqual({ c: false, d: 0, e: "" });
  });
});

describe("the score change a logged entry reports", () => {
  const crit = (pricePressure: number | null, chasing: number | null) => [
    { key: "pricePressure" as const, label: "Haggling", score: pricePressure },
    { key: "chasing" as const, label: "Chasing", score: chasing },
  ];
  const a = (score: number | null, verdict: "keep" | "set_boundaries", criteria: ReturnType<typeof crit>) => ({ score, verdict, verdictLabel: verdict === "keep" ? "Keep" : "Set boundaries", criteria }) as never;

  test("before → after with the verdict, the criterion that moved most first", () => {
    const c = scoreChange(a(72, "keep", crit(80, 60)), a(64, "set_boundaries", crit(55, 58)));
    expect(scoreChangeLine(c)).toBe("Fit score 72 → 64 · Keep → Set boundaries");
    expect(c.criteria.map((x) => x.key)).toEqual(["pricePressure", "chasing"]);
    expect(mainCriterionLine(c)).toBe("Haggling 80 → 55");
  });

  test("a first score, and an entry that moved nothing", () => {
    expect(scoreChangeLine(scoreChange(a(null, "keep", crit(null, null)), a(73, "keep", crit(67, null))))).toBe("Fit score now 73 · Keep");
    const same = scoreChange(a(70, "keep", crit(70, 70)), a(70, "keep", crit(70, 70)));
    expect(scoreChangeLine(same)).toBe("Fit score stays 70 · Keep");
    expect(mainCriterionLine(same)).toBeNull();
  });

  test.each([
    [[72, "keep"], [64, "set_boundaries"], "Fit score 72 → 64 · Keep → Set boundaries"],
    [[64, "set_boundaries"], [60, "set_boundaries"], "Fit score 64 → 60 · Set boundaries"],
    [[80, "keep"], [80, "keep"], "Fit score stays 80 · Keep"],
    [[null, "keep"], [73, "keep"], "Fit score now 73 · Keep"],
  ] as const)("%j → %j: %s", ([b, vb], [af, va], words) => {
    expect(scoreChangeLine(scoreChange(a(b, vb, crit(null, null)), a(af, va, crit(null, null))))).toBe(words);
  });
});
