/**
 * Date classes: one rule for every date the app takes in (a real calendar day within 1970 … 2100,
 * lib/schemas.ts isoDateSchema; import timestamps a real instant within the same years). Every
 * date-bearing field of every write route, the dashboard's filters and the import file is tried with
 * every class of date, through the real route handlers on a real SQLite file:
 *   - good ones are saved (2xx), bad ones are a 400 naming the field, and nothing is ever a 5xx;
 *   - afterwards every page-facing read answers 200;
 *   - a far-future date written by raw SQL (data stored before the rule) cannot take the dashboard down.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, refresh: () => {} }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`redirect ${url}`);
  },
}));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

import type { DB } from "@/db/connection";
import { MAX_SERIES_MONTHS } from "@/lib/dashboard";
import { readyDb } from "@/server/database";
import { call, jsonHeaders, type RouteFn } from "./data-helpers";
import * as q from "./use-cases";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "walkaway-dates-"));
process.env.WALKAWAY_DB = path.join(dir, "book.db");
delete process.env.WALKAWAY_PASSWORD;

// ---------------- the classes ----------------
const GOOD = ["2026-11-24", "2024-02-29", "1970-01-01", "2100-12-31"];
const NOT_A_DAY = ["2025-02-29", "2026-13-45", "9999-99-99", "2026-11-24T10:00"];
const OUT_OF_BOUNDS = ["1969-12-31", "2101-01-01", "9999-12-31", "0001-01-01"];
const GARBAGE: unknown[] = ["", "yesterday", 20261124];
const BAD: unknown[] = [...NOT_A_DAY, ...OUT_OF_BOUNDS, ...GARBAGE];

const GOOD_STAMPS = ["2026-11-24T09:30:00.000Z", "2024-02-29T23:59:59.999Z", "2026-11-24T09:30:00+02:00", "1970-01-01T00:00:00.000Z"];
const BAD_STAMPS: unknown[] = ["9999-99-99T99:99", "2026-13-45", "2026-02-30T10:00:00Z", "2026-11-24", "2026-11-24 09:30:00", "1969-12-31T23:59:59.999Z", "2101-01-01T00:00:00.000Z", "9999-12-31T00:00:00.000Z", "", "yesterday", 20261124, null];

// ---------------- bookkeeping for docs/reliability.md ----------------
const tally = { cases: 0, byStatus: {} as Record<string, number>, fiveXX: 0, fields: 0 };
afterAll(() => {
  console.log(`[dates] ${tally.fields} date fields, ${tally.cases} cases, statuses ${JSON.stringify(tally.byStatus)}, 5xx: ${tally.fiveXX}`);
  fs.rmSync(dir, { recursive: true, force: true });
});

// route handlers typed with their own path params, called with plain ones
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyRoute = (req: Request, ctx: { params: Promise<any> }) => Promise<Response>;
async function send(fn: AnyRoute, method: string, opts: { path?: string; body?: unknown; params?: Record<string, string> } = {}): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await call(fn as RouteFn, {
    method,
    path: opts.path ?? "/api/v1/x",
    body: opts.body === undefined ? null : JSON.stringify(opts.body),
    headers: jsonHeaders,
    params: opts.params,
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : {} };
}

/** One case: a good date is accepted, a bad one is a 400 that names `field`; never a 5xx. */
async function expectCase(what: string, field: string, good: boolean, run: () => Promise<{ status: number; json: Record<string, unknown> }>) {
  const { status, json } = await run();
  tally.cases++;
  tally.byStatus[status] = (tally.byStatus[status] ?? 0) + 1;
  if (status >= 500) tally.fiveXX++;
  expect(status, `${what}: ${JSON.stringify(json).slice(0, 300)}`).toBeLessThan(500);
  if (good) {
    expect(status, `${what}: ${JSON.stringify(json).slice(0, 300)}`).toBeLessThan(300);
  } else {
    expect(status, what).toBe(400);
    const fields = (json.error as { fields?: Record<string, string[]> } | undefined)?.fields ?? {};
    expect(Object.keys(fields), `${what}: ${JSON.stringify(json).slice(0, 300)}`).toContain(field);
    expect(fields[field].join(" "), what).toMatch(/1970 and 2100/);
  }
}

