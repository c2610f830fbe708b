import { describe, expect, test } from "vitest";
import { z } from "zod";
import { formFields, formInput, parseTyped, readForm } from "@/lib/form-input";
import { createInteractionSchema, createQuoteEventSchema, fieldErrors, moneySchema, settingsSchema, upsertQuoteSchema, upsertServiceSchema } from "@/lib/schemas";

const quoteValues = (over: Record<string, string>) => ({ clientId: "3", serviceId: "", title: "Site", estimatedHours: "10", quotedAmount: "1200", currency: "USD", ...over });

describe("field kinds come from the schema's markers", () => {
  test("money, durations and percents, with the unit an old input name counts in", () => {
    const quote = formFields(upsertQuoteSchema);
    expect(quote.get("quotedAmount")).toMatchObject({ kind: "money" });
    expect(quote.get("estimatedMinutes")).toMatchObject({ kind: "duration", per: 1 });
    expect(quote.get("estimatedHours")).toMatchObject({ kind: "duration", per: 60 });
    const event = formFields(createQuoteEventSchema);
    expect(event.get("percentBp")).toMatchObject({ kind: "percent", per: 1 });
    expect(event.get("percent")).toMatchObject({ kind: "percent", per: 100 });
    expect(event.get("scopeHours")).toMatchObject({ kind: "duration", per: 60 });
    expect(formFields(createInteractionSchema).get("minutes")).toMatchObject({ kind: "duration", per: 1 });
    expect(formFields(settingsSchema).get("hoursPerDay")).toMatchObject({ kind: "number" });
  });
});

describe("a quote typed the way people write it", () => {
  test.each<[string, Record<string, string>, { quotedAmount: number; estimatedMinutes: number }]>([
    ["en-US", { quotedAmount: "$1,200", estimatedHours: "10h" }, { quotedAmount: 120000, estimatedMinutes: 600 }],
    ["en-US", { quotedAmount: "1,200.50", estimatedHours: "1h30" }, { quotedAmount: 120050, estimatedMinutes: 90 }],
    ["en-US", { quotedAmount: "12k", estimatedHours: "1.5 days" }, { quotedAmount: 1200000, estimatedMinutes: 720 }],
    ["en-GB", { quotedAmount: "US$ 99.9", estimatedHours: "90 min" }, { quotedAmount: 9990, estimatedMinutes: 90 }],
    ["de-DE", { quotedAmount: "1.200,50 $", estimatedHours: "7,5" }, { quotedAmount: 120050, estimatedMinutes: 450 }],
    ["de-DE", { quotedAmount: "1.200", estimatedHours: "1:45" }, { quotedAmount: 120000, estimatedMinutes: 105 }],
    ["fr-FR", { quotedAmount: "1\u202f200,50 $US", estimatedHours: "2d" }, { quotedAmount: 120050, estimatedMinutes: 960 }],
  ])("%s: %j", (locale, typed, stored) => {
    const { input, errors } = readForm(upsertQuoteSchema, quoteValues(typed), "USD", { locale, hoursPerDay: 8 });
    expect(errors).toEqual({});
    expect(upsertQuoteSchema.parse(input)).toMatchObject(stored);
  });

  test("days are the user's working day", () => {
    const input = formInput(upsertQuoteSchema, quoteValues({ estimatedHours: "2 days" }), "USD", { hoursPerDay: 6 });
    expect(upsertQuoteSchema.parse(input).estimatedMinutes).toBe(720);
  });

  test("the stored name reads a bare number as minutes", () => {
    const values = { clientId: "3", title: "Site", estimatedMinutes: "90", quotedAmount: "100", currency: "USD" };
    expect(upsertQuoteSchema.parse(formInput(upsertQuoteSchema, values, "USD")).estimatedMinutes).toBe(90);
  });

  test.each<[string, Record<string, string>, string, string]>([
    ["en-US", { quotedAmount: "£1,200" }, "quotedAmount", "This is in GBP; the amount here is in USD"],
    ["en-US", { quotedAmount: "12.345.6" }, "quotedAmount", "Type an amount like 1,200.50"],
    ["de-DE", { quotedAmount: "1,200" }, "quotedAmount", 'Here "," separates decimals, so this has 3 decimals and USD has 2. For 1200 type 1200 or 1.200'],
    ["en-US", { estimatedHours: "ten hours" }, "estimatedHours", "Type a time like 10h, 1h30, 90 min or 1.5 days"],
  ])("%s: %j is kept as typed, with the reader's message on the field", (locale, typed, field, message) => {
    const { input, errors } = readForm(upsertQuoteSchema, quoteValues(typed), "USD", { locale });
    expect(input[field]).toBe(typed[field]);
    expect(errors).toEqual({ [field]: [message] });
    expect(upsertQuoteSchema.safeParse(input).success).toBe(false);
  });

  test("a value the reader understands but the schema refuses gets the schema's message", () => {
    const { input, errors } = readForm(upsertQuoteSchema, quoteValues({ quotedAmount: "$0" }), "USD");
    expect(errors).toEqual({});
    const parsed = upsertQuoteSchema.safeParse(input);
    expect(!parsed.success && fieldErrors(parsed.error).quotedAmount).toEqual(["Enter an amount above zero"]);
  });
});

