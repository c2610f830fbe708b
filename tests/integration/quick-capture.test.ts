import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, test } from "vitest";
import type { DB } from "@/db/connection";
import { isAppError } from "@/lib/errors";
import { readyDb } from "@/server/database";
import { computeClientScore } from "@/server/scores";
import { previewQuickCapture, quickCapturePage, saveQuickCapture } from "@/server/quick-capture";
import { createTestDb } from "./helpers";
import * as q from "./use-cases";

const TODAY = "2026-11-30";
let t: Awaited<ReturnType<typeof createTestDb>>;
let db: DB;

beforeEach(async () => {
  t = await createTestDb();
  db = t.db;
});
afterEach(() => t.close());

function book() {
  const pebble = q.createClient(db, { name: "Pebble Studio", leadSource: "referral", status: "active" });
  const other = q.createClient(db, { name: "Northwind Traders", leadSource: "inbound", status: "active" });
  const website = q.createQuote(db, { clientId: pebble.id, title: "Website refresh", estimatedMinutes: 2400, quotedAmount: 400000, currency: "USD", status: "sent", sentOn: "2026-11-20" }, TODAY);
  return { pebble, other, website };
}
type Chosen = { clientId?: number; quoteId?: number; pageClientId?: number; pageQuoteId?: number };
const save = (line: string, chosen: Chosen = {}) => saveQuickCapture(db, { line, ...chosen }, TODAY);
const preview = (line: string, chosen: Chosen = {}) => previewQuickCapture(db, { line, ...chosen }, TODAY);

describe("quick capture saves what the client page's forms save", () => {
  test("“Pebble asked 20% off”: a discount request on the open quote, the quote now negotiating, the score before and after", () => {
    const { pebble, website } = book();
    const p = preview("Pebble asked 20% off");
    expect(p).toMatchObject({ ready: true, client: { id: pebble.id, name: "Pebble Studio" }, quote: { id: website.id }, missing: [] });
    expect(p.sentence).toBe("Pebble Studio — Website refresh: they asked for 20% off ($4,000.00 → $3,200.00)");
    expect(q.getQuote(db, website.id).events).toHaveLength(0); // a preview writes nothing

    const before = computeClientScore(db, pebble.id, TODAY).assessment;
    const saved = save("Pebble asked 20% off");
    const quote = q.getQuote(db, website.id);
    expect(quote.status).toBe("negotiating");
    expect(quote.events).toEqual([expect.objectContaining({ kind: "discount_request", percentBp: 2000, amount: null, occurredOn: TODAY })]);
    const after = computeClientScore(db, pebble.id, TODAY).assessment;
    expect(saved.change).toMatchObject({ before: before.score, after: after.score, verdictBefore: before.verdict, verdict: after.verdict });
    expect(saved.scoreWords).toMatch(/^Fit score /);
    expect(saved.clientName).toBe("Pebble Studio");

    // the same step through the form's use case gives the same row
    const twin = q.createQuote(db, { clientId: pebble.id, title: "Twin", estimatedMinutes: 2400, quotedAmount: 400000, currency: "USD", status: "sent", sentOn: "2026-11-20" }, TODAY);
    q.addQuoteEvent(db, twin.id, { kind: "discount_request", percentBp: 2000 }, TODAY);
    const strip = ({ id: _i, quoteId: _q, createdAt: _c, ...rest }: Record<string, unknown>) => rest;
    expect(strip(q.getQuote(db, twin.id).events[0] as never)).toEqual(strip(quote.events[0] as never));
  });

  test("a counter, my answer and acceptance at the price on the table", () => {
    const { website } = book();
    save("Pebble countered $1,800");
    expect(preview("held firm with pebble").sentence).toBe("Pebble Studio — Website refresh: I held firm at $4,000.00");
    save("held firm with pebble");
    save("Pebble accepted");
    const quote = q.getQuote(db, website.id);
    expect(quote.events.map((e) => [e.kind, e.amount, e.answer])).toEqual([
      ["client_counter", 180000, null],
      ["my_answer", null, "held_firm"],
    ]);
    expect(quote).toMatchObject({ status: "accepted", agreedAmount: 400000, decidedOn: TODAY });
  });

  test("met halfway moves the price half way to what they asked", () => {
    book();
    save("pebble asked $1,000 off");
    expect(preview("pebble met halfway").sentence).toBe("Pebble Studio — Website refresh: I met them halfway: $4,000.00 → $3,500.00");
  });

  test("a follow-up with no answer and an unpaid call are interactions on the client", () => {
    const { pebble } = book();
    save("follow-up with Pebble, no answer");
    save("Pebble 2h unpaid call");
    expect(q.listInteractions(db, pebble.id).map((i) => [i.kind, i.answered, i.subtype, i.minutes, i.paid, i.initiatedBy])).toEqual(
      expect.arrayContaining([
        ["follow_up", false, null, null, null, "me"],
        ["ask", null, "free_consult", 120, false, "client"],
      ]),
    );
  });

  test("yesterday is the day before today", () => {
    const { website } = book();
    save("Pebble countered 3000 yesterday");
    expect(q.getQuote(db, website.id).events[0].occurredOn).toBe("2026-11-29");
  });
});