const label = (v: unknown) => (typeof v === "string" ? JSON.stringify(v) : String(v));

let db: DB;
let clientId = 0;
let serviceId = 0;
/** sent on 1970-01-01: every good decision date is on or after it */
let oldQuoteId = 0;
let exportFile = "";
const quoteIds: number[] = [];

const routes = {
  quotes: () => import("@/app/api/v1/quotes/route"),
  quote: () => import("@/app/api/v1/quotes/[id]/route"),
  outcome: () => import("@/app/api/v1/quotes/[id]/outcome/route"),
  events: () => import("@/app/api/v1/quotes/[id]/events/route"),
  interactions: () => import("@/app/api/v1/clients/[id]/interactions/route"),
  dashboard: () => import("@/app/api/v1/dashboard/route"),
  evaluate: () => import("@/app/api/v1/offers/evaluate/route"),
  record: () => import("@/app/api/v1/offers/record/route"),
  importFile: () => import("@/app/api/v1/import/route"),
  exportFile: () => import("@/app/api/v1/export/route"),
  scores: () => import("@/app/api/v1/scores/route"),
  score: () => import("@/app/api/v1/clients/[id]/score/route"),
  client: () => import("@/app/api/v1/clients/[id]/route"),
};

beforeAll(async () => {
  db = await readyDb();
  clientId = q.createClient(db, { name: "Acme", leadSource: "referral", status: "active" }).id;
  serviceId = q.createService(db, { name: "Web", unit: "hour", currency: "USD", marketRate: 12000, targetRate: 10000, floorRate: 7000 }).id;
  const quote = q.createQuote(db, { clientId, serviceId, title: "Old", estimatedMinutes: 600, quotedAmount: 100000, currency: "USD", status: "sent", sentOn: "1970-01-01" });
  oldQuoteId = quote.id;
  quoteIds.push(quote.id);
  q.addQuoteEvent(db, quote.id, { kind: "discount_request", percentBp: 1000, occurredOn: "2026-11-02" });
  q.addInteraction(db, clientId, { kind: "ask", subtype: "quick_question", minutes: 15, paid: false, quoteId: quote.id, occurredOn: "2026-11-03" });
  // the import file: this small book as exported, before the cases add to it
  exportFile = await (await call((await routes.exportFile()).GET as RouteFn, { path: "/api/v1/export" })).text();
});

const quoteBody = (patch: Record<string, unknown>) => ({ clientId, serviceId, title: "Dated", estimatedMinutes: 60, quotedAmount: 10000, currency: "USD", ...patch });
const offerBody = (patch: Record<string, unknown>) => ({ clientId, serviceId, scopeAmount: 10, scopeUnit: "hours", offeredAmount: 100000, currency: "USD", ...patch });

/**
 * The date fields of the write routes. `body(v)` puts the date in a request that is otherwise valid, so
 * the date alone decides the answer; `empty` is how "" and null read there (a field that may be empty).
 */
