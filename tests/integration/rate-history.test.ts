/**
 * "Raising your rates rewrites the past" no more: the rate card keeps its history, and every quote is
 * judged at the rates in force on its date, through the real route handlers on a real SQLite file.
 *   - a quote accepted last year at last year's target, then a raise today: its settling (client score,
 *     dashboard) does not change; a raise dated before the quote does change it;
 *   - PUT/PATCH without a date corrects the current period only; a change dated later waits for its day;
 *   - export → import (replace and merge) keeps the history; a file from before it gets one from 1970.
 * The migration's backfill is in migrations.test.ts.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`redirect ${url}`);
  },
}));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

import type { DB } from "@/db/connection";
import { addDays } from "@/lib/dates";
import { parseExportFile, type ExportFile } from "@/lib/export-schema";
import { exportBook, importBook } from "@/server/book";
import { todayFor } from "@/server/clock";
import { readyDb } from "@/server/database";
import { loadQuotePage } from "@/server/quote-page";
import { loadRateCard } from "@/server/services";
import { scoreClient } from "@/server/scores";
import { call, content, jsonHeaders, type RouteFn } from "./data-helpers";
import { createTestDb } from "./helpers";
import * as q from "./use-cases";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "walkaway-rate-history-"));
process.env.WALKAWAY_DB = path.join(dir, "book.db");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// route handlers typed with their own path params, called with plain ones
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyRoute = (req: Request, ctx: { params: Promise<any> }) => Promise<Response>;
async function send(fn: AnyRoute, method: string, body?: unknown, params: Record<string, string> = {}, query = "") {
  const res = await call(fn as RouteFn, { method, path: `/api/v1/x${query}`, body: body === undefined ? null : JSON.stringify(body), headers: jsonHeaders, params });
  return { status: res.status, body: res.status === 204 ? null : await res.json() };
}

const routes = {
  services: () => import("@/app/api/v1/services/route"),
  service: () => import("@/app/api/v1/services/[id]/route"),
  rates: () => import("@/app/api/v1/services/[id]/rates/route"),
  clients: () => import("@/app/api/v1/clients/route"),
  score: () => import("@/app/api/v1/clients/[id]/score/route"),
  quotes: () => import("@/app/api/v1/quotes/route"),
  dashboard: () => import("@/app/api/v1/dashboard/route"),
};

let db: DB;
let today = "";
let lastYear = "";
let serviceId = 0;
let clientId = 0;
/** sent and accepted a year ago at $100/h, the target then */
let oldQuoteId = 0;
/** sent and accepted today at $100/h */
let newQuoteId = 0;
const sid = () => ({ id: String(serviceId) });

async function settling() {
  const score = await send((await routes.score()).GET, "GET", undefined, { id: String(clientId) });
  expect(score.status).toBe(200);
  const byQuote = new Map<number, { settles: boolean; moneyLeftOnTable: number; belowTarget: boolean }>(score.body.settling.quotes.map((s: { quoteId: number }) => [s.quoteId, s]));
  const dash = await send((await routes.dashboard()).GET, "GET", undefined, {}, "?range=all");
  expect(dash.status).toBe(200);
  return {
    old: byQuote.get(oldQuoteId)!,
    new: byQuote.get(newQuoteId)!,
    client: { settledCount: score.body.settling.settledCount, moneyLeftOnTable: score.body.settling.moneyLeftOnTable },
    dashboard: { belowTargetQuotes: dash.body.headline.settling.belowTargetQuotes, moneyLeft: dash.body.headline.settling.moneyLeft },
  };
}

const rates = (targetRate: number, floorRate: number, marketRate: number) => ({ marketRate, targetRate, floorRate });

beforeAll(async () => {
  db = await readyDb();
  today = todayFor(db);
  lastYear = addDays(today, -365);
  const created = await send((await routes.services()).POST, "POST", { name: "Web", unit: "hour", currency: "USD", ...rates(10000, 7000, 12000) });
  expect(created.status).toBe(201);
  serviceId = created.body.id;
  clientId = (await send((await routes.clients()).POST, "POST", { name: "Acme", leadSource: "referral", status: "active" })).body.id;
  const quote = (sentOn: string, title: string) => ({ clientId, serviceId, title, estimatedMinutes: 600, quotedAmount: 100000, agreedAmount: 100000, currency: "USD", status: "accepted", sentOn, decidedOn: sentOn });
  const old = await send((await routes.quotes()).POST, "POST", quote(lastYear, "Last year's site"));
  expect(old.status).toBe(201);
  oldQuoteId = old.body.id;
  newQuoteId = (await send((await routes.quotes()).POST, "POST", quote(today, "This year's site"))).body.id;
});

