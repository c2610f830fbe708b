/**
 * Disk full: every write route and every server action, run again and again while the database has
 * almost no room left (SQLite's `PRAGMA max_page_count`: the same SQLITE_FULL a full disk gives,
 * without root). Each call's effect is checked right after it: present when acknowledged, absent when
 * refused, and every refusal is a clear 507 / "disk is full" message. At the end: every acknowledged
 * create is still there with its own id, no id was handed out twice, integrity_check is ok.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error(`redirect ${url}`), { redirectTo: url });
  },
}));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

import type { DB } from "@/db/connection";
import type { ActionState } from "@/lib/action-state";
import { exportBook } from "@/server/book";
import { readyDb } from "@/server/database";
import { call, jsonHeaders, type RouteFn } from "./data-helpers";
import * as q from "./use-cases";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "walkaway-disk-full-"));
process.env.WALKAWAY_DB = path.join(dir, "book.db");
let db: DB;
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyRoute = (req: Request, ctx: { params: Promise<any> }) => Promise<Response>;
type Result = { ack: boolean; refusal: string | null; id?: number };

// notes hold at most 2,000 characters: each row takes about half a page
const big = (marker: string) => `${marker} ${"x".repeat(1900)}`;
const count = (sql: string, ...params: unknown[]) => (db.$client.prepare(sql).pluck().get(...params) as number) ?? 0;
const exists = (table: string, id: number) => count(`SELECT count(*) FROM ${table} WHERE id = ?`, id) === 1;

async function route(fn: AnyRoute, method: string, body: unknown, params: Record<string, string> = {}, headers = jsonHeaders): Promise<Result> {
  const res = await call(fn as RouteFn, { method, path: "/api/v1/x", body: typeof body === "string" ? body : body === undefined ? null : JSON.stringify(body), headers, params });
  const text = await res.text();
  if (res.status < 300) {
    const json = text ? JSON.parse(text) : null;
    return { ack: true, refusal: null, id: json?.id };
  }
  return { ack: false, refusal: `${res.status} ${JSON.parse(text).error.message}` };
}

const form = (values: Record<string, string | number>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) fd.append(k, String(v));
  return fd;
};
async function action(run: () => Promise<ActionState | void>): Promise<Result> {
  try {
    const state = await run();
    if (!state || state.status === "ok") return { ack: true, refusal: null };
    return { ack: false, refusal: state.message ?? "no message" };
  } catch (e) {
    const to = (e as { redirectTo?: string }).redirectTo;
    if (to) return { ack: true, refusal: null, id: Number(to.split("/").pop()) || undefined };
    throw e;
  }
}

/** A pool of rows made while there was room, for the updates and deletes to use up. */
const pools = { clients: [] as number[], services: [] as number[], quotes: [] as number[], events: [] as { quoteId: number; id: number }[], interactions: [] as number[], templates: [] as number[] };
let clientId = 0;
let serviceId = 0;
let quoteId = 0;
let exportShape: ReturnType<typeof exportBook>;

interface Op {
  name: string;
  /** runs the write; returns what was acknowledged and a check of "present exactly when acknowledged" */
  run: (m: string) => Promise<{ result: Result; present: () => boolean; created?: { table: string; marker: string } }>;
}

const routes = {
  clients: () => import("@/app/api/v1/clients/route"),
  client: () => import("@/app/api/v1/clients/[id]/route"),
  services: () => import("@/app/api/v1/services/route"),
  service: () => import("@/app/api/v1/services/[id]/route"),
  quotes: () => import("@/app/api/v1/quotes/route"),
  quote: () => import("@/app/api/v1/quotes/[id]/route"),
  outcome: () => import("@/app/api/v1/quotes/[id]/outcome/route"),
  events: () => import("@/app/api/v1/quotes/[id]/events/route"),
  event: () => import("@/app/api/v1/quotes/[id]/events/[eventId]/route"),
  interactions: () => import("@/app/api/v1/clients/[id]/interactions/route"),
  interaction: () => import("@/app/api/v1/clients/[id]/interactions/[interactionId]/route"),
  settings: () => import("@/app/api/v1/settings/route"),
  templates: () => import("@/app/api/v1/templates/route"),
  template: () => import("@/app/api/v1/templates/[id]/route"),
  record: () => import("@/app/api/v1/offers/record/route"),
  csv: () => import("@/app/api/v1/import/clients-csv/route"),
  importBook: () => import("@/app/api/v1/import/route"),
};
const actions = {
  clients: () => import("@/app/actions/clients"),
  services: () => import("@/app/actions/services"),
  quotes: () => import("@/app/actions/quotes"),
  interactions: () => import("@/app/actions/interactions"),
  settings: () => import("@/app/actions/settings"),
  templates: () => import("@/app/actions/templates"),
  offers: () => import("@/app/actions/offers"),
  data: () => import("@/app/actions/data"),
};

