/**
 * Proposals through the real route handlers on a real SQLite file: a three-option round trip, bad input
 * (field errors, nothing stored), the floor and "I know", the minimum fee, the client link on and off
 * (a new 256-bit secret each time, the quote sent), and no change once the client answered. Dates are
 * computed from the book's today, never compared with the clock.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

import type { DB } from "@/db/connection";
import { findProposal, findProposalByToken, setProposalAnswer } from "@/db/proposals";
import { proposalItems, proposalOptionItems, proposalOptions, proposals, quotes } from "@/db/schema";
import { addDays } from "@/lib/dates";
import { isAppError } from "@/lib/errors";
import { todayFor } from "@/server/clock";
import { readyDb } from "@/server/database";
import { saveProposalFromForm } from "@/server/proposals";
import { setClientRate } from "@/server/raises";
import { getSettings, updateSettings } from "@/server/settings";
import { call, jsonHeaders, type RouteFn } from "./data-helpers";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "walkaway-proposals-"));
process.env.WALKAWAY_DB = path.join(dir, "book.db");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyRoute = (req: Request, ctx: { params: Promise<any> }) => Promise<Response>;
async function send(fn: AnyRoute, method: string, body?: unknown, params: Record<string, string> = {}) {
  const res = await call(fn as RouteFn, { method, path: "/api/v1/x", body: body === undefined ? null : JSON.stringify(body), headers: jsonHeaders, params });
  return { status: res.status, body: res.status === 204 ? null : await res.json() };
}

const routes = {
  services: () => import("@/app/api/v1/services/route"),
  clients: () => import("@/app/api/v1/clients/route"),
  quotes: () => import("@/app/api/v1/quotes/route"),
  quote: () => import("@/app/api/v1/quotes/[id]/route"),
  proposal: () => import("@/app/api/v1/quotes/[id]/proposal/route"),
  list: () => import("@/app/api/v1/proposals/route"),
  byId: () => import("@/app/api/v1/proposals/[id]/route"),
  share: () => import("@/app/api/v1/proposals/[id]/share/route"),
  sent: () => import("@/app/api/v1/proposals/[id]/sent/route"),
};

let db: DB;
let today = "";
let serviceId = 0;
let clientId = 0;

const counts = () => ({
  proposals: db.select().from(proposals).all().length,
  items: db.select().from(proposalItems).all().length,
  options: db.select().from(proposalOptions).all().length,
  links: db.select().from(proposalOptionItems).all().length,
});

async function newQuote(title: string, extra: Record<string, unknown> = {}) {
  const res = await send((await routes.quotes()).POST, "POST", { clientId, serviceId, title, estimatedMinutes: 2400, quotedAmount: 400000, currency: "USD", status: "draft", ...extra });
  expect(res.status).toBe(201);
  return res.body.id as number;
}

/** 10 h design, 20 h build, 10 h CMS, 2 h training; Essentials: design + build, Standard: + CMS, Complete: everything. */
const threeOptions = () => ({
  expiresOn: addDays(today, 30),
  intro: "Three ways to do it.",
  items: [
    { name: "Design", minutes: 600 },
    { name: "Build", minutes: 1200 },
    { name: "CMS", minutes: 600 },
    { name: "Training", minutes: 120 },
  ],
  options: [
    { name: "Essentials", summary: "Pages A and B, no CMS", items: [0, 1] },
    { name: "Standard", items: [0, 1, 2] },
    { name: "Complete", items: [0, 1, 2, 3] },
  ],
});

async function put(quoteId: number, body: unknown) {
  return send((await routes.proposal()).PUT, "PUT", body, { id: String(quoteId) });
}

beforeAll(async () => {
  db = await readyDb();
  today = todayFor(db);
  const svc = await send((await routes.services()).POST, "POST", { name: "Web", unit: "hour", currency: "USD", marketRate: 12000, targetRate: 10000, floorRate: 8000 });
  expect(svc.status).toBe(201);
  serviceId = svc.body.id;
  const c = await send((await routes.clients()).POST, "POST", { name: "Proposal Co", leadSource: "referral", status: "active" });
  expect(c.status).toBe(201);
  clientId = c.body.id;
});

