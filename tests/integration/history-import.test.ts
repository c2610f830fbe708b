/**
 * "Bring your history" on a real SQLite file (server/history-import.ts): each preset on its sample file
 * (counts, what was created, the true rate of a matched quote), the same file twice adds nothing, the
 * undo gives back the book exactly (every table dumped before and after), a bad file is refused with
 * nothing written, a day over 24 h is refused, and the API answers the same.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

import type { DB } from "@/db/connection";
import { upsertExchangeRate } from "@/db/exchange-rates";
import { isAppError } from "@/lib/errors";
import { historyImportSchema, type HistoryImportInput } from "@/lib/history-import/schemas";
import { settleQuote } from "@/lib/settling";
import { applyImport, listImports, previewImport, undoImport } from "@/server/history-import";
import { addTimeEntry } from "@/server/time-entries";
import { getSettings } from "@/db/settings";
import { call, jsonHeaders, type RouteFn } from "./data-helpers";
import { createTestDb } from "./helpers";
import * as q from "./use-cases";

const TODAY = "2026-11-30";
const fixture = (name: string) => fs.readFileSync(path.join(__dirname, "../fixtures", name), "utf8");
const input = (csv: string, extra: Partial<HistoryImportInput> = {}): HistoryImportInput => historyImportSchema.parse({ csv, dryRun: false, ...extra });

const TABLES = ["clients", "quotes", "time_entries", "quote_events", "interactions", "services", "service_rates", "exchange_rates", "settings"];
/** The whole book, straight from SQLite, every column. */
function dump(db: DB): Record<string, unknown[]> {
  return Object.fromEntries(TABLES.map((t) => [t, db.$client.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]));
}
const count = (db: DB, table: string) => (db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

let t: Awaited<ReturnType<typeof createTestDb>>;
let db: DB;
let serviceId: number;

beforeEach(async () => {
  t = await createTestDb();
  db = t.db;
  serviceId = q.createService(db, { name: "Web development", unit: "hour", currency: "USD", marketRate: 12000, targetRate: 10000, floorRate: 8000 }).id;
});
afterEach(() => t.close());

/** The e2e's starting point: Brightline's "Website rebuild", 40 h estimated, $4,000 agreed. */
function brightline() {
  const client = q.createClient(db, { name: "Brightline", leadSource: "referral", status: "active" });
  const quote = q.createQuote(db, { clientId: client.id, serviceId, title: "Website rebuild", estimatedMinutes: 40 * 60, quotedAmount: 400000, agreedAmount: 400000, currency: "USD", status: "accepted", sentOn: "2026-09-20", decidedOn: "2026-09-28" }, TODAY);
  return { client, quote };
}

describe("Toggl Track detailed report", () => {
  test("matches Brightline's quote (its true rate falls to $57.14/h) and creates Northwind Books with a quote from the file", () => {
    const { client, quote } = brightline();
    const preview = previewImport(db, input(fixture("toggl-detailed.csv"), { dryRun: true }), TODAY);
    expect(preview.source).toBe("toggl");
    expect(preview.counts).toEqual({ rows: 13, clientsNew: 1, clientsMatched: 1, quotesNew: 1, quotesMatched: 1, entriesNew: 13, alreadyImported: 0, problemRows: 0 });
    expect(preview.firstRows).toHaveLength(10);
    expect(preview.firstRows[0]).toMatchObject({ line: 2, date: "2026-10-05", client: "Brightline", title: "Website rebuild", minutes: 240, outcome: "new" });
    // a preview writes nothing
    expect(count(db, "time_entries")).toBe(0);
    expect(count(db, "clients")).toBe(1);

    const result = applyImport(db, input(fixture("toggl-detailed.csv"), { fileName: "toggl-detailed.csv" }), TODAY);
    expect(result.batchId).not.toBeNull();
    expect(result.created.clients.map((c) => c.name)).toEqual(["Northwind Books"]);
    expect(result.created.timeEntries).toBe(13);

    const matched = q.getQuote(db, quote.id);
    expect(matched.actualMinutes).toBe(70 * 60);
    expect(matched.clientId).toBe(client.id);
    const settled = settleQuote(matched, q.getService(db, serviceId), getSettings(db));
    expect(settled.time?.basis).toBe("time_logged");
    expect(settled.effectiveRate).toBe(5714); // $4,000 over 70 h, not $100 over 40 h
    expect(settled.belowFloor).toBe(true);

    const northwind = q.listClients(db).find((c) => c.name === "Northwind Books")!;
    expect(northwind).toMatchObject({ status: "active", leadSource: "other" });
    const [made] = q.listQuotes(db, { clientId: northwind.id });
    expect(made).toMatchObject({
      title: "Catalogue app",
      status: "accepted",
      quotedAmount: 73125,
      agreedAmount: 73125,
      currency: "USD",
      estimatedMinutes: 585,
      estimateKnown: false,
      sentOn: "2026-10-15",
      decidedOn: "2026-10-15",
      workDoneOn: "2026-10-19",
      fxRate: null,
    });
    expect(made.sourceKey).toMatch(/^toggl:group:/);
    expect(listImports(db)[0]).toMatchObject({ id: result.batchId, source: "toggl", fileName: "toggl-detailed.csv", clientsAdded: 1, quotesAdded: 1, timeEntriesAdded: 13, rowsSkipped: 0, undoneAt: null });
  });

  test("the same file imported twice adds nothing: '13 already imported'", () => {
    brightline();
    applyImport(db, input(fixture("toggl-detailed.csv")), TODAY);
    const before = dump(db);
    const again = applyImport(db, input(fixture("toggl-detailed.csv")), TODAY);
    expect(again.batchId).toBeNull();
    expect(again.counts).toMatchObject({ entriesNew: 0, alreadyImported: 13, clientsNew: 0, quotesNew: 0 });
    expect(dump(db)).toEqual(before);
    expect(listImports(db)).toHaveLength(1);
  });

  test("undo gives back the book exactly, and a second undo is refused", () => {
    brightline();
    q.addInteraction(db, 1, { kind: "ask", subtype: "quick_question", minutes: 30, paid: false });
    const before = dump(db);
    const result = applyImport(db, input(fixture("toggl-detailed.csv")), TODAY);
    expect(dump(db)).not.toEqual(before);
    const undone = undoImport(db, result.batchId!);
    expect(undone.removed).toEqual({ clients: 1, quotes: 1, timeEntries: 13 });
    expect(undone.kept).toEqual({ clients: [], quotes: [] });
    expect(undone.message).toBe("Undone: removed 1 client, 1 quote and 13 time entries.");
    expect(dump(db)).toEqual(before);
    expect(listImports(db)[0].undoneAt).not.toBeNull();
    expect(() => undoImport(db, result.batchId!)).toThrow(/already undone/);
    expect(() => undoImport(db, 9999)).toThrow();
    // once undone, the file can be imported again
    expect(applyImport(db, input(fixture("toggl-detailed.csv")), TODAY).created.timeEntries).toBe(13);
  });

  test("undo keeps a quote and a client the user has since built on, and says so", () => {
    const result = applyImport(db, input(fixture("toggl-detailed.csv").split("\n").filter((l, i) => i === 0 || l.includes("Northwind")).join("\n")), TODAY);
    const quoteId = result.created.quotes[0].id;
    addTimeEntry(db, quoteId, { occurredOn: "2026-10-20", minutes: 60 }, TODAY);
    const undone = undoImport(db, result.batchId!);
    expect(undone.removed).toEqual({ clients: 0, quotes: 0, timeEntries: 3 });
    expect(undone.kept.quotes.map((x) => x.title)).toEqual(["Catalogue app"]);
    expect(undone.kept.clients.map((c) => c.name)).toEqual(["Northwind Books"]);
    expect(undone.message).toMatch(/kept "Catalogue app"/);
    expect(q.getQuote(db, quoteId).actualMinutes).toBe(60);
  });

  test("a group with no quote and no amount is a problem on each of its rows; the rest is imported", () => {
    const csv = fixture("toggl-detailed.csv").replace(/,\d+\.\d\d\n/g, (m, off, all: string) => (all.slice(all.lastIndexOf("\n", off) + 1, off).includes("Brightline") ? ",0.00\n" : m));
    const r = applyImport(db, input(csv), TODAY);
    expect(r.counts).toMatchObject({ problemRows: 10, entriesNew: 3, clientsNew: 1 });
    expect(r.problems[0]).toMatchObject({ line: 2, field: "amount" });
    expect(r.problems[0].message).toBe('No quote named "Website rebuild" for Brightline and no amount in the file: create the quote first, then import again');
  });
});

describe("Clockify and Harvest", () => {
  test("Clockify detailed report: US dates, two new clients and quotes with the file's amounts", () => {
    const r = applyImport(db, input(fixture("clockify-detailed.csv")), TODAY);
    expect(r.source).toBe("clockify");
    expect(r.counts).toMatchObject({ rows: 6, clientsNew: 2, quotesNew: 2, entriesNew: 6, problemRows: 0 });
    const quotes = r.created.quotes.map((c) => q.getQuote(db, c.id));
    expect(quotes.map((x) => [x.title, x.estimatedMinutes, x.agreedAmount, x.decidedOn, x.workDoneOn, x.actualMinutes])).toEqual([
      ["Booking widget", 495, 60000, "2026-09-01", "2026-09-03", 495],
      ["API docs", 450, 67500, "2026-09-07", "2026-09-08", 450],
    ]);
  });

  test("Harvest time report: decimal hours, the currency column; a book in EUR needs a rate for USD", () => {
    q.updateSettings(db, { ...getSettings(db), currency: "EUR" });
    const refused = previewImport(db, input(fixture("harvest-time.csv"), { dryRun: true }), TODAY);
    expect(refused.counts).toMatchObject({ entriesNew: 0, problemRows: 5 });
    expect(refused.problems[0]).toMatchObject({ line: 2, field: "fxRate" });
    // a rate typed in the import, or one kept in Settings
    const typed = applyImport(db, input(fixture("harvest-time.csv"), { fxRates: { USD: "0.92" } }), TODAY);
    expect(typed.counts).toMatchObject({ clientsNew: 2, quotesNew: 2, entriesNew: 5 });
    const annual = q.getQuote(db, typed.created.quotes[0].id);
    expect(annual).toMatchObject({ title: "Annual report", currency: "USD", fxRate: "0.92", agreedAmount: 148750, estimatedMinutes: 1050 });
    undoImport(db, typed.batchId!);
    upsertExchangeRate(db, { currency: "USD", bookCurrency: "EUR", effectiveFrom: "2026-01-01", rate: "0.9" });
    const kept = applyImport(db, input(fixture("harvest-time.csv")), TODAY);
    expect(q.getQuote(db, kept.created.quotes[0].id).fxRate).toBe("0.9");
  });
});

describe("past jobs", () => {
  test("a quote per row; the EUR job needs a rate; status and hours as the sheet says", () => {
    const refused = previewImport(db, input(fixture("past-jobs.csv"), { dryRun: true }), TODAY);
    expect(refused.counts).toMatchObject({ rows: 5, quotesNew: 4, problemRows: 1 });
    expect(refused.problems).toEqual([{ line: 4, field: "fxRate", message: expect.stringContaining("EUR") }]);

    const r = applyImport(db, input(fixture("past-jobs.csv"), { fxRates: { EUR: "1.08" } }), TODAY);
    expect(r.counts).toMatchObject({ clientsNew: 4, quotesNew: 5, problemRows: 0 });
    const made = r.created.quotes.map((c) => q.getQuote(db, c.id));
    expect(made.map((x) => [x.title, x.status, x.quotedAmount, x.agreedAmount, x.currency, x.fxRate, x.estimatedMinutes, x.estimateKnown, x.decidedOn, x.workDoneOn])).toEqual([
      ["Newsletter templates", "accepted", 95000, 95000, "USD", null, 840, false, "2026-04-02", "2026-04-02"],
      ["Booking site", "accepted", 240000, 240000, "USD", null, 1800, false, "2026-05-11", "2026-05-11"],
      ["Shop redesign", "accepted", 320000, 320000, "EUR", "1.08", 2700, false, "2026-05-20", "2026-05-20"],
      ["Book cover", "rejected", 60000, null, "USD", null, 720, false, "2026-06-11", null],
      ["Logo clean-up", "accepted", 35000, 35000, "USD", null, 330, false, "2026-07-01", "2026-07-01"],
    ]);
    // both Oakridge Dental jobs went to one client
    expect(new Set(made.filter((x) => x.title !== "Newsletter templates" && x.title !== "Shop redesign" && x.title !== "Book cover").map((x) => x.clientId)).size).toBe(1);
    const again = applyImport(db, input(fixture("past-jobs.csv"), { fxRates: { EUR: "1.08" } }), TODAY);
    expect(again).toMatchObject({ batchId: null, counts: { alreadyImported: 5, quotesNew: 0 } });
  });

  test("a bad row is listed and skipped; the good one is imported", () => {
    const r = applyImport(db, input(fixture("past-jobs-bad.csv")), TODAY);
    expect(r.problems).toEqual([{ line: 3, field: "amount", message: '"lots" is not an amount above zero in USD' }]);
    expect(r.counts).toMatchObject({ quotesNew: 1, problemRows: 1 });
    expect(listImports(db)[0].rowsSkipped).toBe(1);
  });
});

describe("refusals", () => {
  test.each([
    ["empty", "Date,Client,Project,Hours\n", "csv"],
    ["not CSV", '"Date,Client\n', "csv"],
    ["unknown columns", "colour,size\nred,9\n", "source"],
  ])("a file that is %s is refused with a field error and nothing written", (_name, csv, field) => {
    brightline();
    const before = dump(db);
    let err: unknown;
    try {
      applyImport(db, input(csv), TODAY);
    } catch (e) {
      err = e;
    }
    expect(isAppError(err, "invalid_input")).toBe(true);
    expect((err as { fields: Record<string, string[]> }).fields[field]).toBeTruthy();
    expect(dump(db)).toEqual(before);
    expect(listImports(db)).toEqual([]);
  });

  test("a day over 24 h (with what the book already has, and the file's other rows) is refused row by row", () => {
    const { quote } = brightline();
    addTimeEntry(db, quote.id, { occurredOn: "2026-10-01", minutes: 20 * 60 }, TODAY);
    const csv = "Date,Client,Project,Hours,Billable Amount\n2026-10-01,Brightline,Website rebuild,3,\n2026-10-01,Brightline,Website rebuild,2,\n2026-10-02,Brightline,Website rebuild,14,\n2026-10-02,Brightline,Website rebuild,11,\n2026-12-25,Brightline,Website rebuild,1,\n";
    const r = applyImport(db, input(csv, { source: "harvest" }), TODAY);
    // 20 h + 3 h fits; +2 h more does not. 14 h fits; +11 h does not. Christmas has not come yet.
    expect(r.counts.entriesNew).toBe(2);
    expect(r.problems.map((p) => [p.line, p.field])).toEqual([
      [3, "duration"],
      [5, "duration"],
      [6, "date"],
    ]);
    expect(r.problems[0].message).toMatch(/More than 24 hours on one day/);
    expect(q.getQuote(db, quote.id).actualMinutes).toBe(20 * 60 + 3 * 60 + 14 * 60);
  });

  test("a failure while writing leaves nothing behind", () => {
    brightline();
    const before = dump(db);
    db.$client.exec("CREATE TRIGGER fail_last AFTER INSERT ON import_rows WHEN NEW.table_name = 'time_entries' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END;");
    expect(() => applyImport(db, input(fixture("toggl-detailed.csv")), TODAY)).toThrow(/disk on fire/);
    db.$client.exec("DROP TRIGGER fail_last");
    expect(dump(db)).toEqual(before);
    expect(count(db, "import_batches")).toBe(0);
  });
});

describe("API", () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "walkaway-history-api-"));
  let route: { GET: RouteFn; POST: RouteFn };
  let undo: { POST: RouteFn };
  beforeAll(async () => {
    process.env.WALKAWAY_DB = path.join(tmp, "api.db");
    delete process.env.WALKAWAY_PASSWORD;
    route = (await import("@/app/api/v1/history-import/route")) as unknown as typeof route;
    undo = (await import("@/app/api/v1/history-import/[id]/undo/route")) as unknown as typeof undo;
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test("dry run by default, then apply (201), list, undo; a bad file is a 400 naming the field", async () => {
    const post = (body: unknown) => call(route.POST, { method: "POST", headers: jsonHeaders, body: JSON.stringify(body) });
    const dry = await post({ csv: fixture("clockify-detailed.csv") });
    expect(dry.status).toBe(200);
    const dryBody = await dry.json();
    expect(dryBody).toMatchObject({ dryRun: true, source: "clockify", counts: { entriesNew: 6 } });
    expect((await (await call(route.GET)).json()).imports).toEqual([]);

    const applied = await post({ csv: fixture("clockify-detailed.csv"), dryRun: false, fileName: "clockify.csv" });
    expect(applied.status).toBe(201);
    const { batchId } = await applied.json();
    expect((await (await call(route.GET)).json()).imports[0]).toMatchObject({ id: batchId, source: "clockify", timeEntriesAdded: 6 });

    const bad = await post({ csv: "nothing,here\n1,2\n", dryRun: false });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields.source).toBeTruthy();
    const badMapping = await post({ csv: fixture("clockify-detailed.csv"), source: "clockify", mapping: { date: "When", client: "Client", project: "Project", duration: "Duration (h)" } });
    expect(badMapping.status).toBe(400);
    expect((await badMapping.json()).error.fields["mapping.date"]).toBeTruthy();

    const undone = await call(undo.POST, { method: "POST", params: { id: String(batchId) } });
    expect(undone.status).toBe(200);
    expect((await undone.json()).removed).toEqual({ clients: 2, quotes: 2, timeEntries: 6 });
    expect((await call(undo.POST, { method: "POST", params: { id: String(batchId) } })).status).toBe(409);
    expect((await call(undo.POST, { method: "POST", params: { id: "abc" } })).status).toBe(404);
  });
});