describe("rates in force then", () => {
  test("a new service has one history row, since the beginning, at its rates", async () => {
    const res = await send((await routes.rates()).GET, "GET", undefined, sid());
    expect(res.status).toBe(200);
    expect(res.body.service).toMatchObject({ id: serviceId, targetRate: 10000 });
    expect(res.body.rates).toEqual([expect.objectContaining({ serviceId, effectiveFrom: "1970-01-01", ...rates(10000, 7000, 12000) })]);
  });

  test("a raise today: last year's quote keeps its judgement (client score and dashboard); today's quote is judged at the new target", async () => {
    const before = await settling();
    expect(before.old).toMatchObject({ settles: false, moneyLeftOnTable: 0 });
    expect(before.new).toMatchObject({ settles: false, moneyLeftOnTable: 0 });
    expect(before.dashboard).toEqual({ belowTargetQuotes: 0, moneyLeft: 0 });

    const raise = await send((await routes.rates()).POST, "POST", { effectiveFrom: today, ...rates(15000, 10000, 18000) }, sid());
    expect(raise.status).toBe(201);
    // the rate card row holds the rates in force today
    expect(raise.body.service).toMatchObject({ id: serviceId, ...rates(15000, 10000, 18000) });
    expect(raise.body.rates.map((r: { effectiveFrom: string; targetRate: number }) => [r.effectiveFrom, r.targetRate])).toEqual([
      ["1970-01-01", 10000],
      [today, 15000],
    ]);
    expect((await send((await routes.service()).GET, "GET", undefined, sid())).body.targetRate).toBe(15000);

    const after = await settling();
    expect(after.old).toEqual(before.old);
    expect(after.new).toMatchObject({ settles: true, belowTarget: true, moneyLeftOnTable: 50000 });
    expect(after.client).toEqual({ settledCount: 1, moneyLeftOnTable: 50000 });
    expect(after.dashboard).toEqual({ belowTargetQuotes: 1, moneyLeft: 50000 });
  });

  test("a raise dated before last year's quote changes its judgement; the rate card row keeps today's rates", async () => {
    const res = await send((await routes.rates()).POST, "POST", { effectiveFrom: addDays(lastYear, -30), ...rates(12000, 8000, 14000) }, sid());
    expect(res.status).toBe(201);
    expect(res.body.service.targetRate).toBe(15000);
    const after = await settling();
    expect(after.old).toMatchObject({ settles: true, belowTarget: true, moneyLeftOnTable: 20000 });
    expect(after.new).toMatchObject({ moneyLeftOnTable: 50000 });
    expect(after.client).toEqual({ settledCount: 2, moneyLeftOnTable: 70000 });
    expect(after.dashboard).toEqual({ belowTargetQuotes: 2, moneyLeft: 70000 });
  });

  test("the quote page measures a quote against the rates in force on its date", () => {
    const page = loadQuotePage(db, oldQuoteId, { checkOffer: false });
    expect(page.service).toMatchObject({ id: serviceId, ...rates(12000, 8000, 14000) });
    expect(page.ratesOn).toBe(lastYear);
    expect(page.services.find((s) => s.id === serviceId)!.targetRate).toBe(15000);
    expect(loadQuotePage(db, newQuoteId, { checkOffer: false }).service!.targetRate).toBe(15000);
  });

  test("PUT with changed rates and no date corrects the current period only; a PATCH of the name leaves the history alone", async () => {
    const current = (await send((await routes.service()).GET, "GET", undefined, sid())).body;
    const put = await send((await routes.service()).PUT, "PUT", { ...current, id: undefined, ...rates(16000, 10000, 18000) }, sid());
    expect(put.status).toBe(200);
    expect(put.body.targetRate).toBe(16000);
    const history = (await send((await routes.rates()).GET, "GET", undefined, sid())).body.rates;
    expect(history.map((r: { effectiveFrom: string; targetRate: number }) => [r.effectiveFrom, r.targetRate])).toEqual([
      ["1970-01-01", 10000],
      [addDays(lastYear, -30), 12000],
      [today, 16000],
    ]);
    const after = await settling();
    expect(after.old.moneyLeftOnTable).toBe(20000);
    expect(after.new.moneyLeftOnTable).toBe(60000);

    expect((await send((await routes.service()).PATCH, "PATCH", { name: "Web development" }, sid())).status).toBe(200);
    expect((await send((await routes.rates()).GET, "GET", undefined, sid())).body.rates).toEqual(history);
  });

  test("a change dated later than today waits for its day: the rate card row keeps today's rates; the same day again replaces it", async () => {
    const later = addDays(today, 30);
    const first = await send((await routes.rates()).POST, "POST", { effectiveFrom: later, ...rates(20000, 12000, 22000) }, sid());
    expect(first.status).toBe(201);
    expect(first.body.service.targetRate).toBe(16000);
    expect(first.body.rates).toHaveLength(4);
    const again = await send((await routes.rates()).POST, "POST", { effectiveFrom: later, ...rates(21000, 12000, 22000) }, sid());
    expect(again.body.rates).toHaveLength(4);
    expect(again.body.rates.at(-1)).toMatchObject({ effectiveFrom: later, targetRate: 21000 });
    // nothing dated today or before is judged by it
    expect((await settling()).client).toEqual({ settledCount: 2, moneyLeftOnTable: 80000 });
    // the rate card page shows every row
    expect(loadRateCard(db).find((c) => c.service.id === serviceId)!.rates.map((r) => r.targetRate)).toEqual([10000, 12000, 16000, 21000]);
  });

  test("bad input: 400 with field errors; an unknown service: 404; nothing written", async () => {
    const before = (await send((await routes.rates()).GET, "GET", undefined, sid())).body.rates;
    const floor = await send((await routes.rates()).POST, "POST", { effectiveFrom: today, ...rates(10000, 10001, 12000) }, sid());
    expect(floor.status).toBe(400);
    expect(Object.keys(floor.body.error.fields)).toEqual(["floorRate"]);
    const date = await send((await routes.rates()).POST, "POST", { effectiveFrom: "2025-02-30", ...rates(10000, 7000, 12000) }, sid());
    expect(date.status).toBe(400);
    expect(Object.keys(date.body.error.fields)).toEqual(["effectiveFrom"]);
    expect((await send((await routes.rates()).GET, "GET", undefined, { id: "999999" })).status).toBe(404);
    expect((await send((await routes.rates()).POST, "POST", { effectiveFrom: today, ...rates(10000, 7000, 12000) }, { id: "999999" })).status).toBe(404);
    expect((await send((await routes.rates()).GET, "GET", undefined, sid())).body.rates).toEqual(before);
  });

  test("the rate card's form (server action): rates typed in the service's currency; an error keeps what was typed", async () => {
    const { changeServiceRatesAction } = await import("@/app/actions/services");
    const jpy = q.createService(db, { name: "Consulting JPY", unit: "day", currency: "JPY", marketRate: 120000, targetRate: 100000, floorRate: 80000 });
    const form = (values: Record<string, string>) => {
      const fd = new FormData();
      for (const [k, v] of Object.entries(values)) fd.append(k, v);
      return fd;
    };
    const ok = await changeServiceRatesAction(jpy.id, { status: "idle" }, form({ effectiveFrom: today, marketRate: "130,000", targetRate: "110000", floorRate: "85000" }));
    expect(ok).toMatchObject({ status: "ok" });
    expect(q.getServiceRates(db, jpy.id).rates.map((r) => [r.effectiveFrom, r.targetRate])).toEqual([
      ["1970-01-01", 100000],
      [today, 110000],
    ]);
    expect(q.getService(db, jpy.id).targetRate).toBe(110000);
    const bad = await changeServiceRatesAction(jpy.id, { status: "idle" }, form({ effectiveFrom: today, marketRate: "130000", targetRate: "100", floorRate: "85000" }));
    expect(bad).toMatchObject({ status: "error", fields: { floorRate: [expect.any(String)] }, values: { targetRate: "100" } });
    expect(await changeServiceRatesAction(999_999, { status: "idle" }, form({ effectiveFrom: today, marketRate: "1", targetRate: "1", floorRate: "1" }))).toMatchObject({ status: "error" });
    q.deleteService(db, jpy.id);
  });

  test("deleting a service deletes its history", async () => {
    const other = await send((await routes.services()).POST, "POST", { name: "Throwaway", unit: "day", currency: "USD", ...rates(60000, 40000, 70000) });
    await send((await routes.rates()).POST, "POST", { effectiveFrom: today, ...rates(65000, 40000, 70000) }, { id: String(other.body.id) });
    const count = () => (db.$client.prepare("SELECT count(*) AS n FROM service_rates WHERE service_id = ?").get(other.body.id) as { n: number }).n;
    expect(count()).toBe(2);
    expect((await send((await routes.service()).DELETE, "DELETE", undefined, { id: String(other.body.id) })).status).toBe(204);
    expect(count()).toBe(0);
  });
});

