/**
 * Property-based fuzzing of every /api/v1 route handler and every server action, in process.
 *
 * Routes are DISCOVERED by walking app/api/v1 for route.ts files, so a route added later is fuzzed
 * without editing this file; [param] segments are filled with live ids and garbage. Server actions
 * are discovered the same way (every "use server" module in app/actions) and called for real, with
 * next/cache, next/navigation and next/headers mocked; their parameters are filled by name.
 *
 * Inputs are generated from the app's own zod schemas (so some are valid and write rows) and then
 * broken: wrong types, huge and odd strings, unicode, negative and enormous numbers, missing fields,
 * unknown ids, malformed JSON, wrong content types, oversized bodies.
 *
 * Promises checked on every call: no 5xx and nothing logged as an unexpected error; every 400 names
 * the fields at fault; every server action returns a state (or redirects) instead of throwing.
 * Checked after each route / action: the database passes integrity and foreign-key checks, and
 * every row still satisfies the import schema's rules (the same rules as lib/schemas.ts).
 *
 * FUZZ_RUNS (default 500) sets the inputs per route method and per action; FUZZ_SEED the seed.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import fc from "fast-check";
import { z } from "zod";

const env = vi.hoisted(() => {
  class RedirectSignal extends Error {
    constructor(public readonly url: string) {
      super(`redirect ${url}`);
    }
  }
  return { RedirectSignal };
});

vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, refresh: () => {} }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new env.RedirectSignal(url);
  },
  permanentRedirect: (url: string) => {
    throw new env.RedirectSignal(url);
  },
  notFound: () => {
    throw new env.RedirectSignal("not-found");
  },
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {} }),
}));

import type { DB } from "@/db/connection";
import { readyDb } from "@/server/database";
import * as q from "./use-cases";
import { exportBook } from "@/server/book";
import { loadDemoBook } from "@/server/demo";
import { exportFileSchema } from "@/lib/export-schema";
import * as entitySchemas from "@/lib/schemas";
import * as offerSchemas from "@/lib/offer-check/schemas";
import * as bookSetupSchemas from "@/lib/book-setup-schemas";
import * as historyImportSchemas from "@/lib/history-import/schemas";
import * as paymentSchemas from "@/lib/payment-schemas";
import * as todaySchemas from "@/lib/today/schemas";
import * as raiseSchemas from "@/lib/raise-schemas";
import * as proposalSchemas from "@/lib/proposals/schemas";

/** every input schema of the app (lib/schemas.ts and the modules built from it) */
const schemas = { ...entitySchemas, ...offerSchemas, ...bookSetupSchemas, ...historyImportSchemas, ...paymentSchemas, ...todaySchemas, ...raiseSchemas, ...proposalSchemas };
import { CSV_ENTITIES } from "@/server/csv";
import { BOOK_TABLES } from "@/db/book";

// the app's database is a temp file; the body limit is small so oversized bodies cost little to
// generate (both read lazily: the connection on first use, the limit when http.ts is imported below)
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "walkaway-fuzz-"));
process.env.WALKAWAY_DB = path.join(tmp, "fuzz.db");
process.env.WALKAWAY_MAX_BODY_BYTES = String(64 * 1024);
delete process.env.WALKAWAY_PASSWORD;

const ROOT = path.resolve(__dirname, "../..");
const RUNS = Number(process.env.FUZZ_RUNS ?? 500);
/** fixed so CI runs are reproducible; FUZZ_SEED=$RANDOM explores new inputs (a failure prints its seed) */
const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

