import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, onTestFinished, test } from "vitest";
import fc from "fast-check";
import type { DB } from "@/db/connection";
import { readyDb } from "@/server/database";
import { maxBodyBytes } from "@/server/env";
import { bookCounts, exportBook, importBook, importUntrusted } from "@/server/book";
import * as q from "./use-cases";
import { EXPORT_VERSION, exportFileSchema, parseExportFile, type ExportFile } from "@/lib/export-schema";
import { createTestDb } from "./helpers";
import { loadDemoBook, removeDemoData } from "@/server/demo";
import { upsertExchangeRate } from "@/db/exchange-rates";
import { call, content, jsonHeaders, loadAwkwardBook, tempDir, withoutIds, type RouteFn } from "./data-helpers";
import { writeTransaction } from "@/db/connection";
import { findProposalByToken, saveProposalRows, setProposalAnswer, setProposalShare } from "@/db/proposals";
import { newShareToken } from "@/server/share-token";
import { addDays } from "@/lib/dates";

let a: Awaited<ReturnType<typeof createTestDb>>;
let b: Awaited<ReturnType<typeof createTestDb>>;
beforeEach(async () => {
  a = await createTestDb();
  b = await createTestDb();
});
afterEach(() => {
  a.close();
  b.close();
});

/** JSON text → object, as a file would arrive. */
const viaJson = (f: ExportFile): unknown => JSON.parse(JSON.stringify(f));
function parse(f: unknown): ExportFile {
  const p = parseExportFile(f);
  if (!p.ok) throw new Error(`${p.message}\n${JSON.stringify(p.fields)}`);
  return p.file;
}

describe("round trip", () => {
  test("export → replace into an empty database → export is identical (ids included)", () => {
    loadAwkwardBook(a.db);
    const first = exportBook(a.db);
    expect(first.clients.length).toBeGreaterThan(10);
    expect(first.quoteEvents.length).toBeGreaterThan(10);
    importBook(b.db, parse(viaJson(first)), "replace");
    expect(content(exportBook(b.db))).toEqual(content(first));
  });

  test("replace over an existing book: the old book is gone, the file's book is there exactly", () => {
    loadAwkwardBook(a.db);
    q.createClient(b.db, { name: "Old client", leadSource: "other", status: "active" });
    q.updateSettings(b.db, { ...q.getSettings(b.db), currency: "EUR", chaseThreshold: 5 });
    const file = exportBook(a.db);
    importBook(b.db, parse(viaJson(file)), "replace");
    expect(content(exportBook(b.db))).toEqual(content(file));
    expect(q.listClients(b.db, { q: "Old client" })).toEqual([]);
  });

  test("export → merge into an empty database → export has the same content, ids aside", () => {
    loadAwkwardBook(a.db);
    // give the target different ids: merged rows must be remapped, not copied
    const tmp = q.createClient(b.db, { name: "tmp", leadSource: "other", status: "active" });
    q.deleteClient(b.db, tmp.id);
    const first = exportBook(a.db);
    const result = importBook(b.db, parse(viaJson(first)), "merge");
    expect(result.created.clients).toBe(first.clients.length);
    const second = exportBook(b.db);
    expect(second.clients[0].id).not.toBe(first.clients[0].id);
    expect(withoutIds(second)).toEqual(withoutIds(first));
  });

  test("merge into a book with data: nothing existing changes; rate card and templates are reused, clashing names renamed", () => {
    loadAwkwardBook(a.db);
    loadAwkwardBook(b.db);
    // same name, different currency: must not be reused (a service with quotes cannot change currency,
    // so the book's own one is renamed and a GBP one takes its name)
    const web = q.listServices(b.db)[0];
    q.updateService(b.db, web.id, { ...web, name: `${web.name} (old)` });
    const { id: _id, ...webFields } = web;
    q.createService(b.db, { ...webFields, currency: "GBP" });
    const before = exportBook(b.db);
    const file = exportBook(a.db);
    const result = importBook(b.db, parse(viaJson(file)), "merge");
    const after = exportBook(b.db);
    // what was there is still there, byte for byte
    for (const table of ["services", "templates", "clients", "quotes", "quoteEvents", "interactions"] as const)
      expect(after[table].slice(0, before[table].length)).toEqual(before[table]);
    expect(after.settings).toEqual(before.settings);
    expect(result.renamedServices).toEqual([{ from: web.name, to: `${web.name} (imported)` }]);
    expect(result.reusedServices).toBe(file.services.length - 1);
    expect(result.skippedTemplates).toBe(file.templates.length);
    expect(after.clients.length).toBe(before.clients.length + file.clients.length);
    expect(after.quoteEvents.length).toBe(before.quoteEvents.length + file.quoteEvents.length);
    // one default template per kind survives
    expect(after.templates.filter((t) => t.isDefault && t.kind === "decline")).toHaveLength(1);
    expect(exportFileSchema.safeParse(viaJson(after)).success).toBe(true);
  });

  test("property: generated clients with any text survive export → replace → export", async () => {
    const text = fc.string({ unit: "grapheme", maxLength: 60 }).filter((s) => s.trim().length > 0);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ name: text, notes: fc.option(fc.string({ unit: "grapheme", maxLength: 200 }), { nil: null }) }), { maxLength: 6 }), async (rows) => {
        const src = await createTestDb();
        const dst = await createTestDb();
        try {
          for (const r of rows) q.createClient(src.db, { name: r.name.trim(), notes: r.notes?.trim() || null, leadSource: "other", status: "prospect" });
          const file = exportBook(src.db);
          importBook(dst.db, parse(viaJson(file)), "replace");
          expect(content(exportBook(dst.db))).toEqual(content(file));
        } finally {
          src.close();
          dst.close();
        }
      }),
      { numRuns: 25 },
    );
  });
});