const byName = (table: string, column: string, m: string) => () => count(`SELECT count(*) FROM ${table} WHERE ${column} LIKE ?`, `${m} %`) + count(`SELECT count(*) FROM ${table} WHERE ${column} = ?`, m) > 0;
const idle: ActionState = { status: "idle" };
function take<T>(pool: T[]): T {
  const next = pool.shift();
  if (next === undefined) throw new Error("the test's pool ran out: make it larger");
  return next;
}

const ops: Op[] = [
  // ---- the API ----
  { name: "POST /clients", run: async (m) => ({ result: await route((await routes.clients()).POST, "POST", { name: m, notes: big(m) }), present: byName("clients", "name", m), created: { table: "clients", marker: m } }) },
  { name: "PATCH /clients/:id", run: async (m) => ({ result: await route((await routes.client()).PATCH, "PATCH", { notes: big(m) }, { id: String(clientId) }), present: byName("clients", "notes", m) }) },
  { name: "POST /services", run: async (m) => ({ result: await route((await routes.services()).POST, "POST", { name: m, unit: "hour", currency: "USD", marketRate: 12000, targetRate: 10000, floorRate: 7000 }), present: byName("services", "name", m), created: { table: "services", marker: m } }) },
  { name: "PUT /services/:id", run: async (m) => ({ result: await route((await routes.service()).PUT, "PUT", { name: m, unit: "hour", currency: "USD", marketRate: 12000, targetRate: 10000, floorRate: 7000 }, { id: String(serviceId) }), present: byName("services", "name", m) }) },
  { name: "POST /quotes", run: async (m) => ({ result: await route((await routes.quotes()).POST, "POST", { clientId, serviceId, title: m, scope: big(m), estimatedMinutes: 600, quotedAmount: 100000, currency: "USD", status: "sent" }), present: byName("quotes", "title", m), created: { table: "quotes", marker: m } }) },
  { name: "PATCH /quotes/:id", run: async (m) => ({ result: await route((await routes.quote()).PATCH, "PATCH", { scope: big(m) }, { id: String(quoteId) }), present: byName("quotes", "scope", m) }) },
  { name: "POST /quotes/:id/events", run: async (m) => ({ result: await route((await routes.events()).POST, "POST", { kind: "client_counter", amount: 90000, note: big(m) }, { id: String(quoteId) }), present: byName("quote_events", "note", m), created: { table: "quote_events", marker: m } }) },
  { name: "POST /clients/:id/interactions", run: async (m) => ({ result: await route((await routes.interactions()).POST, "POST", { kind: "ask", subtype: "quick_question", minutes: 20, paid: false, note: big(m) }, { id: String(clientId) }), present: byName("interactions", "note", m), created: { table: "interactions", marker: m } }) },
  { name: "POST /templates", run: async (m) => ({ result: await route((await routes.templates()).POST, "POST", { kind: "decline", name: m, body: big(m) }), present: byName("templates", "name", m), created: { table: "templates", marker: m } }) },
  { name: "POST /offers/record", run: async (m) => ({ result: await route((await routes.record()).POST, "POST", { newClientName: m, serviceId, scopeAmount: 10, scopeUnit: "hours", offeredAmount: 50000, currency: "USD", decision: "declined", note: big(m) }), present: byName("clients", "name", m) }) },
  { name: "POST /import/clients-csv", run: async (m) => ({ result: await route((await routes.csv()).POST, "POST", `name,notes\n${m},${"y".repeat(2500)}\n`, {}, { "content-type": "text/csv" }), present: byName("clients", "name", m) }) },
  {
    name: "POST /import?mode=merge",
    run: async (m) => {
      const file = { ...exportShape, services: [], serviceRates: [], templates: [], quotes: [], quoteEvents: [], interactions: [], clients: [{ ...exportShape.clients[0], id: 1, name: m, notes: big(m) }] };
      return { result: await route((await routes.importBook()).POST, "POST", file), present: byName("clients", "name", m) };
    },
  },
  {
    name: "PUT /settings",
    run: async (m) => {
      const n = (Number(m.slice(1)) % 18) + 2;
      const before = q.getSettings(db).chaseThreshold;
      const result = await route((await routes.settings()).PUT, "PUT", { chaseThreshold: n });
      // present: the new value is stored (a refused change to the value it already had counts as not written)
      return { result, present: () => q.getSettings(db).chaseThreshold === n && (result.ack || n !== before) };
    },
  },
  {
    name: "POST /quotes/:id/outcome",
    run: async () => {
      const id = take(pools.quotes);
      const result = await route((await routes.outcome()).POST, "POST", { status: "rejected", rejectionReason: "wrong_timing" }, { id: String(id) });
      return { result, present: () => q.getQuote(db, id).status === "rejected" };
    },
  },
  { name: "DELETE /clients/:id", run: async () => deleted("clients", take(pools.clients), async (id) => route((await routes.client()).DELETE, "DELETE", undefined, { id: String(id) })) },
  { name: "DELETE /services/:id", run: async () => deleted("services", take(pools.services), async (id) => route((await routes.service()).DELETE, "DELETE", undefined, { id: String(id) })) },
  { name: "DELETE /quotes/:id", run: async () => deleted("quotes", take(pools.quotes), async (id) => route((await routes.quote()).DELETE, "DELETE", undefined, { id: String(id) })) },
  {
    name: "DELETE /quotes/:id/events/:eventId",
    run: async () => {
      const e = take(pools.events);
      return deleted("quote_events", e.id, async (id) => route((await routes.event()).DELETE, "DELETE", undefined, { id: String(e.quoteId), eventId: String(id) }));
    },
  },
  { name: "DELETE /clients/:id/interactions/:interactionId", run: async () => deleted("interactions", take(pools.interactions), async (id) => route((await routes.interaction()).DELETE, "DELETE", undefined, { id: String(clientId), interactionId: String(id) })) },
  { name: "DELETE /templates/:id", run: async () => deleted("templates", take(pools.templates), async (id) => route((await routes.template()).DELETE, "DELETE", undefined, { id: String(id) })) },

  // ---- the server actions (what the forms call) ----
  { name: "createClientAction", run: async (m) => ({ result: await action(async () => (await actions.clients()).createClientAction(idle, form({ name: m, notes: big(m), leadSource: "referral", status: "active" }))), present: byName("clients", "name", m), created: { table: "clients", marker: m } }) },
  { name: "updateClientAction", run: async (m) => ({ result: await action(async () => (await actions.clients()).updateClientAction(clientId, idle, form({ name: "Acme", notes: big(m), leadSource: "referral", status: "active" }))), present: byName("clients", "notes", m) }) },
  { name: "createServiceAction", run: async (m) => ({ result: await action(async () => (await actions.services()).createServiceAction(idle, form({ name: m, unit: "hour", currency: "USD", marketRate: "120", targetRate: "100", floorRate: "70" }))), present: byName("services", "name", m), created: { table: "services", marker: m } }) },
  { name: "createQuoteAction", run: async (m) => ({ result: await action(async () => (await actions.quotes()).createQuoteAction(idle, form({ clientId, serviceId, title: m, scope: big(m), estimatedHours: "10", quotedAmount: "1000", currency: "USD", status: "sent" }))), present: byName("quotes", "title", m), created: { table: "quotes", marker: m } }) },
  { name: "updateQuoteAction", run: async (m) => ({ result: await action(async () => (await actions.quotes()).updateQuoteAction(quoteId, idle, form({ clientId, serviceId, title: "Base quote", scope: big(m), estimatedHours: "10", quotedAmount: "1000", currency: "USD", status: "negotiating" }))), present: byName("quotes", "scope", m) }) },
  { name: "addQuoteEventAction", run: async (m) => ({ result: await action(async () => (await actions.quotes()).addQuoteEventAction(idle, form({ quoteId, kind: "discount_request", percent: "10", note: big(m) }))), present: byName("quote_events", "note", m), created: { table: "quote_events", marker: m } }) },
  { name: "addInteractionAction", run: async (m) => ({ result: await action(async () => (await actions.interactions()).addInteractionAction(clientId, idle, form({ kind: "follow_up", answered: "on", note: big(m) }))), present: byName("interactions", "note", m), created: { table: "interactions", marker: m } }) },
  { name: "createTemplateAction", run: async (m) => ({ result: await action(async () => (await actions.templates()).createTemplateAction(idle, form({ kind: "counter", name: m, body: big(m) }))), present: byName("templates", "name", m), created: { table: "templates", marker: m } }) },
  { name: "recordOfferAction", run: async (m) => ({ result: await action(async () => (await actions.offers()).recordOfferAction(idle, form({ clientId: "new", newClientName: m, serviceId, scopeAmount: "10", scopeUnit: "hours", offeredAmount: "500", currency: "USD", decision: "declined", note: big(m) }))), present: byName("clients", "name", m) }) },
  { name: "importClientsCsvAction", run: async (m) => ({ result: await action(async () => (await actions.data()).importClientsCsvAction(idle, form({ csv: `name,notes\n${m},${"z".repeat(2500)}\n` }))), present: byName("clients", "name", m) }) },
  {
    name: "setQuoteOutcomeAction",
    run: async () => {
      const id = take(pools.quotes);
      const result = await action(async () => (await actions.quotes()).setQuoteOutcomeAction(id, idle, form({ status: "accepted", agreedAmount: "900" })));
      return { result, present: () => q.getQuote(db, id).status === "accepted" };
    },
  },
  { name: "deleteClientAction", run: async () => deleted("clients", take(pools.clients), async (id) => action(async () => (await actions.clients()).deleteClientAction(id))) },
  { name: "deleteServiceAction", run: async () => deleted("services", take(pools.services), async (id) => action(async () => (await actions.services()).deleteServiceAction(id))) },
  { name: "deleteQuoteAction", run: async () => deleted("quotes", take(pools.quotes), async (id) => action(async () => (await actions.quotes()).deleteQuoteAction(id))) },
  {
    name: "deleteQuoteEventAction",
    run: async () => {
      const e = take(pools.events);
      return deleted("quote_events", e.id, async (id) => action(async () => (await actions.quotes()).deleteQuoteEventAction(e.quoteId, id)));
    },
  },
  { name: "deleteInteractionAction", run: async () => deleted("interactions", take(pools.interactions), async (id) => action(async () => (await actions.interactions()).deleteInteractionAction(clientId, id))) },
  { name: "deleteTemplateAction", run: async () => deleted("templates", take(pools.templates), async (id) => action(async () => (await actions.templates()).deleteTemplateAction(id))) },
];

