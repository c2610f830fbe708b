/**
 * The API answers in the units it reads (minutes, basis points), still accepts the older names
 * (estimatedHours, scopeHours, percent), and a GET can be edited and sent back. Server actions go
 * through one wrapper: a refused delete says so.
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

import { readyDb } from "@/server/database";
import { call, jsonHeaders, type RouteFn } from "./data-helpers";
import * as q from "./use-cases";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "walkaway-api-units-"));
process.env.WALKAWAY_DB = path.join(dir, "book.db");
let clientId = 0;
let serviceId = 0;

beforeAll(async () => {
  const db = await readyDb();
  clientId = q.createClient(db, { name: "Acme", leadSource: "referral", status: "active" }).id;
  serviceId = q.createService(db, { name: "Web", unit: "hour", currency: "USD", marketRate: 12000, targetRate: 10000, floorRate: 7000 }).id;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// route handlers typed with their own path params, called with plain ones
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyRoute = (req: Request, ctx: { params: Promise<any> }) => Promise<Response>;
const send = (fn: AnyRoute, method: string, body: unknown, params: Record<string, string> = {}) =>
  call(fn as RouteFn, { method, path: "/api/v1/x", body: JSON.stringify(body), headers: jsonHeaders, params });

describe("one unit in and out", () => {
  test("a quote created with estimatedHours answers estimatedMinutes; a PATCH of the title keeps it; GET → PUT round-trips", async () => {
    const quotes = await import("@/app/api/v1/quotes/route");
    const one = await import("@/app/api/v1/quotes/[id]/route");
    const created = await send(quotes.POST, "POST", { clientId, serviceId, title: "Site", estimatedHours: 7.5, quotedAmount: 75000, currency: "USD", status: "sent" });
    expect(created.status).toBe(201);
    const quote = await created.json();
    expect(quote.estimatedMinutes).toBe(450);
    expect(quote).not.toHaveProperty("estimatedHours");
    const params = { id: String(quote.id) };

    const renamed = await (await send(one.PATCH, "PATCH", { title: "Site v2" }, params)).json();
    expect(renamed).toMatchObject({ title: "Site v2", estimatedMinutes: 450 });
    expect((await (await send(one.PATCH, "PATCH", { estimatedHours: 2 }, params)).json()).estimatedMinutes).toBe(120);
    expect((await (await send(one.PATCH, "PATCH", { estimatedMinutes: 90 }, params)).json()).estimatedMinutes).toBe(90);

    const { events: _events, ...asStored } = await (await call(one.GET as RouteFn, { params })).json();
    const put = await send(one.PUT, "PUT", asStored, params);
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({ title: "Site v2", estimatedMinutes: 90, quotedAmount: 75000 });
  });

  test("a discount in percent or in basis points is stored in basis points; a bad value is named as it was sent", async () => {
    const quote = q.createQuote(await readyDb(), { clientId, serviceId, title: "Events", estimatedMinutes: 600, quotedAmount: 100000, currency: "USD", status: "sent" });
    const events = await import("@/app/api/v1/quotes/[id]/events/route");
    const params = { id: String(quote.id) };
    const byPercent = await send(events.POST, "POST", { kind: "discount_request", percent: 12.5 }, params);
    expect(byPercent.status).toBe(201);
    expect((await byPercent.json()).percentBp).toBe(1250);
    expect((await (await send(events.POST, "POST", { kind: "discount_request", percentBp: 2000 }, params)).json()).percentBp).toBe(2000);
    expect((await (await send(events.POST, "POST", { kind: "my_answer", answer: "cut_scope", scopeHours: 5 }, params)).json()).scopeMinutes).toBe(300);

    const tooMuch = await send(events.POST, "POST", { kind: "discount_request", percent: 150 }, params);
    expect(tooMuch.status).toBe(400);
    expect(Object.keys((await tooMuch.json()).error.fields)).toEqual(["percent"]);
    const tooMuchBp = await send(events.POST, "POST", { kind: "discount_request", percentBp: 15000 }, params);
    expect(Object.keys((await tooMuchBp.json()).error.fields)).toEqual(["percentBp"]);
  });
});

describe("what the API stores, the importer accepts (no impossible rows)", () => {
  test("a decision dated before the quote was sent is refused; a decision with no date is not dated before it either", async () => {
    const outcome = await import("@/app/api/v1/quotes/[id]/outcome/route");
    const quote = q.createQuote(await readyDb(), { clientId, serviceId, title: "Dated", estimatedMinutes: 60, quotedAmount: 10000, currency: "USD", status: "sent", sentOn: "2026-11-20" });
    const params = { id: String(quote.id) };
    const early = await send(outcome.POST, "POST", { status: "rejected", decidedOn: "2026-11-01" }, params);
    expect(early.status).toBe(400);
    expect(Object.keys((await early.json()).error.fields)).toEqual(["decidedOn"]);
    const future = q.createQuote(await readyDb(), { clientId, serviceId, title: "Sent later", estimatedMinutes: 60, quotedAmount: 10000, currency: "USD", status: "sent", sentOn: "2099-01-01" });
    const decided = await (await send(outcome.POST, "POST", { status: "accepted" }, { id: String(future.id) })).json();
    expect(decided.decidedOn).toBe("2099-01-01");
  });

  test("a prospect whose quote is accepted is an active client; a rejection leaves them a prospect", async () => {
    const db = await readyDb();
    const outcome = await import("@/app/api/v1/quotes/[id]/outcome/route");
    const lead = q.createClient(db, { name: "Lead", leadSource: "inbound", status: "prospect" });
    const first = q.createQuote(db, { clientId: lead.id, serviceId, title: "First", estimatedMinutes: 60, quotedAmount: 10000, currency: "USD", status: "sent" });
    await send(outcome.POST, "POST", { status: "rejected", rejectionReason: "wrong_timing" }, { id: String(first.id) });
    expect(q.getClient(db, lead.id).status).toBe("prospect");
    const second = q.createQuote(db, { clientId: lead.id, serviceId, title: "Second", estimatedMinutes: 60, quotedAmount: 10000, currency: "USD", status: "sent" });
    expect((await send(outcome.POST, "POST", { status: "accepted" }, { id: String(second.id) })).status).toBe(200);
    expect(q.getClient(db, lead.id).status).toBe("active");
  });

  test("a service with quotes keeps its currency (409 on currency); one without quotes may change it", async () => {
    const service = await import("@/app/api/v1/services/[id]/route");
    const body = { name: "Web", unit: "hour" as const, currency: "EUR", marketRate: 12000, targetRate: 10000, floorRate: 7000 };
    const refused = await send(service.PUT, "PUT", body, { id: String(serviceId) });
    expect(refused.status).toBe(409);
    expect(Object.keys((await refused.json()).error.fields)).toEqual(["currency"]);
    const lone = q.createService(await readyDb(), { ...body, name: "Lonely", currency: "USD" });
    expect((await send(service.PUT, "PUT", { ...body, name: "Lonely" }, { id: String(lone.id) })).status).toBe(200);
  });
});

describe("bad queries are 400s, not 500s", () => {
  test("a search over 200 characters names the field", async () => {
    const clients = await import("@/app/api/v1/clients/route");
    const res = await call(clients.GET as RouteFn, { path: `/api/v1/clients?q=${"a".repeat(201)}` });
    expect(res.status).toBe(400);
    expect(Object.keys((await res.json()).error.fields)).toEqual(["q"]);
  });
});

describe("server actions: one wrapper", () => {
  test("a delete of something that is not there says so instead of reporting success", async () => {
    const { deleteTemplateAction } = await import("@/app/actions/templates");
    const { deleteInteractionAction } = await import("@/app/actions/interactions");
    expect(await deleteTemplateAction(999_999)).toMatchObject({ status: "error", message: expect.stringMatching(/^This template no longer exists/) });
    expect(await deleteInteractionAction(clientId, 999_999)).toMatchObject({ status: "error", message: expect.stringMatching(/^This interaction no longer exists/) });
    expect(await deleteTemplateAction(-1 as number)).toMatchObject({ status: "error" });
    // a tampered call: `true` is not the id 1
    expect(await deleteTemplateAction(true as unknown as number)).toMatchObject({ status: "error", message: expect.stringMatching(/does not exist/) });
  });

  test("with sign-in on and no valid session, an action writes nothing and says so, keeping what was typed", async () => {
    const { createClientAction } = await import("@/app/actions/clients");
    const before = q.listClients(await readyDb()).length;
    process.env.WALKAWAY_PASSWORD = "correct-horse-9";
    try {
      const state = await createClientAction({ status: "idle" }, (() => {
        const fd = new FormData();
        fd.append("name", "Sneaky");
        return fd;
      })());
      expect(state).toMatchObject({ status: "error", message: expect.stringMatching(/^Sign in first/), values: { name: "Sneaky" } });
    } finally {
      delete process.env.WALKAWAY_PASSWORD;
    }
    expect(q.listClients(await readyDb()).length).toBe(before);
  });

  test("a form keeps what was typed and names the field it was typed in (hours on the quote form)", async () => {
    const { createQuoteAction } = await import("@/app/actions/quotes");
    const fd = new FormData();
    for (const [k, v] of Object.entries({ clientId: String(clientId), title: "T", estimatedHours: "-3", quotedAmount: "1,200", currency: "USD" })) fd.append(k, v);
    const state = await createQuoteAction({ status: "idle" }, fd);
    expect(state.status).toBe("error");
    expect(Object.keys(state.fields ?? {})).toEqual(["estimatedHours"]);
    expect(state.values).toMatchObject({ estimatedHours: "-3", quotedAmount: "1,200" });
  });
});
