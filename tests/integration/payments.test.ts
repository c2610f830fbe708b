/**
 * Payments on a real SQLite file: terms stored when a quote is accepted (the client's own, else the
 * book's; never for an import), the overdue list for Today, logging a payment through the API (it closes
 * the item and moves the payment criterion), bad input a 400 with nothing stored, a second payment 409,
 * the quote's terms changed, and a client's own terms on the client API (−3 refused).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { DB } from "@/db/connection";
import { readyDb } from "@/server/database";
import { todayFor } from "@/server/clock";
import { computeClientScore } from "@/server/scores";
import { overduePaymentItems } from "@/server/payments";
import { setWorkDone } from "@/server/time-entries";
import { updateQuoteRow } from "@/db/quotes";
import { addDays } from "@/lib/dates";
import { parseExportFile } from "@/lib/export-schema";
import { exportBook } from "@/server/book";
import { createClient, createQuote, getQuote, getSettings, listInteractions, updateSettings, setQuoteOutcome, updateQuote } from "./use-cases";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "walkaway-payments-"));
process.env.WALKAWAY_DB = path.join(dir, "book.db");
let db: DB;
let today: string;
/** the payment criterion of the late payer, once paid (the on-time payer must score above it) */
let lateScore: number;

type Routes = {
  payment: typeof import("@/app/api/v1/quotes/[id]/payment/route");
  terms: typeof import("@/app/api/v1/quotes/[id]/payment/terms/route");
  quote: typeof import("@/app/api/v1/quotes/[id]/route");
  clients: typeof import("@/app/api/v1/clients/route");
  client: typeof import("@/app/api/v1/clients/[id]/route");
};
let r: Routes;

