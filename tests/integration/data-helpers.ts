/**
 * Helpers for the data-safety suites: a book with awkward content, in-process route calls, and
 * (from ./server) the production server on a free port for crash / auth / header tests.
 */
import type { DB } from "@/db/connection";
import * as q from "./use-cases";
import { loadDemoBook } from "@/server/demo";
import type { ExportFile } from "@/lib/export-schema";


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
  return { c1, c2, quote, q2 };
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
