/**
 * Changing the book's currency (server/currency.ts) on a real SQLite file:
 *   - a new currency while the book holds money in the old one must say what to do (convert / keep);
 *   - "convert" re-expresses every money column exactly once, rounded half away from zero to the
 *     target's minor unit (checked against an independent integer oracle), backup first, one transaction;
 *   - amounts in a third currency are left alone; JPY (no minor unit) is respected;
 *   - a bad rate ("abc", "0", "-1", …) is a field error on `rate` and changes nothing, not even a backup;
 *   - a failure half-way (a trigger on the last table written) rolls everything back;
 *   - "keep" leaves the amounts in the old currency, and the dashboard counts them apart;
 *   - the rate of a quote in another currency (and the rates kept in Settings) follow the book's currency:
 *     re-expressed exactly (f × r, f ÷ r, 10 decimals), none in the book's own currency;
 *   - proposals move with their quote's currency (the rates they were priced at, their minimum fee, their
 *     options' prices), and the minimum fee in Settings with the book's.
 * Also through the API: PUT /api/v1/settings and POST /api/v1/settings/reexpress.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeEach, describe, expect, test, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

import type { DB } from "@/db/connection";
import { DEFAULT_FILTERS } from "@/lib/dashboard";
import { isAppError } from "@/lib/errors";
import { settingsChangeSchema } from "@/lib/book-setup-schemas";
import { settingsSchema } from "@/lib/schemas";
import { changeSettings, currencyUsage, reexpressBook } from "@/server/currency";
import { loadDemoBook } from "@/server/demo";
import { clientRates, ratePlans } from "@/db/schema";
import { DEMO_BOOK } from "@/server/demo-book";
import { getDashboard } from "@/server/dashboard";
import { call, jsonHeaders, type RouteFn } from "./data-helpers";
import { upsertExchangeRate } from "@/db/exchange-rates";
import { exportBook, importBook } from "@/server/book";
import { parseExportFile, type ExportFile } from "@/lib/export-schema";
import { createTestDb } from "./helpers";
import { writeTransaction } from "@/db/connection";
import { saveProposalRows } from "@/db/proposals";
import * as q from "./use-cases";

type Snapshot = Record<string, Record<string, unknown>[]>;
/** Every money column (and currency) of the book, straight from SQLite. */
function snapshot(db: DB): Snapshot {
  const s = db.$client;
  return {
    services: s.prepare("SELECT id, currency, market_rate, target_rate, floor_rate FROM services ORDER BY id").all() as Record<string, unknown>[],
    serviceRates: s.prepare("SELECT id, service_id, market_rate, target_rate, floor_rate FROM service_rates ORDER BY id").all() as Record<string, unknown>[],
    quotes: s.prepare("SELECT id, currency, quoted_amount, agreed_amount, fx_rate FROM quotes ORDER BY id").all() as Record<string, unknown>[],
    events: s.prepare("SELECT e.id, q.currency, e.amount FROM quote_events e JOIN quotes q ON q.id = e.quote_id ORDER BY e.id").all() as Record<string, unknown>[],
    interactions: s.prepare("SELECT id, amount FROM interactions ORDER BY id").all() as Record<string, unknown>[],
    settings: s.prepare("SELECT currency, minimum_fee FROM settings").all() as Record<string, unknown>[],
    proposals: s.prepare("SELECT id, currency, floor_rate, target_rate, market_rate, minimum_fee FROM proposals ORDER BY id").all() as Record<string, unknown>[],
    proposalOptions: s.prepare("SELECT o.id, p.currency, o.price, o.rate_card_price FROM proposal_options o JOIN proposals p ON p.id = o.proposal_id ORDER BY o.id").all() as Record<string, unknown>[],
    exchangeRates: s.prepare("SELECT currency, book_currency, effective_from, rate FROM exchange_rates ORDER BY id").all() as Record<string, unknown>[],
    clientRates: s.prepare("SELECT id, rate FROM client_rates ORDER BY id").all() as Record<string, unknown>[],
    ratePlans: s.prepare("SELECT id, currency, current_rate, target_rate, new_rate, outcome_rate FROM rate_plans ORDER BY id").all() as Record<string, unknown>[],
  };
}

