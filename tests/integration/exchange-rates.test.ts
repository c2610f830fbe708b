/**
 * Money in any currency, on a real SQLite file through the API routes (in-process):
 *   - GET/POST /api/v1/exchange-rates and DELETE /[id]: add (the same currency and day replaces its
 *     rate), list, delete; a bad rate or the book's own currency → 400 on that field, nothing stored;
 *   - a EUR quote takes the kept rate in force on its date and counts in the client's pay and in the
 *     dashboard's totals in USD at that rate, to the cent;
 *   - a GBP quote with no kept rate and none typed → 400 on fxRate, nothing stored; typed, it is kept;
 *   - a quote in another currency with no rate (old data) is named by the dashboard, never left out silently;
 *   - the offer check's recording takes the kept rate, or asks for one on fxRate.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

// The route handlers read WALKAWAY_DB through the shared connection: point it at a temp file first.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "walkaway-fx-"));
process.env.WALKAWAY_DB = path.join(dir, "book.db");
process.env.WALKAWAY_BACKUP_DIR = path.join(dir, "backups");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

import type { DB } from "@/db/connection";
import { rateInForce } from "@/lib/exchange-rates";
import { call, jsonHeaders, type RouteFn } from "./data-helpers";
import * as q from "./use-cases";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyRoute = (req: Request, ctx: { params: Promise<any> }) => Promise<Response>;
async function send(fn: AnyRoute, method: string, body?: unknown, params: Record<string, string> = {}) {
  const res = await call(fn as RouteFn, { method, path: "/api/v1/x", body: body === undefined ? null : JSON.stringify(body), headers: jsonHeaders, params });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

let db: DB;
let rates: typeof import("@/app/api/v1/exchange-rates/route");
let rate: typeof import("@/app/api/v1/exchange-rates/[id]/route");
let quotes: typeof import("@/app/api/v1/quotes/route");
let dashboard: typeof import("@/app/api/v1/dashboard/route");
let score: typeof import("@/app/api/v1/clients/[id]/score/route");
let offers: typeof import("@/app/api/v1/offers/record/route");
const count = (table: string) => (db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

beforeAll(async () => {
  const { readyDb } = await import("@/server/database");
  db = await readyDb();
  expect(q.getSettings(db).currency).toBe("USD");
  rates = await import("@/app/api/v1/exchange-rates/route");
  rate = await import("@/app/api/v1/exchange-rates/[id]/route");
  quotes = await import("@/app/api/v1/quotes/route");
  dashboard = await import("@/app/api/v1/dashboard/route");
  score = await import("@/app/api/v1/clients/[id]/score/route");
  offers = await import("@/app/api/v1/offers/record/route");
});

describe("the API: add, list, delete", () => {
  test("add (a decimal comma read as a point), the same currency and day replaces, a later day adds a row; delete", async () => {
    const a = await send(rates.POST, "POST", { currency: "CHF", rate: "1,13", effectiveFrom: "2026-01-01" });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ currency: "CHF", bookCurrency: "USD", effectiveFrom: "2026-01-01", rate: "1.13" });

    const again = await send(rates.POST, "POST", { currency: "CHF", rate: "1.14", effectiveFrom: "2026-01-01" });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(a.body.id);
    const later = await send(rates.POST, "POST", { currency: "CHF", rate: "1.2", effectiveFrom: "2026-05-01" });
    expect(later.status).toBe(201);

    const list = await send(rates.GET, "GET");
    expect(list.status).toBe(200);
    expect(list.body.bookCurrency).toBe("USD");
    expect(list.body.rates.filter((r: { currency: string }) => r.currency === "CHF").map((r: { effectiveFrom: string; rate: string }) => [r.effectiveFrom, r.rate])).toEqual([
      ["2026-01-01", "1.14"],
      ["2026-05-01", "1.2"],
    ]);

    const one = await send(rate.GET, "GET", undefined, { id: String(later.body.id) });
    expect(one.body.rate).toBe("1.2");
    expect((await send(rate.DELETE, "DELETE", undefined, { id: String(later.body.id) })).status).toBe(204);
    expect((await send(rate.DELETE, "DELETE", undefined, { id: String(later.body.id) })).status).toBe(404);
    expect((await send(rate.DELETE, "DELETE", undefined, { id: "abc" })).status).toBe(404);
    expect((await send(rates.GET, "GET")).body.rates.filter((r: { currency: string }) => r.currency === "CHF")).toHaveLength(1);
    expect((await send(rate.DELETE, "DELETE", undefined, { id: String(a.body.id) })).status).toBe(204);
  });

  test("effectiveFrom left out: from the book's today", async () => {
    const { todayFor } = await import("@/server/clock");
    const r = await send(rates.POST, "POST", { currency: "SEK", rate: "0.095" });
    expect(r.status).toBe(201);
    expect(r.body.effectiveFrom).toBe(todayFor(db));
    expect((await send(rate.DELETE, "DELETE", undefined, { id: String(r.body.id) })).status).toBe(204);
  });

  test.each([
    { body: { currency: "EUR", rate: "abc", effectiveFrom: "2026-01-01" }, field: "rate", message: /plain number/ },
    { body: { currency: "EUR", rate: "0", effectiveFrom: "2026-01-01" }, field: "rate", message: /above zero/ },
    { body: { currency: "EUR", rate: "-1", effectiveFrom: "2026-01-01" }, field: "rate", message: /above zero/ },
    { body: { currency: "EUR", rate: "1e3", effectiveFrom: "2026-01-01" }, field: "rate", message: /plain number/ },
    { body: { currency: "EUR", rate: "", effectiveFrom: "2026-01-01" }, field: "rate", message: /Enter the rate/ },
    { body: { currency: "EUR", effectiveFrom: "2026-01-01" }, field: "rate", message: /Enter the rate/ },
    { body: { currency: "USD", rate: "1", effectiveFrom: "2026-01-01" }, field: "currency", message: /book's currency/ },
    { body: { currency: "ABC", rate: "1.1", effectiveFrom: "2026-01-01" }, field: "currency", message: /ISO 4217/ },
    { body: { currency: "EUR", rate: "1.1", effectiveFrom: "2026-02-30" }, field: "effectiveFrom", message: /./ },
  ])("refused on $field: $body", async ({ body, field, message }) => {
    const before = count("exchange_rates");
    const r = await send(rates.POST, "POST", body);
    expect(r.status).toBe(400);
    expect(Object.keys(r.body.error.fields)).toEqual([field]);
    expect(r.body.error.fields[field][0]).toMatch(message);
    expect(count("exchange_rates")).toBe(before);
  });
});

describe("a quote in another currency counts in the book's", () => {
  let clientId: number;
  let serviceId: number;
  let eurQuoteId: number;
  beforeAll(async () => {
    clientId = q.createClient(db, { name: "Zürich GmbH", leadSource: "referral", status: "active" }).id;
    // priced in the book's currency: $100/h target, $60/h floor
    serviceId = q.createService(db, { name: "Consulting", unit: "hour", currency: "USD", marketRate: 12000, targetRate: 10000, floorRate: 6000 }).id;
    expect((await send(rates.POST, "POST", { currency: "EUR", rate: "1.08", effectiveFrom: "2026-01-01" })).status).toBe(201);
    expect((await send(rates.POST, "POST", { currency: "EUR", rate: "1.2", effectiveFrom: "2026-06-01" })).status).toBe(201);
  });

  test("a EUR quote takes the rate in force on its date and counts, to the cent, in the client's pay and the dashboard", async () => {
    // €900.00 for 10 h, decided in March: 1 EUR = 1.08 USD then (1.2 only from June)
    const created = await send(quotes.POST, "POST", {
      clientId,
      serviceId,
      title: "Audit in euros",
      estimatedMinutes: 600,
      quotedAmount: 90000,
      currency: "EUR",
      status: "accepted",
      sentOn: "2026-03-01",
      decidedOn: "2026-03-10",
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ currency: "EUR", quotedAmount: 90000, agreedAmount: 90000, fxRate: "1.08" });

    // €900 × 1.08 = $972.00 → $97.20/h, under the $100 target: $1,000.00 − $972.00 = $28.00 left on the table
    const s = await send(score.GET, "GET", undefined, { id: String(clientId) });
    expect(s.status).toBe(200);
    const settled = s.body.settling.quotes.find((x: { quoteId: number }) => x.quoteId === created.body.id);
    expect(settled).toMatchObject({ accepted: true, effectiveRate: 9720, belowTarget: true, belowFloor: false, moneyLeftOnTable: 2800 });
    expect(s.body.settling.moneyLeftOnTable).toBe(2800);
    const pay = s.body.criteria.find((c: { key: string }) => c.key === "pay");
    expect(pay.evidenceCount).toBe(1);
    expect(pay.score).not.toBeNull();
    expect(pay.evidence.join(" ")).not.toMatch(/another currency/);

    const d = await send(dashboard.GET, "GET");
    expect(d.status).toBe(200);
    expect(d.body.currency).toBe("USD");
    const all = await call(dashboard.GET as RouteFn, { path: "/api/v1/dashboard?range=all" });
    const dash = await all.json();
    expect(dash.headline.settling).toMatchObject({ acceptedQuotes: 1, revenue: 97200, moneyLeft: 2800, otherCurrencyQuotes: 0, belowTargetQuotes: 1 });
    expect(dash.lackingRate).toEqual([]);
    const byClient = dash.where.byClient.find((g: { clientId: number }) => g.clientId === clientId);
    expect(byClient).toMatchObject({ revenue: 97200, moneyLeft: 2800 });
    // no time logged yet: estimate vs actual has nothing to compare
    expect(dash.estimates.totals.jobs).toBe(0);
    eurQuoteId = created.body.id;
  });

  test("a typed rate wins over the kept one", async () => {
    const r = await send(quotes.POST, "POST", { clientId, title: "Typed rate", estimatedMinutes: 60, quotedAmount: 10000, currency: "EUR", fxRate: "1,1", status: "sent", sentOn: "2026-03-01" });
    expect(r.status).toBe(201);
    expect(r.body.fxRate).toBe("1.1");
  });

  test("a GBP quote with no kept rate and none typed: 400 on fxRate, nothing stored; with a rate typed, kept", async () => {
    const before = count("quotes");
    const body = { clientId, serviceId, title: "In pounds", estimatedMinutes: 600, quotedAmount: 80000, currency: "GBP", status: "sent", sentOn: "2026-03-01" };
    const r = await send(quotes.POST, "POST", body);
    expect(r.status).toBe(400);
    expect(Object.keys(r.body.error.fields)).toEqual(["fxRate"]);
    expect(r.body.error.fields.fxRate[0]).toMatch(/in GBP and your book in USD/);
    expect(count("quotes")).toBe(before);

    const bad = await send(quotes.POST, "POST", { ...body, fxRate: "abc" });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(["fxRate"]);
    expect(count("quotes")).toBe(before);

    const ok = await send(quotes.POST, "POST", { ...body, fxRate: "1.27" });
    expect(ok.status).toBe(201);
    expect(ok.body.fxRate).toBe("1.27");
  });

  test("a quote in another currency with no rate (old data) is named by the dashboard, never silently left out", async () => {
    const r = await send(quotes.POST, "POST", { clientId, title: "Old yen job", estimatedMinutes: 600, quotedAmount: 150000, currency: "JPY", fxRate: "0.0067", status: "accepted", sentOn: "2026-02-01", decidedOn: "2026-02-02" });
    expect(r.status).toBe(201);
    // as an import or a "keep" currency change would leave it: no rate
    db.$client.prepare("UPDATE quotes SET fx_rate = NULL WHERE id = ?").run(r.body.id);
    const dash = await (await call(dashboard.GET as RouteFn, { path: "/api/v1/dashboard?range=all" })).json();
    expect(dash.lackingRate).toEqual([{ quoteId: r.body.id, clientId, clientName: "Zürich GmbH", title: "Old yen job", currency: "JPY", status: "accepted" }]);
    expect(dash.headline.settling.otherCurrencyQuotes).toBe(1);
    // its money is not added in: revenue is still the EUR quote's $972.00
    expect(dash.headline.settling.revenue).toBe(97200);
  });

  test("the offer check's recording takes the kept rate in force today, or asks for one on fxRate", async () => {
    const { todayFor } = await import("@/server/clock");
    const base = { clientId, scopeAmount: 10, scopeUnit: "hours", offeredAmount: 50000, decision: "declined", reason: "price" };
    const eur = await send(offers.POST, "POST", { ...base, currency: "EUR" });
    expect(eur.status).toBeLessThan(300);
    const kept = q.listQuotes(db).find((x) => x.id === (eur.body.quote?.id ?? eur.body.quoteId));
    const want = rateInForce((await send(rates.GET, "GET")).body.rates, "EUR", todayFor(db));
    expect(kept?.fxRate).toBe(want);

    const before = count("quotes");
    const nok = await send(offers.POST, "POST", { ...base, currency: "NOK" });
    expect(nok.status).toBe(400);
    expect(Object.keys(nok.body.error.fields)).toEqual(["fxRate"]);
    expect(count("quotes")).toBe(before);
  });

  test("time logged on it: estimate vs actual in the dashboard JSON, its money in USD", async () => {
    const { addTimeEntry } = await import("@/server/time-entries");
    // 15 h on the 10 h job: +50%; crept (over the 20% threshold)
    addTimeEntry(db, eurQuoteId, { occurredOn: "2026-03-05", minutes: 480 });
    addTimeEntry(db, eurQuoteId, { occurredOn: "2026-03-06", minutes: 420 });
    const dash = await (await call(dashboard.GET as RouteFn, { path: "/api/v1/dashboard?range=all" })).json();
    // $972.00 over 10 h estimated = $97.20/h; over 15 h logged = $64.80/h
    expect(dash.estimates.totals).toEqual({ jobs: 1, estimateMinutes: 600, actualMinutes: 900, overrunBp: 5000, creptJobs: 1, pricedJobs: 1, agreed: 97200, estimateRate: 9720, trueRate: 6480 });
    expect(dash.estimates.byClient.map((g: { clientId: number; overrunBp: number }) => [g.clientId, g.overrunBp])).toEqual([[clientId, 5000]]);
    expect(dash.estimates.byService.map((g: { label: string; jobs: number }) => [g.label, g.jobs])).toEqual([["Consulting", 1]]);
    expect(dash.estimates.chartClients).toEqual([String(clientId)]);
    // the pay is now judged on the 15 h: $1,500.00 at target − $972.00 = $528.00 left on the table
    expect(dash.headline.settling.moneyLeft).toBe(52800);
  });
});

describe("Settings' amounts in other currencies", () => {
  test("a quote that carries its exchange rate is not offered for re-expressing; one without a rate is", async () => {
    const { currencyUsage } = await import("@/server/currency");
    const { insertQuote } = await import("@/db/quotes");
    const client = db.$client.prepare("SELECT id FROM clients LIMIT 1").get() as { id: number };
    const usd = db.$client.prepare("SELECT currency FROM settings WHERE id = 1").get() as { currency: string } | undefined;
    expect(usd?.currency ?? "USD").toBe("USD");
    const chf = () => currencyUsage(db).others.find((o) => o.currency === "CHF")?.quotes ?? 0;
    const base = { clientId: client.id, serviceId: null, scope: null, rejectionReason: null, cameBackAtMyPrice: false, title: "Swiss job", estimatedMinutes: 600, quotedAmount: 100000, currency: "CHF", status: "accepted" as const, agreedAmount: 100000, sentOn: "2026-01-05", decidedOn: "2026-01-06" };
    insertQuote(db, { ...base, fxRate: "1.12" });
    expect(chf()).toBe(0);
    // an old quote from before exchange rates (no rate): named, and offered for converting
    insertQuote(db, { ...base, fxRate: null });
    expect(chf()).toBe(1);
  });
});