const ctx = (p: Record<string, string | number>) => ({ params: Promise.resolve(Object.fromEntries(Object.entries(p).map(([k, v]) => [k, String(v)]))) as never });
const send = (method: string, body: unknown) => new Request("http://x/api/v1", { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const pay = (id: number, body: unknown) => r.payment.POST(send("POST", body), ctx({ id }));
const paymentCriterion = (clientId: number) => computeClientScore(db, clientId).assessment.criteria.find((c) => c.key === "payment")!;

/** A quote sent 90 days ago, accepted `decidedAgo` days ago for $4,000. */
function acceptedQuote(clientId: number, title: string, decidedAgo = 50) {
  const q = createQuote(db, { clientId, title, estimatedMinutes: 600, quotedAmount: 450_000, currency: "USD", status: "sent", sentOn: addDays(today, -90) });
  return setQuoteOutcome(db, q.id, { status: "accepted", agreedAmount: 400_000, decidedOn: addDays(today, -decidedAgo) });
}

beforeAll(async () => {
  db = await readyDb();
  today = todayFor(db);
  r = {
    payment: await import("@/app/api/v1/quotes/[id]/payment/route"),
    terms: await import("@/app/api/v1/quotes/[id]/payment/terms/route"),
    quote: await import("@/app/api/v1/quotes/[id]/route"),
    clients: await import("@/app/api/v1/clients/route"),
    client: await import("@/app/api/v1/clients/[id]/route"),
  };
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("terms at acceptance", () => {
  test("a client with their own terms: accepting a quote (outcome, create or edit) stores theirs; else the book's setting", () => {
    const own = createClient(db, { name: "Own Terms Ltd", leadSource: "referral", status: "active", paymentTermsDays: 14 });
    const usual = createClient(db, { name: "Usual Terms Ltd", leadSource: "referral", status: "active" });
    expect(acceptedQuote(own.id, "By outcome").paymentTermsDays).toBe(14);
    expect(acceptedQuote(usual.id, "By outcome").paymentTermsDays).toBe(30);
    updateSettings(db, { ...getSettings(db), paymentTermsDays: 45 });
    const created = createQuote(db, { clientId: usual.id, title: "Created accepted", estimatedMinutes: 60, quotedAmount: 10_000, currency: "USD", status: "accepted", decidedOn: today });
    expect(created.paymentTermsDays).toBe(45);
    const open = createQuote(db, { clientId: own.id, title: "Edited to accepted", estimatedMinutes: 60, quotedAmount: 10_000, currency: "USD", status: "sent" });
    expect(open.paymentTermsDays).toBeNull();
    const { events: _e, actualMinutes: _m, paymentTermsDays: _t, ...input } = open;
    expect(updateQuote(db, open.id, { ...input, status: "accepted", serviceId: null } as never).paymentTermsDays).toBe(14);
    updateSettings(db, { ...getSettings(db), paymentTermsDays: 30 });
  });

  test("terms already set are kept, and a quote accepted before terms existed (NULL) stays untracked when re-saved", () => {
    const c = createClient(db, { name: "Kept Terms Ltd", leadSource: "referral", status: "active", paymentTermsDays: 7 });
    const q = acceptedQuote(c.id, "Old deal");
    updateQuoteRow(db, q.id, { paymentTermsDays: null }); // as a quote accepted before the migration
    const again = setQuoteOutcome(db, q.id, { status: "accepted", agreedAmount: 390_000 });
    expect(again.paymentTermsDays).toBeNull();
    // re-accepted after being reopened: the terms kept are the ones already there
    const q2 = acceptedQuote(c.id, "Reopened deal");
    setQuoteOutcome(db, q2.id, { status: "negotiating" });
    expect(setQuoteOutcome(db, q2.id, { status: "accepted" }).paymentTermsDays).toBe(7);
  });
});

describe("overdue payments and logging one", () => {
  test("an overdue quote is listed with its reason; logging the payment late closes it, stores days late and moves the payment criterion", async () => {
    const c = createClient(db, { name: "Slow Payer Co", leadSource: "referral", status: "active" });
    const q = acceptedQuote(c.id, "Website");
    setWorkDone(db, q.id, { workDoneOn: addDays(today, -58 + 18) }, today); // work done 40 days ago: due 10 days ago
    const due = addDays(today, -10);
    const item = overduePaymentItems(db, today, getSettings(db)).find((i) => i.quoteId === q.id)!;
    expect(item).toMatchObject({
      key: `payment:quote:${q.id}`,
      kind: "payment_overdue",
      clientId: c.id,
      clientName: "Slow Payer Co",
      title: "Chase Slow Payer Co’s payment for “Website”",
      since: due,
      days: 10,
      fingerprint: `${due}|400000`,
      amount: { value: 400_000, currency: "USD" },
    });
    expect(item.reason).toMatch(/^\$4,000\.00 was due [A-Z][a-z]{2} \d+, \d{4} — 30 days after the work was done on [A-Z][a-z]{2} \d+, \d{4}: 10 days late\.$/);
    expect(item.actions[0]).toEqual({ type: "log_payment", label: "Log the payment", quoteId: q.id });
    expect(item.actions[1]).toMatchObject({ type: "link", href: `/quotes/${q.id}` });

    const before = paymentCriterion(c.id);
    expect(before.score).toBeNull();
    const res = await pay(q.id, { paidOn: addDays(today, -2) });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { interaction: { kind: string; quoteId: number; daysLate: number; amount: number; occurredOn: string }; payment: { paid: unknown; overdue: boolean } };
    expect(body.interaction).toMatchObject({ kind: "payment", quoteId: q.id, daysLate: 8, amount: 400_000, occurredOn: addDays(today, -2) });
    expect(body.payment).toMatchObject({ overdue: false, paid: { paidOn: addDays(today, -2), daysLate: 8 } });
    expect(overduePaymentItems(db, today, getSettings(db)).some((i) => i.quoteId === q.id)).toBe(false);
    const after = paymentCriterion(c.id);
    expect(after.score).not.toBeNull();
    expect(after.score!).toBeLessThan(100);
    lateScore = after.score!;

    // the quote's GET says so too
    const got = (await (await r.quote.GET(new Request("http://x"), ctx({ id: q.id }))).json()) as { payment: { tracked: boolean; termsDays: number; dueOn: string; paid: { daysLate: number } } };
    expect(got.payment).toMatchObject({ tracked: true, termsDays: 30, dueOn: due, paid: { daysLate: 8 } });

    // a second payment: 409, nothing more stored
    const again = await pay(q.id, {});
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { message: string } }).error.message).toBe(`Already paid on ${addDays(today, -2)}`);
    expect(listInteractions(db, c.id).filter((i) => i.kind === "payment")).toHaveLength(1);
  });

  test("on time: 0 days late, good evidence; the amount defaults to the agreed one; not due yet is not listed", async () => {
    const c = createClient(db, { name: "Prompt Payer Co", leadSource: "referral", status: "active" });
    const q = acceptedQuote(c.id, "Logo", 10); // due in 20 days
    expect(overduePaymentItems(db, today, getSettings(db)).some((i) => i.quoteId === q.id)).toBe(false);
    const res = await pay(q.id, { note: "Bank transfer" });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { interaction: object }).interaction).toMatchObject({ daysLate: 0, amount: 400_000, occurredOn: today, note: "Bank transfer" });
    expect(paymentCriterion(c.id).score!).toBeGreaterThan(lateScore);
  });

  test("ordered most days late first", () => {
    const c = createClient(db, { name: "Order Co", leadSource: "referral", status: "active" });
    const a = acceptedQuote(c.id, "Thirty-five late", 65);
    const b = acceptedQuote(c.id, "Five late", 35);
    const ids = overduePaymentItems(db, today, getSettings(db)).map((i) => i.quoteId);
    expect(ids.indexOf(a.id)).toBeLessThan(ids.indexOf(b.id));
    const days = overduePaymentItems(db, today, getSettings(db)).map((i) => i.days);
    expect(days).toEqual([...days].sort((x, y) => y - x));
  });

  test("bad input: 400 with field errors, nothing stored", async () => {
    const c = createClient(db, { name: "Bad Input Co", leadSource: "referral", status: "active" });
    const q = acceptedQuote(c.id, "Site");
    for (const [body, field] of [
      [{ paidOn: "2026-02-30" }, "paidOn"],
      [{ paidOn: addDays(today, 1) }, "paidOn"],
      [{ paidOn: addDays(today, -51) }, "paidOn"], // before it was accepted
      [{ amount: -5 }, "amount"],
      [{ amount: 0 }, "amount"],
      [{ amount: 1.5 }, "amount"],
      [{ note: "x".repeat(501) }, "note"],
    ] as const) {
      const res = await pay(q.id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const err = ((await res.json()) as { error: { fields: Record<string, string[]> } }).error;
      expect(Object.keys(err.fields), JSON.stringify(body)).toContain(field);
    }
    expect(listInteractions(db, c.id)).toEqual([]);
    // an unknown quote: 404; a quote not accepted: 409
    expect((await pay(999_999, {})).status).toBe(404);
    const open = createQuote(db, { clientId: c.id, title: "Open", estimatedMinutes: 60, quotedAmount: 10_000, currency: "USD", status: "sent" });
    expect((await pay(open.id, {})).status).toBe(409);
    expect(listInteractions(db, c.id)).toEqual([]);
  });
});