describe("PUT /quotes/:id/proposal: a three-option proposal", () => {
  test("round trip: priced from the rate card at target, read back the same, the quote's price left alone", async () => {
    const quoteId = await newQuote("Website");
    const res = await put(quoteId, threeOptions());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ quoteId, quoteTitle: "Website", clientName: "Proposal Co", status: "draft", currency: "USD", unit: "hour", shared: false, shareUrl: null, sentOn: null });
    expect(res.body.rates).toEqual({ floor: 8000, target: 10000, market: 12000 });
    expect(res.body.options.map((o: { name: string; minutes: number; price: number; priceSource: string; effectiveRate: number; standing: string; items: number[] }) => [o.name, o.minutes, o.price, o.priceSource, o.effectiveRate, o.standing, o.items])).toEqual([
      ["Essentials", 1800, 300000, "rate_card", 10000, "target_to_market", [0, 1]],
      ["Standard", 2400, 400000, "rate_card", 10000, "target_to_market", [0, 1, 2]],
      ["Complete", 2520, 420000, "rate_card", 10000, "target_to_market", [0, 1, 2, 3]],
    ]);
    expect(res.body.options[0].summary).toBe("Pages A and B, no CMS");
    const got = await send((await routes.proposal()).GET, "GET", undefined, { id: String(quoteId) });
    expect(got.status).toBe(200);
    expect(got.body).toEqual(res.body);
    const byId = await send((await routes.byId()).GET, "GET", undefined, { id: String(res.body.id) });
    expect(byId.body).toEqual(res.body);
    const list = await send((await routes.list()).GET, "GET");
    expect(list.body.find((p: { id: number }) => p.id === res.body.id)).toEqual(res.body);
    const quote = await send((await routes.quote()).GET, "GET", undefined, { id: String(quoteId) });
    expect(quote.body).toMatchObject({ quotedAmount: 400000, status: "draft", agreedAmount: null });
  });

  test("re-saving replaces items and options, keeping one proposal per quote", async () => {
    const quoteId = await newQuote("Resave");
    const first = await put(quoteId, threeOptions());
    const before = counts();
    const body = threeOptions();
    body.options = body.options.slice(0, 2);
    const second = await put(quoteId, body);
    expect(second.status).toBe(200);
    expect(second.body.id).toBe(first.body.id);
    expect(second.body.options).toHaveLength(2);
    expect(counts()).toMatchObject({ proposals: before.proposals, options: before.options - 1 });
  });

  test("rush multiplies the rate card (150% by default)", async () => {
    const quoteId = await newQuote("Rush job");
    const res = await put(quoteId, { ...threeOptions(), rush: true });
    expect(res.status).toBe(200);
    expect(res.body.rates).toEqual({ floor: 12000, target: 15000, market: 18000 });
    expect(res.body.options[0]).toMatchObject({ price: 450000, effectiveRate: 15000, standing: "target_to_market" });
  });
});