describe("what is missing is said, and nothing is written", () => {
  const refused = (line: string, chosen: { clientId?: number; quoteId?: number } = {}) => {
    try {
      save(line, chosen);
    } catch (e) {
      expect(isAppError(e, "invalid_input")).toBe(true);
      return (e as { fields: Record<string, string[]> }).fields.line;
    }
    throw new Error(`saved: ${line}`);
  };

  test("no client named: the clients to pick from, those with open quotes first; picking one saves", () => {
    const { pebble, website } = book();
    const p = preview("held firm");
    expect(p.ready).toBe(false);
    expect(p.optionsLabel).toBe("Which client?");
    expect(p.options[0]).toMatchObject({ kind: "client", id: pebble.id, detail: "1 open quote" });
    expect(refused("held firm")).toEqual(["A client: type their name, or pick one from the list"]);
    expect(q.getQuote(db, website.id).events).toHaveLength(0);
    save("held firm", { clientId: pebble.id });
    expect(q.getQuote(db, website.id).events).toHaveLength(1);
  });

  test("an unknown name says so", () => {
    book();
    expect(preview("Zebra asked 20% off").missing).toEqual(["A client: none is called “zebra”; pick one from the list"]);
  });

  test("several open quotes: the title in the line picks one, otherwise a list", () => {
    const { pebble, website } = book();
    const logo = q.createQuote(db, { clientId: pebble.id, title: "Logo design", estimatedMinutes: 600, quotedAmount: 100000, currency: "USD", status: "negotiating", sentOn: "2026-11-21" }, TODAY);
    const p = preview("Pebble countered 1800");
    expect(p.optionsLabel).toBe("Which quote?");
    expect(p.options.map((o) => o.id).sort()).toEqual([website.id, logo.id].sort());
    expect(preview("Pebble countered 800 on the logo").quote).toEqual({ id: logo.id, title: "Logo design" });
    expect(preview("Pebble countered 1800", { quoteId: website.id }).ready).toBe(true);
  });

  test("no open quote: what to do", () => {
    const { other } = book();
    q.createQuote(db, { clientId: other.id, title: "Catalogue", estimatedMinutes: 600, quotedAmount: 100000, currency: "USD", status: "draft" }, TODAY);
    expect(refused("Northwind asked 10% off")).toEqual(["An open quote: Northwind Traders has only a draft (“Catalogue”). Mark it as sent on its page, then log this."]);
    const lone = q.createClient(db, { name: "Lone Wolf", leadSource: "other", status: "prospect" });
    expect(preview("Lone Wolf asked 10% off").missing[0]).toBe("An open quote: Lone Wolf has no quote that is sent or being negotiated. Add one on the client's page first.");
    expect(preview("Lone Wolf 30 min quick question", { clientId: lone.id }).ready).toBe(true); // an ask needs no quote
  });

  test("the entity's schema still rules: more than 100% off is refused", () => {
    book();
    expect(refused("Pebble asked 120% off")).toEqual(["At most 100%"]);
  });

  test("missing amounts and times are named", () => {
    book();
    expect(preview("Pebble asked for a discount").missing).toEqual(["How much off, e.g. “20% off” or “$500 off”"]);
    expect(preview("Pebble unpaid call").missing).toEqual(["How long it took, e.g. “2h” or “90 min”"]);
    expect(preview("Pebble countered 12,34,5").missing[0]).toMatch(/^I could not read the amount/);
  });

  test("a line that says nothing loggable: what I can log", () => {
    book();
    const p = preview("lunch with Pebble");
    expect(p).toMatchObject({ understood: false, ready: false });
    expect(p.help?.length).toBeGreaterThan(3);
    expect(refused("lunch with Pebble")).toEqual([expect.stringMatching(/^I could not tell what happened\. I can log: “Pebble asked 20% off”/)]);
  });

  test("a tie between two names asks which", () => {
    book();
    q.createClient(db, { name: "Pebble Labs", leadSource: "other", status: "prospect" });
    const p = preview("Pebble asked 20% off");
    expect(p.client).toBeNull();
    expect(p.options.map((o) => o.label)).toEqual(["Pebble Labs", "Pebble Studio"]);
    expect(preview("Pebble Studio asked 20% off").client?.name).toBe("Pebble Studio");
  });
});