describe("a quote's own terms", () => {
  test("an untracked quote starts tracking once terms are set; −3 is a field error and nothing changes", async () => {
    const c = createClient(db, { name: "Imported Co", leadSource: "referral", status: "active" });
    const q = acceptedQuote(c.id, "Imported job");
    updateQuoteRow(db, q.id, { paymentTermsDays: null });
    expect((await pay(q.id, {})).status).toBe(409);
    const bad = await r.terms.PUT(send("PUT", { paymentTermsDays: -3 }), ctx({ id: q.id }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { fields: Record<string, string[]> } }).error.fields.paymentTermsDays).toEqual(["Payment terms cannot be negative: 0 means on delivery"]);
    expect(getQuote(db, q.id).paymentTermsDays).toBeNull();
    const ok = await r.terms.PUT(send("PUT", { paymentTermsDays: 0 }), ctx({ id: q.id }));
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { payment: object }).payment).toMatchObject({ tracked: true, termsDays: 0, dueOn: addDays(today, -50), overdue: true, daysLate: 50 });
    expect(getQuote(db, q.id).paymentTermsDays).toBe(0);
  });
});

describe("a client's own terms on the client API", () => {
  test("POST, GET and PATCH carry paymentTermsDays; −3 is a 400 and nothing is stored; empty means the book's", async () => {
    const created = await r.clients.POST(send("POST", { name: "Terms Client", paymentTermsDays: 14 }), ctx({}));
    expect(created.status).toBe(201);
    const client = (await created.json()) as { id: number; paymentTermsDays: number | null };
    expect(client.paymentTermsDays).toBe(14);
    const got = (await (await r.client.GET(new Request("http://x"), ctx({ id: client.id }))).json()) as { paymentTermsDays: number | null };
    expect(got.paymentTermsDays).toBe(14);

    const bad = await r.client.PATCH(send("PATCH", { paymentTermsDays: -3 }), ctx({ id: client.id }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { fields: Record<string, string[]> } }).error.fields.paymentTermsDays).toEqual(["Payment terms cannot be negative: 0 means on delivery"]);
    const badNew = await r.clients.POST(send("POST", { name: "Negative Terms", paymentTermsDays: -3 }), ctx({}));
    expect(badNew.status).toBe(400);
    const list = (await (await r.clients.GET(new Request("http://x/api/v1/clients?q=Negative"), ctx({}))).json()) as { clients: unknown[] };
    expect(list.clients).toEqual([]);
    expect(((await (await r.client.GET(new Request("http://x"), ctx({ id: client.id }))).json()) as { paymentTermsDays: number }).paymentTermsDays).toBe(14);

    const cleared = await r.client.PATCH(send("PATCH", { paymentTermsDays: "" }), ctx({ id: client.id }));
    expect(cleared.status).toBe(200);
    expect(((await cleared.json()) as { paymentTermsDays: number | null }).paymentTermsDays).toBeNull();
  });
});

test("a backup keeps the terms: quotes' and clients' paymentTermsDays survive the export file's parse", () => {
  const parsed = parseExportFile(JSON.parse(JSON.stringify(exportBook(db))));
  expect(parsed.ok).toBe(true);
  if (!parsed.ok) return;
  const own = parsed.file.clients.find((c) => c.name === "Own Terms Ltd")!;
  expect(own.paymentTermsDays).toBe(14);
  expect(parsed.file.quotes.filter((q) => q.clientId === own.id).map((q) => q.paymentTermsDays)).toContain(14);
});