describe("bad input: a field error (400) and nothing stored", () => {
  let quoteId = 0;
  beforeAll(async () => {
    quoteId = await newQuote("Bad input");
  });
  const cases: [string, (b: ReturnType<typeof threeOptions>) => unknown, string][] = [
    ["an option with no items", (b) => ({ ...b, options: b.options.map((o, i) => (i === 1 ? { ...o, items: [] } : o)) }), "options.1.items"],
    ["zero hours", (b) => ({ ...b, items: b.items.map((it, i) => (i === 0 ? { ...it, minutes: 0 } : it)) }), "items.0.minutes"],
    ["a duplicate option name", (b) => ({ ...b, options: b.options.map((o, i) => (i === 2 ? { ...o, name: "essentials" } : o)) }), "options.2.name"],
    ["an expiry in the past", (b) => ({ ...b, expiresOn: addDays(today, -1) }), "expiresOn"],
    ["one option only", (b) => ({ ...b, options: b.options.slice(0, 1) }), "options"],
    ["an item that does not exist", (b) => ({ ...b, options: b.options.map((o, i) => (i === 0 ? { ...o, items: [0, 9] } : o)) }), "options.0.items"],
  ];
  test.each(cases)("%s → %s", async (_what, change, field) => {
    const before = counts();
    const res = await put(quoteId, change(threeOptions()));
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)).toContain(field);
    expect(counts()).toEqual(before);
    expect((await send((await routes.proposal()).GET, "GET", undefined, { id: String(quoteId) })).status).toBe(404);
  });

  test("an expiry of today is fine (the last day the client can answer)", async () => {
    const id = await newQuote("Expires today");
    expect((await put(id, { ...threeOptions(), expiresOn: today })).status).toBe(200);
  });

  test("a quote with no service cannot be priced: a field error on serviceId", async () => {
    const id = await newQuote("No service", { serviceId: null });
    const before = counts();
    const res = await put(id, threeOptions());
    expect(res.status).toBe(400);
    expect(res.body.error.fields.serviceId).toEqual(["Choose a service for this quote first: options are priced from the rate card"]);
    expect(counts()).toEqual(before);
  });

  test("the builder's form: hours as typed, unreadable ones named like the API's fields", async () => {
    const id = await newQuote("Typed hours");
    const form = (hours: string) =>
      JSON.stringify({
        rush: false,
        intro: "",
        terms: "",
        expiresOn: addDays(today, 30),
        confirmBelowFloor: false,
        items: [
          { name: "Design", hours: "7.5" },
          { name: "Build", hours },
        ],
        options: [
          { name: "Essentials", summary: "", items: [0], price: "" },
          { name: "Complete", summary: "", items: [0, 1], price: "2,500" },
        ],
      });
    const before = counts();
    let error: unknown;
    try {
      saveProposalFromForm(db, id, form("lots"), today);
    } catch (e) {
      error = e;
    }
    expect(isAppError(error, "invalid_input") && error.fields["items.1.minutes"]).toEqual(['"lots" is not a number of hours: write e.g. 6 or 7.5']);
    expect(counts()).toEqual(before);
    const saved = saveProposalFromForm(db, id, form("12"), today);
    expect(saved.items.map((i) => i.minutes)).toEqual([450, 720]);
    expect(saved.options.map((o) => [o.price, o.priceSource])).toEqual([
      [75000, "rate_card"],
      [250000, "custom"],
    ]);
  });
});

describe("the floor and the minimum fee", () => {
  test("an option priced below the floor needs 'I know': 400 without it, 200 with it", async () => {
    const quoteId = await newQuote("Below floor");
    const base = threeOptions();
    // 30 h for $2,000: $66.67/h, below the $80 floor
    const body = { ...base, options: base.options.map((o, i) => (i === 0 ? { ...o, price: 200000 } : o)) };
    const before = counts();
    const refused = await put(quoteId, body);
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields["options.0.price"][0]).toContain("$66.67/h is below your floor");
    expect(refused.body.error.fields.confirmBelowFloor).toEqual(["An option is priced below your floor"]);
    expect(counts()).toEqual(before);
    const ok = await put(quoteId, { ...body, confirmBelowFloor: true });
    expect(ok.status).toBe(200);
    expect(ok.body.belowFloorConfirmed).toBe(true);
    expect(ok.body.options[0]).toMatchObject({ price: 200000, priceSource: "custom", effectiveRate: 6667, standing: "below_floor" });
  });

  test("the minimum fee lifts a small option to it (and the floor is then judged on the fee)", async () => {
    const settings = getSettings(db);
    updateSettings(db, { ...settings, minimumFee: 500000 });
    try {
      const quoteId = await newQuote("Small job");
      const res = await put(quoteId, {
        expiresOn: addDays(today, 30),
        items: [
          { name: "Fix", minutes: 120 },
          { name: "Test", minutes: 4800 },
        ],
        options: [
          { name: "Quick fix", items: [0] },
          { name: "Fix and test", items: [0, 1] },
        ],
      });
      expect(res.status).toBe(200);
      expect(res.body.minimumFee).toBe(500000);
      expect(res.body.options[0]).toMatchObject({ minutes: 120, rateCardPrice: 20000, price: 500000, priceSource: "minimum_fee", standing: "above_market" });
      expect(res.body.options[1]).toMatchObject({ minutes: 4920, price: 820000, priceSource: "rate_card" });
    } finally {
      updateSettings(db, { ...getSettings(db), minimumFee: 0 });
    }
  });
});