const jsonFields: { what: string; field: string; nullOk: boolean; emptyOk?: boolean; run: (v: unknown) => Promise<{ status: number; json: Record<string, unknown> }> }[] = [
  { what: "POST /quotes sentOn", field: "sentOn", nullOk: true, run: async (v) => send((await routes.quotes()).POST, "POST", { body: quoteBody({ status: "sent", sentOn: v }) }) },
  { what: "POST /quotes decidedOn", field: "decidedOn", nullOk: true, run: async (v) => send((await routes.quotes()).POST, "POST", { body: quoteBody({ status: "accepted", sentOn: "1970-01-01", decidedOn: v }) }) },
  { what: "PUT /quotes/:id sentOn", field: "sentOn", nullOk: true, run: async (v) => send((await routes.quote()).PUT, "PUT", { params: { id: String(oldQuoteId) }, body: quoteBody({ title: "Old", estimatedMinutes: 600, quotedAmount: 100000, status: "sent", sentOn: v }) }) },
  { what: "PUT /quotes/:id decidedOn", field: "decidedOn", nullOk: true, run: async (v) => send((await routes.quote()).PUT, "PUT", { params: { id: String(oldQuoteId) }, body: quoteBody({ title: "Old", estimatedMinutes: 600, quotedAmount: 100000, status: "accepted", sentOn: "1970-01-01", decidedOn: v }) }) },
  { what: "PATCH /quotes/:id sentOn", field: "sentOn", nullOk: true, run: async (v) => send((await routes.quote()).PATCH, "PATCH", { params: { id: String(oldQuoteId) }, body: { status: "sent", decidedOn: null, sentOn: v } }) },
  { what: "PATCH /quotes/:id decidedOn", field: "decidedOn", nullOk: true, run: async (v) => send((await routes.quote()).PATCH, "PATCH", { params: { id: String(oldQuoteId) }, body: { status: "accepted", sentOn: "1970-01-01", decidedOn: v } }) },
  { what: "POST /quotes/:id/outcome decidedOn", field: "decidedOn", nullOk: true, run: async (v) => send((await routes.outcome()).POST, "POST", { params: { id: String(oldQuoteId) }, body: { status: "accepted", agreedAmount: 90000, decidedOn: v } }) },
  { what: "POST /quotes/:id/events occurredOn", field: "occurredOn", nullOk: false, run: async (v) => send((await routes.events()).POST, "POST", { params: { id: String(oldQuoteId) }, body: { kind: "client_counter", amount: 90000, occurredOn: v } }) },
  { what: "POST /clients/:id/interactions occurredOn", field: "occurredOn", nullOk: false, run: async (v) => send((await routes.interactions()).POST, "POST", { params: { id: String(clientId) }, body: { kind: "follow_up", answered: true, occurredOn: v } }) },
  { what: "POST /offers/evaluate deadline", field: "deadline", nullOk: true, emptyOk: true, run: async (v) => send((await routes.evaluate()).POST, "POST", { body: offerBody({ deadline: v }) }) },
  { what: "POST /offers/record deadline", field: "deadline", nullOk: true, emptyOk: true, run: async (v) => send((await routes.record()).POST, "POST", { body: offerBody({ deadline: v, decision: "countered", counterAmount: 120000 }) }) },
];

describe("every date field of every write route: good dates saved, bad ones a 400 naming the field, never a 5xx", () => {
  for (const f of jsonFields) {
    test(f.what, async () => {
      tally.fields++;
      for (const v of GOOD) await expectCase(`${f.what} = ${label(v)}`, f.field, true, () => f.run(v));
      for (const v of BAD) await expectCase(`${f.what} = ${label(v)}`, f.field, v === "" && !!f.emptyOk, () => f.run(v));
      await expectCase(`${f.what} = null`, f.field, f.nullOk, () => f.run(null));
    });
  }

  test("a good date is stored as sent", async () => {
    const created = await send((await routes.quotes()).POST, "POST", { body: quoteBody({ status: "accepted", sentOn: "2024-02-29", decidedOn: "2100-12-31" }) });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ sentOn: "2024-02-29", decidedOn: "2100-12-31" });
    quoteIds.push(created.json.id as number);
  });
});