/** The oracle, independent of lib/: a × p / 10^k (same number of decimals on both sides), half up. */
const halfUp = (a: number, p: number, k: number) => (a === null ? null : Math.floor((a * p * 2 + 10 ** k) / (2 * 10 ** k)));

let ctx: Awaited<ReturnType<typeof createTestDb>>;
let backups: string;
let eurQuote: number;
/** the demo book's quotes (all in the book's currency) */
const DEMO_QUOTES = DEMO_BOOK.reduce((n, c) => n + c.quotes.length, 0);
/** the minimum fee in Settings (USD cents) when the demo was loaded: its two proposals carry it */
const MIN_FEE = 33_335;
beforeEach(async () => {
  ctx = await createTestDb();
  backups = path.join(ctx.dir, "backups");
  q.updateSettings(ctx.db, { ...q.getSettings(ctx.db), minimumFee: MIN_FEE });
  loadDemoBook(ctx.db);
  const c = q.createClient(ctx.db, { name: "Euro client", leadSource: "other", status: "active" });
  // 1 EUR = 1.08 USD, typed on the quote; and a rate kept in Settings for euros in dollars
  const eq = q.createQuote(ctx.db, { clientId: c.id, title: "In euros", estimatedMinutes: 600, quotedAmount: 123457, currency: "EUR", fxRate: "1.08", status: "sent" });
  upsertExchangeRate(ctx.db, { currency: "EUR", bookCurrency: "USD", effectiveFrom: "2020-01-01", rate: "1.1" });
  q.addQuoteEvent(ctx.db, eq.id, { kind: "client_counter", amount: 100001 });
  eurQuote = eq.id;
  // a proposal in euros on it: it moves only with euro amounts
  writeTransaction(ctx.db, (t) =>
    saveProposalRows(
      t,
      { quoteId: eq.id, currency: "EUR", unit: "hour", floorRate: 7_001, targetRate: 9_999, marketRate: 11_111, rush: false, rushMultiplierPct: 150, hoursPerDay: 8, minimumFee: 55_555, belowFloorConfirmed: false, intro: null, terms: null, expiresOn: "2099-01-01" },
      [{ name: "Part one", minutes: 300 }, { name: "Part two", minutes: 300 }],
      [
        { name: "Half", summary: null, minutes: 300, price: 55_555, priceSource: "minimum_fee", rateCardPrice: 49_995, items: [0] },
        { name: "Whole", summary: null, minutes: 600, price: 123_457, priceSource: "custom", rateCardPrice: 99_990, items: [0, 1] },
      ],
    ),
  );
  // an interaction amount (in the book's currency) and a rate change with history
  q.addInteraction(ctx.db, c.id, { kind: "payment", daysLate: 0, amount: 33333 });
  const web = q.listServices(ctx.db).find((s) => s.name === "Web development")!;
  q.changeServiceRates(ctx.db, web.id, { effectiveFrom: "2020-01-01", marketRate: 9999, targetRate: 9001, floorRate: 7777 });
  // a client's own rate and a raise planned (and negotiated) on the web rate card, in dollars
  const plan = Number(
    ctx.db.insert(ratePlans).values({ clientId: c.id, serviceId: web.id, currency: "USD", currentRate: 9001, targetRate: 11000, newRate: 11111, noticeOn: "2026-01-01", effectiveFrom: "2026-04-01", letter: "x", outcome: "negotiated", outcomeRate: 10555, outcomeOn: "2026-02-01" }).run().lastInsertRowid,
  );
  ctx.db.insert(clientRates).values({ clientId: c.id, serviceId: web.id, effectiveFrom: "2026-04-01", rate: 10555, ratePlanId: plan }).run();
});
afterEach(() => ctx.close());