describe("a saved proposal keeps the prices it was saved with", () => {
  test("re-saving after the minimum fee rose keeps the stored pricing; reprice: true prices at today's card", async () => {
    const quoteId = await newQuote("Kept prices");
    const first = await put(quoteId, threeOptions());
    expect(first.body.options.map((o: { price: number }) => o.price)).toEqual([300000, 400000, 420000]);
    updateSettings(db, { ...getSettings(db), minimumFee: 350000 });
    try {
      const body = { ...threeOptions(), intro: "Edited after it went out." };
      const kept = await put(quoteId, body);
      expect(kept.status).toBe(200);
      expect(kept.body).toMatchObject({ minimumFee: 0, intro: "Edited after it went out." });
      expect(kept.body.options.map((o: { price: number; priceSource: string }) => [o.price, o.priceSource])).toEqual([
        [300000, "rate_card"],
        [400000, "rate_card"],
        [420000, "rate_card"],
      ]);
      const repriced = await put(quoteId, { ...body, reprice: true });
      expect(repriced.status).toBe(200);
      expect(repriced.body.minimumFee).toBe(350000);
      expect(repriced.body.options.map((o: { price: number; priceSource: string }) => [o.price, o.priceSource])).toEqual([
        [350000, "minimum_fee"],
        [400000, "rate_card"],
        [420000, "rate_card"],
      ]);
      // the new pricing is now the stored one
      const again = await put(quoteId, body);
      expect(again.body.options[0]).toMatchObject({ price: 350000, priceSource: "minimum_fee" });
    } finally {
      updateSettings(db, { ...getSettings(db), minimumFee: 0 });
    }
  });

  test("reprice must be true or false", async () => {
    const quoteId = await newQuote("Reprice typed");
    const res = await put(quoteId, { ...threeOptions(), reprice: "yes" });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.reprice).toEqual(["Use true or false"]);
  });
});

describe("good / better / best go up in price; no option at $0", () => {
  test("a minimum fee that lifts Essentials and Standard to the same price → 400 on Standard's price, nothing stored", async () => {
    updateSettings(db, { ...getSettings(db), minimumFee: 410000 });
    try {
      const quoteId = await newQuote("Flat ladder");
      const before = counts();
      const res = await put(quoteId, threeOptions());
      expect(res.status).toBe(400);
      expect(res.body.error.fields["options.1.price"]).toEqual([
        "Standard includes everything in Essentials and more, so it must cost more than $4,100.00 — both are lifted to your minimum fee; add scope or type a higher price",
      ]);
      expect(Object.keys(res.body.error.fields)).toEqual(["options.1.price"]);
      expect(counts()).toEqual(before);
      // a typed higher price for Standard makes it savable
      const base = threeOptions();
      const fixed = { ...base, options: base.options.map((o, i) => (i === 1 ? { ...o, price: 415000 } : o)) };
      expect((await put(quoteId, fixed)).status).toBe(200);
    } finally {
      updateSettings(db, { ...getSettings(db), minimumFee: 0 });
    }
  });

  test("a typed price of $0 → 400 on that price", async () => {
    const quoteId = await newQuote("Zero price");
    const body = threeOptions();
    const res = await put(quoteId, { ...body, options: body.options.map((o, i) => (i === 0 ? { ...o, price: 0 } : o)) });
    expect(res.status).toBe(400);
    expect(res.body.error.fields["options.0.price"]).toEqual(["Enter a price above zero, or leave it empty to price from the rate card"]);
  });
});

