import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import type { DB } from "@/db/connection";
import { readyDb } from "@/server/database";
import { bookCounts } from "@/server/book";
import { CSV_ENTITIES } from "@/server/csv";
import * as q from "./use-cases";
import { parseCsv } from "@/lib/csv";
import { call, loadAwkwardBook, tempDir, type RouteFn } from "./data-helpers";

let dir: string;
let db: DB;
let exportCsvRoute: { GET: RouteFn };
let importCsvRoute: { POST: RouteFn };

beforeAll(async () => {
  dir = tempDir();
  process.env.WALKAWAY_DB = path.join(dir, "csv.db");
  db = await readyDb();
  exportCsvRoute = (await import("@/app/api/v1/export/csv/[entity]/route")) as unknown as { GET: RouteFn };
  importCsvRoute = (await import("@/app/api/v1/import/clients-csv/route")) as unknown as { POST: RouteFn };
});
afterAll(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function wipe() {
  db.$client.exec("DELETE FROM interactions; DELETE FROM quote_events; DELETE FROM quotes; DELETE FROM clients; DELETE FROM templates; DELETE FROM services;");
}

const csvRequest = (body: string, query = "", type = "text/csv") => call(importCsvRoute.POST, { path: `/api/v1/import/clients-csv${query}`, method: "POST", body, headers: { "content-type": type } });

describe("CSV export per entity", () => {
  beforeAll(() => {
    wipe();
    loadAwkwardBook(db);
  });

  test.each(CSV_ENTITIES)("%s: an RFC 4180 attachment with one record per row", async (entity) => {
    const res = await call(exportCsvRoute.GET, { path: `/api/v1/export/csv/${entity}`, params: { entity } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="walkaway-${entity}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
    const text = await res.text();
    // CRLF between records (a line break inside a quoted note is kept as typed)
    expect(text.endsWith("\r\n")).toBe(true);
    const parsed = parseCsv(text);
    const counts = bookCounts(db);
    const expected = { clients: counts.clients, quotes: counts.quotes, events: counts.quoteEvents, interactions: counts.interactions, "time-entries": counts.timeEntries }[entity];
    expect(expected).toBeGreaterThan(0);
    expect(parsed.records).toHaveLength(expected);
    expect(parsed.records.every((r) => r.cells.length === parsed.header.length)).toBe(true);
    // no cell a spreadsheet would run as a formula
    for (const r of parsed.records) for (const c of r.cells) expect(c).not.toMatch(/^[=+\-@\t\r]/);
  });

  test("awkward values: formulas neutralised, quotes and line breaks kept, money as exact decimals", async () => {
    const clients = parseCsv(await (await call(exportCsvRoute.GET, { params: { entity: "clients" } })).text());
    const col = (name: string) => clients.header.indexOf(name);
    const evil = clients.records.find((r) => r.cells[col("name")].includes("HYPERLINK"))!;
    expect(evil.cells[col("name")]).toBe("'=HYPERLINK(\"http://evil.example\",\"click\")");
    expect(evil.cells[col("company")]).toBe("'+Plus, \"Quoted\" & Co");
    expect(evil.cells[col("notes")]).toBe("<script>alert(1)</script>\nline two, with comma");
    expect(clients.records.some((r) => r.cells[col("name")] === "Zoë 😀 日本語")).toBe(true);

    const quotes = parseCsv(await (await call(exportCsvRoute.GET, { params: { entity: "quotes" } })).text());
    const qcol = (name: string) => quotes.header.indexOf(name);
    const jpy = quotes.records.find((r) => r.cells[qcol("currency")] === "JPY")!;
    expect(jpy.cells[qcol("quoted_amount")]).toBe("750000");
    expect(jpy.cells[qcol("title")]).toBe("'-dash title");
    const eur = quotes.records.find((r) => r.cells[qcol("currency")] === "EUR")!;
    expect(eur.cells[qcol("quoted_amount")]).toBe("0.01");

    // a quote's rate as its exact text; a quote in the book's currency has none
    expect(eur.cells[qcol("fx_rate")]).toBe("1.08");
    expect(quotes.records.find((r) => r.cells[qcol("currency")] === "USD")!.cells[qcol("fx_rate")]).toBe("");

    const time = parseCsv(await (await call(exportCsvRoute.GET, { params: { entity: "time-entries" } })).text());
    const tcol = (name: string) => time.header.indexOf(name);
    expect(time.header).toEqual(["id", "quote_id", "quote_title", "client_id", "client_name", "occurred_on", "minutes", "billable", "note", "source_key", "created_at"]);
    const allDay = time.records.find((r) => r.cells[tcol("minutes")] === "1440")!;
    expect(allDay.cells[tcol("quote_title")]).toBe("'-dash title");
    expect(allDay.cells[tcol("note")]).toBe("'=SUM(A1:A9) \"all day\"\nnight too");
    expect(allDay.cells[tcol("billable")]).toBe("true");
    expect(time.records.find((r) => r.cells[tcol("minutes")] === "95")!.cells[tcol("billable")]).toBe("");

    const events = parseCsv(await (await call(exportCsvRoute.GET, { params: { entity: "events" } })).text());
    expect(events.records.some((r) => r.cells[events.header.indexOf("percent_off")] === "12.5")).toBe(true);
  });

  test("an unknown entity is a 404 naming the ones that exist", async () => {
    const res = await call(exportCsvRoute.GET, { params: { entity: "passwords" } });
    expect(res.status).toBe(404);
    expect((await res.json()).error.message).toMatch(/clients, quotes, events, interactions/);
  });
});

describe("client import from CSV", () => {
  beforeEach(() => wipe());

  const sample = [
    "Name,Company,Email,Lead source,Status,Notes,Favourite colour",
    'Acme,"Acme, Inc",ops@acme.example,Referral,active,"Pays on time, ""always""",blue',
    "Beta,,not-an-email,inbound,prospect,,red",
    ",No name Ltd,,,,,",
    "'=Gamma,,,Cold outreach,,\"line1\nline2\",",
    "Delta,,,telepathy,,,",
  ].join("\r\n");

  test("dry run: a preview of what would be created and every row's errors, nothing written", async () => {
    const res = await csvRequest(sample, "?dryRun=1");
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.total).toBe(5);
    expect(body.toCreate.map((r: { line: number; client: { name: string } }) => [r.line, r.client.name])).toEqual([
      [2, "Acme"],
      [5, "=Gamma"],
    ]);
    expect(body.toCreate[0].client).toMatchObject({ company: "Acme, Inc", email: "ops@acme.example", leadSource: "referral", status: "active", notes: 'Pays on time, "always"' });
    expect(body.toCreate[1].client).toMatchObject({ leadSource: "cold_outreach", notes: "line1\nline2" });
    expect(body.errors).toEqual([
      { line: 3, fields: { email: ["Enter a valid email address"] } },
      { line: 4, fields: { name: [expect.any(String)] } },
      { line: 7, fields: { leadSource: ["Choose a lead source"] } },
    ]);
    expect(body.columns.ignored).toEqual(["Favourite colour"]);
    expect(bookCounts(db).clients).toBe(0);
  });

  test("with bad rows the import refuses the whole file (field errors per row) unless skipInvalid=1", async () => {
    const refused = await csvRequest(sample);
    expect(refused.status).toBe(400);
    const err = (await refused.json()).error;
    expect(err.message).toMatch(/3 of 5 rows have problems; nothing was imported/);
    expect(Object.keys(err.fields)).toEqual(["rows.3.email", "rows.4.name", "rows.7.leadSource"]);
    expect(bookCounts(db).clients).toBe(0);

    const partial = await csvRequest(sample, "?skipInvalid=1");
    expect(partial.status).toBe(201);
    const body = await partial.json();
    expect(body).toMatchObject({ created: 2, skipped: 3 });
    expect(q.listClients(db).map((c) => c.name).sort()).toEqual(["=Gamma", "Acme"]);
  });

  test("our own clients CSV imports back to the same clients", async () => {
    loadAwkwardBook(db);
    const before = q.listClients(db).map(({ name, company, email, leadSource, status, notes }) => ({ name, company, email, leadSource, status, notes }));
    const csv = await (await call(exportCsvRoute.GET, { params: { entity: "clients" } })).text();
    wipe();
    const res = await csvRequest(csv);
    expect(res.status).toBe(201);
    const after = q.listClients(db).map(({ name, company, email, leadSource, status, notes }) => ({ name, company, email, leadSource, status, notes }));
    expect(after).toEqual(before);
  });

  test("unusable files: clear 4xx, nothing written", async () => {
    const cases: [string, string, string, number, RegExp][] = [
      ["unterminated quote", 'name\n"Acme', "text/csv", 400, /never closed/],
      ["no name column", "company,email\nAcme,a@b.example", "text/csv", 400, /"name" column/],
      ["empty", "", "text/csv", 400, /empty/i],
      ["header only", "name\n", "text/csv", 400, /no rows/],
      ["JSON instead", '{"name":"x"}', "application/json", 415, /text\/csv/],
    ];
    for (const [what, body, type, status, message] of cases) {
      const res = await csvRequest(body, "", type);
      expect(res.status, what).toBe(status);
      const err = (await res.json()).error;
      expect(err.message, what).toMatch(message);
      if (status === 400) expect(Object.keys(err.fields ?? {}).length, what).toBeGreaterThan(0);
    }
    const bad = await call(importCsvRoute.POST, { path: "/api/v1/import/clients-csv", method: "POST", body: new Uint8Array([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0xff, 0xfe]), headers: { "content-type": "text/csv" } });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/UTF-8/);
    expect(bookCounts(db).clients).toBe(0);
  });
});
