/**
 * "Remove demo data" (server/demo.ts removeDemoData) on a real SQLite file: the demo book's rows are
 * marked when it loads, and removing takes exactly those away — never a row the user added:
 *   - a user client (with its quote) and a user service are untouched;
 *   - a demo client the user added a quote to is kept with that quote; the demo's own quotes and
 *     interactions on it go;
 *   - a demo quote the user added a negotiation step to is kept, whole, with its client;
 *   - a demo quote the user logged time on is kept with the demo's time and the user's; the demo's
 *     other time entries go;
 *   - a demo client the user logged an interaction on is kept with that interaction only;
 *   - demo services a remaining quote uses are kept; the others go with their rate history; demo
 *     templates go; a service the user had before loading the demo is never marked.
 * Also DELETE /api/v1/demo.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, test, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

import type { DB } from "@/db/connection";
import { DEMO_BOOK, SERVICES } from "@/server/demo-book";
import { hasDemoData, loadDemoBook, removeDemoData } from "@/server/demo";
import { computeAllScores } from "@/server/scores";
import { call, jsonHeaders, type RouteFn } from "./data-helpers";
import { createTestDb } from "./helpers";
import { addTimeEntry, listQuoteTime } from "@/server/time-entries";
import * as q from "./use-cases";
import { clientRates, ratePlans } from "@/db/schema";
import { writeTransaction } from "@/db/connection";
import { findProposalForQuote, listProposals, saveProposalRows } from "@/db/proposals";
import { proposalStatus } from "@/lib/proposals/rules";
import { exportBook } from "@/server/book";
import { exportFileSchema } from "@/lib/export-schema";

const count = (db: DB, table: string) => (db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n; // sql-safe: test, constant table names
const counts = (db: DB) => Object.fromEntries(["clients", "quotes", "quote_events", "interactions", "services", "service_rates", "templates", "time_entries", "proposals", "proposal_items", "proposal_options", "proposal_option_items", "demo_rows"].map((t) => [t, count(db, t)]));

let ctx: Awaited<ReturnType<typeof createTestDb>>;
beforeEach(async () => {
  ctx = await createTestDb();
});
afterEach(() => ctx.close());

const demoQuotes = DEMO_BOOK.reduce((n, c) => n + c.quotes.length, 0);
const demoEvents = DEMO_BOOK.reduce((n, c) => n + c.quotes.reduce((m, dq) => m + (dq.events?.length ?? 0), 0), 0);
const demoInteractions = DEMO_BOOK.reduce((n, c) => n + (c.interactions?.length ?? 0), 0);
const demoTime = DEMO_BOOK.reduce((n, c) => n + c.quotes.reduce((m, dq) => m + (dq.time?.length ?? 0), 0), 0);
const demoProposals = DEMO_BOOK.reduce((n, c) => n + c.quotes.filter((dq) => dq.proposal).length, 0);

describe("the demo's time spent tells three true stories", () => {
  test("Juniper's ticketing integration crept below the floor, with the unpaid scope creep on it; Lumen's review came in under; Fjord's pages are in progress", () => {
    loadDemoBook(ctx.db);
    const scores = new Map(computeAllScores(ctx.db).map((s) => [s.client.name, s]));
    const quoteOf = (client: string, title: string) => {
      const score = scores.get(client)!;
      const quote = q.listQuotes(ctx.db, { clientId: score.client.id }).find((x) => x.title === title)!;
      return { quote, settling: score.assessment.settling.quotes.find((x) => x.quoteId === quote.id)! };
    };
    // 72 h logged for 45 h quoted (60% over): $4,950 / 72 h = $68.75 an hour, under the $85 floor (the estimate said $110)
    const ticketing = quoteOf("Juniper Events", "Ticketing integration");
    expect(ticketing.settling.time).toMatchObject({ estimateMinutes: 2700, actualMinutes: 4320, basis: "time_logged", overrunBp: 6000, crept: true });
    expect(ticketing.settling).toMatchObject({ crept: true, effectiveRate: 6875, estimateRate: 11000, belowFloor: true, settlesHard: true });
    const creep = q.loadClientHistory(ctx.db, ticketing.quote.clientId).interactions.filter((i) => i.quoteId === ticketing.quote.id);
    expect(creep.map((i) => [i.kind, i.subtype, i.paid])).toEqual([["ask", "scope_creep", false]]);
    // Lumen: 9.5 h of 10, done: $1,500 / 9.5 h = $157.89 (target $140)
    const review = quoteOf("Lumen Health", "Security review");
    expect(review.settling.time).toMatchObject({ estimateMinutes: 600, actualMinutes: 570, basis: "time_logged", crept: false });
    expect(review.settling).toMatchObject({ belowTarget: false, effectiveRate: 15789 });
    // Fjord: 10 h of 24 so far, not done: judged on the estimate while in progress
    const pages = quoteOf("Fjord & Co", "Landing pages Q4");
    expect(pages.settling.time).toMatchObject({ estimateMinutes: 1440, actualMinutes: 600, basis: "estimate_while_in_progress", workDone: false, crept: false });
  });
});

describe("the demo's proposals", () => {
  test("Atlas's catalogue pages: three options from the rate card, sent, the link OFF; Northwind chose the middle option of the CMS migration at its price", () => {
    loadDemoBook(ctx.db, new Date("2026-11-30T12:00:00Z"));
    const quotes = new Map(q.listQuotes(ctx.db, {}).map((x) => [x.title, x]));
    const all = listProposals(ctx.db);
    expect(all).toHaveLength(demoProposals);
    expect(all.every((p) => p.shareToken === null)).toBe(true);

    const spring = quotes.get("Spring catalogue pages")!;
    const open = findProposalForQuote(ctx.db, spring.id)!;
    expect(open.options.map((o) => o.name)).toEqual(["Essentials", "Standard", "Complete"]);
    expect(open).toMatchObject({ sentOn: spring.sentOn, expiresOn: "2026-12-21", answeredOn: null, chosenOptionId: null, currency: "USD", targetRate: 11_000, floorRate: 8_500 });
    expect(proposalStatus(open, "2026-11-30")).toBe("sent");
    // priced at target from the rate card: 16 h, 21 h, 24 h at $110; the largest is the quote's price
    expect(open.options.map((o) => [o.minutes, o.price, o.priceSource])).toEqual([
      [960, 176_000, "rate_card"],
      [1_260, 231_000, "rate_card"],
      [1_440, 264_000, "rate_card"],
    ]);
    expect(open.options[2].price).toBe(spring.quotedAmount);
    // each option is a larger set than the one before, built from the proposal's own items
    const itemIds = open.items.map((i) => i.id);
    expect(open.options.map((o) => o.itemIds)).toEqual([itemIds.slice(0, 2), itemIds.slice(0, 3), itemIds]);

    const cms = quotes.get("CMS migration")!;
    const answered = findProposalForQuote(ctx.db, cms.id)!;
    const chosen = answered.options.find((o) => o.id === answered.chosenOptionId)!;
    expect(chosen).toMatchObject({ name: "Standard", position: 1, price: cms.quotedAmount });
    expect(cms).toMatchObject({ status: "accepted" });
    expect(answered).toMatchObject({ answeredOn: cms.decidedOn, sentOn: cms.sentOn, declineReason: null });
    expect(proposalStatus(answered, "2026-11-30")).toBe("chosen");
    // what the demo stores is what an import accepts
    expect(exportFileSchema.safeParse(JSON.parse(JSON.stringify(exportBook(ctx.db)))).success).toBe(true);
  });

  test("removal: the user's own proposal on a demo quote keeps that quote; a demo quote the user negotiated on keeps the demo's proposal; the rest go", () => {
    loadDemoBook(ctx.db);
    const quotes = new Map(q.listQuotes(ctx.db, {}).map((x) => [x.title, x]));
    const kestrel = quotes.get("Platform migration plan")!;
    writeTransaction(ctx.db, (t) =>
      saveProposalRows(
        t,
        { quoteId: kestrel.id, currency: "USD", unit: "hour", floorRate: 10_000, targetRate: 14_000, marketRate: 15_000, rush: false, rushMultiplierPct: 150, hoursPerDay: 8, minimumFee: 0, belowFloorConfirmed: false, intro: null, terms: null, expiresOn: "2099-01-01" },
        [{ name: "Plan", minutes: 600 }, { name: "Review", minutes: 360 }],
        [
          { name: "Plan only", summary: null, minutes: 600, price: 140_000, priceSource: "rate_card", rateCardPrice: 140_000, items: [0] },
          { name: "Plan and review", summary: null, minutes: 960, price: 224_000, priceSource: "rate_card", rateCardPrice: 224_000, items: [0, 1] },
        ],
      ),
    );
    const spring = quotes.get("Spring catalogue pages")!;
    q.addQuoteEvent(ctx.db, spring.id, { kind: "client_counter", amount: 200_000 });
    const r = removeDemoData(ctx.db);
    expect(r.removed.proposals).toBe(1); // Northwind's answered one, with its quote
    expect(r.kept.quotes).toBe(2);
    expect(findProposalForQuote(ctx.db, kestrel.id)?.options.map((o) => o.name)).toEqual(["Plan only", "Plan and review"]);
    expect(findProposalForQuote(ctx.db, spring.id)?.options).toHaveLength(3);
    expect(listProposals(ctx.db)).toHaveLength(2);
    // nothing of the removed proposal is left behind
    expect(count(ctx.db, "proposal_options")).toBe(5);
    expect(count(ctx.db, "proposal_items")).toBe(6);
  });
});

describe("remove demo data", () => {
  test("on an untouched demo book: removes every row it wrote, and the book is empty again", () => {
    const empty = counts(ctx.db);
    loadDemoBook(ctx.db);
    expect(hasDemoData(ctx.db)).toBe(true);
    const r = removeDemoData(ctx.db);
    expect(r).toEqual({
      removed: { clients: DEMO_BOOK.length, quotes: demoQuotes, events: demoEvents, interactions: demoInteractions, timeEntries: demoTime, proposals: demoProposals, services: 4, templates: 2 },
      kept: { clients: [], quotes: 0, services: [] },
    });
    expect(counts(ctx.db)).toEqual(empty);
    expect(hasDemoData(ctx.db)).toBe(false);
    expect(q.isEmptyBook(ctx.db)).toBe(true);
  });

  test("keeps everything the user added, and the demo rows it hangs on", () => {
    const mySvc = q.createService(ctx.db, { name: "Copywriting", unit: "hour", currency: "USD", marketRate: 7000, targetRate: 6500, floorRate: 5000 });
    loadDemoBook(ctx.db);
    const byName = new Map(q.listClients(ctx.db).map((c) => [c.name, c]));
    const web = q.listServices(ctx.db).find((s) => s.name === SERVICES.web.name)!;
    // a user client with a quote; a user service
    const mine = q.createClient(ctx.db, { name: "My own client", leadSource: "other", status: "active" });
    const myQuote = q.createQuote(ctx.db, { clientId: mine.id, serviceId: mySvc.id, title: "Mine", estimatedMinutes: 60, quotedAmount: 10000, currency: "USD", status: "sent" });
    const myOtherService = q.createService(ctx.db, { name: "Training", unit: "day", currency: "USD", marketRate: 80000, targetRate: 70000, floorRate: 50000 });
    // a user quote on a demo client (using a demo service)
    const brightline = byName.get("Brightline Media")!;
    const onDemoClient = q.createQuote(ctx.db, { clientId: brightline.id, serviceId: web.id, title: "My follow-up work", estimatedMinutes: 120, quotedAmount: 24000, currency: "USD", status: "sent" });
    // a user negotiation step on a demo quote
    const sable = byName.get("Sable Fitness")!;
    const booking = q.listQuotes(ctx.db, { clientId: sable.id })[0];
    q.addQuoteEvent(ctx.db, booking.id, { kind: "client_counter", amount: 450000 });
    // a user interaction on a demo client
    const kestrel = byName.get("Kestrel Labs")!;
    const myNote = q.addInteraction(ctx.db, kestrel.id, { kind: "follow_up", answered: true });
    // time the user logged on a demo quote (Fjord's landing pages, in progress with the demo's 10 h)
    const fjord = byName.get("Fjord & Co")!;
    const landing = q.listQuotes(ctx.db, { clientId: fjord.id }).find((x) => x.title === "Landing pages Q4")!;
    const fjordTime = DEMO_BOOK.find((c) => c.client.name === "Fjord & Co")!.quotes.find((x) => x.title === "Landing pages Q4")!.time!.length;
    const myTime = addTimeEntry(ctx.db, landing.id, { minutes: 120, note: "Mine" });

    const r = removeDemoData(ctx.db);

    expect(r.kept).toEqual({ clients: ["Brightline Media", "Fjord & Co", "Kestrel Labs", "Sable Fitness"], quotes: 2, services: [SERVICES.web.name] });
    expect(q.listClients(ctx.db).map((c) => c.name).sort()).toEqual(["Brightline Media", "Fjord & Co", "Kestrel Labs", "My own client", "Sable Fitness"]);
    // Fjord: only the quote the user logged time on, with the demo's time and the user's
    expect(q.listQuotes(ctx.db, { clientId: fjord.id }).map((x) => x.id)).toEqual([landing.id]);
    const time = listQuoteTime(ctx.db, landing.id);
    expect(time).toHaveLength(fjordTime + 1);
    expect(time.some((e) => e.id === myTime.id)).toBe(true);
    expect(count(ctx.db, "time_entries")).toBe(fjordTime + 1);
    // Brightline: only the user's quote, none of the demo's interactions
    expect(q.listQuotes(ctx.db, { clientId: brightline.id }).map((x) => x.id)).toEqual([onDemoClient.id]);
    expect(count(ctx.db, "interactions")).toBe(1);
    // Sable: the demo quote the user negotiated on, with the demo's step and the user's
    const kept = q.getQuote(ctx.db, booking.id);
    expect(kept.events.map((e) => e.kind)).toEqual(["discount_request", "client_counter"]);
    // Kestrel: the user's follow-up only
    expect(q.listQuotes(ctx.db, { clientId: kestrel.id })).toEqual([]);
    expect(q.loadClientHistory(ctx.db, kestrel.id).interactions.map((i) => i.id)).toEqual([myNote.id]);
    // the user's client and quote are as they were
    expect(q.getQuote(ctx.db, myQuote.id)).toMatchObject({ title: "Mine", quotedAmount: 10000 });
    // services: the user's two, plus the demo's web development (used by kept quotes), with its history
    expect(q.listServices(ctx.db).map((s) => s.name).sort()).toEqual(["Copywriting", SERVICES.web.name, "Training"].sort());
    expect(q.getServiceRates(ctx.db, web.id).rates.length).toBeGreaterThan(0);
    expect(q.getService(ctx.db, myOtherService.id).name).toBe("Training");
    expect(q.listTemplates(ctx.db)).toEqual([]);
    // the counts add up: the demo's rows minus what was kept
    expect(r.removed).toEqual({
      clients: DEMO_BOOK.length - 4,
      quotes: demoQuotes - 2,
      events: demoEvents - 1, // the kept quote's own step stays
      interactions: demoInteractions,
      timeEntries: demoTime - fjordTime, // the kept quote's own time stays
      proposals: demoProposals, // neither proposal's quote was kept
      services: 2, // brand, consult: copywriting was the user's, web is kept
      templates: 2,
    });
    // what was kept is the user's now: no demo data left, a second removal removes nothing
    expect(hasDemoData(ctx.db)).toBe(false);
    const before = counts(ctx.db);
    expect(removeDemoData(ctx.db).removed).toEqual({ clients: 0, quotes: 0, events: 0, interactions: 0, timeEntries: 0, proposals: 0, services: 0, templates: 0 });
    expect(counts(ctx.db)).toEqual(before);
  });

  test("a demo client the user planned a raise for, or gave an own rate, is kept with them (and the demo service they use)", () => {
    loadDemoBook(ctx.db);
    const byName = new Map(q.listClients(ctx.db).map((c) => [c.name, c]));
    const consult = q.listServices(ctx.db).find((s) => s.name === SERVICES.consult.name)!;
    const marlow = byName.get("Marlow Legal")!;
    const tidewater = byName.get("Tidewater NGO")!;
    const plan = Number(
      ctx.db
        .insert(ratePlans)
        .values({ clientId: marlow.id, serviceId: consult.id, currency: "USD", currentRate: 15000, targetRate: 14000, newRate: 16500, noticeOn: "2026-11-01", effectiveFrom: "2027-02-01", letter: "Dear Marlow" })
        .run().lastInsertRowid,
    );
    ctx.db.insert(clientRates).values({ clientId: tidewater.id, serviceId: consult.id, effectiveFrom: "2026-01-01", rate: 12000 }).run();
    const r = removeDemoData(ctx.db);
    expect(r.kept.clients).toEqual(["Marlow Legal", "Tidewater NGO"]);
    expect(r.kept.services).toEqual([SERVICES.consult.name]);
    expect(ctx.db.select().from(ratePlans).all().map((p) => p.id)).toEqual([plan]);
    expect(ctx.db.select().from(clientRates).all()).toHaveLength(1);
    // the demo's own quotes and interactions on them are gone
    expect(q.listQuotes(ctx.db, { clientId: marlow.id })).toEqual([]);
  });

  test("a demo row the user already deleted is simply not there to remove", () => {
    loadDemoBook(ctx.db);
    const orbit = q.listClients(ctx.db).find((c) => c.name === "Orbit Coffee")!;
    q.deleteClient(ctx.db, orbit.id);
    const r = removeDemoData(ctx.db);
    expect(r.removed.clients).toBe(DEMO_BOOK.length - 1);
    expect(q.isEmptyBook(ctx.db)).toBe(true);
  });

  test("one transaction: a failure half-way removes nothing", () => {
    loadDemoBook(ctx.db);
    const before = counts(ctx.db);
    ctx.db.$client.exec("CREATE TRIGGER keep_templates BEFORE DELETE ON templates BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;");
    expect(() => removeDemoData(ctx.db)).toThrow(/refused by the test/);
    expect(counts(ctx.db)).toEqual(before);
  });
});

describe("DELETE /api/v1/demo", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "walkaway-demo-api-"));
  process.env.WALKAWAY_DB = path.join(dir, "book.db");
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("loads, removes, and loads again", async () => {
    const route = await import("@/app/api/v1/demo/route");
    const send = async (fn: RouteFn, method: string) => {
      const res = await call(fn, { method, path: "/api/v1/demo", body: null, headers: jsonHeaders, params: {} });
      return { status: res.status, body: await res.json() };
    };
    expect((await send(route.POST as RouteFn, "POST")).status).toBe(201);
    expect((await send(route.POST as RouteFn, "POST")).status).toBe(409);
    const removed = await send(route.DELETE as RouteFn, "DELETE");
    expect(removed.status).toBe(200);
    expect(removed.body.removed).toMatchObject({ clients: DEMO_BOOK.length, quotes: demoQuotes });
    expect((await send(route.POST as RouteFn, "POST")).status).toBe(201);
  });
});