describe("time spent, exchange rates and history imports travel (version 2)", () => {
  test("the awkward book holds every new table and column, and they survive export → replace → export exactly", () => {
    loadAwkwardBook(a.db);
    const first = exportBook(a.db);
    expect(first.version).toBe(EXPORT_VERSION);
    expect(first.ratePlans).toHaveLength(1);
    expect(first.clientRates).toHaveLength(2);
    expect(first.todayItemStates).toHaveLength(1);
    expect(first.clients.some((c) => c.paymentTermsDays === 14)).toBe(true);
    expect(first.quotes.some((x) => x.paymentTermsDays === 14)).toBe(true);
    expect(first.timeEntries!.length).toBeGreaterThanOrEqual(4);
    expect(first.exchangeRates).toHaveLength(3);
    expect(first.importBatches).toHaveLength(2);
    expect(first.importRows).toHaveLength(3);
    expect(first.quotes.filter((x) => x.fxRate != null).length).toBeGreaterThanOrEqual(2);
    expect(first.quotes.some((x) => x.workDoneOn != null && x.estimateKnown === false && x.sourceKey != null)).toBe(true);
    // replace into a book that holds other time, rates and imports of its own: they are gone after
    loadAwkwardBook(b.db);
    importBook(b.db, parse(viaJson(first)), "replace");
    expect(content(exportBook(b.db))).toEqual(content(first));
  });

  test("a merge of a book into itself: every row added once more, the source keys stay unique, the import batches point at the copies", () => {
    const { job, entry } = loadAwkwardBook(a.db);
    const before = exportBook(a.db);
    const result = importBook(a.db, parse(viaJson(before)), "merge");
    const after = exportBook(a.db);
    expect(exportFileSchema.safeParse(viaJson(after)).success).toBe(true);
    // the copies came without the keys the book already held (1 quote, 1 time entry); the originals keep theirs
    expect(result.droppedSourceKeys).toBe(2);
    expect(after.quotes.find((x) => x.id === job.id)?.sourceKey).toBe(before.quotes.find((x) => x.id === job.id)!.sourceKey);
    expect(after.timeEntries!.find((e) => e.id === entry)?.sourceKey).toBe(before.timeEntries!.find((e) => e.id === entry)!.sourceKey);
    expect(after.quotes.filter((x) => x.sourceKey != null)).toHaveLength(1);
    expect(after.timeEntries).toHaveLength(2 * before.timeEntries!.length);
    expect(result.created).toMatchObject({ timeEntries: before.timeEntries!.length, importBatches: 2, importRows: 3, exchangeRates: 0 });
    // the rates were already kept: the book's stay, none added twice
    expect(result.skippedExchangeRates).toBe(3);
    expect(after.exchangeRates).toEqual(before.exchangeRates);
    // the new batch marks the copies: the new client, its quote and its time entry
    const newBatch = after.importBatches!.find((x) => !before.importBatches!.some((y) => y.id === x.id) && x.source === "toggl")!;
    const marks = after.importRows!.filter((r) => r.batchId === newBatch.id);
    const newClient = after.clients.find((c) => c.name === "Imported via Toggl" && !before.clients.some((x) => x.id === c.id))!;
    const newQuote = after.quotes.find((x) => x.clientId === newClient.id)!;
    const newEntry = after.timeEntries!.find((e) => e.quoteId === newQuote.id)!;
    expect(marks.map((m) => [m.tableName, m.rowId])).toEqual([
      ["clients", newClient.id],
      ["quotes", newQuote.id],
      ["time_entries", newEntry.id],
    ]);
    // every time entry copied onto the copy of its quote
    const added = after.timeEntries!.slice(before.timeEntries!.length);
    expect(added.map((e) => [after.quotes.find((x) => x.id === e.quoteId)!.title, e.minutes, e.note])).toEqual(
      before.timeEntries!.map((e) => [before.quotes.find((x) => x.id === e.quoteId)!.title, e.minutes, e.note]),
    );
    expect(added.every((e) => !before.quotes.some((x) => x.id === e.quoteId))).toBe(true);
  });

  test("a version 1 file (before time spent and other currencies) still imports, with the defaults", () => {
    loadAwkwardBook(a.db);
    const v2 = viaJson(exportBook(a.db)) as Record<string, unknown> & ExportFile;
    const { timeEntries: _t, exchangeRates: _e, importBatches: _b, importRows: _r, ...rest } = v2;
    const { creepThresholdPct: _c, ...settings } = v2.settings;
    const v1 = {
      ...rest,
      version: 1,
      settings,
      // version 1 had no rates on quotes, and no quote in another currency needed one
      quotes: v2.quotes.map(({ fxRate: _f, workDoneOn: _w, estimateKnown: _k, sourceKey: _s, ...x }) => x),
    };
    const parsed = parse(v1);
    importBook(b.db, parsed, "replace");
    const back = exportBook(b.db);
    expect(back.version).toBe(EXPORT_VERSION);
    expect(back.settings.creepThresholdPct).toBe(20);
    expect(back.timeEntries).toEqual([]);
    expect(back.exchangeRates).toEqual([]);
    expect(back.quotes.every((x) => x.fxRate === null && x.workDoneOn === null && x.estimateKnown === true && x.sourceKey === null)).toBe(true);
    expect(back.quotes.map(({ fxRate: _f, workDoneOn: _w, estimateKnown: _k, sourceKey: _s, ...x }) => x)).toEqual(
      v2.quotes.map(({ fxRate: _f, workDoneOn: _w, estimateKnown: _k, sourceKey: _s, ...x }) => x),
    );
    expect(back.clients).toEqual(v2.clients);
    // merge too
    const merged = importBook(a.db, parse(v1), "merge");
    expect(merged.created.quotes).toBe(v2.quotes.length);
  });

  test("replace: a batch's mark on a row the file does not hold is not restored (the id could name another row later)", () => {
    const { batch } = loadAwkwardBook(a.db);
    const file = viaJson(exportBook(a.db)) as ExportFile;
    file.importRows!.push({ batchId: batch, tableName: "time_entries", rowId: 987_654 });
    const result = importBook(b.db, parse(file), "replace");
    expect(result.created.importRows).toBe(3);
    expect(exportBook(b.db).importRows!.some((r) => r.rowId === 987_654)).toBe(false);
  });

  test("replace forgets the demo's marks: the ids now name the file's rows, which 'Remove demo data' must not take", () => {
    loadAwkwardBook(a.db);
    const file = parse(viaJson(exportBook(a.db)));
    q.createClient(b.db, { name: "Before the demo", leadSource: "other", status: "active" });
    loadDemoBook(b.db);
    importBook(b.db, file, "replace");
    removeDemoData(b.db);
    expect(content(exportBook(b.db))).toEqual(content(file));
  });

  test("merge from a book in another currency: a quote's rate to that currency is not reused; your kept rates are", () => {
    // the file: a USD book with a EUR quote at 1.08 and a GBP quote at 1.25
    const c = q.createClient(a.db, { name: "Abroad", leadSource: "other", status: "active" });
    const eur = q.createQuote(a.db, { clientId: c.id, title: "In euros", estimatedMinutes: 60, quotedAmount: 10000, currency: "EUR", fxRate: "1.08", status: "sent", sentOn: "2026-03-01" });
    const gbp = q.createQuote(a.db, { clientId: c.id, title: "In pounds", estimatedMinutes: 60, quotedAmount: 10000, currency: "GBP", fxRate: "1.25", status: "sent", sentOn: "2026-03-01" });
    const usd = q.createQuote(a.db, { clientId: c.id, title: "In dollars", estimatedMinutes: 60, quotedAmount: 10000, currency: "USD", status: "sent", sentOn: "2026-03-01" });
    // the target: a EUR book keeping a rate for pounds from 2026-01-01 (none for dollars)
    q.updateSettings(b.db, { ...q.getSettings(b.db), currency: "EUR" });
    upsertExchangeRate(b.db, { currency: "GBP", bookCurrency: "EUR", effectiveFrom: "2026-01-01", rate: "1.17" });
    importBook(b.db, parse(viaJson(exportBook(a.db))), "merge");
    const byTitle = new Map(exportBook(b.db).quotes.map((x) => [x.title, x]));
    expect([eur, gbp, usd].map((x) => [x.title, byTitle.get(x.title)!.currency, byTitle.get(x.title)!.fxRate])).toEqual([
      ["In euros", "EUR", null], // the book's own currency now
      ["In pounds", "GBP", "1.17"], // the rate you keep, in force on its date
      ["In dollars", "USD", null], // no rate kept for dollars: counted apart until given one
    ]);
  });
});