describe("opened on a client's or a quote's page", () => {
  test("on a client's page, “follow-up, no answer” is saved on that client, with nothing picked", () => {
    const { pebble, other } = book();
    expect(quickCapturePage(db, { pageClientId: pebble.id })).toEqual({ client: { id: pebble.id, name: "Pebble Studio" }, quote: null });
    expect(preview("follow-up, no answer")).toMatchObject({ ready: false, client: null });
    const saved = save("follow-up, no answer", { pageClientId: pebble.id });
    expect(saved.clientId).toBe(pebble.id);
    expect(q.listInteractions(db, pebble.id).map((i) => [i.kind, i.answered, i.occurredOn])).toEqual([["follow_up", false, TODAY]]);
    expect(q.listInteractions(db, other.id)).toEqual([]);
  });

  test("on a quote's page: its client and that quote, even when the client has another open quote", () => {
    const { pebble, website } = book();
    const logo = q.createQuote(db, { clientId: pebble.id, title: "Logo", estimatedMinutes: 600, quotedAmount: 100000, currency: "USD", status: "sent", sentOn: "2026-11-21" }, TODAY);
    expect(quickCapturePage(db, { pageQuoteId: logo.id })).toEqual({ client: { id: pebble.id, name: "Pebble Studio" }, quote: { id: logo.id, title: "Logo" } });
    expect(preview("asked 20% off", { pageClientId: pebble.id })).toMatchObject({ ready: false, optionsLabel: "Which quote?" });
    save("asked 20% off", { pageQuoteId: logo.id });
    expect(q.getQuote(db, logo.id).events).toEqual([expect.objectContaining({ kind: "discount_request", percentBp: 2000 })]);
    expect(q.getQuote(db, website.id).events).toEqual([]);
  });

  test("a name typed in the line that matches another client wins over the page's client", () => {
    const { pebble, other } = book();
    const p = preview("Northwind follow-up, no answer", { pageClientId: pebble.id });
    expect(p).toMatchObject({ ready: true, client: { id: other.id } });
    expect(p.note).toContain("not on Pebble Studio (this page's client)");
    save("Northwind follow-up, no answer", { pageClientId: pebble.id });
    expect(q.listInteractions(db, other.id)).toHaveLength(1);
    expect(q.listInteractions(db, pebble.id)).toEqual([]);
  });
});

describe("POST /api/v1/quick-capture", () => {
  // the route reads WALKAWAY_DB through the shared connection: its own temp file
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "walkaway-quick-capture-api-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const post = async (body: unknown) => {
    const { POST } = await import("@/app/api/v1/quick-capture/route");
    const res = await POST(new Request("http://x/api/v1/quick-capture", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }), { params: Promise.resolve({}) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> & { error?: { fields?: Record<string, string[]> } } };
  };

  test("a dry run previews and writes nothing; a save answers 201 with the score change; what is missing is a 400 on the line", async () => {
    process.env.WALKAWAY_DB = path.join(dir, "book.db");
    const api = await readyDb();
    const c = q.createClient(api, { name: "Pebble Studio", leadSource: "referral", status: "active" });
    const quote = q.createQuote(api, { clientId: c.id, title: "Website refresh", estimatedMinutes: 2400, quotedAmount: 400000, currency: "USD", status: "sent" });

    const dry = await post({ line: "Pebble asked 20% off", dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body.preview).toMatchObject({ ready: true, sentence: "Pebble Studio — Website refresh: they asked for 20% off ($4,000.00 → $3,200.00)" });
    expect(q.getQuote(api, quote.id).events).toHaveLength(0);

    const saved = await post({ line: "Pebble asked 20% off" });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ clientId: c.id, clientName: "Pebble Studio", scoreWords: expect.stringMatching(/^Fit score /) });
    expect(q.getQuote(api, quote.id).events).toEqual([expect.objectContaining({ kind: "discount_request", percentBp: 2000 })]);

    const missing = await post({ line: "Pebble countered" });
    expect(missing.status).toBe(400);
    expect(missing.body.error?.fields?.line).toEqual(["Their amount, e.g. “countered 1800”"]);
    const bad = await post({ line: "", dryRun: "yes" });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error?.fields ?? {}).sort()).toEqual(["dryRun", "line"]);
    expect(q.getQuote(api, quote.id).events).toHaveLength(1);
  });
});