describe("changing the currency", () => {
  test("a new currency while the book holds money in the old one asks what to do; nothing changes", async () => {
    const before = snapshot(ctx.db);
    const settings = q.getSettings(ctx.db);
    const err = await changeSettings(ctx.db, { ...settings, currency: "GBP" }, backups).catch((e: unknown) => e);
    expect(isAppError(err, "invalid_input")).toBe(true);
    const fields = (err as { fields: Record<string, string[]> }).fields;
    expect(fields.currencyChange?.[0]).toBe(`Your book has ${DEMO_QUOTES} quotes and 4 services in USD. Convert them to GBP at a rate you enter, or keep them in USD.`);
    expect(snapshot(ctx.db)).toEqual(before);
    expect(fs.existsSync(backups)).toBe(false);
  });

  test("convert: every money column in USD, exactly once, half up to the penny; EUR amounts left alone, their rate re-expressed; backup first", async () => {
    const before = snapshot(ctx.db);
    const usage = currencyUsage(ctx.db);
    expect(usage.inBook).toEqual({ quotes: DEMO_QUOTES, services: 4 });
    const result = await changeSettings(ctx.db, settingsChangeSchema.parse({ ...q.getSettings(ctx.db), currency: "GBP", currencyChange: "convert", rate: "0.79" }), backups);
    const after = snapshot(ctx.db);
    const conv = (a: unknown) => halfUp(a as number, 79, 2);

    expect(after.settings).toEqual([{ currency: "GBP", minimum_fee: conv(MIN_FEE) }]);
    // the demo's proposals (in dollars) follow their quotes; the euro one stays as it was
    expect(before.proposals.filter((p) => p.currency === "USD")).toHaveLength(2);
    expect(after.proposals).toEqual(
      before.proposals.map((p) =>
        p.currency === "USD"
          ? { ...p, currency: "GBP", floor_rate: conv(p.floor_rate), target_rate: conv(p.target_rate), market_rate: conv(p.market_rate), minimum_fee: conv(p.minimum_fee) }
          : p,
      ),
    );
    expect(after.proposals.find((p) => p.currency === "GBP")?.minimum_fee).toBe(conv(MIN_FEE));
    expect(after.proposalOptions).toEqual(before.proposalOptions.map((o) => (o.currency === "USD" ? { ...o, currency: "GBP", price: conv(o.price), rate_card_price: conv(o.rate_card_price) } : o)));
    expect(after.services).toEqual(before.services.map((s) => ({ ...s, currency: "GBP", market_rate: conv(s.market_rate), target_rate: conv(s.target_rate), floor_rate: conv(s.floor_rate) })));
    expect(after.serviceRates).toEqual(before.serviceRates.map((s) => ({ ...s, market_rate: conv(s.market_rate), target_rate: conv(s.target_rate), floor_rate: conv(s.floor_rate) })));
    expect(after.quotes).toEqual(
      before.quotes.map((r) =>
        r.currency === "USD"
          ? { ...r, currency: "GBP", quoted_amount: conv(r.quoted_amount), agreed_amount: r.agreed_amount == null ? null : conv(r.agreed_amount) }
          : // 1 EUR = 1.08 USD and 1 USD = 0.79 GBP: 1 EUR = 0.8532 GBP
            { ...r, fx_rate: "0.8532" },
      ),
    );
    // the rate kept for euros in dollars is kept for euros in pounds too (1.1 × 0.79); the dollar one stays
    expect(after.exchangeRates).toEqual([
      { currency: "EUR", book_currency: "USD", effective_from: "2020-01-01", rate: "1.1" },
      { currency: "EUR", book_currency: "GBP", effective_from: "2020-01-01", rate: "0.869" },
    ]);
    expect(after.events).toEqual(before.events.map((e) => (e.currency === "USD" ? { ...e, currency: "GBP", amount: e.amount == null ? null : conv(e.amount) } : e)));
    expect(after.interactions).toEqual(before.interactions.map((i) => ({ ...i, amount: i.amount == null ? null : conv(i.amount) })));
    // the client's own rate and the planned raise follow their rate card
    expect(after.clientRates).toEqual([{ id: before.clientRates[0].id, rate: conv(10555) }]);
    expect(after.ratePlans).toEqual([{ id: before.ratePlans[0].id, currency: "GBP", current_rate: conv(9001), target_rate: conv(11000), new_rate: conv(11111), outcome_rate: conv(10555) }]);
    // the EUR quote and its counter did not move
    expect(after.quotes.find((r) => r.id === eurQuote)).toEqual({ id: eurQuote, currency: "EUR", quoted_amount: 123457, agreed_amount: null, fx_rate: "0.8532" });
    // rounding as documented: 33333 cents × 0.79 = 26333.07 → 26333; a half rounds up (checked in the unit tests too)
    expect(after.interactions.find((i) => i.amount != null)?.amount).toBe(26333);
    // the counts say what was converted: every row once
    const r = result.reexpressed!;
    expect(r.converted).toEqual({
      services: 4,
      serviceRates: before.serviceRates.length,
      quotes: DEMO_QUOTES,
      events: before.events.filter((e) => e.currency === "USD" && e.amount != null).length,
      interactions: 1,
      clientRates: 1,
      ratePlans: 1,
      proposals: 2,
      fxRates: 1,
      exchangeRates: 1,
    });
    expect(r.rate).toBe("0.79");
    // the backup holds the book as it was
    expect(r.backup).toMatch(/pre-currency-.*\.db$/);
    const copy = new Database(r.backup!, { readonly: true });
    try {
      expect(copy.prepare("SELECT id, currency, quoted_amount, agreed_amount, fx_rate FROM quotes ORDER BY id").all()).toEqual(before.quotes);
    } finally {
      copy.close();
    }
    // the dashboard now adds them up in GBP: no quote "in other currencies" but the EUR one
    expect(getDashboard(ctx.db, { ...DEFAULT_FILTERS, range: "all" }, q.today()).headline.settling.otherCurrencyQuotes).toBe(0);
  });

  test("USD → JPY respects the yen's zero decimals", async () => {
    const before = snapshot(ctx.db);
    await reexpressBook(ctx.db, { from: "USD", to: "JPY", rate: "151.5" }, backups);
    const after = snapshot(ctx.db);
    // cents × 151.5 / 100 → yen, half up: a × 1515 / 1000
    for (const [i, r] of before.quotes.entries()) {
      if (r.currency !== "USD") continue;
      expect(after.quotes[i]).toEqual({ ...r, currency: "JPY", quoted_amount: halfUp(r.quoted_amount as number, 1515, 3), agreed_amount: r.agreed_amount == null ? null : halfUp(r.agreed_amount as number, 1515, 3) });
    }
    expect(after.settings).toEqual([{ currency: "JPY", minimum_fee: halfUp(MIN_FEE, 1515, 3) }]);
    expect(after.proposalOptions.filter((o) => o.currency === "JPY").map((o) => o.price)).toEqual(before.proposalOptions.filter((o) => o.currency === "USD").map((o) => halfUp(o.price as number, 1515, 3)));
    // its current rates are the 2020 row (9001 cents × 151.5 / 100 = 13636.5 yen → 13637)
    expect(q.listServices(ctx.db).find((s) => s.name === "Web development")).toMatchObject({ currency: "JPY", targetRate: 13637 });
    // the euro quote: 1 EUR = 1.08 × 151.5 = 163.62 JPY
    expect(after.quotes.find((r) => r.id === eurQuote)).toMatchObject({ currency: "EUR", fx_rate: "163.62" });
  });

  test("amounts of a foreign currency re-expressed in another: the quotes' rate follows (f ÷ r); in the book's currency, none", async () => {
    // the book stays in USD; EUR amounts become GBP at 1 EUR = 0.86 GBP: 1 GBP = 1.08 ÷ 0.86 USD
    const result = await reexpressBook(ctx.db, { from: "EUR", to: "GBP", rate: "0.86" }, backups);
    const moved = snapshot(ctx.db);
    expect(result.converted).toMatchObject({ quotes: 1, events: 1, proposals: 1, fxRates: 1, exchangeRates: 0 });
    // the euro proposal is in pounds now, at 0.86; the minimum fee in Settings (dollars) does not move
    expect(moved.proposals.find((p) => p.currency === "GBP")).toMatchObject({ floor_rate: 6_021, target_rate: 8_599, market_rate: 9_555, minimum_fee: 47_777 });
    expect(moved.proposalOptions.filter((o) => o.currency === "GBP").map((o) => [o.price, o.rate_card_price])).toEqual([[47_777, 42_996], [106_173, 85_991]]);
    expect(moved.settings).toEqual([{ currency: "USD", minimum_fee: MIN_FEE }]);
    expect(snapshot(ctx.db).quotes.find((r) => r.id === eurQuote)).toEqual({ id: eurQuote, currency: "GBP", quoted_amount: 106173, agreed_amount: null, fx_rate: "1.2558139535" });
    // the rates kept in Settings are about currencies, not these amounts: they stay
    expect(snapshot(ctx.db).exchangeRates).toEqual([{ currency: "EUR", book_currency: "USD", effective_from: "2020-01-01", rate: "1.1" }]);
    // GBP → USD (the book's): the quote is in the book's currency now and carries no rate
    await reexpressBook(ctx.db, { from: "GBP", to: "USD", rate: "1.2558139535" }, backups);
    expect(snapshot(ctx.db).quotes.find((r) => r.id === eurQuote)).toMatchObject({ currency: "USD", fx_rate: null });
    expect(getDashboard(ctx.db, { ...DEFAULT_FILTERS, range: "all" }, q.today()).headline.settling.otherCurrencyQuotes).toBe(0);
  });

  test("a conversion whose re-expressed quote rate would round to zero is refused before anything is written", async () => {
    const c = q.createClient(ctx.db, { name: "Tiny rate", leadSource: "other", status: "active" });
    q.createQuote(ctx.db, { clientId: c.id, title: "In yen", estimatedMinutes: 60, quotedAmount: 1000, currency: "JPY", fxRate: "0.0000000001", status: "sent" });
    const before = snapshot(ctx.db);
    const err = await reexpressBook(ctx.db, { from: "USD", to: "GBP", rate: "0.4" }, backups).catch((e: unknown) => e);
    expect(isAppError(err, "invalid_input")).toBe(true);
    expect((err as { fields: Record<string, string[]> }).fields.rate[0]).toMatch(/round to zero/);
    expect(snapshot(ctx.db)).toEqual(before);
  });

  test.each(["abc", "0", "-1", "", "1e3", "0.00000000001"])("rate %j: a field error on the rate, nothing changed, no backup", async (rate) => {
    const before = snapshot(ctx.db);
    const parsed = settingsChangeSchema.safeParse({ ...q.getSettings(ctx.db), currency: "GBP", currencyChange: "convert", rate });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join("."))).toEqual(["rate"]);
    const err = await reexpressBook(ctx.db, { from: "USD", to: "GBP", rate }, backups).catch((e: unknown) => e);
    expect(isAppError(err, "invalid_input")).toBe(true);
    expect(Object.keys((err as { fields: object }).fields)).toEqual(["rate"]);
    expect(snapshot(ctx.db)).toEqual(before);
    expect(fs.existsSync(backups)).toBe(false);
  });

  test("a rate that would round a service's rates to zero is refused before anything is written", async () => {
    const before = snapshot(ctx.db);
    const err = await reexpressBook(ctx.db, { from: "USD", to: "GBP", rate: "0.00001" }, backups).catch((e: unknown) => e);
    expect(isAppError(err, "invalid_input")).toBe(true);
    expect((err as { fields: Record<string, string[]> }).fields.rate[0]).toMatch(/round to zero/);
    expect(snapshot(ctx.db)).toEqual(before);
  });

  test("one transaction: a failure on the last table written rolls back the others", async () => {
    const before = snapshot(ctx.db);
    ctx.db.$client.exec("CREATE TRIGGER no_amounts BEFORE UPDATE OF amount ON interactions BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;");
    await expect(changeSettings(ctx.db, settingsChangeSchema.parse({ ...q.getSettings(ctx.db), currency: "GBP", currencyChange: "convert", rate: "0.79" }), backups)).rejects.toThrow(/refused by the test/);
    expect(snapshot(ctx.db)).toEqual(before);
  });

  test("convert with a minimum fee typed in the same change: it is taken as typed (in the new currency), not converted again", async () => {
    const { settings } = await changeSettings(ctx.db, settingsChangeSchema.parse({ ...q.getSettings(ctx.db), currency: "GBP", minimumFee: 40_000, currencyChange: "convert", rate: "0.79" }), backups);
    expect(settings).toMatchObject({ currency: "GBP", minimumFee: 40_000 });
  });

  test("a rate that would round a proposal's target to zero is refused before anything is written", async () => {
    // a service whose rates survive the rate, and a proposal priced at a far smaller target
    const before = snapshot(ctx.db);
    ctx.db.$client.exec("UPDATE proposals SET floor_rate = 1, target_rate = 1, market_rate = 1 WHERE currency = 'EUR'");
    const tampered = snapshot(ctx.db);
    const err = await reexpressBook(ctx.db, { from: "EUR", to: "GBP", rate: "0.4" }, backups).catch((e: unknown) => e);
    expect(isAppError(err, "invalid_input")).toBe(true);
    expect((err as { fields: Record<string, string[]> }).fields.rate[0]).toMatch(/round to zero/);
    expect(snapshot(ctx.db)).toEqual(tampered);
    expect(tampered.quotes).toEqual(before.quotes);
  });

  test("keep: the currency changes, the amounts stay in USD, and the dashboard counts them apart", async () => {
    const before = snapshot(ctx.db);
    const { settings, reexpressed } = await changeSettings(ctx.db, settingsChangeSchema.parse({ ...q.getSettings(ctx.db), currency: "GBP", currencyChange: "keep" }), backups);
    expect(settings.currency).toBe("GBP");
    expect(reexpressed).toBeNull();
    const after = snapshot(ctx.db);
    // the amounts stay; the euro quote's rate was to dollars and no rate is kept in pounds: it has none now
    expect({ ...after, settings: [] }).toEqual({ ...before, settings: [], quotes: before.quotes.map((r) => (r.id === eurQuote ? { ...r, fx_rate: null } : r)) });
    expect(getDashboard(ctx.db, { ...DEFAULT_FILTERS, range: "all" }, q.today()).headline.settling.otherCurrencyQuotes).toBe(18);
    expect(currencyUsage(ctx.db)).toEqual({ book: "GBP", inBook: { quotes: 0, services: 0 }, others: [{ currency: "EUR", quotes: 1, services: 0 }, { currency: "USD", quotes: DEMO_QUOTES, services: 4 }] });
  });

  test("keep, with rates kept in the new currency: every quote takes the one in force on its date", async () => {
    upsertExchangeRate(ctx.db, { currency: "USD", bookCurrency: "GBP", effectiveFrom: "2000-01-01", rate: "0.8" });
    const before = snapshot(ctx.db);
    await changeSettings(ctx.db, settingsChangeSchema.parse({ ...q.getSettings(ctx.db), currency: "GBP", currencyChange: "keep" }), backups);
    const after = snapshot(ctx.db);
    // dollar quotes: the kept 0.8; the euro quote: its 1.08 dollars × 0.8 = 0.864 pounds
    expect(after.quotes).toEqual(before.quotes.map((r) => ({ ...r, fx_rate: r.id === eurQuote ? "0.864" : "0.8" })));
    // counted in pounds now: none left out
    expect(getDashboard(ctx.db, { ...DEFAULT_FILTERS, range: "all" }, q.today()).headline.settling.otherCurrencyQuotes).toBe(0);
    // and back to dollars, keeping: the dollar quotes are in the book's currency again and carry no rate;
    // the euro quote takes the 1.1 kept for euros in dollars
    await changeSettings(ctx.db, settingsChangeSchema.parse({ ...q.getSettings(ctx.db), currency: "USD", currencyChange: "keep" }), backups);
    expect(snapshot(ctx.db).quotes).toEqual(before.quotes.map((r) => ({ ...r, fx_rate: r.id === eurQuote ? "1.1" : null })));
  });

  test("a book after any change of currency still restores from its own export (a euro job on the dollar rate card, then keep)", async () => {
    // a EUR job judged against the USD rate card at its own rate: the API allows it in a USD book
    const web = q.listServices(ctx.db).find((s) => s.name === "Web development")!;
    const c = q.createClient(ctx.db, { name: "Euro job", leadSource: "other", status: "active" });
    q.createQuote(ctx.db, { clientId: c.id, serviceId: web.id, title: "EUR on the USD card", estimatedMinutes: 600, quotedAmount: 100000, currency: "EUR", fxRate: "1.08", status: "sent" });
    for (const currency of ["GBP", "USD"]) {
      await changeSettings(ctx.db, settingsChangeSchema.parse({ ...q.getSettings(ctx.db), currency, currencyChange: "keep" }), backups);
      const file = JSON.parse(JSON.stringify(exportBook(ctx.db)));
      const parsed = parseExportFile(file);
      expect(parsed.ok && parsed.file.quotes.length, `after keeping ${currency}`).toBe(file.quotes.length);
      const other = await createTestDb();
      try {
        importBook(other.db, (parsed as { ok: true; file: ExportFile }).file, "replace");
        const { exportedAt: _a, ...again } = exportBook(other.db);
        const { exportedAt: _b, ...first } = file;
        expect(JSON.parse(JSON.stringify(again))).toEqual(first);
      } finally {
        other.close();
      }
    }
  });

  test("the settings' currency is an ISO 4217 code from the list", () => {
    const base = q.getSettings(ctx.db);
    expect(settingsSchema.safeParse({ ...base, currency: "gbp" }).data?.currency).toBe("GBP");
    expect(settingsSchema.safeParse({ ...base, currency: "ABC" }).error?.issues[0]).toMatchObject({ path: ["currency"], message: expect.stringMatching(/from the list/) });
  });
});