// ---------------- discovery ----------------
function walk(dir: string, match: (f: string) => boolean, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, match, out);
    else if (match(p)) out.push(p);
  }
  return out.sort();
}
const routeFiles = walk(path.join(ROOT, "app/api/v1"), (f) => path.basename(f) === "route.ts");
const actionFiles = walk(path.join(ROOT, "app/actions"), (f) => /\.tsx?$/.test(f)).filter((f) => /^\s*["']use server["']/.test(fs.readFileSync(f, "utf8")));

// ---------------- the app database and live ids ----------------
let db: DB;
const live = { client: 1, quote: 1, service: 1, event: 1, interaction: 1, template: 1 };
let seq = 0;
let dbCount = 0;

/** A fresh database per route / action module, so one failure is reported where it happens and not again after. */
async function freshDb() {
  if (db) db.$client.close();
  process.env.WALKAWAY_DB = path.join(tmp, `fuzz-${++dbCount}.db`);
  db = await readyDb();
  seed();
}

function seed() {
  seq++;
  const s = q.createService(db, { name: `Fuzz service ${seq}`, unit: "hour", currency: "USD", marketRate: 12000, targetRate: 10000, floorRate: 8000 });
  const c = q.createClient(db, { name: `Fuzz client ${seq}`, leadSource: "referral", status: "active" });
  const qt = q.createQuote(db, { clientId: c.id, serviceId: s.id, title: `Fuzz quote ${seq}`, estimatedMinutes: 600, quotedAmount: 100000, currency: "USD", status: "sent" });
  const e = q.addQuoteEvent(db, qt.id, { kind: "discount_request", percentBp: 1000 });
  const i = q.addInteraction(db, c.id, { kind: "ask", subtype: "quick_question", minutes: 15, paid: false, quoteId: qt.id });
  const t = q.createTemplate(db, { kind: "decline", name: `Fuzz template ${seq}`, body: "No, thank you.", isDefault: false });
  Object.assign(live, { client: c.id, quote: qt.id, service: s.id, event: e.id, interaction: i.id, template: t.id });
}

/** The rules every stored row must satisfy: the import schema (lib/schemas.ts rules + database rules). */
function assertBookIsValid(where: string) {
  const sqlite = db.$client;
  expect(sqlite.pragma("integrity_check", { simple: true }), where).toBe("ok");
  expect(sqlite.pragma("foreign_key_check"), where).toEqual([]);
  const book = JSON.parse(JSON.stringify(exportBook(db)));
  // every table the export carries (db/book.ts BOOK_TABLES), the new ones of version 2 included
  expect(Object.keys(BOOK_TABLES).filter((t) => !Array.isArray(book[t])), where).toEqual([]);
  stats.rowsChecked += Object.keys(BOOK_TABLES).reduce((n, t) => n + book[t].length, 1);
  const parsed = exportFileSchema.safeParse(book);
  if (!parsed.success) throw new Error(`${where}: a stored row breaks the rules:\n${parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(".")}: ${i.message}`).join("\n")}`);
}

// ---------------- generators ----------------
const SEED = Symbol("live id");
const EDGE_NUMBERS = [-1, 0, -0, 0.5, 1.005, 1e-9, 2 ** 31, 2 ** 53 + 2, 1e15, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 100_000_000_001];
const EDGE_STRINGS = [
  "", " ", "\t\n", "<script>alert(1)</script>", "'; DROP TABLE clients; --", "\u0000", "\ud800", "=1+1", "+1", "-1", "@x", "2026-02-30", "9999-99-99", "2026-11-24",
  "NaN", "Infinity", "-Infinity", "1e999", "1,200.50", "1.200,50", "０１２", "١٢٣", "__proto__", "constructor", "{}", "[]", "true", "null", "USD", "usd", "XXX", "on",
  "🙂".repeat(300), "Zoë 日本語 עברית", "a".repeat(20_000),
];

const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.constantFrom(...EDGE_NUMBERS),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.constantFrom(...EDGE_STRINGS),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
);

type ZodDef = { type: string; [k: string]: unknown };
const defOf = (s: unknown): ZodDef | undefined => (s as { _zod?: { def?: ZodDef } })?._zod?.def;

/** A generator of plausible values for a zod schema: the starting point the mutations break. */
function arbFor(schema: unknown, key = "", depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  if (!def || depth > 8) return hostile;
  switch (def.type) {
    case "object": {
      const shape = def.shape as Record<string, unknown>;
      return fc.record(Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, arbFor(v, k, depth + 1)])));
    }
    case "string":
      if (def.format === "date" || /On$|date/i.test(key)) return fc.oneof(fc.constantFrom("2026-11-24", "2025-01-31", "2024-02-29"), fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)));
      if (def.format === "email") return fc.oneof(fc.emailAddress(), fc.constant("not-an-email"));
      if (/currency/i.test(key)) return fc.constantFrom("USD", "EUR", "JPY", "GBP", "usd");
      if (/locale/i.test(key)) return fc.constantFrom("en-US", "de-DE", "fr-FR");
      return fc.oneof(fc.string({ minLength: 1, maxLength: 30 }), fc.constantFrom(...EDGE_STRINGS));
    case "number":
      if (/Id$/.test(key)) return fc.integer({ min: 1, max: 40 });
      return fc.oneof(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 1, max: 100 }), fc.double({ min: 0, max: 1000, noNaN: true }), fc.constantFrom(...EDGE_NUMBERS));
    case "boolean":
      return fc.boolean();
    case "enum":
      return fc.constantFrom(...Object.values(def.entries as Record<string, string>));
    case "literal":
      return fc.constantFrom(...(def.values as unknown[]));
    case "optional":
      return fc.option(arbFor(def.innerType, key, depth + 1), { nil: undefined, freq: 4 });
    case "nullable":
      return fc.option(arbFor(def.innerType, key, depth + 1), { nil: null, freq: 4 });
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
      return arbFor(def.innerType, key, depth + 1);
    case "pipe": {
      // z.preprocess is pipe(transform → target): generate for the target
      const inner = defOf(def.in)?.type === "transform" ? def.out : def.in;
      return arbFor(inner, key, depth + 1);
    }
    case "union":
      return fc.oneof(...(def.options as unknown[]).map((o) => arbFor(o, key, depth + 1)));
    case "intersection":
      return fc.tuple(arbFor(def.left, key, depth + 1), arbFor(def.right, key, depth + 1)).map(([a, b]) => (a && b && typeof a === "object" && typeof b === "object" ? { ...a, ...b } : a));
    case "array":
      return fc.array(arbFor(def.element, key, depth + 1), { maxLength: 3 });
    default:
      return hostile;
  }
}

/** Every zod schema those modules export (new schemas are picked up automatically). */
const inputSchemas = Object.entries(schemas)
  .filter(([, v]) => v instanceof z.ZodType && defOf(v)?.type !== "string" && defOf(v)?.type !== "number")
  .map(([name, v]) => ({ name, schema: v as z.ZodType, arb: arbFor(v) }));

/** Inputs each schema accepts (rejection-sampled from its generator): the valid requests that write rows. */
const validPools = inputSchemas
  .map(({ name, schema, arb }) => {
    const pool: Record<string, unknown>[] = [];
    for (let round = 0; round < 20 && pool.length < 40; round++)
      for (const v of fc.sample(arb, { numRuns: 100, seed: round }))
        if (v && typeof v === "object" && !Array.isArray(v) && schema.safeParse(v).success && pool.length < 40) pool.push(JSON.parse(JSON.stringify(v)));
    return { name, pool };
  })
  .filter((p) => p.pool.length > 0);

/** Every field name those schemas know, plus the data routes' own. */
function keysOf(schema: unknown, out = new Set<string>(), depth = 0): Set<string> {
  const def = defOf(schema);
  if (!def || depth > 8) return out;
  if (def.type === "object")
    for (const [k, v] of Object.entries(def.shape as Record<string, unknown>)) {
      out.add(k);
      keysOf(v, out, depth + 1);
    }
  for (const k of ["innerType", "in", "out", "left", "right", "element"]) if (def[k]) keysOf(def[k], out, depth + 1);
  if (Array.isArray(def.options)) for (const o of def.options) keysOf(o, out, depth + 1);
  return out;
}
const KNOWN_KEYS = [...new Set([...Object.values(schemas).flatMap((s) => [...keysOf(s)]), "format", "version", "file", "csv", "mode", "confirmReplace", "skipInvalid", "password", "next"])];

/** One field of a valid input swapped for a hostile value, or dropped. */
const breakOne = (o: unknown, k: string, v: unknown, drop: boolean) => {
  if (!o || typeof o !== "object" || Array.isArray(o)) return o;
  const copy: Record<string, unknown> = { ...o };
  const keys = Object.keys(copy);
  if (drop && keys.length) delete copy[keys[Math.abs(k.length) % keys.length]];
  else copy[keys.length && k.length % 2 ? keys[k.length % keys.length] : k] = v;
  return copy;
};

/**
 * Objects for a request body: inputs valid for the schemas this route accepts (found by a warm-up,
 * see focusFor), the same with one field broken, inputs shaped for any schema, and junk.
 */
function objectBody(focus: Record<string, unknown>[]): fc.Arbitrary<unknown> {
  const anySchema = fc.oneof(...inputSchemas.map((s) => s.arb));
  const start = focus.length ? fc.oneof(fc.constantFrom(...focus), anySchema) : anySchema;
  return fc.oneof(
    { weight: focus.length ? 4 : 0, arbitrary: focus.length ? fc.constantFrom(...focus) : fc.constant({}) },
    { weight: 4, arbitrary: fc.tuple(start, fc.constantFrom(...KNOWN_KEYS), hostile, fc.boolean()).map(([o, k, v, drop]) => breakOne(o, k, v, drop)) },
    { weight: 2, arbitrary: anySchema },
    { weight: 2, arbitrary: fc.dictionary(fc.constantFrom(...KNOWN_KEYS), hostile, { maxKeys: 6 }) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  );
}

let exportSnapshot = "";
type Body = { text: string | null; type: string | null };
const JSON_TYPES = ["application/json", "application/json; charset=utf-8", "application/vnd.api+json"];
function bodyArb(focus: Record<string, unknown>[]): fc.Arbitrary<Body> {
  const objects = objectBody(focus);
  return fc.oneof(
  { weight: 10, arbitrary: fc.tuple(objects, fc.constantFrom(...JSON_TYPES)).map(([o, type]) => ({ text: JSON.stringify(o) ?? "null", type })) },
  // malformed JSON: a valid document cut short, or noise
  { weight: 2, arbitrary: fc.tuple(objects, fc.nat()).map(([o, n]) => { const t = JSON.stringify(o) ?? "{"; return { text: t.slice(0, n % Math.max(1, t.length)), type: "application/json" }; }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 80 }).map((text) => ({ text, type: "application/json" })) },
  // a whole-book export with one value broken: aimed at /import
  {
    weight: 1,
    arbitrary: fc.tuple(fc.nat(), hostile).map(([n, v]) => {
      const f = JSON.parse(exportSnapshot) as Record<string, unknown>;
      const tables = ["clients", "quotes", "quoteEvents", "interactions", "services", "serviceRates", "templates"].filter((t) => (f[t] as unknown[]).length);
      const rows = f[tables[n % tables.length]] as Record<string, unknown>[];
      const row = rows[n % rows.length];
      const keys = Object.keys(row);
      row[keys[n % keys.length]] = v;
      return { text: JSON.stringify(f), type: "application/json" };
    }),
  },
  // CSV (aimed at the clients import), with hostile cells
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.subarray(["name", "company", "email", "lead_source", "status", "notes", "junk"], { minLength: 0 }), fc.array(fc.array(fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom(...EDGE_STRINGS.slice(0, 30))), { maxLength: 7 }), { maxLength: 5 }))
      .map(([header, rows]) => ({ text: [header.join(","), ...rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(","))].join("\n"), type: "text/csv" })),
  },
  { weight: 1, arbitrary: fc.tuple(objects, fc.constantFrom("text/plain", "multipart/form-data", "application/x-www-form-urlencoded", "text/html", "")).map(([o, type]) => ({ text: JSON.stringify(o) ?? "", type: type || null })) },
  { weight: 1, arbitrary: fc.constant({ text: "", type: "application/json" }) },
  { weight: 1, arbitrary: fc.constant({ text: null, type: "application/json" }) },
  // oversized: past the (test) limit of 64 KB
  { weight: 1, arbitrary: fc.constantFrom(70_000, 200_000).map((n) => ({ text: JSON.stringify({ name: "x".repeat(n) }), type: "application/json" })) },
);
}

const QUERY_KEYS = ["mode", "dryRun", "skipInvalid", "q", "status", "clientId", "from", "to", "period", "limit", "offset", "leadSource", "serviceId", "entity"];
const queryValue = fc.oneof(fc.constantFrom("merge", "replace", "1", "0", "true", "", "active", "-1", "abc", "2026-11-24", "9".repeat(30)), fc.string({ maxLength: 12 }));
const query = fc.dictionary(fc.constantFrom(...QUERY_KEYS), queryValue, { maxKeys: 3 }).map((o) => {
  const s = new URLSearchParams(o).toString();
  return s ? `?${s}` : "";
});

const paramValue: fc.Arbitrary<string | typeof SEED> = fc.oneof(
  { weight: 5, arbitrary: fc.constant(SEED) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 60 }).map(String) },
  { weight: 2, arbitrary: fc.constantFrom("0", "-1", "1.5", "abc", "9007199254740993", "1e3", " 1", "%00", "..", "999999999999999999999", "", "0x10", "١") },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);

/** A live value for a [param]: the id of the row its path segment names (…/quotes/[id] → a quote). */
function liveParam(segments: string[], index: number): string {
  const resource = segments[index - 1] ?? "";
  const byResource: Record<string, string> = {
    clients: String(live.client),
    quotes: String(live.quote),
    services: String(live.service),
    templates: String(live.template),
    events: String(live.event),
    interactions: String(live.interaction),
    csv: CSV_ENTITIES[seq % CSV_ENTITIES.length],
  };
  return byResource[resource] ?? String(live.client);
}

// ---------------- bookkeeping for the report ----------------
const stats = { routeCalls: 0, actionCalls: 0, statuses: {} as Record<string, number>, actionOutcomes: {} as Record<string, number>, rowsChecked: 0 };
const errorLog: unknown[][] = [];

beforeAll(async () => {
  // a realistic whole-book file for the import route's mutated inputs
  await freshDb();
  loadDemoBook(db);
  exportSnapshot = JSON.stringify(exportBook(db));
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void errorLog.push(args));
});

afterAll(() => {
  console.log(`[fuzz] ${routeFiles.length} route files, ${stats.routeCalls} route calls, statuses ${JSON.stringify(stats.statuses)}; ${stats.actionCalls} server-action calls, outcomes ${JSON.stringify(stats.actionOutcomes)}; ${stats.rowsChecked} stored rows checked against the rules`);
  db.$client.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

function describeFailure(where: string, input: unknown, detail: string) {
  return `${where}\ninput: ${JSON.stringify(input, (_k, v) => (typeof v === "string" && v.length > 200 ? `${v.slice(0, 200)}…(${v.length})` : v))}\n${detail}`;
}

// ---------------- routes ----------------
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** One request through a handler, with every promise checked. Returns the status. */
async function callRoute(fn: Handler, method: string, segments: string[], paramIdx: number[], paramValues: (string | typeof SEED)[], qs: string, b: Body): Promise<number> {
  const params: Record<string, string> = {};
  const urlSegs = [...segments];
  paramIdx.forEach((idx, n) => {
    const v = paramValues[n] === SEED ? liveParam(segments, idx) : (paramValues[n] as string);
    params[segments[idx].slice(1, -1)] = v;
    urlSegs[idx] = encodeURIComponent(v) || "_";
  });
  const headers: Record<string, string> = {};
  if (b.type) headers["content-type"] = b.type;
  const hasBody = method !== "GET" && b.text !== null;
  const req = new Request(`http://127.0.0.1/api/v1/${urlSegs.join("/")}${qs}`, { method, headers, body: hasBody ? b.text : undefined });
  const errorsBefore = errorLog.length;
  const res = await fn(req, { params: Promise.resolve(params) });
  stats.routeCalls++;
  const where = `${method} /api/v1/${urlSegs.join("/")}${qs}`;
  const input = { params, type: b.type, body: hasBody ? b.text : null };
  expect(res instanceof Response, describeFailure(where, input, "did not return a Response")).toBe(true);
  stats.statuses[res.status] = (stats.statuses[res.status] ?? 0) + 1;
  const text = await res.text();
  if (res.status >= 500 || errorLog.length > errorsBefore)
    throw new Error(describeFailure(where, input, `status ${res.status}: ${text.slice(0, 300)}\nlogged: ${String(errorLog.slice(errorsBefore).flat()[0] ?? "")}`));
  if (res.status >= 400) {
    let json: { error?: { message?: unknown; fields?: Record<string, unknown> } };
    try {
      json = JSON.parse(text);
    } catch {
      throw new Error(describeFailure(where, input, `a ${res.status} without a JSON error body: ${text.slice(0, 200)}`));
    }
    expect(typeof json.error?.message === "string" && json.error.message.length > 0, describeFailure(where, input, `no error message: ${text.slice(0, 200)}`)).toBe(true);
    if (res.status === 400) {
      const fields = json.error?.fields;
      const ok = !!fields && Object.keys(fields).length > 0 && Object.values(fields).every((m) => Array.isArray(m) && m.length > 0 && m.every((x) => typeof x === "string" && x.length > 0));
      expect(ok, describeFailure(where, input, `a 400 without field errors: ${text.slice(0, 300)}`)).toBe(true);
    }
  }
  return res.status;
}

/** Warm-up: which schemas' valid inputs does this route accept? Their inputs become the fuzz's starting points. */
async function focusFor(fn: Handler, method: string, segments: string[], paramIdx: number[]): Promise<Record<string, unknown>[]> {
  if (method === "GET" || method === "DELETE") return [];
  const focus: Record<string, unknown>[] = [];
  for (const { pool } of validPools) {
    let accepted = false;
    for (const sample of pool.slice(0, 4)) {
      const status = await callRoute(fn, method, segments, paramIdx, paramIdx.map(() => SEED), "", { text: JSON.stringify(sample), type: "application/json" });
      if (status < 300) accepted = true;
    }
    if (accepted) focus.push(...pool);
  }
  return focus;
}

describe("every /api/v1 route handler", () => {
  test("routes were discovered", () => {
    expect(routeFiles.length).toBeGreaterThanOrEqual(10);
  });

  for (const file of routeFiles) {
    const rel = path.relative(path.join(ROOT, "app/api/v1"), path.dirname(file));
    const segments = rel.split(path.sep).filter(Boolean);
    const paramIdx = segments.map((s, i) => (/^\[.+\]$/.test(s) ? i : -1)).filter((i) => i >= 0);

    test(`/api/v1/${segments.join("/")}`, async () => {
      await freshDb();
      const mod = (await import(file)) as Record<string, unknown>;
      const methods = METHODS.filter((m) => typeof mod[m] === "function");
      expect(methods.length, `${file} exports no handler`).toBeGreaterThan(0);
      for (const method of methods) {
        seed();
        const fn = mod[method] as Handler;
        const focus = await focusFor(fn, method, segments, paramIdx);
        await fc.assert(
          fc.asyncProperty(fc.array(paramValue, { minLength: paramIdx.length, maxLength: paramIdx.length }), query, bodyArb(focus), async (paramValues, qs, b) => {
            await callRoute(fn, method, segments, paramIdx, paramValues, qs, b);
          }),
          { numRuns: RUNS, seed: FUZZ_SEED, endOnFailure: true },
        );
      }
      assertBookIsValid(`after fuzzing /api/v1/${segments.join("/")}`);
    }, 120_000);
  }
});

// ---------------- server actions ----------------
const idArg: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(SEED) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 60 }) },
  // bound ids are numbers the server rendered; a stale page or a tampered call sends wrong ones
  { weight: 1, arbitrary: fc.constantFrom(0, -1, 1.5, 2 ** 53 + 2, 1e308, Number.MAX_SAFE_INTEGER) },
);

