import { describe, expect, it } from "vitest";
import type { Quote, QuoteWithEvents } from "@/lib/domain";
import { editDistance, rankByName, uniqueBest, wordScore } from "@/lib/quick-capture/match";
import { buildCapture } from "@/lib/quick-capture/build";
import { quickCaptureSchema, resolvePage, resolveTarget, type QuickCaptureInput } from "@/lib/quick-capture/resolve";

const TODAY = "2026-11-30";
const clients = [
  { id: 1, name: "Pebble Studio", company: null },
  { id: 2, name: "Northwind Traders", company: "Northwind Ltd" },
  { id: 3, name: "Brightline Media", company: null },
];
const quote = (over: Partial<Quote>): Quote => ({
  id: 10,
  clientId: 1,
  serviceId: null,
  title: "Website refresh",
  scope: null,
  estimatedMinutes: 2400,
  quotedAmount: 400000,
  currency: "USD",
  status: "sent",
  agreedAmount: null,
  sentOn: "2026-11-20",
  decidedOn: null,
  rejectionReason: null,
  cameBackAtMyPrice: false,
  createdAt: "",
  updatedAt: "",
  ...over,
});
const quotes = [quote({}), quote({ id: 11, clientId: 2, title: "Catalogue", status: "draft" }), quote({ id: 12, clientId: 3, title: "Promo video", status: "negotiating", currency: "EUR", quotedAmount: 300000 })];

function run(line: string, chosen: Partial<QuickCaptureInput> = {}, events: QuoteWithEvents["events"] = []) {
  const target = resolveTarget({ line, ...chosen }, { clients, quotes, locale: "en-US" });
  const full = target.quote ? { ...target.quote, events } : null;
  return buildCapture(target, { quote: full, currency: "USD", locale: "en-US", today: TODAY });
}

describe("previews in plain words", () => {
  it.each([
    ["Pebble asked 20% off", "Pebble Studio — Website refresh: they asked for 20% off ($4,000.00 → $3,200.00)"],
    ["pebble asked $500 off", "Pebble Studio — Website refresh: they asked for $500.00 off ($4,000.00 → $3,500.00)"],
    ["Pebble countered $1,800", "Pebble Studio — Website refresh: they countered at $1,800.00 (the price on the table is $4,000.00, 55% off)"],
    ["pebbel countered 1.8k", "Pebble Studio — Website refresh: they countered at $1,800.00 (the price on the table is $4,000.00, 55% off)"],
    ["I countered 3600 to Pebble", "Pebble Studio — Website refresh: I countered at $3,600.00 (was $4,000.00)"],
    ["held firm Pebble", "Pebble Studio — Website refresh: I held firm at $4,000.00"],
    ["Pebble accepted", "Pebble Studio — Website refresh: accepted at $4,000.00 (the price on the table)"],
    ["Pebble accepted at 3800", "Pebble Studio — Website refresh: accepted at $3,800.00 (the price on the table was $4,000.00)"],
    ["follow-up Pebble, no answer", "Pebble Studio: I followed up, no answer (chasing)"],
    ["Pebble 2h unpaid call", "Pebble Studio: they asked for a free consult: 2 h, unpaid (a one-way ask)"],
    ["Pebble 90 min scope creep", "Pebble Studio: they asked for more than the scope (scope creep): 1.5 h, unpaid (a one-way ask)"],
    ["Pebble paid 12 days late", "Pebble Studio: they paid 12 days late"],
    ["Pebble paid 1 day late", "Pebble Studio: they paid 1 day late"],
    ["Pebble testimonial", "Pebble Studio: they gave a testimonial"],
    ["Brightline asked 10% off", "Brightline Media — Promo video: they asked for 10% off (€3,000.00 → €2,700.00)"],
    ["Pebble countered 1800 2026-11-25", "Pebble Studio — Website refresh: they countered at $1,800.00 (the price on the table is $4,000.00, 55% off) (on 2026-11-25)"],
  ])("%s", (line, sentence) => {
    const { preview, plan } = run(line);
    expect(preview.sentence).toBe(sentence);
    expect(preview.missing).toEqual([]);
    expect(preview.ready).toBe(true);
    expect(plan).not.toBeNull();
  });

  it("a conceded answer takes the price they asked for", () => {
    const asked = { id: 1, quoteId: 10, kind: "discount_request" as const, answer: null, percentBp: 2000, amount: null, scopeMinutes: null, note: null, occurredOn: "2026-11-29", createdAt: "" };
    expect(run("Pebble conceded", {}, [asked]).preview.sentence).toBe("Pebble Studio — Website refresh: I conceded: $4,000.00 → $3,200.00");
  });
});

