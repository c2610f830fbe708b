/**
 * The time-entry API on a real SQLite file: create, list, delete; every bad input a 400 naming its
 * field with nothing stored; 24 h across two quotes on one day refused; work done set and cleared; and
 * the client's pay criterion moving once the time logged is what the pay is judged on.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { DB } from "@/db/connection";
import { readyDb } from "@/server/database";
import { todayFor } from "@/server/clock";
import { computeClientScore } from "@/server/scores";
import { addDays } from "@/lib/dates";
import { listTimeEntries } from "@/db/time-entries";
import { createClient, createQuote, createService, getQuote, setQuoteOutcome } from "./use-cases";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "walkaway-time-entries-"));
process.env.WALKAWAY_DB = path.join(dir, "book.db");
let db: DB;
let today: string;
let quoteA: number;
let quoteB: number;
let clientId: number;

type Routes = {
  list: typeof import("@/app/api/v1/quotes/[id]/time-entries/route");
  one: typeof import("@/app/api/v1/quotes/[id]/time-entries/[entryId]/route");
  done: typeof import("@/app/api/v1/quotes/[id]/work-done/route");
};
let r: Routes;

const ctx = (p: Record<string, string | number>) => ({ params: Promise.resolve(Object.fromEntries(Object.entries(p).map(([k, v]) => [k, String(v)]))) as never });
const send = (method: string, body: unknown) => new Request("http://x/api/v1", { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const post = (id: number | string, body: unknown) => r.list.POST(send("POST", body), ctx({ id }));
const list = async (id: number) => ((await (await r.list.GET(new Request("http://x"), ctx({ id }))).json()) as { timeEntries: { id: number; minutes: number; occurredOn: string; note: string | null }[] }).timeEntries;
const allEntries = () => [quoteA, quoteB].flatMap((q) => listTimeEntries(db, q));

beforeAll(async () => {
  db = await readyDb();
  today = todayFor(db);
  const service = createService(db, { name: "Web development", unit: "hour", currency: "USD", marketRate: 12000, targetRate: 10000, floorRate: 6000 });
  clientId = createClient(db, { name: "Creeper Ltd", leadSource: "referral", status: "active" }).id;
  const mk = (title: string) => {
    const q = createQuote(db, { clientId, serviceId: service.id, title, estimatedMinutes: 40 * 60, quotedAmount: 400000, currency: "USD", status: "sent", sentOn: addDays(today, -30) });
    setQuoteOutcome(db, q.id, { status: "accepted", agreedAmount: 400000, decidedOn: addDays(today, -29) });
    return q.id;
  };
  quoteA = mk("Shop rebuild");
  quoteB = mk("Landing page");
  r = {
    list: await import("@/app/api/v1/quotes/[id]/time-entries/route"),
    one: await import("@/app/api/v1/quotes/[id]/time-entries/[entryId]/route"),
    done: await import("@/app/api/v1/quotes/[id]/work-done/route"),
  };
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("time entries: create, list, delete", () => {
  test("POST answers 201 with the entry; GET lists it; the quote shows the minutes; DELETE removes it", async () => {
    const res = await post(quoteA, { minutes: 90, note: "Kick-off", occurredOn: addDays(today, -3) });
    expect(res.status).toBe(201);
    const entry = (await res.json()) as { id: number; quoteId: number; minutes: number; occurredOn: string; note: string };
    expect(entry).toMatchObject({ quoteId: quoteA, minutes: 90, occurredOn: addDays(today, -3), note: "Kick-off" });
    // no day sent: the book's today
    const second = (await (await post(quoteA, { minutes: 30 })).json()) as { id: number; occurredOn: string };
    expect(second.occurredOn).toBe(today);
    expect((await list(quoteA)).map((e) => e.id).sort()).toEqual([entry.id, second.id].sort());
    expect(getQuote(db, quoteA).actualMinutes).toBe(120);

    const del = await r.one.DELETE(new Request("http://x", { method: "DELETE" }), ctx({ id: quoteA, entryId: entry.id }));
    expect(del.status).toBe(204);
    expect((await list(quoteA)).map((e) => e.id)).toEqual([second.id]);
    // again, or through another quote: 404
    expect((await r.one.DELETE(new Request("http://x", { method: "DELETE" }), ctx({ id: quoteA, entryId: entry.id }))).status).toBe(404);
    expect((await r.one.DELETE(new Request("http://x", { method: "DELETE" }), ctx({ id: quoteB, entryId: second.id }))).status).toBe(404);
    expect((await list(quoteA)).length).toBe(1);
    await r.one.DELETE(new Request("http://x", { method: "DELETE" }), ctx({ id: quoteA, entryId: second.id }));
    expect(allEntries()).toEqual([]);
  });

  test.each([
    { name: "zero minutes", body: { minutes: 0 }, field: "minutes" },
    { name: "negative minutes", body: { minutes: -30 }, field: "minutes" },
    { name: "more than 24 h in one entry", body: { minutes: 24 * 60 + 1 }, field: "minutes" },
    { name: "a fraction of a minute", body: { minutes: 1.5 }, field: "minutes" },
    { name: "no time at all", body: { note: "forgot" }, field: "minutes" },
    { name: "time as text", body: { minutes: "2h" }, field: "minutes" },
    { name: "a day that has not come", body: { minutes: 60, occurredOn: "FUTURE" }, field: "occurredOn" },
    { name: "not a day", body: { minutes: 60, occurredOn: "2025-02-30" }, field: "occurredOn" },
    { name: "a note too long", body: { minutes: 60, note: "x".repeat(501) }, field: "note" },
  ])("$name → 400 naming $field, nothing stored", async ({ body, field }) => {
    const sent = "occurredOn" in body && body.occurredOn === "FUTURE" ? { ...body, occurredOn: addDays(today, 1) } : body;
    const res = await post(quoteA, sent);
    expect(res.status).toBe(400);
    const err = (await res.json()) as { error: { message: string; fields: Record<string, string[]> } };
    expect(Object.keys(err.error.fields)).toContain(field);
    expect(err.error.fields[field][0].length).toBeGreaterThan(0);
    expect(allEntries()).toEqual([]);
  });

  test("a day already holding 24 h across two quotes refuses more, on either quote", async () => {
    const day = addDays(today, -10);
    expect((await post(quoteA, { minutes: 800, occurredOn: day })).status).toBe(201);
    const over = await post(quoteB, { minutes: 700, occurredOn: day });
    expect(over.status).toBe(400);
    const err = (await over.json()) as { error: { fields: Record<string, string[]> } };
    expect(err.error.fields.minutes[0]).toContain("13.3 h is already logged");
    expect((await post(quoteB, { minutes: 640, occurredOn: day })).status).toBe(201); // exactly 24 h
    expect((await post(quoteA, { minutes: 1, occurredOn: day })).status).toBe(400);
    expect(allEntries().reduce((s, e) => s + e.minutes, 0)).toBe(1440);
    // another day is free
    expect((await post(quoteA, { minutes: 1, occurredOn: addDays(day, 1) })).status).toBe(201);
    for (const e of allEntries()) await r.one.DELETE(new Request("http://x", { method: "DELETE" }), ctx({ id: e.quoteId, entryId: e.id }));
    expect(allEntries()).toEqual([]);
  });

  test("unknown quotes are 404 for every route; a bad body is 400 or 415", async () => {
    expect((await r.list.GET(new Request("http://x"), ctx({ id: 999999 }))).status).toBe(404);
    expect((await post(999999, { minutes: 60 })).status).toBe(404);
    expect((await post("abc", { minutes: 60 })).status).toBe(404);
    expect((await r.one.DELETE(new Request("http://x", { method: "DELETE" }), ctx({ id: 999999, entryId: 1 }))).status).toBe(404);
    expect((await r.done.PUT(send("PUT", { workDoneOn: today }), ctx({ id: 999999 }))).status).toBe(404);
    expect((await r.list.POST(new Request("http://x", { method: "POST", body: "minutes=60", headers: { "content-type": "text/plain" } }), ctx({ id: quoteA }))).status).toBe(415);
    expect((await r.list.POST(new Request("http://x", { method: "POST", body: "[1]", headers: { "content-type": "application/json" } }), ctx({ id: quoteA }))).status).toBe(400);
    expect(allEntries()).toEqual([]);
  });
});

describe("work done", () => {
  test("PUT sets the day, null clears it; a future or malformed day is a 400 and changes nothing", async () => {
    const res = await r.done.PUT(send("PUT", { workDoneOn: addDays(today, -1) }), ctx({ id: quoteB }));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { workDoneOn: string }).workDoneOn).toBe(addDays(today, -1));
    const future = await r.done.PUT(send("PUT", { workDoneOn: addDays(today, 1) }), ctx({ id: quoteB }));
    expect(future.status).toBe(400);
    expect(Object.keys(((await future.json()) as { error: { fields: object } }).error.fields)).toEqual(["workDoneOn"]);
    const bad = await r.done.PUT(send("PUT", { workDoneOn: "yesterday" }), ctx({ id: quoteB }));
    expect(bad.status).toBe(400);
    const missing = await r.done.PUT(send("PUT", {}), ctx({ id: quoteB }));
    expect(missing.status).toBe(400);
    expect(getQuote(db, quoteB).workDoneOn).toBe(addDays(today, -1));
    expect((await r.done.PUT(send("PUT", { workDoneOn: null }), ctx({ id: quoteB }))).status).toBe(200);
    expect(getQuote(db, quoteB).workDoneOn ?? null).toBeNull();
  });
});

describe("the client's pay, judged on the time logged", () => {
  test("12 h logged on a 40 h job changes nothing; 70 h done drops pay and the settling goes hard", async () => {
    const pay = () => computeClientScore(db, clientId).assessment.criteria.find((c) => c.key === "pay")!;
    const settling = () => computeClientScore(db, clientId).assessment.settling.quotes.find((s) => s.quoteId === quoteA)!;
    const before = pay();
    expect(settling().settles).toBe(false);
    expect((await post(quoteA, { minutes: 12 * 60, occurredOn: addDays(today, -20) })).status).toBe(201);
    expect(pay().score).toBe(before.score); // still in progress under the estimate: judged on the estimate
    expect(settling().time?.basis).toBe("estimate_while_in_progress");
    // 70 h over a few days, then the work is done
    for (let d = 19; d >= 16; d--) expect((await post(quoteA, { minutes: 14 * 60 + 30, occurredOn: addDays(today, -d) })).status).toBe(201);
    expect(getQuote(db, quoteA).actualMinutes).toBe(70 * 60);
    expect((await r.done.PUT(send("PUT", { workDoneOn: addDays(today, -16) }), ctx({ id: quoteA }))).status).toBe(200);
    const s = settling();
    expect(s.time?.basis).toBe("time_logged");
    expect(s.crept).toBe(true);
    expect(s.effectiveRate).toBe(5714);
    expect(s.settlesHard).toBe(true);
    expect(s.moneyLeftOnTable).toBe(700000 - 400000);
    const after = pay();
    expect(after.score!).toBeLessThan(before.score!);
  });
});

describe("the offer check's booked time counts the work still to do", () => {
  test("a job agreed this week books its estimate, less the time logged on it, and nothing once done", async () => {
    const { readCapacity } = await import("@/db/history");
    const { addTimeEntry, setWorkDone } = await import("@/server/time-entries");
    const since = addDays(today, -28);
    const base = readCapacity(db, since).committedMinutes;
    const service = createService(db, { name: "Capacity work", unit: "hour", currency: "USD", marketRate: 12000, targetRate: 10000, floorRate: 6000 });
    const q = createQuote(db, { clientId, serviceId: service.id, title: "Booked job", estimatedMinutes: 20 * 60, quotedAmount: 200000, currency: "USD", status: "sent", sentOn: addDays(today, -3) });
    setQuoteOutcome(db, q.id, { status: "accepted", agreedAmount: 200000, decidedOn: addDays(today, -2) });
    expect(readCapacity(db, since).committedMinutes - base).toBe(20 * 60);
    addTimeEntry(db, q.id, { occurredOn: addDays(today, -10), minutes: 6 * 60 });
    expect(readCapacity(db, since).committedMinutes - base).toBe(14 * 60);
    // past the estimate: nothing left, never negative
    for (const back of [11, 12, 13]) addTimeEntry(db, q.id, { occurredOn: addDays(today, -back), minutes: 6 * 60 });
    expect(readCapacity(db, since).committedMinutes - base).toBe(0);
    setWorkDone(db, q.id, { workDoneOn: today });
    expect(readCapacity(db, since).committedMinutes - base).toBe(0);
  });
});