const formValue = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(...EDGE_STRINGS),
  fc.integer({ min: -5, max: 5000 }).map(String),
  fc.double({ min: -10, max: 1e6, noNaN: true }).map(String),
  fc.constantFrom("USD", "EUR", "JPY", "on", "true", "false", "referral", "active", "accepted", "rejected", "discount_request", "my_answer", "held_firm", "ask", "payment", "decline", "merge", "replace", "hour", "day"),
);

const toEntries = (o: unknown): [string, string][] =>
  o && typeof o === "object" && !Array.isArray(o)
    ? Object.entries(o)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, v === null ? "" : typeof v === "object" ? JSON.stringify(v) : String(v)] as [string, string])
    : [];
const allValid = validPools.flatMap((p) => p.pool);

const formEntries = fc.oneof(
  // a valid input of some schema as a form sends it (all strings), whole or with one field broken
  fc.constantFrom(...allValid).map(toEntries),
  fc.tuple(fc.constantFrom(...allValid), fc.constantFrom(...KNOWN_KEYS), formValue).map(([o, k, v]) => [...toEntries(o).filter(([key]) => key !== k), [k, v] as [string, string]]),
  fc.oneof(...inputSchemas.map((s) => s.arb)).map(toEntries),
  fc.array(fc.tuple(fc.constantFrom(...KNOWN_KEYS), formValue), { maxLength: 10 }),
);