describe("the plan is the entity's own input, parsed by its schema", () => {
  it.each([
    ["Pebble asked 20% off", { to: "quote_event", clientId: 1, quoteId: 10, input: { kind: "discount_request", percentBp: 2000 } }],
    ["Pebble asked €500 off", { to: "quote_event", quoteId: 10, input: { kind: "discount_request", amountOff: 50000 } }],
    ["Pebble countered 1,800.50", { to: "quote_event", input: { kind: "client_counter", amount: 180050 } }],
    ["Pebble met halfway", { to: "quote_event", input: { kind: "my_answer", answer: "met_halfway" } }],
    ["Pebble accepted", { to: "outcome", quoteId: 10, input: { status: "accepted", agreedAmount: 400000 } }],
    ["Pebble follow-up, they replied", { to: "interaction", clientId: 1, input: { kind: "follow_up", answered: true } }],
    ["Pebble 2h unpaid call", { to: "interaction", input: { kind: "ask", subtype: "free_consult", minutes: 120, paid: false } }],
    ["Pebble paid on time", { to: "interaction", input: { kind: "payment", daysLate: 0 } }],
    ["Pebble referral", { to: "interaction", input: { kind: "give", subtype: "referral" } }],
    ["Pebble countered 1800 yesterday", { input: { kind: "client_counter", amount: 180000, occurredOn: "2026-11-29" } }],
  ])("%s", (line, plan) => {
    expect(run(line).plan).toMatchObject(plan);
  });
});