describe("the rate-card service of the new quotes", () => {
  test("quotes an import creates are priced on the chosen service, so their true rate meets your floor; matched quotes keep theirs", async () => {
    const { computeClientScore } = await import("@/server/scores");
    const { quote } = brightline();
    const other = q.createService(db, { name: "Design", unit: "hour", currency: "USD", marketRate: 9000, targetRate: 8000, floorRate: 7000 });
    const r = applyImport(db, input(fixture("toggl-detailed.csv"), { serviceId: other.id }), TODAY);
    const northwind = r.created.quotes[0];
    expect(q.getQuote(db, northwind.id).serviceId).toBe(other.id);
    expect(q.getQuote(db, quote.id).serviceId).toBe(serviceId);
    // Northwind: $731.25 for 9 h 45 min = $75.00/h — between the $70 floor and the $80 target: it settles, and pay is rated
    const clientId = q.getQuote(db, northwind.id).clientId;
    const score = computeClientScore(db, clientId, TODAY).assessment;
    expect(score.settling.quotes[0]).toMatchObject({ effectiveRate: 7500, belowTarget: true, belowFloor: false });
    expect(score.criteria.find((c) => c.key === "pay")!.evidenceCount).toBe(1);
  });

  test("without a service the new quotes are not compared (and say so); an unknown service is a field error, nothing written", () => {
    const r = applyImport(db, input(fixture("toggl-detailed.csv")), TODAY);
    expect(q.getQuote(db, r.created.quotes[0].id).serviceId).toBeNull();
    const before = count(db, "quotes");
    expect(() => applyImport(db, input(fixture("clockify-detailed.csv"), { serviceId: 99999 }), TODAY)).toThrow(/Unknown service/);
    expect(count(db, "quotes")).toBe(before);
  });
});