describe("the dashboard's filters (GET /api/v1/dashboard): the same rule", () => {
  // the other end is the widest good one, so any good date makes a valid period
  const query: { field: "from" | "to"; other: string }[] = [
    { field: "from", other: "to=2100-12-31" },
    { field: "to", other: "from=1970-01-01" },
  ];
  for (const { field, other } of query) {
    test(`?range=custom&${field}=…`, async () => {
      tally.fields++;
      const get = async (v: unknown) => send((await routes.dashboard()).GET, "GET", { path: `/api/v1/dashboard?range=custom&${field}=${encodeURIComponent(String(v))}&${other}` });
      for (const v of GOOD) await expectCase(`dashboard ${field}=${v}`, field, true, () => get(v));
      // an empty query value means "not set": an open end, a valid period
      for (const v of BAD) await expectCase(`dashboard ${field}=${label(v)}`, field, v === "", () => get(v));
    });
  }
});

describe("the import file (POST /api/v1/import): the same rule, and real timestamps", () => {
  type Book = Record<string, Record<string, unknown>[]> & { exportedAt: unknown };
  const places: { field: string; set: (f: Book, v: unknown) => void; values: { good: unknown[]; bad: unknown[] } }[] = [
    { field: "quotes[0].sentOn", set: (f, v) => Object.assign(f.quotes[0], { status: "sent", decidedOn: null, sentOn: v }), values: { good: [...GOOD, null], bad: BAD } },
    { field: "quotes[0].decidedOn", set: (f, v) => Object.assign(f.quotes[0], { status: "accepted", agreedAmount: 90000, sentOn: "1970-01-01", decidedOn: v }), values: { good: [...GOOD, null], bad: BAD } },
    { field: "quoteEvents[0].occurredOn", set: (f, v) => (f.quoteEvents[0].occurredOn = v), values: { good: GOOD, bad: [...BAD, null] } },
    { field: "interactions[0].occurredOn", set: (f, v) => (f.interactions[0].occurredOn = v), values: { good: GOOD, bad: [...BAD, null] } },
    { field: "exportedAt", set: (f, v) => (f.exportedAt = v), values: { good: GOOD_STAMPS, bad: BAD_STAMPS } },
    { field: "clients[0].createdAt", set: (f, v) => (f.clients[0].createdAt = v), values: { good: GOOD_STAMPS, bad: BAD_STAMPS } },
    { field: "quotes[0].updatedAt", set: (f, v) => (f.quotes[0].updatedAt = v), values: { good: GOOD_STAMPS, bad: BAD_STAMPS } },
    { field: "quoteEvents[0].createdAt", set: (f, v) => (f.quoteEvents[0].createdAt = v), values: { good: GOOD_STAMPS, bad: BAD_STAMPS } },
  ];
  for (const { field, set, values } of places) {
    test(field, async () => {
      tally.fields++;
      const post = async (v: unknown) => {
        const f = JSON.parse(exportFile) as Book;
        set(f, v);
        return send((await routes.importFile()).POST, "POST", { path: "/api/v1/import?mode=merge", body: f });
      };
      for (const v of values.good) await expectCase(`import ${field} = ${label(v)}`, field, true, () => post(v));
      for (const v of values.bad) {
        const { status, json } = await post(v);
        tally.cases++;
        tally.byStatus[status] = (tally.byStatus[status] ?? 0) + 1;
        if (status >= 500) tally.fiveXX++;
        expect(status, `import ${field} = ${label(v)}: ${JSON.stringify(json).slice(0, 300)}`).toBe(400);
        expect(Object.keys((json.error as { fields: Record<string, string[]> }).fields), `import ${field} = ${label(v)}`).toEqual([field]);
      }
    });
  }
});