describe("what is missing", () => {
  it.each([
    ["asked 20% off", "A client: type their name, or pick one from the list"],
    ["Zed asked 20% off", "A client: none is called “zed”; pick one from the list"],
    ["Northwind asked 20% off", "An open quote: Northwind Traders has only a draft (“Catalogue”). Mark it as sent on its page, then log this."],
    ["Pebble asked for a discount", "How much off, e.g. “20% off” or “$500 off”"],
    ["Pebble countered", "Their amount, e.g. “countered 1800”"],
    ["I countered Pebble", "Your amount, e.g. “I countered 3600”"],
    ["Pebble 45 min", "What they asked for: a call, a quick question, scope creep, a rush or a favour"],
    ["Pebble free call", "How long it took, e.g. “2h” or “90 min”"],
    ["Pebble paid late", "How late, e.g. “paid 10 days late” or “paid on time”"],
    ["Pebble asked 150% off", "At most 100%"],
    ["Pebble asked 12.345% off", "I could not read “12.345%”: type a percent like 20% or 12.5%"],
    ["Pebble countered 1800 2026-12-05", "A day that has come: 2026-12-05 is after today (2026-11-30)"],
    ["Pebble countered 1800 2026-02-30", "A real date: “2026-02-30” is not one (use YYYY-MM-DD, like 2026-11-30)"],
    ["Pebble accepted 2026-11-01", "The decision cannot come before the quote was sent (2026-11-20)"],
  ])("%s → %s", (line, first) => {
    const { preview, plan } = run(line);
    expect(preview.missing[0]).toBe(first);
    expect(preview.ready).toBe(false);
    expect(plan).toBeNull();
  });

  it.each([
    ["en-US", "Pebble countered 3,200.50", 320050],
    ["de-DE", "Pebble countered 3.200,50", 320050],
    ["fr-FR", "Pebble countered 3200,50", 320050],
  ])("amounts are read in the book's locale, as the forms read them (%s: %s)", (locale, line, amount) => {
    const target = resolveTarget({ line }, { clients, quotes, locale });
    const built = buildCapture(target, { quote: target.quote ? { ...target.quote, events: [] } : null, currency: "USD", locale, today: TODAY });
    expect(built.plan).toMatchObject({ to: "quote_event", input: { kind: "client_counter", amount } });
  });

  it("nothing understood: the list of what can be logged, no plan", () => {
    const { preview, plan } = run("coffee with Pebble");
    expect(preview).toMatchObject({ understood: false, ready: false, sentence: null, missing: [] });
    expect(preview.help!.join(" ")).toContain("asked 20% off");
    expect(plan).toBeNull();
  });

  it("a chosen client wins over the line; a chosen quote of another client is ignored", () => {
    expect(run("held firm", { clientId: 1 }).preview.client).toEqual({ id: 1, name: "Pebble Studio" });
    expect(run("held firm", { clientId: 1, quoteId: 12 }).preview.quote).toEqual({ id: 10, title: "Website refresh" });
  });

  it("no client named: every client offered, those with open quotes first", () => {
    const { preview } = run("held firm");
    expect(preview.options.map((o) => [o.label, o.detail])).toEqual([
      ["Pebble Studio", "1 open quote"],
      ["Brightline Media", "1 open quote"],
      ["Northwind Traders", "Northwind Ltd"],
    ]);
  });

  it("a company that says the same as the name is not repeated as the detail", () => {
    const book = { clients: [...clients, { id: 4, name: "Atlas Outdoors", company: "Atlas Outdoors" }, { id: 5, name: "Fjord & Co", company: " fjord & co " }], quotes, locale: "en-US" };
    const options = resolveTarget({ line: "held firm" }, book).options;
    expect(options.find((o) => o.id === 4)?.detail).toBe("No open quote");
    expect(options.find((o) => o.id === 5)?.detail).toBe("No open quote");
    expect(options.find((o) => o.id === 2)?.detail).toBe("Northwind Ltd");
  });
});