async function deleted(table: string, id: number, run: (id: number) => Promise<Result>) {
  const result = await run(id);
  // a delete "is present" when the row is gone
  return { result, present: () => !exists(table, id) };
}

const ROUNDS = 12;
const POOL = ROUNDS + 2;

beforeAll(async () => {
  db = await readyDb();
  clientId = q.createClient(db, { name: "Acme", leadSource: "referral", status: "active" }).id;
  serviceId = q.createService(db, { name: "Web", unit: "hour", currency: "USD", marketRate: 12000, targetRate: 10000, floorRate: 7000 }).id;
  quoteId = q.createQuote(db, { clientId, serviceId, title: "Base quote", estimatedMinutes: 600, quotedAmount: 100000, currency: "USD", status: "sent" }).id;
  for (let i = 0; i < POOL * 2; i++) {
    pools.clients.push(q.createClient(db, { name: `pool client ${i}`, leadSource: "other", status: "prospect" }).id);
    pools.services.push(q.createService(db, { name: `pool service ${i}`, unit: "hour", currency: "USD", marketRate: 100, targetRate: 100, floorRate: 50 }).id);
    pools.templates.push(q.createTemplate(db, { kind: "decline", name: `pool template ${i}`, body: "No thank you.", isDefault: false }).id);
    pools.interactions.push(q.addInteraction(db, clientId, { kind: "give", subtype: "referral" }).id);
  }
  // four quote ops a round (two outcomes, two deletes) use up quotes; the events sit on a quote of their own
  for (let i = 0; i < POOL * 4; i++) {
    pools.quotes.push(q.createQuote(db, { clientId, serviceId, title: `pool quote ${i}`, estimatedMinutes: 60, quotedAmount: 10000, currency: "USD", status: "sent" }).id);
  }
  for (let i = 0; i < POOL * 2; i++) pools.events.push({ quoteId, id: q.addQuoteEvent(db, quoteId, { kind: "discount_request", percentBp: 1000 }).id });
  exportShape = exportBook(db);
});