describe("the rates priced with", () => {
  test("a quote in another currency: the book's rate card and minimum fee at the quote's own rate", async () => {
    updateSettings(db, { ...getSettings(db), minimumFee: 100000 });
    try {
      // 1 EUR = 1.25 USD: $80/h is €64/h, the $1,000 fee €800
      const quoteId = await newQuote("In euros", { currency: "EUR", fxRate: "1.25", quotedAmount: 300000 });
      const res = await put(quoteId, threeOptions());
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ currency: "EUR", rates: { floor: 6400, target: 8000, market: 9600 }, minimumFee: 80000 });
      expect(res.body.options[0]).toMatchObject({ price: 240000, effectiveRate: 8000 });
    } finally {
      updateSettings(db, { ...getSettings(db), minimumFee: 0 });
    }
  });

  test("the client's own rate is their target, never below the floor", async () => {
    const other = await send((await routes.clients()).POST, "POST", { name: "Own Rate Ltd", leadSource: "referral", status: "active" });
    const own = other.body.id as number;
    const quoteFor = async (title: string) => {
      const res = await send((await routes.quotes()).POST, "POST", { clientId: own, serviceId, title, estimatedMinutes: 600, quotedAmount: 100000, currency: "USD", status: "draft" });
      return res.body.id as number;
    };
    setClientRate(db, own, { serviceId, rate: 9000, effectiveFrom: addDays(today, -10), confirmBelowFloor: false });
    const a = await put(await quoteFor("Own rate"), threeOptions());
    expect(a.body.rates).toEqual({ floor: 8000, target: 9000, market: 12000 });
    expect(a.body.options[0].price).toBe(270000);
    setClientRate(db, own, { serviceId, rate: 7000, effectiveFrom: addDays(today, -5), confirmBelowFloor: true });
    const b = await put(await quoteFor("Own rate below floor"), threeOptions());
    expect(b.body.rates.target).toBe(8000);
  });
});

describe("sending: the client link on and off, marked sent", () => {
  test("on: a new secret of 256 bits each time, sent today, the draft quote becomes sent; off: the link is gone", async () => {
    const quoteId = await newQuote("Share me");
    const saved = await put(quoteId, threeOptions());
    const id = String(saved.body.id);
    const on = await send((await routes.share()).PUT, "PUT", { shared: true }, { id });
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ shared: true, sentOn: today, status: "sent" });
    const token = on.body.shareUrl.replace(/^\/p\//, "");
    expect(token).toMatch(/^[A-Za-z0-9_-]{43,}$/);
    expect(findProposalByToken(db, token)?.id).toBe(saved.body.id);
    const quote = await send((await routes.quote()).GET, "GET", undefined, { id: String(quoteId) });
    expect(quote.body).toMatchObject({ status: "sent", sentOn: today, quotedAmount: 400000 });

    const again = await send((await routes.share()).PUT, "PUT", { shared: true }, { id });
    const token2 = again.body.shareUrl.replace(/^\/p\//, "");
    expect(token2).not.toBe(token);
    expect(findProposalByToken(db, token)).toBeUndefined();

    // re-saving keeps the link and the day sent
    const resaved = await put(quoteId, threeOptions());
    expect(resaved.body).toMatchObject({ shareUrl: `/p/${token2}`, sentOn: today });

    const off = await send((await routes.share()).PUT, "PUT", { shared: false }, { id });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ shared: false, shareUrl: null, sentOn: today });
    expect(findProposal(db, saved.body.id)?.shareToken).toBeNull();
    expect(findProposalByToken(db, token2)).toBeUndefined();
  });

  test("share needs { shared: boolean }", async () => {
    const quoteId = await newQuote("Share bad");
    const saved = await put(quoteId, threeOptions());
    const res = await send((await routes.share()).PUT, "PUT", { shared: "yes" }, { id: String(saved.body.id) });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.shared).toBeDefined();
    expect(findProposal(db, saved.body.id)?.shareToken).toBeNull();
  });

  test("'I sent it as a PDF': sent today without a link; the quote is sent", async () => {
    const quoteId = await newQuote("PDF");
    const saved = await put(quoteId, threeOptions());
    const res = await send((await routes.sent()).POST, "POST", undefined, { id: String(saved.body.id) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ sentOn: today, shared: false, status: "sent" });
    expect(db.select().from(quotes).all().find((q) => q.id === quoteId)).toMatchObject({ status: "sent", sentOn: today });
  });

  test("unknown proposals are 404", async () => {
    expect((await send((await routes.share()).PUT, "PUT", { shared: true }, { id: "999999" })).status).toBe(404);
    expect((await send((await routes.byId()).GET, "GET", undefined, { id: "abc" })).status).toBe(404);
  });
});