const fileEntry = fc.oneof(
  fc.constant(null),
  fc.tuple(fc.constantFrom("file", "csv"), bodyArb([])).map(([k, b]) => [k, new File([b.text ?? ""], "upload.bin", { type: b.type ?? "" })] as const),
  fc.tuple(fc.constantFrom("file", "csv"), bodyArb([])).map(([k, b]) => [k, b.text ?? ""] as const),
);

/** The object an action takes as `input`: shaped for any of the app's schemas, one of them broken, or any JSON. */
const actionInput = fc.oneof(
  fc.oneof(...inputSchemas.map((s) => s.arb)),
  fc.tuple(fc.oneof(...inputSchemas.map((s) => s.arb)), fc.constantFrom(...KNOWN_KEYS), hostile, fc.boolean()).map(([o, k, v, drop]) => breakOne(o, k, v, drop)),
  fc.jsonValue({ maxDepth: 3 }),
);

function paramNames(fn: (...args: unknown[]) => unknown): string[] {
  const m = /^[^(]*\(([^)]*)\)/.exec(fn.toString());
  return (m?.[1] ?? "")
    .split(",")
    .map((p) => p.replace(/[=:].*$/s, "").trim())
    .filter(Boolean);
}

function liveId(name: string): number {
  if (/^(quoteId)$/.test(name)) return live.quote;
  if (/^(clientId)$/.test(name)) return live.client;
  if (/eventId/.test(name)) return live.event;
  if (/interactionId/.test(name)) return live.interaction;
  return live.client;
}