describe("afterwards: every page-facing read answers 200", () => {
  test("dashboard (all time and every preset), scores, each client's score and page data, each quote", async () => {
    const reads: [string, Promise<Response>][] = [];
    const dashboard = (await routes.dashboard()).GET as RouteFn;
    for (const range of ["all", "30d", "90d", "365d"]) reads.push([`dashboard ${range}`, call(dashboard, { path: `/api/v1/dashboard?range=${range}` })]);
    reads.push(["dashboard 1970 … 2100", call(dashboard, { path: "/api/v1/dashboard?range=custom&from=1970-01-01&to=2100-12-31" })]);
    reads.push(["scores", call((await routes.scores()).GET as RouteFn, { path: "/api/v1/scores" })]);
    for (const c of q.listClients(db, {})) {
      reads.push([`client ${c.id} score`, call((await routes.score()).GET as RouteFn, { params: { id: String(c.id) } })]);
      reads.push([`client ${c.id}`, call((await routes.client()).GET as RouteFn, { params: { id: String(c.id) } })]);
    }
    for (const quote of q.listQuotes(db, {})) reads.push([`quote ${quote.id}`, call((await routes.quote()).GET as RouteFn, { params: { id: String(quote.id) } })]);
    expect(reads.length).toBeGreaterThan(20);
    for (const [what, res] of reads) {
      const r = await res;
      tally.cases++;
      tally.byStatus[r.status] = (tally.byStatus[r.status] ?? 0) + 1;
      if (r.status >= 500) tally.fiveXX++;
      expect(r.status, `${what}: ${(await r.text()).slice(0, 300)}`).toBe(200);
    }
  });
});

describe("a far-future date already stored (raw SQL, as old data may have it)", () => {
  test("GET /api/v1/dashboard?range=all answers 200 with a bounded months array that says it was shortened", async () => {
    const sqlite = db.$client;
    const insert = sqlite.prepare(
      `insert into quotes (client_id, service_id, title, estimated_minutes, quoted_amount, currency, status, agreed_amount, sent_on, decided_on)
       values (?, ?, 'Typo', 600, 100000, 'USD', 'accepted', 90000, ?, ?)`,
    );
    const far = Number(insert.run(clientId, serviceId, "9999-12-01", "9999-12-31").lastInsertRowid);
    insert.run(clientId, serviceId, "0001-01-01", "0001-01-02");
    sqlite.prepare(`insert into quote_events (quote_id, kind, amount, occurred_on) values (?, 'client_counter', 90000, '9999-12-31')`).run(far);
    sqlite.prepare(`insert into interactions (client_id, kind, answered, initiated_by, occurred_on) values (?, 'follow_up', 1, 'me', '9999-12-31')`).run(clientId);

    const started = performance.now();
    const res = await call((await routes.dashboard()).GET as RouteFn, { path: "/api/v1/dashboard?range=all" });
    const text = await res.text();
    expect(res.status, text.slice(0, 300)).toBe(200);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(text.length).toBeLessThan(500_000);
    const d = JSON.parse(text);
    expect(d.overTime.months.length).toBeLessThanOrEqual(MAX_SERIES_MONTHS);
    expect(d.overTime.months.map((m: { month: string }) => m.month)).toEqual(expect.arrayContaining(["0001-01", "9999-12"]));
    expect(d.overTime.shortened).toMatchObject({ to: "9999-12", from: "0001-01" });
    expect(d.overTime.shortened.spanMonths).toBeGreaterThan(100_000);

    // and the other page-facing reads still answer
    for (const [what, r] of [
      ["scores", await call((await routes.scores()).GET as RouteFn, { path: "/api/v1/scores" })],
      ["client score", await call((await routes.score()).GET as RouteFn, { params: { id: String(clientId) } })],
      ["client", await call((await routes.client()).GET as RouteFn, { params: { id: String(clientId) } })],
      ["quote", await call((await routes.quote()).GET as RouteFn, { params: { id: String(far) } })],
    ] as const) {
      tally.cases++;
      tally.byStatus[r.status] = (tally.byStatus[r.status] ?? 0) + 1;
      if (r.status >= 500) tally.fiveXX++;
      expect(r.status, `${what}: ${(await r.text()).slice(0, 300)}`).toBe(200);
    }
  });
});