describe("export and import keep the history", () => {
  const viaJson = (f: ExportFile): unknown => JSON.parse(JSON.stringify(f));
  function parse(f: unknown): ExportFile {
    const p = parseExportFile(f);
    if (!p.ok) throw new Error(`${p.message}\n${JSON.stringify(p.fields)}`);
    return p.file;
  }
  const judged = (target: DB, id: number) =>
    scoreClient(target, id).assessment.settling.quotes.map((s) => ({ settles: s.settles, moneyLeftOnTable: s.moneyLeftOnTable, belowTarget: s.belowTarget }));

  test("export → replace → export: identical, history included; the quotes are judged the same", async () => {
    const file = exportBook(db);
    expect(file.serviceRates!.filter((r) => r.serviceId === serviceId)).toHaveLength(4);
    const b = await createTestDb();
    try {
      const result = importBook(b.db, parse(viaJson(file)), "replace");
      expect(result.created.serviceRates).toBe(file.serviceRates!.length);
      expect(content(exportBook(b.db))).toEqual(content(file));
      expect(judged(b.db, clientId)).toEqual(judged(db, clientId));
    } finally {
      b.close();
    }
  });

  test("merge: the history is remapped to the new service; a service reused from the book keeps the book's history", async () => {
    const file = exportBook(db);
    const b = await createTestDb();
    try {
      // a book with its own "Web development" (same unit and currency: reused) and another id layout
      q.createService(b.db, { name: "Filler", unit: "hour", currency: "USD", ...rates(5000, 4000, 6000) });
      const result = importBook(b.db, parse(viaJson(file)), "merge");
      const mapped = q.listServices(b.db).find((s) => s.name === "Web development")!;
      expect(mapped.id).not.toBe(serviceId);
      const strip = (rows: NonNullable<ExportFile["serviceRates"]>) => rows.map(({ id: _id, serviceId: _s, ...r }) => r);
      const after = exportBook(b.db);
      expect(strip(after.serviceRates!.filter((r) => r.serviceId === mapped.id))).toEqual(strip(file.serviceRates!.filter((r) => r.serviceId === serviceId)));
      expect(result.created.serviceRates).toBe(file.serviceRates!.length);
      const newClient = q.listClients(b.db).find((c) => c.name === "Acme")!;
      expect(judged(b.db, newClient.id)).toEqual(judged(db, clientId));

      // merged again: every service is reused, its history is the book's (nothing added)
      const again = importBook(b.db, parse(viaJson(file)), "merge");
      expect(again.reusedServices).toBe(file.services.length);
      expect(again.created.serviceRates).toBe(0);
      expect(exportBook(b.db).serviceRates).toEqual(after.serviceRates);
    } finally {
      b.close();
    }
  });

  test("a file from before the history: each service's rates become its history from 1970-01-01 (replace and merge)", async () => {
    const { serviceRates: _rates, ...old } = viaJson(exportBook(db)) as ExportFile;
    for (const mode of ["replace", "merge"] as const) {
      const b = await createTestDb();
      try {
        importBook(b.db, parse(old), mode);
        const after = exportBook(b.db);
        expect(after.serviceRates!.map(({ serviceId: s, effectiveFrom, marketRate, targetRate, floorRate }) => ({ s, effectiveFrom, marketRate, targetRate, floorRate }))).toEqual(
          after.services.map((s) => ({ s: s.id, effectiveFrom: "1970-01-01", marketRate: s.marketRate, targetRate: s.targetRate, floorRate: s.floorRate })),
        );
      } finally {
        b.close();
      }
    }
  });

  test("a bad history is refused with the row named: unknown service, two rows from one day, floor above target", () => {
    const good = viaJson(exportBook(db)) as ExportFile;
    const edit = (fn: (f: ExportFile) => void) => {
      const f = JSON.parse(JSON.stringify(good)) as ExportFile;
      fn(f);
      return parseExportFile(f);
    };
    const unknown = edit((f) => (f.serviceRates![0].serviceId = 999_999));
    expect(unknown.ok).toBe(false);
    expect(!unknown.ok && Object.keys(unknown.fields)).toContain("serviceRates[0].serviceId");
    const twice = edit((f) => (f.serviceRates![1].effectiveFrom = f.serviceRates![0].effectiveFrom));
    expect(!twice.ok && Object.keys(twice.fields)).toContain("serviceRates[1].effectiveFrom");
    const floor = edit((f) => (f.serviceRates![0].floorRate = f.serviceRates![0].targetRate + 1));
    expect(!floor.ok && Object.keys(floor.fields)).toContain("serviceRates[0].floorRate");
  });
});