describe("percents, times and plain numbers in the other forms", () => {
  test.each([
    ["20%", 2000],
    ["12,5 %", 1250],
    ["7.25", 725],
  ])("a discount request of %j → %i bp", (typed, bp) => {
    const input = formInput(createQuoteEventSchema, { kind: "discount_request", percent: typed, amountOff: "" }, "USD", { locale: "de-DE" });
    expect(createQuoteEventSchema.parse(input)).toMatchObject({ percentBp: bp });
  });

  test("too many decimals in a percent: the reader says so", () => {
    expect(readForm(createQuoteEventSchema, { kind: "discount_request", percent: "12.345" }, "USD").errors).toEqual({ percent: ["At most two decimals, like 12.5%"] });
  });

  test("a reduced scope in hours and an ask in minutes", () => {
    const answer = formInput(createQuoteEventSchema, { kind: "my_answer", answer: "cut_scope", scopeHours: "1h15" }, "USD");
    expect(createQuoteEventSchema.parse(answer)).toMatchObject({ scopeMinutes: 75 });
    const ask = formInput(createInteractionSchema, { kind: "ask", subtype: "unpaid_favour", minutes: "45" }, "USD");
    expect(createInteractionSchema.parse(ask)).toMatchObject({ minutes: 45 });
    const askHours = formInput(createInteractionSchema, { kind: "ask", subtype: "unpaid_favour", minutes: "1.5h" }, "USD");
    expect(createInteractionSchema.parse(askHours)).toMatchObject({ minutes: 90 });
  });

  test("service rates in JPY have no decimals; in de-DE a dot groups thousands", () => {
    const values = { name: "Dev", unit: "hour", currency: "JPY", marketRate: "¥12.000", targetRate: "11.000", floorRate: "9.000 JPY" };
    expect(upsertServiceSchema.parse(formInput(upsertServiceSchema, values, "JPY", { locale: "de-DE" }))).toMatchObject({ marketRate: 12000, targetRate: 11000, floorRate: 9000 });
  });

  test("plain numbers follow the locale too", () => {
    const form = z.object({ n: z.number() });
    expect(formInput(form, { n: "1,200" }, "USD", { locale: "en-US" }).n).toBe(1200);
    expect(formInput(form, { n: "1,200" }, "USD", { locale: "de-DE" }).n).toBe(1.2);
    expect(formInput(form, { n: "7,5" }, "USD").n).toBe(7.5);
    expect(formInput(form, { n: "seven" }, "USD").n).toBe("seven");
  });

  test("empty typed fields are still empty (null or missing), never 0", () => {
    const form = z.object({ a: moneySchema.nullable().optional(), b: moneySchema.optional() });
    expect(readForm(form, { a: " ", b: "" }, "USD")).toEqual({ input: { a: null, b: undefined }, errors: {} });
  });
});

describe("parseTyped: the same reading for the live field", () => {
  test("money, percent, hours and minutes", () => {
    expect(parseTyped("money", "€1.200,50", "EUR", { locale: "de-DE" })).toEqual({ ok: true, value: 120050 });
    expect(parseTyped("percent", "20 %", "USD")).toEqual({ ok: true, value: 2000 });
    expect(parseTyped("duration", "10", "USD", { per: 60 })).toEqual({ ok: true, value: 600 });
    expect(parseTyped("duration", "10", "USD")).toEqual({ ok: true, value: 10 });
    expect(parseTyped("duration", "1 day", "USD", { per: 60, hoursPerDay: 7 })).toEqual({ ok: true, value: 420 });
  });
});