describe("bad files are refused and change nothing", () => {
  function hostileVariants(good: ExportFile): [string, unknown][] {
    const g = viaJson(good) as Record<string, unknown> & ExportFile;
    const clone = () => JSON.parse(JSON.stringify(g)) as typeof g;
    const edit = (fn: (f: typeof g) => void) => {
      const f = clone();
      fn(f);
      return f;
    };
    return [
      ["null", null],
      ["an array", [g]],
      ["a string", "walkaway"],
      ["no format", edit((f) => delete (f as Partial<typeof g>).format)],
      ["another format", edit((f) => ((f as Record<string, unknown>).format = "other-app"))],
      ["a future version", edit((f) => ((f as Record<string, unknown>).version = EXPORT_VERSION + 1))],
      ["version as text", edit((f) => ((f as Record<string, unknown>).version = "1"))],
      ["missing table", edit((f) => delete (f as Partial<typeof g>).quotes)],
      ["a quote of an unknown client", edit((f) => (f.quotes[0].clientId = 999_999))],
      ["an event of an unknown quote", edit((f) => (f.quoteEvents[0].quoteId = 999_999))],
      ["an interaction tied to another client's quote", edit((f) => (f.interactions.find((i) => i.quoteId != null)!.clientId = f.clients.find((c) => c.id !== f.interactions.find((i) => i.quoteId != null)!.clientId)!.id))],
      ["duplicate client ids", edit((f) => (f.clients[1].id = f.clients[0].id))],
      ["negative money", edit((f) => (f.quotes[0].quotedAmount = -100))],
      ["fractional money", edit((f) => (f.quotes[0].quotedAmount = 100.5))],
      ["enormous money", edit((f) => (f.quotes[0].quotedAmount = 1e300))],
      ["money as text", edit((f) => ((f.quotes[0] as Record<string, unknown>).quotedAmount = "100"))],
      ["floor above target", edit((f) => (f.services[0].floorRate = f.services[0].targetRate + 1))],
      ["unknown status", edit((f) => ((f.clients[0] as Record<string, unknown>).status = "vip"))],
      ["a 1 MB name", edit((f) => (f.clients[0].name = "x".repeat(1_000_000)))],
      ["an empty name", edit((f) => (f.clients[0].name = "   "))],
      ["a bad date", edit((f) => (f.quoteEvents[0].occurredOn = "2026-02-30"))],
      ["a bad email", edit((f) => (f.clients[0].email = "not-an-email"))],
      ["a malformed currency", edit((f) => (f.quotes[0].currency = "US$"))],
      ["two services with one name", edit((f) => (f.services[1].name = f.services[0].name))],
      ["two default decline templates", edit((f) => f.templates.push({ ...f.templates.find((t) => t.kind === "decline")!, id: 99_999, isDefault: true }))],
      ["a discount request with neither percent nor amount", edit((f) => Object.assign(f.quoteEvents.find((e) => e.kind === "discount_request")!, { percentBp: null, amount: null }))],
      ["an id beyond 2^53", edit((f) => (f.clients[0].id = 2 ** 60))],
      ["settings out of range", edit((f) => (f.settings.hoursPerDay = 25))],
      ["a table that is an object", edit((f) => ((f as Record<string, unknown>).clients = { 0: f.clients[0] }))],
      // version 2: time spent, exchange rates, the history imports, the quotes' new columns
      ["a time entry of zero minutes", edit((f) => (f.timeEntries![0].minutes = 0))],
      ["a time entry over 24 h", edit((f) => (f.timeEntries![0].minutes = 1441))],
      ["a time entry in fractional minutes", edit((f) => (f.timeEntries![0].minutes = 30.5))],
      ["a time entry of an unknown quote", edit((f) => (f.timeEntries![0].quoteId = 999_999))],
      ["a time entry on a bad date", edit((f) => (f.timeEntries![0].occurredOn = "2026-13-01"))],
      ["duplicate time entry ids", edit((f) => (f.timeEntries![1].id = f.timeEntries![0].id))],
      ["two time entries with one source key", edit((f) => (f.timeEntries![0].sourceKey = f.timeEntries!.find((e) => e.sourceKey)!.sourceKey))],
      ["two quotes with one source key", edit((f) => (f.quotes[0].sourceKey = f.quotes.find((x) => x.sourceKey)!.sourceKey))],
      ["a rate that is not a number", edit((f) => (f.exchangeRates![0].rate = "abc"))],
      ["a rate of zero", edit((f) => (f.exchangeRates![0].rate = "0"))],
      ["a rate in an unknown currency", edit((f) => (f.exchangeRates![0].bookCurrency = "ABC"))],
      ["two rates for one pair and day", edit((f) => f.exchangeRates!.push({ ...f.exchangeRates![0], id: 99_999 }))],
      ["a quote's rate as a float", edit((f) => ((f.quotes.find((x) => x.fxRate != null) as Record<string, unknown>).fxRate = 1.08))],
      ["a quote in the book's currency with a rate", edit((f) => (f.quotes.find((x) => x.currency === f.settings.currency)!.fxRate = "1.1"))],
      ["a work-done day that is no date", edit((f) => (f.quotes[0].workDoneOn = "yesterday"))],
      ["an import row of an unknown batch", edit((f) => (f.importRows![0].batchId = 999_999))],
      ["an import row of an unknown table", edit((f) => ((f.importRows![0] as Record<string, unknown>).tableName = "settings"))],
      ["an unknown import source", edit((f) => ((f.importBatches![0] as Record<string, unknown>).source = "excel"))],
      ["a creep threshold out of range", edit((f) => (f.settings.creepThresholdPct = 501))],
      // version 3: payment terms, raises, client rates, Today's marks
      ["payment terms of −3 days on a client", edit((f) => (f.clients[0].paymentTermsDays = -3))],
      ["payment terms of −3 days on a quote", edit((f) => (f.quotes[0].paymentTermsDays = -3))],
      ["follow-up days of 0 in the settings", edit((f) => (f.settings.followUpAfterDays = 0))],
      ["a client rate of an unknown client", edit((f) => (f.clientRates![0].clientId = 999_999))],
      ["a client rate of zero", edit((f) => (f.clientRates![0].rate = 0))],
      ["two client rates for one day", edit((f) => f.clientRates!.push({ ...f.clientRates![0], id: 99_999 }))],
      ["a client rate of an unknown plan", edit((f) => (f.clientRates![0].ratePlanId = 999_999))],
      ["a raise starting before its notice", edit((f) => (f.ratePlans![0].effectiveFrom = "2000-01-01"))],
      ["a negotiated raise without its rate", edit((f) => (f.ratePlans![0].outcomeRate = null))],
      ["an unknown raise answer", edit((f) => ((f.ratePlans![0] as Record<string, unknown>).outcome = "maybe"))],
      ["an unknown Today state", edit((f) => ((f.todayItemStates![0] as Record<string, unknown>).state = "ignored"))],
      ["two states for one Today item", edit((f) => f.todayItemStates!.push({ ...f.todayItemStates![0] }))],
    ];
  }

  test("each hostile variant: refused with a message and field errors, the target book unchanged", () => {
    loadAwkwardBook(a.db);
    q.createClient(b.db, { name: "Mine", leadSource: "referral", status: "active" });
    const good = exportBook(a.db);
    const before = exportBook(b.db);
    const variants = hostileVariants(good);
    for (const [what, value] of variants) {
      const p = parseExportFile(value);
      expect(p.ok, what).toBe(false);
      if (p.ok) continue;
      expect(p.message.length, what).toBeGreaterThan(10);
      expect(Object.keys(p.fields).length, what).toBeGreaterThan(0);
    }
    expect(content(exportBook(b.db))).toEqual(content(before));
    // the wrong version says which one
    expect((parseExportFile({ ...(viaJson(good) as object), version: 7 }) as { message: string }).message).toMatch(/version 7.*versions 1, 2, 3 and 4/);
  });

  test("a __proto__ key in the file is dropped, never merged into objects", () => {
    loadAwkwardBook(a.db);
    const text = JSON.stringify(exportBook(a.db)).replace('"clients":[{', '"__proto__":{"polluted":true},"clients":[{"__proto__":{"isAdmin":true},');
    const p = parseExportFile(JSON.parse(text));
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(Object.prototype.hasOwnProperty.call(p.file, "__proto__")).toBe(false);
    expect(Object.prototype.hasOwnProperty.call(p.file.clients[0], "__proto__")).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((p.file.clients[0] as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  test("a failure in the middle of an import rolls the whole import back (replace and merge)", () => {
    loadAwkwardBook(a.db);
    loadAwkwardBook(b.db);
    const file = parse(viaJson(exportBook(a.db)));
    // the last interaction fails inside the database, after clients, quotes and events were written
    file.interactions[file.interactions.length - 1].note = "boom";
    b.db.$client.exec("CREATE TEMP TRIGGER fail_import BEFORE INSERT ON interactions WHEN NEW.note = 'boom' BEGIN SELECT RAISE(ABORT, 'simulated failure'); END;");
    const before = exportBook(b.db);
    for (const mode of ["replace", "merge"] as const) {
      expect(() => importBook(b.db, file, mode)).toThrow(/simulated failure/);
      expect(content(exportBook(b.db))).toEqual(content(before));
    }
  });
});

describe("API: GET /api/v1/export and POST /api/v1/import", () => {
  let dir: string;
  let db: DB;
  let exportRoute: { GET: RouteFn };
  let importRoute: { POST: RouteFn };
  beforeAll(async () => {
    dir = tempDir();
    process.env.WALKAWAY_DB = path.join(dir, "api.db");
    db = await readyDb();
    exportRoute = (await import("@/app/api/v1/export/route")) as unknown as { GET: RouteFn };
    importRoute = (await import("@/app/api/v1/import/route")) as unknown as { POST: RouteFn };
  });
  afterAll(() => {
    db.$client.close();
    delete (globalThis as Record<string, unknown>).__walkawayDb;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("export is a JSON attachment that validates against the file schema", async () => {
    loadAwkwardBook(db);
    const res = await call(exportRoute.GET, { path: "/api/v1/export" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="walkaway-export-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const body = await res.json();
    expect(exportFileSchema.safeParse(body).success).toBe(true);
    expect(body.clients.length).toBe(bookCounts(db).clients);
  });

  test("import: merge doubles the book, replace restores it exactly; a pre-import backup is taken", async () => {
    const file = await (await call(exportRoute.GET, { path: "/api/v1/export" })).text();
    const clients = bookCounts(db).clients;
    const merged = await call(importRoute.POST, { path: "/api/v1/import?mode=merge", method: "POST", body: file, headers: jsonHeaders });
    expect(merged.status).toBe(200);
    const m = await merged.json();
    expect(m.created.clients).toBe(clients);
    expect(m.backup).toMatch(/pre-import-.*\.db$/);
    expect(fs.existsSync(m.backup)).toBe(true);
    expect(bookCounts(db).clients).toBe(2 * clients);
    const replaced = await call(importRoute.POST, { path: "/api/v1/import?mode=replace", method: "POST", body: file, headers: jsonHeaders });
    expect(replaced.status).toBe(200);
    expect(content(exportBook(db))).toEqual(content(JSON.parse(file)));
  });

  test("malformed, truncated, wrong-version, wrong-type and oversized bodies: 4xx with a clear message, book untouched", async () => {
    const good = await (await call(exportRoute.GET, { path: "/api/v1/export" })).text();
    const before = content(exportBook(db));
    const cases: { what: string; body: BodyInit; headers?: Record<string, string>; path?: string; status: number; message: RegExp }[] = [
      { what: "truncated", body: good.slice(0, Math.floor(good.length / 2)), status: 400, message: /Malformed JSON/ },
      { what: "not JSON", body: "<html>", status: 400, message: /Malformed JSON/ },
      { what: "empty", body: "", status: 400, message: /Empty body/ },
      { what: "wrong version", body: good.replace(`"version": ${EXPORT_VERSION}`, `"version": 5`), status: 400, message: /version 5.*versions 1, 2, 3 and 4/ },
      { what: "not an export", body: JSON.stringify({ hello: "world" }), status: 400, message: /not a Walkaway export/ },
      { what: "bad mode", body: good, path: "/api/v1/import?mode=overwrite", status: 400, message: /import mode/ },
      { what: "wrong content type", body: good, headers: { "content-type": "text/plain" }, status: 415, message: /application\/json/ },
      { what: "declared too large", body: "{}", headers: { ...jsonHeaders, "content-length": String(50 * 1024 * 1024) }, status: 413, message: /too large/ },
    ];
    for (const c of cases) {
      const res = await call(importRoute.POST, { path: c.path ?? "/api/v1/import?mode=replace", method: "POST", body: c.body, headers: c.headers ?? jsonHeaders });
      expect(res.status, c.what).toBe(c.status);
      const body = await res.json();
      expect(body.error.message, c.what).toMatch(c.message);
    }
    expect(content(exportBook(db))).toEqual(before);
  });

  test("body size limit (readJson, maxBodyBytes): a streamed body one byte over the limit is refused with 413 before it is parsed; at the limit it is read", async () => {
    const MAX_BODY_BYTES = maxBodyBytes();
    const route = importRoute;
    const stream = (bytes: number) => {
      let sent = 0;
      return new ReadableStream<Uint8Array>({
        pull(ctrl) {
          if (sent >= bytes) return ctrl.close();
          const n = Math.min(64 * 1024, bytes - sent);
          // spaces: valid JSON whitespace, so only the size can be the reason for a refusal
          ctrl.enqueue(new Uint8Array(n).fill(0x20));
          sent += n;
        },
      });
    };
    const over = await call(route.POST, { path: "/api/v1/import", method: "POST", body: stream(MAX_BODY_BYTES + 1), headers: jsonHeaders });
    expect(over.status).toBe(413);
    // exactly at the limit: read in full, then refused for being empty (not for its size)
    const at = await call(route.POST, { path: "/api/v1/import", method: "POST", body: stream(MAX_BODY_BYTES), headers: jsonHeaders });
    expect(at.status).toBe(400);
    expect((await at.json()).error.message).toMatch(/Empty body/);
  });
});

describe("importUntrusted", () => {
  test("no backup for an empty book; one for a book with data", async () => {
    const dir = tempDir();
    try {
      loadAwkwardBook(a.db);
      const file = viaJson(exportBook(a.db));
      const first = await importUntrusted(b.db, file, "merge", dir);
      expect(first.ok && first.backup).toBe(null);
      const second = await importUntrusted(b.db, file, "merge", dir);
      expect(second.ok && second.backup && fs.existsSync(second.backup)).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

// ---------------- version 4: proposals ----------------

/**
 * The awkward book (with the demo's two proposals: one sent with no link, one answered) plus a proposal
 * shared by link (a typed price, a minimum fee, rush) and one declined with a note; the settings'
 * minimum fee and business name set.
 */
function loadProposalBook(db: DB) {
  const awkward = loadAwkwardBook(db);
  q.updateSettings(db, { ...q.getSettings(db), minimumFee: 50_000, businessName: "Zoë \"Studio\" — 日本" });
  const client = q.createClient(db, { name: "Proposal client", leadSource: "referral", status: "active" });
  const svc = q.listServices(db).find((s) => s.currency === "USD")!;
  const open = q.createQuote(db, { clientId: client.id, serviceId: svc.id, title: "Shared proposal", estimatedMinutes: 600, quotedAmount: 110_000, currency: "USD", status: "sent" });
  const declined = q.createQuote(db, { clientId: client.id, serviceId: svc.id, title: "Declined proposal", estimatedMinutes: 300, quotedAmount: 55_000, currency: "USD", status: "sent" });
  const header = (quoteId: number) => ({
    quoteId, currency: "USD", unit: "hour" as const, floorRate: 8_500, targetRate: 11_000, marketRate: 12_000, rush: true, rushMultiplierPct: 150, hoursPerDay: 8, minimumFee: 50_000,
    belowFloorConfirmed: true, intro: "=HYPERLINK(\"x\") <b>hi</b>", terms: "Line 1\nLine 2 — ✓", expiresOn: addDays(q.today(), 14),
  });
  const items = [{ name: "Design 😀", minutes: 120 }, { name: "Build", minutes: 480 }];
  const options = [
    { name: "Essentials", summary: null, minutes: 120, price: 50_000, priceSource: "minimum_fee" as const, rateCardPrice: 33_000, items: [0] },
    { name: "Complete", summary: "Everything, \"quoted\"", minutes: 600, price: 60_000, priceSource: "custom" as const, rateCardPrice: 165_000, items: [0, 1] },
  ];
  const { shared, declinedId, token } = writeTransaction(db, (t) => {
    const shared = saveProposalRows(t, header(open.id), items, options);
    const token = newShareToken();
    setProposalShare(t, shared, { shareToken: token, sentOn: q.today() });
    const declinedId = saveProposalRows(t, header(declined.id), items, options);
    setProposalShare(t, declinedId, { shareToken: newShareToken(), sentOn: q.today() });
    setProposalAnswer(t, declinedId, { chosenOptionId: null, declineReason: "price", declineNote: "Over budget, \"sorry\"", answeredOn: q.today(), answeredAt: "2026-11-30T09:15:00.000Z" });
    return { shared, declinedId, token };
  });
  return { ...awkward, shared, declinedId, token };
}

const byQuoteTitle = (f: ExportFile) => {
  const title = new Map(f.quotes.map((x) => [x.id, x.title]));
  return new Map((f.proposals ?? []).map((p) => [title.get(p.quoteId)!, p]));
};

describe("proposals travel (version 4)", () => {
  test("export → replace → export is identical: ids, options, answers, settings and the links' secrets kept", () => {
    const { token, shared } = loadProposalBook(a.db);
    const first = exportBook(a.db);
    expect(first.version).toBe(4);
    expect(first.proposals).toHaveLength(4);
    expect(first.proposalItems!.length).toBeGreaterThanOrEqual(12);
    expect(first.proposalOptions!.length).toBe(10);
    expect(first.proposalOptionItems!.length).toBeGreaterThanOrEqual(20);
    expect(first.settings).toMatchObject({ minimumFee: 50_000, businessName: "Zoë \"Studio\" — 日本" });
    const demo = byQuoteTitle(first);
    // the demo's: sent with no link; answered with the middle option
    expect(demo.get("Spring catalogue pages")).toMatchObject({ shareToken: null, answeredOn: null });
    const cms = demo.get("CMS migration")!;
    expect(first.proposalOptions!.find((o) => o.id === cms.chosenOptionId)?.name).toBe("Standard");
    // replace over a book with proposals of its own
    loadProposalBook(b.db);
    const result = importBook(b.db, parse(viaJson(first)), "replace");
    expect(result.created).toMatchObject({ proposals: 4, proposalOptions: 10 });
    expect(content(exportBook(b.db))).toEqual(content(first));
    // the client's link still opens the same proposal after a restore
    expect(findProposalByToken(b.db, token)?.id).toBe(shared);
  });

  test("merge: new ids for proposals, items, options and the option chosen; the links' secrets are dropped; nothing else differs", () => {
    loadProposalBook(a.db);
    // give the target different ids
    loadAwkwardBook(b.db);
    const before = exportBook(b.db);
    const file = exportBook(a.db);
    const result = importBook(b.db, parse(viaJson(file)), "merge");
    expect(result.droppedShareLinks).toBe(2);
    expect(result.skippedProposals).toBe(0);
    expect(result.created).toMatchObject({ proposals: 4, proposalItems: file.proposalItems!.length, proposalOptions: 10, proposalOptionItems: file.proposalOptionItems!.length });
    const after = exportBook(b.db);
    expect(exportFileSchema.safeParse(viaJson(after)).success).toBe(true);
    // the book's own proposals untouched
    expect(after.proposals!.slice(0, before.proposals!.length)).toEqual(before.proposals);
    const added = after.proposals!.slice(before.proposals!.length);
    expect(added.every((p) => p.shareToken === null)).toBe(true);
    expect(Math.min(...added.map((p) => p.id))).toBeGreaterThan(Math.max(...before.proposals!.map((p) => p.id)));
    // the same content, ids and links aside (the merged rows compared by their position among the merged)
    const merged = (f: ExportFile, from: { quotes: number; proposals: number; options: number; items: number; links: number }) =>
      withoutIds({
        ...f,
        quotes: f.quotes.slice(from.quotes),
        proposals: f.proposals!.slice(from.proposals).map((p) => ({ ...p, shareToken: null })),
        proposalOptions: f.proposalOptions!.slice(from.options),
        proposalItems: f.proposalItems!.slice(from.items),
        proposalOptionItems: f.proposalOptionItems!.slice(from.links),
      });
    const x = merged(file, { quotes: 0, proposals: 0, options: 0, items: 0, links: 0 });
    const y = merged(after, { quotes: before.quotes.length, proposals: before.proposals!.length, options: before.proposalOptions!.length, items: before.proposalItems!.length, links: before.proposalOptionItems!.length });
    for (const table of ["proposals", "proposalItems", "proposalOptions", "proposalOptionItems"] as const) expect(y[table], table).toEqual(x[table]);
    // the answer points at the copy's own middle option
    const copy = byQuoteTitle({ ...after, proposals: added }).get("CMS migration")!;
    expect(after.proposalOptions!.find((o) => o.id === copy.chosenOptionId)).toMatchObject({ name: "Standard", proposalId: copy.id });
  });

  test("merging a book into itself: each quote keeps its own proposal and link; the copies have theirs, with no link", () => {
    const { token, shared } = loadProposalBook(a.db);
    const before = exportBook(a.db);
    const result = importBook(a.db, parse(viaJson(before)), "merge");
    expect(result.created.proposals).toBe(4);
    const after = exportBook(a.db);
    expect(after.proposals!.slice(0, 4)).toEqual(before.proposals);
    expect(findProposalByToken(a.db, token)?.id).toBe(shared);
    expect(after.proposals!.filter((p) => p.shareToken != null)).toHaveLength(2);
    expect(new Set(after.proposals!.map((p) => p.quoteId)).size).toBe(8);
  });

  test("a version 3 file (before proposals) still imports: no proposals, no minimum fee, no business name", () => {
    loadProposalBook(a.db);
    const v4 = viaJson(exportBook(a.db)) as ExportFile;
    const { proposals: _p, proposalItems: _i, proposalOptions: _o, proposalOptionItems: _l, ...rest } = v4;
    const { minimumFee: _m, businessName: _n, ...settings } = v4.settings;
    const v3 = { ...rest, version: 3, settings };
    loadProposalBook(b.db);
    importBook(b.db, parse(v3), "replace");
    const back = exportBook(b.db);
    expect(back.proposals).toEqual([]);
    expect(back.settings).toMatchObject({ minimumFee: 0, businessName: "" });
    expect(back.quotes).toEqual(v4.quotes);
    expect(importBook(a.db, parse(v3), "merge").created.proposals).toBe(0);
  });

  test("hostile proposals: refused with the field at fault named, the target book unchanged", () => {
    loadProposalBook(a.db);
    loadProposalBook(b.db);
    const good = viaJson(exportBook(a.db)) as ExportFile;
    const edit = (fn: (f: ExportFile) => void) => {
      const f = JSON.parse(JSON.stringify(good)) as ExportFile;
      fn(f);
      return f;
    };
    const [p0, p1] = [good.proposals![0], good.proposals![1]];
    const optionOf = (pid: number) => good.proposalOptions!.find((o) => o.proposalId === pid)!;
    const itemOf = (pid: number) => good.proposalItems!.find((o) => o.proposalId === pid)!;
    const linkIndex = good.proposalOptionItems!.findIndex((l) => l.optionId === optionOf(p0.id).id);
    const answered = good.proposals!.findIndex((p) => p.chosenOptionId != null);
    const unanswered = good.proposals!.findIndex((p) => p.answeredOn == null);
    const cases: [string, ExportFile, string][] = [
      ["an option including another proposal's item", edit((f) => (f.proposalOptionItems![linkIndex].itemId = itemOf(p1.id).id)), `proposalOptionItems[${linkIndex}].itemId`],
      ["the chosen option of another proposal", edit((f) => (f.proposals![answered].chosenOptionId = optionOf(p0.id === f.proposals![answered].id ? p1.id : p0.id).id)), `proposals[${answered}].chosenOptionId`],
      ["a negative price", edit((f) => (f.proposalOptions![0].price = -1)), "proposalOptions[0].price"],
      ["a fractional price", edit((f) => (f.proposalOptions![0].price = 100.5)), "proposalOptions[0].price"],
      ["an item of zero minutes", edit((f) => (f.proposalItems![0].minutes = 0)), "proposalItems[0].minutes"],
      ["an option of zero minutes", edit((f) => (f.proposalOptions![0].minutes = 0)), "proposalOptions[0].minutes"],
      ["two options of one proposal with one name (any case)", edit((f) => (f.proposalOptions![1].name = f.proposalOptions![0].name.toUpperCase())), "proposalOptions[1].name"],
      ["a link's secret too short", edit((f) => (f.proposals![0].shareToken = "abc123")), "proposals[0].shareToken"],
      ["a link's secret with other characters", edit((f) => (f.proposals![0].shareToken = `${"a".repeat(42)}=`)), "proposals[0].shareToken"],
      ["two proposals with one link", edit((f) => ((f.proposals![0].shareToken = "A".repeat(43)), (f.proposals![1].shareToken = "A".repeat(43)))), "proposals[1].shareToken"],
      ["answered without its day", edit((f) => (f.proposals![answered].answeredOn = null)), `proposals[${answered}].answeredOn`],
      ["an answer's day with no answer", edit((f) => (f.proposals![unanswered].answeredOn = "2026-01-01")), `proposals[${unanswered}].answeredOn`],
      ["an answer's time with no day", edit((f) => (f.proposals![unanswered].answeredAt = "2026-01-01T10:00:00.000Z")), `proposals[${unanswered}].answeredAt`],
      ["a decline's note with no decline", edit((f) => (f.proposals![unanswered].declineNote = "Why not")), `proposals[${unanswered}].declineNote`],
      ["chosen and declined at once", edit((f) => (f.proposals![answered].declineReason = "price")), `proposals[${answered}].declineReason`],
      ["an unknown decline reason", edit((f) => ((f.proposals![0] as Record<string, unknown>).declineReason = "rude")), "proposals[0].declineReason"],
      ["a proposal of an unknown quote", edit((f) => (f.proposals![0].quoteId = 999_999)), "proposals[0].quoteId"],
      ["two proposals on one quote", edit((f) => (f.proposals![1].quoteId = f.proposals![0].quoteId)), "proposals[1].quoteId"],
      ["an item of an unknown proposal", edit((f) => (f.proposalItems![0].proposalId = 999_999)), "proposalItems[0].proposalId"],
      ["an option with no items", edit((f) => (f.proposalOptionItems = f.proposalOptionItems!.filter((l) => l.optionId !== f.proposalOptions![0].id))), "proposalOptions[0].id"],
      ["an option item of an unknown option", edit((f) => (f.proposalOptionItems![0].optionId = 999_999)), "proposalOptionItems[0].optionId"],
      ["an option including one item twice", edit((f) => f.proposalOptionItems!.push({ ...f.proposalOptionItems![0] })), `proposalOptionItems[${good.proposalOptionItems!.length}].itemId`],
      ["duplicate option ids", edit((f) => (f.proposalOptions![1].id = f.proposalOptions![0].id)), "proposalOptions[1].id"],
      ["a floor above the target", edit((f) => (f.proposals![0].floorRate = f.proposals![0].targetRate + 1)), "proposals[0].floorRate"],
      ["a target of zero", edit((f) => (f.proposals![0].targetRate = 0)), "proposals[0].targetRate"],
      ["a negative minimum fee", edit((f) => (f.proposals![0].minimumFee = -5)), "proposals[0].minimumFee"],
      ["a rush multiplier under 100%", edit((f) => (f.proposals![0].rushMultiplierPct = 90)), "proposals[0].rushMultiplierPct"],
      ["an expiry that is no date", edit((f) => (f.proposals![0].expiresOn = "2026-02-30")), "proposals[0].expiresOn"],
      ["an unknown price source", edit((f) => ((f.proposalOptions![0] as Record<string, unknown>).priceSource = "discount")), "proposalOptions[0].priceSource"],
      ["a negative minimum fee in the settings", edit((f) => (f.settings.minimumFee = -1)), "settings.minimumFee"],
      ["a business name of 1000 characters", edit((f) => (f.settings.businessName = "x".repeat(1_000))), "settings.businessName"],
    ];
    const before = exportBook(b.db);
    for (const [what, value, field] of cases) {
      const p = parseExportFile(value);
      expect(p.ok, what).toBe(false);
      if (p.ok) continue;
      expect(Object.keys(p.fields), what).toContain(field);
    }
    expect(content(exportBook(b.db))).toEqual(content(before));
    // and the good file is accepted: the variants fail for their own reason
    expect(parseExportFile(good).ok).toBe(true);
  });

  test("POST /api/v1/import refuses a hostile proposal with 400 and its field; the book is unchanged", async () => {
    const dir = tempDir("walkaway-import-proposal-");
    process.env.WALKAWAY_DB = path.join(dir, "book.db");
    const db = await readyDb();
    onTestFinished(() => {
      db.$client.close();
      delete (globalThis as Record<string, unknown>).__walkawayDb;
      fs.rmSync(dir, { recursive: true, force: true });
    });
    loadProposalBook(db);
    const route = await import("@/app/api/v1/import/route");
    const file = viaJson(exportBook(db)) as ExportFile;
    file.proposalOptions![0].price = -100;
    const before = content(exportBook(db));
    const res = await call(route.POST as RouteFn, { path: "/api/v1/import?mode=replace", method: "POST", body: JSON.stringify(file), headers: jsonHeaders });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(Object.keys(body.error.fields)).toContain("proposalOptions[0].price");
    expect(content(exportBook(db))).toEqual(before);
  });
});