describe("disk full (PRAGMA max_page_count): nothing acknowledged is lost, nothing refused is half-written", () => {
  test(`every write route and action, ${ROUNDS} rounds with almost no room`, async () => {
    const sqlite = db.$client;
    const pages = sqlite.pragma("page_count", { simple: true }) as number;
    // room for a few rows of ~2.5 KB: the first round fills it, the rest are refused
    sqlite.pragma(`max_page_count = ${pages + 12}`);
    const tally = { tried: 0, acknowledged: 0, refused: 0, wrong: [] as string[] };
    const refusedOps = new Set<string>();
    const created: { table: string; marker: string; id?: number }[] = [];
    let n = 0;
    for (let round = 0; round < ROUNDS; round++) {
      for (const op of ops) {
        const marker = `m${++n}`;
        const { result, present, created: made } = await op.run(marker);
        tally.tried++;
        if (result.ack) tally.acknowledged++;
        else {
          tally.refused++;
          refusedOps.add(op.name);
          if (!/^(507 )?The disk is full: nothing was saved/.test(result.refusal ?? "")) tally.wrong.push(`${op.name} refused without saying the disk is full: ${result.refusal}`);
        }
        if (present() !== result.ack) tally.wrong.push(`${op.name} (${marker}): acknowledged=${result.ack} but present=${present()}`);
        if (made && result.ack) created.push({ ...made, id: result.id });
      }
    }
    sqlite.pragma("max_page_count = 1073741823");
    const column = (table: string) => (table === "quote_events" || table === "interactions" ? "note" : table === "quotes" ? "title" : "name");
    const lost = created.filter((c) => !byName(c.table, column(c.table), c.marker)());
    console.log(`[disk-full] ${JSON.stringify({ ops: ops.length, tried: tally.tried, acknowledged: tally.acknowledged, refused: tally.refused, acknowledgedCreates: created.length, lost: lost.length, wrong: tally.wrong.length })}`);

    expect(tally.wrong).toEqual([]);
    // the test did reach "full" for every write that needs room (deletes and same-size updates never do;
    // a service is a few bytes, which the deletes' freed space keeps making room for)
    const growing = ops.filter((o) => /^(POST|create|add|record|import)/.test(o.name) && !/outcome|[sS]ervice/.test(o.name)).map((o) => o.name);
    expect(growing.filter((name) => !refusedOps.has(name))).toEqual([]);
    expect(tally.acknowledged).toBeGreaterThan(0);
    // every acknowledged create is still there, once, with the id it was given; no id handed out twice
    expect(lost).toEqual([]);
    const ids = created.filter((c) => c.id != null).map((c) => `${c.table}:${c.id}`);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of created.filter((x) => x.id != null)) expect(exists(c.table, c.id!)).toBe(true);
    expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(sqlite.pragma("foreign_key_check")).toEqual([]);
  }, 120_000);

  test("with room again, the same writes are acknowledged (the refusals were the disk, not the input)", async () => {
    const result = await route((await routes.clients()).POST, "POST", { name: "after the disk was freed" });
    expect(result.ack).toBe(true);
  });
});