describe("the page the palette was opened on", () => {
  it("on a client's page, a line naming nobody goes on that client, ready to save", () => {
    const { preview, plan } = run("follow-up, no answer", { pageClientId: 1 });
    expect(preview).toMatchObject({ ready: true, client: { id: 1, name: "Pebble Studio" }, note: null, missing: [], options: [] });
    expect(preview.sentence).toBe("Pebble Studio: I followed up, no answer (chasing)");
    expect(plan).toMatchObject({ to: "interaction", clientId: 1, input: { kind: "follow_up", answered: false } });
    // the same line off any client's page still asks which client
    expect(run("follow-up, no answer").preview).toMatchObject({ ready: false, client: null, optionsLabel: "Which client?" });
  });

  it("on a client's page, a step goes on its only open quote", () => {
    expect(run("asked 20% off", { pageClientId: 3 }).plan).toMatchObject({ to: "quote_event", clientId: 3, quoteId: 12, input: { kind: "discount_request", percentBp: 2000 } });
  });

  it("on a quote's page: that quote and its client, for steps and for interactions", () => {
    const second = quote({ id: 13, title: "Logo", status: "negotiating" });
    const book = { clients, quotes: [...quotes, second], locale: "en-US" };
    expect(resolvePage({ pageQuoteId: 13 }, book)).toEqual({ client: { id: 1, name: "Pebble Studio" }, quote: { id: 13, title: "Logo" } });
    // Pebble has two open quotes: off the page it asks which, on the Logo page it is the Logo
    expect(resolveTarget({ line: "held firm", pageClientId: 1 }, book)).toMatchObject({ quote: null, optionsLabel: "Which quote?" });
    expect(resolveTarget({ line: "held firm", pageQuoteId: 13 }, book)).toMatchObject({ client: { id: 1 }, quote: { id: 13 }, missing: [] });
    expect(resolveTarget({ line: "follow-up, no answer", pageQuoteId: 13 }, book)).toMatchObject({ client: { id: 1 }, quote: { id: 13 } });
    // a title typed in the line, or a quote picked from the list, wins over the page's quote
    expect(resolveTarget({ line: "held firm website", pageQuoteId: 13 }, book).quote?.id).toBe(10);
    expect(resolveTarget({ line: "held firm", pageQuoteId: 13, quoteId: 10 }, book).quote?.id).toBe(10);
  });

  it("a name typed in the line that matches another client wins, and the preview says so", () => {
    const { preview, plan } = run("Brightline follow-up, no answer", { pageClientId: 1 });
    expect(preview.client).toEqual({ id: 3, name: "Brightline Media" });
    expect(preview.note).toBe("You typed a name: this goes on Brightline Media, not on Pebble Studio (this page's client).");
    expect(plan).toMatchObject({ clientId: 3 });
    // the page's own client typed: no note
    expect(run("Pebble follow-up, no answer", { pageClientId: 1 }).preview).toMatchObject({ client: { id: 1 }, note: null });
  });

  it("a name that matches nobody: the page's client, and the preview says the name was not found", () => {
    const { preview } = run("Zed follow-up, no answer", { pageClientId: 1 });
    expect(preview).toMatchObject({ client: { id: 1 }, ready: true });
    expect(preview.note).toBe("No client is called “zed”: this goes on Pebble Studio (this page's client).");
  });

  it("a picked client wins over the page; an unknown page id is ignored", () => {
    expect(run("follow-up, no answer", { pageClientId: 1, clientId: 3 }).plan).toMatchObject({ clientId: 3 });
    expect(run("follow-up, no answer", { pageClientId: 99 }).preview).toMatchObject({ client: null, ready: false });
    expect(resolvePage({ pageQuoteId: 99 }, { clients, quotes })).toEqual({ client: null, quote: null });
  });

  it("the only client in the book needs no choosing", () => {
    const target = resolveTarget({ line: "follow-up, no answer" }, { clients: [clients[0]], quotes, locale: "en-US" });
    expect(target).toMatchObject({ client: { id: 1 }, options: [], missing: [] });
  });
});

describe("input schema", () => {
  it.each([
    [{ line: "  held firm " }, true],
    [{ line: "" }, false],
    [{ line: "x".repeat(501) }, false],
    [{ line: "held firm", clientId: "3", quoteId: "" }, true],
    [{ line: "held firm", clientId: -1 }, false],
    [{ line: 5 }, false],
  ])("%j → %s", (input, ok) => expect(quickCaptureSchema.safeParse(input).success).toBe(ok));
});

describe("fuzzy names", () => {
  it.each([
    ["pebble", "pebble", 3],
    ["peb", "pebble", 2],
    ["pebbel", "pebble", 1],
    ["p", "pebble", 0],
    ["abc", "abd", 0],
  ])("%s vs %s → %s", (typed, token, score) => expect(wordScore(typed, token)).toBe(score));
  it("edit distance", () => {
    expect(editDistance("kitten", "sitting", 3)).toBe(3);
    expect(editDistance("kitten", "sitting", 1)).toBe(2);
    expect(editDistance("pebble", "pebbel")).toBe(1);
    expect(editDistance("pebble", "pbeble")).toBe(1);
    expect(editDistance("north", "nort")).toBe(1);
  });
  it("the whole name beats a part; a tie has no unique best", () => {
    const items = [{ n: "Pebble Labs" }, { n: "Pebble Studio" }];
    expect(uniqueBest(rankByName(["pebble"], items, (i) => [i.n]))).toBeNull();
    expect(uniqueBest(rankByName(["pebble", "studio"], items, (i) => [i.n]))?.item.n).toBe("Pebble Studio");
    expect(rankByName(["zzz"], items, (i) => [i.n])).toEqual([]);
  });
});

