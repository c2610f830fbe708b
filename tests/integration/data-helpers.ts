/**
 * Helpers for the data-safety suites: a book with awkward content, in-process route calls, and
 * (from ./server) the production server on a free port for crash / auth / header tests.
 */
import type { DB } from "@/db/connection";
import * as q from "./use-cases";
import { loadDemoBook } from "@/server/demo";
import type { ExportFile } from "@/lib/export-schema";
import { addTimeEntry, setWorkDone } from "@/server/time-entries";
import { upsertExchangeRate } from "@/db/exchange-rates";
import { updateQuoteRow } from "@/db/quotes";
import { insertTimeEntry } from "@/db/time-entries";
import { clientRates, clients as clientsTable, importBatches, importRows, quotes as quotesTable, ratePlans, todayItemStates } from "@/db/schema";
import { eq } from "drizzle-orm";
import { addDays } from "@/lib/dates";


/** The demo book plus the content that breaks naive exporters: formulas, markup, quotes, emoji, CJK, long notes. */
export function loadAwkwardBook(db: DB) {
  loadDemoBook(db);
  const jpy = q.createService(db, { name: "Consulting \u201cJP\u201d", unit: "day", currency: "JPY", marketRate: 120000, targetRate: 100000, floorRate: 80000 });
  const c1 = q.createClient(db, { name: "=HYPERLINK(\"http://evil.example\",\"click\")", company: "+Plus, \"Quoted\" & Co", email: "a@b.example", leadSource: "inbound", status: "active", notes: "<script>alert(1)</script>\nline two, with comma" });
  const c2 = q.createClient(db, { name: "Zoë 😀 日本語", company: null, email: null, leadSource: "platform", status: "prospect", notes: "x".repeat(9_000) });
  const quote = q.createQuote(db, { clientId: c1.id, serviceId: jpy.id, title: "-dash title", scope: "@mention scope", estimatedMinutes: 450, quotedAmount: 750000, currency: "JPY", fxRate: "0.0067", status: "sent" });
  q.addQuoteEvent(db, quote.id, { kind: "discount_request", percentBp: 1250, note: "\"quoted\" note" });
  q.addQuoteEvent(db, quote.id, { kind: "my_answer", answer: "cut_scope", scopeMinutes: 300 });
  q.setQuoteOutcome(db, quote.id, { status: "accepted", agreedAmount: 700000 });
  const q2 = q.createQuote(db, { clientId: c2.id, title: "No service", estimatedMinutes: 60, quotedAmount: 1, currency: "EUR", fxRate: "1.08", status: "draft" });
  q.addInteraction(db, c1.id, { kind: "ask", subtype: "rush_demand", minutes: 45, paid: false, quoteId: quote.id, note: "=1+1" });
  q.addInteraction(db, c2.id, { kind: "payment", daysLate: 12, amount: 1 });
  q.addInteraction(db, c2.id, { kind: "follow_up", answered: false });
  q.createTemplate(db, { kind: "counter", name: "Trade, \"don't\" give", body: "Line 1\nLine 2 — ✓", isDefault: false });
  // time spent (awkward notes, every billable answer), the work marked done, rates kept in Settings
  const today = q.today();
  addTimeEntry(db, quote.id, { occurredOn: addDays(today, -3), minutes: 1440, note: "=SUM(A1:A9) \"all day\"\nnight too", billable: true });
  addTimeEntry(db, quote.id, { occurredOn: addDays(today, -2), minutes: 1, note: null, billable: false });
  addTimeEntry(db, q2.id, { occurredOn: today, minutes: 95, note: "Zoë 😀", billable: null });
  setWorkDone(db, quote.id, { workDoneOn: addDays(today, -2) });
  upsertExchangeRate(db, { currency: "EUR", bookCurrency: "USD", effectiveFrom: "2026-01-01", rate: "1.08" });
  upsertExchangeRate(db, { currency: "JPY", bookCurrency: "USD", effectiveFrom: "2025-06-30", rate: "0.0067" });
  upsertExchangeRate(db, { currency: "USD", bookCurrency: "EUR", effectiveFrom: "2026-01-01", rate: "0.9259259259" });
  // what a history import leaves: a quote made from imported time (no estimate of its own), its entry, the batch and its rows
  const imported = q.createClient(db, { name: "Imported via Toggl", leadSource: "other", status: "active" });
  const job = q.createQuote(db, { clientId: imported.id, title: "Imported: Website", estimatedMinutes: 180, quotedAmount: 45000, currency: "USD", status: "accepted", sentOn: addDays(today, -40), decidedOn: addDays(today, -40) });
  updateQuoteRow(db, job.id, { estimateKnown: false, sourceKey: "toggl:project:Website|client:Imported via Toggl", workDoneOn: addDays(today, -30) });
  const entry = insertTimeEntry(db, { quoteId: job.id, occurredOn: addDays(today, -35), minutes: 180, note: "Imported", billable: true, sourceKey: "toggl:2026-10-20|09:00|180|Website" });
  const batch = Number(db.insert(importBatches).values({ source: "toggl", fileName: "toggl \"detailed\".csv", clientsAdded: 1, quotesAdded: 1, timeEntriesAdded: 1, rowsSkipped: 2 }).run().lastInsertRowid);
  db.insert(importRows)
    .values([
      { batchId: batch, tableName: "clients", rowId: imported.id },
      { batchId: batch, tableName: "quotes", rowId: job.id },
      { batchId: batch, tableName: "time_entries", rowId: entry },
    ])
    .run();
  db.insert(importBatches).values({ source: "harvest", fileName: null, undoneAt: "2026-11-01T10:00:00.000Z" }).run();
  // version 3: payment terms, a raise planned with its letter and the client's rates, a Today item snoozed
  db.update(clientsTable).set({ paymentTermsDays: 14 }).where(eq(clientsTable.id, c1.id)).run();
  db.update(quotesTable).set({ paymentTermsDays: 14 }).where(eq(quotesTable.id, quote.id)).run();
  const plan = Number(
    db
      .insert(ratePlans)
      .values({ clientId: c1.id, serviceId: jpy.id, currency: "JPY", currentRate: 90000, targetRate: 100000, newRate: 100000, noticeOn: addDays(today, -100), effectiveFrom: addDays(today, -10), letter: "Dear \"client\",\nfrom {date} — ✓", outcome: "negotiated", outcomeRate: 95000, outcomeOn: addDays(today, -50) })
      .run().lastInsertRowid,
  );
  db.insert(clientRates).values([
    { clientId: c1.id, serviceId: jpy.id, effectiveFrom: "2025-01-01", rate: 90000, ratePlanId: null },
    { clientId: c1.id, serviceId: jpy.id, effectiveFrom: addDays(today, -10), rate: 95000, ratePlanId: plan },
  ]).run();
  db.insert(todayItemStates).values({ itemKey: `chase:quote:${q2.id}`, state: "snoozed", fingerprint: "sent|0|2026-11-01", snoozedUntil: addDays(today, 7) }).run();
  return { c1, c2, quote, q2, imported, job, entry, batch };
}

