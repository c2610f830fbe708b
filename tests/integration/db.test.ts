import { afterEach, beforeEach, describe, expect, test } from "vitest";
import * as q from "./use-cases";
import { loadDemoBook } from "@/server/demo";
import { AppError, type ErrorCode } from "@/lib/errors";

/** The use case refused with this error code. */
function refusedWith(fn: () => unknown, code: ErrorCode) {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}
import { replayNegotiation } from "@/lib/negotiation";
import { upsertServiceSchema } from "@/lib/schemas";
import { createTestDb } from "./helpers";

let ctx: Awaited<ReturnType<typeof createTestDb>>;
beforeEach(async () => {
  ctx = await createTestDb();
});
afterEach(() => ctx.close());

const service = { name: "Web development", unit: "hour" as const, currency: "USD", marketRate: 12000, targetRate: 11000, floorRate: 8500 };

describe("connection", () => {
  test("WAL, foreign keys and busy timeout are on", () => {
    const s = ctx.db.$client;
    expect(s.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(s.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(s.pragma("busy_timeout", { simple: true })).toBe(5000);
  });
  test("settings row exists with defaults", () => {
    expect(q.getSettings(ctx.db)).toMatchObject({ currency: "USD", hoursPerDay: 8, chaseThreshold: 2 });
  });
});

describe("services", () => {
  test("duplicate names are a conflict", () => {
    q.createService(ctx.db, service);
    refusedWith(() => q.createService(ctx.db, service), "conflict");
  });
  test("floor above target is refused by the schema and by the database", () => {
    expect(upsertServiceSchema.safeParse({ ...service, floorRate: 12000 }).success).toBe(false);
    expect(() => ctx.db.$client.prepare("INSERT INTO services (name, unit, currency, market_rate, target_rate, floor_rate) VALUES ('x','hour','USD',1,1,2)").run()).toThrow(/CHECK/);
  });
});

describe("quotes and negotiation", () => {
  test("journey 1: quote, 20% discount request, held firm, accepted at the quoted price", () => {
    const s = q.createService(ctx.db, service);
    const c = q.createClient(ctx.db, { name: "Acme", leadSource: "referral", status: "active" });
    const quote = q.createQuote(ctx.db, { clientId: c.id, serviceId: s.id, title: "Site", estimatedMinutes: 600, quotedAmount: 110000, currency: "USD", status: "sent" });
    q.addQuoteEvent(ctx.db, quote.id, { kind: "discount_request", percentBp: 2000 });
    expect(q.getQuote(ctx.db, quote.id).status).toBe("negotiating");
    q.addQuoteEvent(ctx.db, quote.id, { kind: "my_answer", answer: "held_firm" });
    const accepted = q.setQuoteOutcome(ctx.db, quote.id, { status: "accepted" });
    expect(accepted.agreedAmount).toBe(110000);
    expect(accepted.decidedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(accepted.events.map((e) => e.kind)).toEqual(["discount_request", "my_answer"]);
    expect(replayNegotiation(accepted).steps[0].requestedPrice).toBe(88000);
  });
  test("conceding moves the agreed price to what was asked", () => {
    const s = q.createService(ctx.db, service);
    const c = q.createClient(ctx.db, { name: "Acme", leadSource: "referral", status: "active" });
    const quote = q.createQuote(ctx.db, { clientId: c.id, serviceId: s.id, title: "Site", estimatedMinutes: 600, quotedAmount: 100000, currency: "USD", status: "sent" });
    q.addQuoteEvent(ctx.db, quote.id, { kind: "discount_request", percentBp: 1500 });
    q.addQuoteEvent(ctx.db, quote.id, { kind: "my_answer", answer: "conceded" });
    expect(q.setQuoteOutcome(ctx.db, quote.id, { status: "accepted" }).agreedAmount).toBe(85000);
  });
  test("unknown client, unknown service and mismatched currency are input errors; nothing is written", () => {
    const s = q.createService(ctx.db, service);
    const c = q.createClient(ctx.db, { name: "Acme", leadSource: "referral", status: "active" });
    const base = { clientId: c.id, serviceId: s.id, title: "Site", estimatedMinutes: 600, quotedAmount: 1000, currency: "USD", status: "draft" as const };
    refusedWith(() => q.createQuote(ctx.db, { ...base, clientId: 999 }), "invalid_input");
    refusedWith(() => q.createQuote(ctx.db, { ...base, serviceId: 999 }), "invalid_input");
    refusedWith(() => q.createQuote(ctx.db, { ...base, currency: "EUR" }), "invalid_input");
    expect(q.listQuotes(ctx.db)).toHaveLength(0);
  });
  test("events on an unknown quote are not found", () => {
    refusedWith(() => q.addQuoteEvent(ctx.db, 42, { kind: "my_answer", answer: "held_firm" }), "not_found");
  });
  test("deleting a client cascades to quotes, events and interactions", () => {
    const c = q.createClient(ctx.db, { name: "Acme", leadSource: "referral", status: "active" });
    const quote = q.createQuote(ctx.db, { clientId: c.id, title: "Site", estimatedMinutes: 600, quotedAmount: 1000, currency: "USD", status: "sent" });
    q.addQuoteEvent(ctx.db, quote.id, { kind: "discount_request", percentBp: 1000 });
    q.addInteraction(ctx.db, c.id, { kind: "follow_up", answered: false });
    q.deleteClient(ctx.db, c.id);
    const count = (t: string) => (ctx.db.$client.prepare(`SELECT count(*) n FROM ${t}`).get() as { n: number }).n;
    expect([count("quotes"), count("quote_events"), count("interactions")]).toEqual([0, 0, 0]);
  });
  test("an interaction cannot point at another client's quote", () => {
    const a = q.createClient(ctx.db, { name: "A", leadSource: "referral", status: "active" });
    const b = q.createClient(ctx.db, { name: "B", leadSource: "referral", status: "active" });
    const quote = q.createQuote(ctx.db, { clientId: a.id, title: "Site", estimatedMinutes: 600, quotedAmount: 1000, currency: "USD", status: "sent" });
    refusedWith(() => q.addInteraction(ctx.db, b.id, { kind: "ask", subtype: "scope_creep", minutes: 30, paid: false, quoteId: quote.id }), "invalid_input");
    expect(q.listInteractions(ctx.db, b.id)).toHaveLength(0);
  });
  test("a failing write inside a transaction leaves nothing behind", () => {
    const c = q.createClient(ctx.db, { name: "Acme", leadSource: "referral", status: "active" });
    expect(() =>
      ctx.db.transaction(() => {
        q.createQuote(ctx.db, { clientId: c.id, title: "Site", estimatedMinutes: 600, quotedAmount: 1000, currency: "USD", status: "sent" });
        throw new Error("boom");
      }),
    ).toThrow("boom");
    expect(q.listQuotes(ctx.db)).toHaveLength(0);
  });
});

describe("search", () => {
  test("searches name, company and email; LIKE wildcards are literal", () => {
    q.createClient(ctx.db, { name: "Acme", company: "Acme 100% Corp", leadSource: "referral", status: "active" });
    q.createClient(ctx.db, { name: "Beta", email: "x@beta.example", leadSource: "platform", status: "prospect" });
    expect(q.listClients(ctx.db, { q: "beta.ex" }).map((c) => c.name)).toEqual(["Beta"]);
    expect(q.listClients(ctx.db, { q: "100%" }).map((c) => c.name)).toEqual(["Acme"]);
    expect(q.listClients(ctx.db, { q: "%" })).toHaveLength(1);
    expect(q.listClients(ctx.db, { status: "prospect" }).map((c) => c.name)).toEqual(["Beta"]);
  });
});

describe("demo book", () => {
  test("loads a dozen clients with quotes, negotiations and interactions", () => {
    const counts = loadDemoBook(ctx.db);
    expect(counts.clients).toBe(12);
    expect(counts.quotes).toBeGreaterThan(20);
    expect(counts.events).toBeGreaterThan(15);
    expect(q.listServices(ctx.db)).toHaveLength(4);
    const histories = q.loadAllHistories(ctx.db);
    expect(histories).toHaveLength(12);
    expect(histories.find((h) => h.client.name === "Brightline Media")!.interactions.length).toBeGreaterThan(5);
  });
});
