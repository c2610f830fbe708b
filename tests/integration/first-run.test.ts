/**
 * The first-run step (server/settings.ts completeFirstRun) on a real SQLite file: asked while the book
 * is empty and never answered; stores the currency, time zone and locale; starts an empty book or the
 * demo book in the chosen currency; refused once the book has data; bad answers are field errors and
 * write nothing. Also the migration's rule: a book that already had data is never asked.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, test, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

import { isAppError } from "@/lib/errors";
import { firstRunSchema } from "@/lib/book-setup-schemas";
import { hasDemoData } from "@/server/demo";
import { completeFirstRun, needsFirstRun } from "@/server/settings";
import { call, jsonHeaders, type RouteFn } from "./data-helpers";
import { createTestDb } from "./helpers";
import * as q from "./use-cases";

let ctx: Awaited<ReturnType<typeof createTestDb>>;
beforeEach(async () => {
  ctx = await createTestDb();
});
afterEach(() => ctx.close());

describe("first run", () => {
  test("an empty book asks; the answers are stored and an empty book starts", () => {
    expect(needsFirstRun(ctx.db)).toBe(true);
    const { settings, demo } = completeFirstRun(ctx.db, firstRunSchema.parse({ currency: "gbp", timeZone: "Europe/London", locale: "en-GB", start: "empty" }));
    expect(settings).toMatchObject({ currency: "GBP", timeZone: "Europe/London", locale: "en-GB", hoursPerDay: 8 });
    expect(q.getSettings(ctx.db)).toEqual(settings);
    expect(demo).toBeNull();
    expect(q.isEmptyBook(ctx.db)).toBe(true);
    // answered: never asked again, even while the book is still empty
    expect(needsFirstRun(ctx.db)).toBe(false);
  });

  test("the demo book starts in the chosen currency", () => {
    const { demo } = completeFirstRun(ctx.db, { currency: "EUR", timeZone: "Europe/Berlin", locale: "de-DE", start: "demo" });
    expect(demo).toMatchObject({ clients: 12 });
    expect(new Set(q.listServices(ctx.db).map((s) => s.currency))).toEqual(new Set(["EUR"]));
    expect(new Set(q.listQuotes(ctx.db).map((x) => x.currency))).toEqual(new Set(["EUR"]));
    expect(hasDemoData(ctx.db)).toBe(true);
    expect(needsFirstRun(ctx.db)).toBe(false);
  });

  test("refused once the book has data (a second click, another tab): nothing is written", () => {
    q.createClient(ctx.db, { name: "Already here", leadSource: "other", status: "active" });
    expect(needsFirstRun(ctx.db)).toBe(false);
    const before = q.getSettings(ctx.db);
    let err: unknown;
    try {
      completeFirstRun(ctx.db, { currency: "JPY", timeZone: "Asia/Tokyo", locale: "ja-JP", start: "demo" });
    } catch (e) {
      err = e;
    }
    expect(isAppError(err, "conflict")).toBe(true);
    expect(q.getSettings(ctx.db)).toEqual(before);
    expect(q.listClients(ctx.db).map((c) => c.name)).toEqual(["Already here"]);
  });

  test.each([
    [{ currency: "ABC" }, "currency"],
    [{ currency: "" }, "currency"],
    [{ timeZone: "" }, "timeZone"],
    [{ timeZone: "Mars/Olympus" }, "timeZone"],
    [{ locale: "!!" }, "locale"],
    [{ start: "both" }, "start"],
  ])("%j is a field error on %s", (change, field) => {
    const r = firstRunSchema.safeParse({ currency: "USD", timeZone: "America/New_York", locale: "en-US", start: "empty", ...change });
    expect(r.success).toBe(false);
    expect([...new Set(r.error!.issues.map((i) => i.path.join(".")))]).toEqual([field]);
  });

  test("migration 0005: a book that had data before it is marked as past its first run", () => {
    // undo the mark as a book from before 0005 would be, then re-run the migration's own statement
    q.createClient(ctx.db, { name: "Old book", leadSource: "other", status: "active" });
    const sql = fs.readFileSync(path.join(process.cwd(), "drizzle", "0005_first_run_and_demo_rows.sql"), "utf8").split("--> statement-breakpoint").at(-1)!;
    ctx.db.$client.exec(sql);
    expect(ctx.db.$client.prepare("SELECT first_run_done FROM settings").get()).toEqual({ first_run_done: 1 });
    q.deleteClient(ctx.db, q.listClients(ctx.db)[0].id);
    expect(needsFirstRun(ctx.db)).toBe(false);
  });
});

describe("/api/v1/first-run", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "walkaway-first-run-api-"));
  process.env.WALKAWAY_DB = path.join(dir, "book.db");
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("GET says whether it is needed; POST answers it once", async () => {
    const route = await import("@/app/api/v1/first-run/route");
    const send = async (fn: RouteFn, method: string, body?: unknown) => {
      const res = await call(fn, { method, path: "/api/v1/first-run", body: body === undefined ? null : JSON.stringify(body), headers: jsonHeaders, params: {} });
      return { status: res.status, body: await res.json() };
    };
    expect((await send(route.GET as RouteFn, "GET")).body).toEqual({ needed: true });
    const bad = await send(route.POST as RouteFn, "POST", { currency: "XYZ", timeZone: "Europe/Paris", locale: "fr-FR", start: "empty" });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(["currency"]);
    expect((await send(route.GET as RouteFn, "GET")).body).toEqual({ needed: true });
    const ok = await send(route.POST as RouteFn, "POST", { currency: "EUR", timeZone: "Europe/Paris", locale: "fr-FR", start: "demo" });
    expect(ok.status).toBe(201);
    expect(ok.body.settings).toMatchObject({ currency: "EUR", timeZone: "Europe/Paris", locale: "fr-FR" });
    expect((await send(route.GET as RouteFn, "GET")).body).toEqual({ needed: false });
    expect((await send(route.POST as RouteFn, "POST", { currency: "EUR", timeZone: "Europe/Paris", locale: "fr-FR", start: "demo" })).status).toBe(409);
  });
});