describe("every server action", () => {
  test("actions were discovered", () => {
    expect(actionFiles.length).toBeGreaterThanOrEqual(1);
  });

  for (const file of actionFiles) {
    test(`${path.relative(ROOT, file)}`, async () => {
      await freshDb();
      const mod = (await import(file)) as Record<string, unknown>;
      const actions = Object.entries(mod).filter(([, v]) => typeof v === "function") as [string, (...args: unknown[]) => Promise<unknown>][];
      for (const [name, action] of actions) {
        const params = paramNames(action);
        // an action without inputs has no parsing path to fuzz
        if (params.length === 0) continue;
        const unknown = params.filter((p) => !/^(_?prev|_?prevState|_?state|formData|fd|input|id|\w+Id)$/.test(p));
        expect(unknown, `${name}: teach the fuzz how to fill ${unknown.join(", ")}`).toEqual([]);
        seed();
        await fc.assert(
          fc.asyncProperty(fc.array(idArg, { minLength: params.length, maxLength: params.length }), formEntries, fileEntry, actionInput, async (ids, entries, extra, objectArg) => {
            const fd = new FormData();
            for (const [k, v] of entries) fd.append(k, v);
            if (extra) fd.set(extra[0], extra[1]);
            const args = params.map((p, i) => {
              if (/prev|state/i.test(p)) return { status: "idle" };
              if (p === "formData" || p === "fd") return fd;
              // an action called with an object (the history import's mapper): any schema's shape, or junk
              if (p === "input") return objectArg;
              return ids[i] === SEED ? (p === "id" ? liveIdForAction(name) : /^(parent|child)Id$/.test(p) ? liveChildIds(name)[p as "parentId" | "childId"] : liveId(p)) : ids[i];
            });
            const errorsBefore = errorLog.length;
            let result: unknown;
            let outcome = "returned";
            try {
              result = await action(...args);
            } catch (e) {
              if (!(e instanceof env.RedirectSignal)) throw new Error(describeFailure(`${name}(${params.join(", ")})`, { args: args.map((a) => (a instanceof FormData ? Object.fromEntries([...a.entries()].map(([k, v]) => [k, typeof v === "string" ? v : `[File ${v.size}]`])) : a)) }, `threw ${String(e)}`));
              outcome = "redirected";
            }
            stats.actionCalls++;
            const state = result as { status?: string; message?: string } | undefined;
            if (state && typeof state === "object" && "status" in state) outcome = String(state.status);
            stats.actionOutcomes[outcome] = (stats.actionOutcomes[outcome] ?? 0) + 1;
            const input = { args: args.map((a) => (a instanceof FormData ? Object.fromEntries([...a.entries()].map(([k, v]) => [k, typeof v === "string" ? v : `[File ${v.size}]`])) : a)) };
            if (errorLog.length > errorsBefore) throw new Error(describeFailure(name, input, `logged an unexpected error: ${String(errorLog.slice(errorsBefore).flat()[0])}`));
            if (state && typeof state === "object" && state.status === "error") {
              expect(typeof state.message === "string" && state.message.length > 0, describeFailure(name, input, "an error state without a message")).toBe(true);
              expect(state.message, describeFailure(name, input, "an internal error reached the user")).not.toMatch(/Something went wrong/);
            }
          }),
          { numRuns: RUNS, seed: FUZZ_SEED, endOnFailure: true },
        );
        assertBookIsValid(`after fuzzing ${name}`);
      }
    }, 120_000);
  }
});

/** A record inside another: a quote's negotiation step, a client's interaction. */
function liveChildIds(name: string): { parentId: number; childId: number } {
  if (/QuoteEvent/.test(name)) return { parentId: live.quote, childId: live.event };
  return { parentId: live.client, childId: live.interaction };
}

/** `id` means a different table per action: match on the action's name. */
function liveIdForAction(name: string): number {
  if (/Service|FloorRate/.test(name)) return live.service;
  if (/Template/.test(name)) return live.template;
  if (/Quote/.test(name)) return live.quote;
  return live.client;
}