/** Strip what an export legitimately changes between runs. */
export function content(f: ExportFile) {
  const { exportedAt: _e, ...rest } = f;
  return rest;
}

/** Ids replaced by each row's position, references by the referenced row's position: equal after a merge. */
export function withoutIds(f: ExportFile) {
  const pos = <T extends { id: number }>(rows: T[]) => new Map(rows.map((r, i) => [r.id, i]));
  const s = pos(f.services);
  const c = pos(f.clients);
  const qs = pos(f.quotes);
  const strip = <T extends { id: number }>({ id: _id, ...r }: T) => r;
  return {
    services: f.services.map(strip),
    templates: f.templates.map(strip),
    clients: f.clients.map(strip),
    quotes: f.quotes.map((r) => ({ ...strip(r), clientId: c.get(r.clientId), serviceId: r.serviceId == null ? null : s.get(r.serviceId) })),
    quoteEvents: f.quoteEvents.map((r) => ({ ...strip(r), quoteId: qs.get(r.quoteId) })),
    interactions: f.interactions.map((r) => ({ ...strip(r), clientId: c.get(r.clientId), quoteId: r.quoteId == null ? null : qs.get(r.quoteId) })),
    timeEntries: (f.timeEntries ?? []).map((r) => ({ ...strip(r), quoteId: qs.get(r.quoteId) })),
    exchangeRates: (f.exchangeRates ?? []).map(strip),
    ratePlans: (f.ratePlans ?? []).map((r) => ({ ...strip(r), clientId: c.get(r.clientId), serviceId: s.get(r.serviceId) })),
    clientRates: (f.clientRates ?? []).map((r) => ({
      ...strip(r),
      clientId: c.get(r.clientId),
      serviceId: s.get(r.serviceId),
      ratePlanId: r.ratePlanId == null ? null : pos(f.ratePlans ?? []).get(r.ratePlanId),
    })),
    proposals: (f.proposals ?? []).map((r) => ({ ...strip(r), quoteId: qs.get(r.quoteId), chosenOptionId: r.chosenOptionId == null ? null : pos(f.proposalOptions ?? []).get(r.chosenOptionId) })),
    proposalItems: (f.proposalItems ?? []).map((r) => ({ ...strip(r), proposalId: pos(f.proposals ?? []).get(r.proposalId) })),
    proposalOptions: (f.proposalOptions ?? []).map((r) => ({ ...strip(r), proposalId: pos(f.proposals ?? []).get(r.proposalId) })),
    proposalOptionItems: (f.proposalOptionItems ?? []).map((r) => ({ optionId: pos(f.proposalOptions ?? []).get(r.optionId), itemId: pos(f.proposalItems ?? []).get(r.itemId) })),
    importBatches: (f.importBatches ?? []).map(strip),
    importRows: (f.importRows ?? []).map((r) => ({
      batchId: pos(f.importBatches ?? []).get(r.batchId),
      tableName: r.tableName,
      rowId: { clients: c, quotes: qs, time_entries: pos(f.timeEntries ?? []) }[r.tableName].get(r.rowId),
    })),
  };
}

// ---------------- in-process route calls ----------------
export type RouteFn = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export function call(fn: RouteFn, opts: { path?: string; method?: string; body?: BodyInit | null; headers?: Record<string, string>; params?: Record<string, string> } = {}) {
  const init: RequestInit & { duplex?: "half" } = { method: opts.method ?? "GET", headers: opts.headers };
  if (opts.body != null) {
    init.body = opts.body;
    if (opts.body instanceof ReadableStream) init.duplex = "half";
  }
  return fn(new Request(`http://127.0.0.1${opts.path ?? "/"}`, init), { params: Promise.resolve(opts.params ?? {}) });
}

export const jsonHeaders = { "content-type": "application/json" };

export { HAS_BUILD, NO_BUILD_MESSAGE, ROOT, freePort, startServer, tempDir, type Server } from "./server";