describe("once the client answered, the proposal is kept as it was", () => {
  test("edit, share and delete → 409; an unanswered one can be deleted", async () => {
    const quoteId = await newQuote("Answered");
    const saved = await put(quoteId, threeOptions());
    const chosen = saved.body.options[1].id;
    expect(setProposalAnswer(db, saved.body.id, { chosenOptionId: chosen, declineReason: null, declineNote: null, answeredOn: today, answeredAt: new Date().toISOString() })).toBe(1);
    const before = counts();
    const edit = await put(quoteId, threeOptions());
    expect(edit.status).toBe(409);
    expect(edit.body.error.message).toBe("The client has answered this proposal; it can no longer be changed");
    expect((await send((await routes.share()).PUT, "PUT", { shared: true }, { id: String(saved.body.id) })).status).toBe(409);
    expect((await send((await routes.proposal()).DELETE, "DELETE", undefined, { id: String(quoteId) })).status).toBe(409);
    expect(counts()).toEqual(before);
    const got = await send((await routes.proposal()).GET, "GET", undefined, { id: String(quoteId) });
    expect(got.body).toMatchObject({ status: "chosen", chosenOptionId: chosen, chosenOptionName: "Standard" });

    const other = await newQuote("Delete me");
    await put(other, threeOptions());
    expect((await send((await routes.proposal()).DELETE, "DELETE", undefined, { id: String(other) })).status).toBe(204);
    expect((await send((await routes.proposal()).GET, "GET", undefined, { id: String(other) })).status).toBe(404);
  });

  test("a decided quote takes no new proposal", async () => {
    const quoteId = await newQuote("Lost", { status: "rejected", sentOn: addDays(today, -3), decidedOn: today, rejectionReason: "price" });
    const res = await put(quoteId, threeOptions());
    expect(res.status).toBe(409);
  });
});

describe("the actions: Settings' proposal fields and the builder's Save", () => {
  test("the minimum fee is typed as money in the book's currency; the business name is kept", async () => {
    const { updateSettingsAction } = await import("@/app/actions/settings");
    const s = getSettings(db);
    const fd = new FormData();
    for (const [k, v] of Object.entries(s)) if (typeof v !== "boolean") fd.set(k, String(v));
    if (s.capVerdictOnRedFlag) fd.set("capVerdictOnRedFlag", "on");
    fd.set("minimumFee", "1,500.50");
    fd.set("businessName", "Ada Studio");
    const state = await updateSettingsAction({ status: "idle" }, fd);
    expect(state).toMatchObject({ status: "ok" });
    expect(getSettings(db)).toMatchObject({ minimumFee: 150050, businessName: "Ada Studio" });
    fd.set("minimumFee", "lots");
    const bad = await updateSettingsAction({ status: "idle" }, fd);
    expect(bad.status).toBe("error");
    expect(bad.fields?.minimumFee).toBeDefined();
    expect(getSettings(db).minimumFee).toBe(150050);
    updateSettings(db, { ...getSettings(db), minimumFee: 0 });
  });

  test("Save: a field error keeps the typed payload; then saved", async () => {
    const { saveProposalAction } = await import("@/app/actions/proposals");
    const quoteId = await newQuote("Action save");
    const payload = (expiresOn: string) =>
      JSON.stringify({
        rush: false,
        intro: "",
        terms: "",
        expiresOn,
        confirmBelowFloor: false,
        items: [
          { name: "A", hours: "1" },
          { name: "B", hours: "2" },
        ],
        options: [
          { name: "Small", summary: "", items: [0], price: "" },
          { name: "Large", summary: "", items: [0, 1], price: "" },
        ],
      });
    const fd = new FormData();
    fd.set("payload", payload(addDays(today, -1)));
    const bad = await saveProposalAction(quoteId, { status: "idle" }, fd);
    expect(bad).toMatchObject({ status: "error", fields: { expiresOn: ["The expiry date cannot be in the past"] }, values: { payload: payload(addDays(today, -1)) } });
    fd.set("payload", payload(today));
    expect(await saveProposalAction(quoteId, { status: "idle" }, fd)).toMatchObject({ status: "ok", message: "Proposal saved." });
    fd.set("payload", "{not json");
    expect(await saveProposalAction(quoteId, { status: "idle" }, fd)).toMatchObject({ status: "error", message: "The form could not be read: reload the page and try again" });
  });
});