describe("through the API", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "walkaway-currency-api-"));
  process.env.WALKAWAY_DB = path.join(dir, "book.db");
  process.env.WALKAWAY_BACKUP_DIR = path.join(dir, "backups");
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type AnyRoute = (req: Request, ctx: { params: Promise<any> }) => Promise<Response>;
  async function send(fn: AnyRoute, method: string, body?: unknown) {
    const res = await call(fn as RouteFn, { method, path: "/api/v1/x", body: body === undefined ? null : JSON.stringify(body), headers: jsonHeaders, params: {} });
    return { status: res.status, body: await res.json() };
  }

  test("PUT /settings asks, then keeps or converts; POST /settings/reexpress converts the rest", async () => {
    const { readyDb } = await import("@/server/database");
    const db = await readyDb();
    loadDemoBook(db);
    const settingsRoute = await import("@/app/api/v1/settings/route");
    const reexpress = await import("@/app/api/v1/settings/reexpress/route");

    const asked = await send(settingsRoute.PATCH, "PATCH", { currency: "EUR" });
    expect(asked.status).toBe(400);
    expect(Object.keys(asked.body.error.fields)).toEqual(["currencyChange"]);

    const badRate = await send(settingsRoute.PATCH, "PATCH", { currency: "EUR", currencyChange: "convert", rate: "abc" });
    expect(badRate.status).toBe(400);
    expect(Object.keys(badRate.body.error.fields)).toEqual(["rate"]);

    const kept = await send(settingsRoute.PATCH, "PATCH", { currency: "EUR", currencyChange: "keep" });
    expect(kept.status).toBe(200);
    expect(kept.body.currency).toBe("EUR");
    expect(kept.body.reexpressed).toBeUndefined();
    expect(currencyUsage(db).others).toEqual([{ currency: "USD", quotes: DEMO_QUOTES, services: 4 }]);

    const bad = await send(reexpress.POST, "POST", { from: "USD", to: "EUR", rate: "-1" });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(["rate"]);

    const done = await send(reexpress.POST, "POST", { from: "USD", to: "EUR", rate: "0.92" });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ from: "USD", to: "EUR", rate: "0.92", bookCurrency: "EUR", converted: { services: 4, quotes: DEMO_QUOTES } });
    expect(done.body.backup).toMatch(/pre-currency-/);
    expect(currencyUsage(db)).toMatchObject({ book: "EUR", inBook: { quotes: DEMO_QUOTES, services: 4 }, others: [] });
  });
});
