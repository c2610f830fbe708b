/**
 * Today on a real SQLite file: the list through GET /api/v1/today, marks through PUT/DELETE
 * /api/v1/today/items/{key}, and the one-click writes (follow up once, stop chasing, walk away). The
 * clock is fixed (only Date is faked): "today" is 2026-11-30 in the book's time zone (UTC).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { openDatabase, type DB } from "@/db/connection";
import { listInteractions } from "@/db/interactions";
import { listTodayItemStates } from "@/db/today-states";
import { upsertClientSchema, upsertQuoteSchema } from "@/lib/schemas";
import { TODAY_ORDER, type TodayItem, type TodayList } from "@/lib/today";
import { exportFileSchema } from "@/lib/export-schema";
import { exportBook } from "@/server/book";
import { readyDb } from "@/server/database";
import { computeClientScore } from "@/server/scores";
import { TODAY_SOURCES, findTodayItem, getToday, todayCount } from "@/server/today";
import { loadDemoBook } from "@/server/demo";
import { followUpOnce, setTodayItemState, stopChasing } from "@/server/today-actions";
import { call, jsonHeaders, type RouteFn } from "./data-helpers";
import { createTestDb } from "./helpers";
import { addQuoteEvent, createClient, createQuote, createTemplate, getClient, getQuote } from "./use-cases";

const TODAY = "2026-11-30";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "walkaway-today-api-"));
process.env.WALKAWAY_DB = path.join(dir, "book.db");
let db: DB;

beforeAll(async () => {
  db = await readyDb();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.useRealTimers());

/** Fix "now" for the routes (they read today from server/clock.ts). */
function onDay(day: string) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(`${day}T12:00:00Z`));
}

let seq = 0;
function book(d: DB, name: string, status: "active" | "prospect" = "prospect") {
  return createClient(d, upsertClientSchema.parse({ name: `${name} ${++seq}`, status }));
}
function sentQuote(d: DB, clientId: number, sentOn: string, title = "Website") {
  return createQuote(d, upsertQuoteSchema.parse({ clientId, title, estimatedMinutes: 600, quotedAmount: 400000, currency: "USD", status: "sent", sentOn }), sentOn);
}

const routes = {
  today: () => import("@/app/api/v1/today/route"),
  item: () => import("@/app/api/v1/today/items/[key]/route"),
  followUp: () => import("@/app/api/v1/quotes/[id]/follow-up/route"),
  stopChasing: () => import("@/app/api/v1/quotes/[id]/stop-chasing/route"),
  walkAway: () => import("@/app/api/v1/clients/[id]/walk-away/route"),
};
const put = (fn: RouteFn, key: string, body: unknown) => call(fn, { method: "PUT", headers: jsonHeaders, body: JSON.stringify(body), params: { key } });
async function list(): Promise<TodayList> {
  const res = await call((await routes.today()).GET as RouteFn, { path: "/api/v1/today" });
  expect(res.status).toBe(200);
  return res.json();
}

describe("GET /api/v1/today and item marks", () => {
  test("an answer owed lists; done hides it; a new ask brings it back", async () => {
    onDay(TODAY);
    const c = book(db, "Haggler");
    const q = sentQuote(db, c.id, "2026-11-01");
    addQuoteEvent(db, q.id, { kind: "discount_request", percentBp: 2000, occurredOn: "2026-11-26" }, TODAY);
    const key = `answer:quote:${q.id}`;
    let today = await list();
    const item = today.items.find((i) => i.key === key)!;
    expect(item).toMatchObject({ kind: "answer_owed", days: 4, amount: { value: 320000, currency: "USD" } });
    expect(item.reason).toBe("They asked for 20% off (\u2212$800.00) on Nov 26, 2026; waiting 4 days on your answer.");
    expect(todayCount(db, TODAY)).toBe(today.items.length);

    const { PUT } = await routes.item();
    const res = await put(PUT as RouteFn, key, { state: "done" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ itemKey: key, state: "done", fingerprint: item.fingerprint, snoozedUntil: null });
    today = await list();
    expect(today.items.map((i) => i.key)).not.toContain(key);
    expect(today.hidden.find((h) => h.item.key === key)).toMatchObject({ state: "done", snoozedUntil: null });
    expect(todayCount(db, TODAY)).toBe(today.items.length);

    addQuoteEvent(db, q.id, { kind: "my_answer", answer: "held_firm", occurredOn: "2026-11-27" }, TODAY);
    addQuoteEvent(db, q.id, { kind: "client_counter", amount: 350000, occurredOn: "2026-11-29" }, TODAY);
    today = await list();
    expect(today.items.find((i) => i.key === key)).toMatchObject({ kind: "answer_owed", reason: expect.stringMatching(/^They countered at \$3,500\.00 on Nov 29, 2026/) });
    expect(today.hidden.map((h) => h.item.key)).not.toContain(key);
  });

  test("a snooze hides the item until its day, a week by default; DELETE clears it", async () => {
    onDay(TODAY);
    const c = book(db, "Quiet");
    const q = sentQuote(db, c.id, "2026-11-20");
    const key = `chase:quote:${q.id}`;
    expect((await list()).items.find((i) => i.key === key)).toMatchObject({ kind: "follow_up", days: 10 });
    const { PUT, DELETE } = await routes.item();
    const res = await put(PUT as RouteFn, encodeURIComponent(key), { state: "snoozed" });
    expect(res.status).toBe(200);
    expect((await res.json()).snoozedUntil).toBe("2026-12-07");
    expect((await list()).hidden.find((h) => h.item.key === key)).toMatchObject({ state: "snoozed", snoozedUntil: "2026-12-07" });
    onDay("2026-12-06");
    expect((await list()).items.map((i) => i.key)).not.toContain(key);
    onDay("2026-12-07");
    expect((await list()).items.map((i) => i.key)).toContain(key);

    onDay(TODAY);
    expect((await put(PUT as RouteFn, key, { state: "not_relevant" })).status).toBe(200);
    expect((await list()).items.map((i) => i.key)).not.toContain(key);
    expect((await call(DELETE as RouteFn, { method: "DELETE", params: { key } })).status).toBe(204);
    expect((await list()).items.map((i) => i.key)).toContain(key);
    expect((await call(DELETE as RouteFn, { method: "DELETE", params: { key } })).status).toBe(404);
  });

  test("bad input: 400 with field errors (404 for an item Today does not list), nothing stored", async () => {
    onDay(TODAY);
    const c = book(db, "Bad input");
    const q = sentQuote(db, c.id, "2026-11-01");
    const key = `chase:quote:${q.id}`;
    const { PUT } = await routes.item();
    const before = listTodayItemStates(db);
    const cases: [string, unknown, number, string][] = [
      [key, { state: "snoozed", snoozedUntil: TODAY }, 400, "snoozedUntil"],
      [key, { state: "snoozed", snoozedUntil: "2026-11-02" }, 400, "snoozedUntil"],
      [key, { state: "done", snoozedUntil: "2026-12-24" }, 400, "snoozedUntil"],
      [key, { state: "later" }, 400, "state"],
      [key, {}, 400, "state"],
      [`chase:quote:${q.id + 999}`, { state: "done" }, 404, ""],
      ["not a key", { state: "done" }, 404, ""],
    ];
    for (const [k, body, status, field] of cases) {
      const res = await put(PUT as RouteFn, k, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      if (field) expect(Object.keys((await res.json()).error.fields)).toContain(field);
    }
    expect(listTodayItemStates(db)).toEqual(before);
  });
});

describe("follow up once, stop chasing, walk away", () => {
  test("the ghost: two follow-ups, then stop chasing moves the chasing criterion and the score down", async () => {
    onDay(TODAY);
    const c = book(db, "Ghost", "active");
    const q = sentQuote(db, c.id, "2026-10-20");
    const { POST: followUp } = await routes.followUp();
    const fu = (day: string) => {
      onDay(day);
      return call(followUp as RouteFn, { method: "POST", params: { id: String(q.id) } });
    };
    const first = await fu("2026-10-28");
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ kind: "follow_up", quoteId: q.id, answered: null, initiatedBy: "me", occurredOn: "2026-10-28" });
    expect((await fu("2026-10-28")).status).toBe(409);
    expect((await fu("2026-11-10")).status).toBe(201);

    onDay(TODAY);
    const key = `chase:quote:${q.id}`;
    const item = (await list()).items.find((i) => i.key === key)!;
    expect(item.kind).toBe("stop_chasing");
    expect(item.reason).toContain("Pursuit without reciprocity creates the opposite of attraction.");
    const before = computeClientScore(db, c.id, TODAY).assessment;
    const chasingBefore = before.criteria.find((k) => k.key === "chasing")!.score;

    const { POST } = await routes.stopChasing();
    const bad = await call(POST as RouteFn, { method: "POST", headers: jsonHeaders, body: JSON.stringify({ how: "later" }), params: { id: String(q.id) } });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields.how).toBeDefined();
    expect(getQuote(db, q.id).status).toBe("sent");

    const res = await call(POST as RouteFn, { method: "POST", headers: jsonHeaders, body: JSON.stringify({ how: "expired" }), params: { id: String(q.id) } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: q.id, status: "expired", decidedOn: TODAY });
    expect(listInteractions(db, c.id).map((i) => i.answered)).toEqual([false, false]);
    const after = computeClientScore(db, c.id, TODAY).assessment;
    const chasingAfter = after.criteria.find((k) => k.key === "chasing")!.score!;
    // before: a silent quote counted, the follow-ups not yet (answer unknown); after: both unanswered follow-ups too
    expect(chasingBefore).not.toBeNull();
    expect(chasingAfter).toBeLessThan(chasingBefore!);
    expect(after.score!).toBeLessThan(before.score!);
    expect((await list()).items.map((i) => i.key)).not.toContain(key);

    const again = await call(POST as RouteFn, { method: "POST", headers: jsonHeaders, body: JSON.stringify({ how: "walked_away" }), params: { id: String(q.id) } });
    expect(again.status).toBe(409);
    expect((await fu(TODAY)).status).toBe(409);
  });

  test("they walked away: the quote is rejected with no reason given", () => {
    const c = book(db, "Vanished");
    const q = sentQuote(db, c.id, "2026-11-01");
    followUpOnce(db, q.id, "2026-11-10");
    const out = stopChasing(db, q.id, "walked_away", TODAY);
    expect(out).toMatchObject({ status: "rejected", rejectionReason: null, decidedOn: TODAY });
  });

  test("a follow-up waiting for its answer is a valid row of the book's export", () => {
    const c = book(db, "Pending");
    const q = sentQuote(db, c.id, "2026-11-01");
    followUpOnce(db, q.id, "2026-11-10");
    const parsed = exportFileSchema.safeParse(JSON.parse(JSON.stringify(exportBook(db))));
    expect(parsed.success, parsed.success ? "" : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
  });

  test("follow up once: the message is the user's default follow-up template, filled in", async () => {
    const t = await createTestDb();
    try {
      const c = book(t.db, "Templated");
      const q = sentQuote(t.db, c.id, "2026-11-02", "Logo");
      const key = `chase:quote:${q.id}`;
      expect(getToday(t.db, TODAY).items.find((i) => i.key === key)?.message).toMatch(/^Hi Templated \d+, following up on my quote for Logo \(\$4,000\.00\), sent on Nov 2, 2026\./);
      createTemplate(t.db, { kind: "follow_up_message", name: "Mine", body: "{client}: still keen on {quote}?", isDefault: true });
      expect(getToday(t.db, TODAY).items.find((i) => i.key === key)?.message).toBe(`${c.name}: still keen on Logo?`);
    } finally {
      t.close();
    }
  });

  test("a client who replied to a follow-up is not chased", () => {
    const c = book(db, "Replied");
    const q = sentQuote(db, c.id, "2026-11-01");
    const i = followUpOnce(db, q.id, "2026-11-10");
    const key = `chase:quote:${q.id}`;
    expect(getToday(db, "2026-11-16").items.map((x) => x.key)).not.toContain(key);
    expect(getToday(db, "2026-11-17").items.find((x) => x.key === key)).toMatchObject({ kind: "follow_up", fingerprint: "sent|1|2026-11-10" });
    // they answered that follow-up (as the interaction form records it): no chase any more
    db.$client.prepare("UPDATE interactions SET answered = 1 WHERE id = ?").run(i.id);
    expect(getToday(db, TODAY).items.map((x) => x.key)).not.toContain(key);
  });

  test("walk away from a client: status walked away; twice is a conflict; unknown is 404", async () => {
    onDay(TODAY);
    const c = book(db, "Leaving", "active");
    const { POST } = await routes.walkAway();
    const res = await call(POST as RouteFn, { method: "POST", params: { id: String(c.id) } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: c.id, status: "walked_away" });
    expect(getClient(db, c.id).status).toBe("walked_away");
    expect((await call(POST as RouteFn, { method: "POST", params: { id: String(c.id) } })).status).toBe(409);
    expect((await call(POST as RouteFn, { method: "POST", params: { id: "999999" } })).status).toBe(404);
  });

  test("a draft cannot be chased; an unknown quote is 404", async () => {
    onDay(TODAY);
    const c = book(db, "Drafty");
    const d = createQuote(db, upsertQuoteSchema.parse({ clientId: c.id, title: "Draft", estimatedMinutes: 60, quotedAmount: 10000, currency: "USD" }), TODAY);
    const { POST } = await routes.followUp();
    expect((await call(POST as RouteFn, { method: "POST", params: { id: String(d.id) } })).status).toBe(409);
    expect((await call(POST as RouteFn, { method: "POST", params: { id: "999999" } })).status).toBe(404);
    expect(listInteractions(db, c.id)).toEqual([]);
  });
});

describe("one list, however it is made", () => {
  test("the demo book: every item found by its key is the list's item; walk-away clients are listed", async () => {
    const t = await createTestDb();
    try {
      loadDemoBook(t.db, new Date(`${TODAY}T12:00:00Z`));
      const list = getToday(t.db, TODAY);
      expect(list.items.length).toBeGreaterThan(0);
      for (const item of list.items) expect(findTodayItem(t.db, item.key, TODAY)).toEqual(item);
      expect(todayCount(t.db, TODAY)).toBe(list.items.length);
      const kinds = list.items.map((i) => i.kind);
      expect(kinds).toContain("answer_owed");
      expect(kinds).toContain("walk_away");
      expect(kinds).toEqual([...kinds].sort((a, b) => TODAY_ORDER.indexOf(a) - TODAY_ORDER.indexOf(b)));
    } finally {
      t.close();
    }
  });

  test("one client, one message: a walk-away client has no raise item, and their answer owed says to consider declining", async () => {
    const t = await createTestDb();
    try {
      loadDemoBook(t.db, new Date(`${TODAY}T12:00:00Z`));
      const items = getToday(t.db, TODAY).items;
      const walkAway = new Set(items.filter((i) => i.kind === "walk_away").map((i) => i.clientId));
      expect(walkAway.size).toBeGreaterThan(0);
      expect(items.filter((i) => i.kind === "raise_due" && walkAway.has(i.clientId))).toEqual([]);
      const owed = items.filter((i) => i.kind === "answer_owed");
      for (const i of owed) {
        if (walkAway.has(i.clientId)) expect(i.reason).toMatch(/ Fit \d+\/100: walk-away band \u2014 consider declining\.$/);
        else expect(i.reason).not.toMatch(/consider declining/);
      }
      expect(owed.some((i) => walkAway.has(i.clientId))).toBe(true);
      // the same client's raise cannot be marked either: Today does not list it
      const { raiseDueItems } = await import("@/server/raises");
      const { getSettings } = await import("@/db/settings");
      const hiddenRaise = raiseDueItems(t.db, TODAY, getSettings(t.db)).find((i) => walkAway.has(i.clientId));
      expect(hiddenRaise).toBeDefined();
      expect(findTodayItem(t.db, hiddenRaise!.key, TODAY)).toBeUndefined();
    } finally {
      t.close();
    }
  });

  test("a reminder after my answer: held firm, then silence → follow up once → stop chasing (the negotiating quote expires)", async () => {
    const t = await createTestDb();
    try {
      const c = book(t.db, "Quiet after my answer");
      const q = sentQuote(t.db, c.id, "2026-10-20");
      addQuoteEvent(t.db, q.id, { kind: "discount_request", percentBp: 1000, occurredOn: "2026-11-01" }, TODAY);
      addQuoteEvent(t.db, q.id, { kind: "my_answer", answer: "held_firm", occurredOn: "2026-11-03" }, TODAY);
      expect(getQuote(t.db, q.id).status).toBe("negotiating");
      const key = `chase:quote:${q.id}`;
      expect(getToday(t.db, "2026-11-09").items.find((i) => i.key === key)).toBeUndefined();
      const first = getToday(t.db, "2026-11-11").items.find((i) => i.key === key)!;
      expect(first).toMatchObject({ kind: "follow_up", reason: "You answered on Nov 3, 2026 ($4,000.00); no reply in 8 days: follow up once.", since: "2026-11-03" });
      followUpOnce(t.db, q.id, "2026-11-11");
      followUpOnce(t.db, q.id, "2026-11-19");
      const stop = getToday(t.db, TODAY).items.find((i) => i.key === key)!;
      expect(stop.kind).toBe("stop_chasing");
      expect(findTodayItem(t.db, key, TODAY)).toEqual(stop);
      stopChasing(t.db, q.id, "expired", TODAY);
      expect(getQuote(t.db, q.id).status).toBe("expired");
      expect(listInteractions(t.db, c.id).filter((i) => i.kind === "follow_up").map((i) => i.answered)).toEqual([false, false]);
      expect(getToday(t.db, TODAY).items.find((i) => i.key === key)).toBeUndefined();
    } finally {
      t.close();
    }
  });

  test("items from another part (TODAY_SOURCES) are ordered, marked and found like the rules' own", async () => {
    const t = await createTestDb();
    const c = book(t.db, "Sourced", "active");
    const source = (): TodayItem[] => [
      { key: `payment:quote:77`, kind: "payment_overdue", clientId: c.id, clientName: c.name, quoteId: 77, title: "Paid?", reason: "12 days late", since: "2026-11-18", days: 12, fingerprint: "due|2026-11-18", actions: [] },
      { key: `raise:client:${c.id}:1`, kind: "raise_due", clientId: c.id, clientName: c.name, quoteId: null, title: "Raise", reason: "13 months", since: "2025-10-01", days: 425, fingerprint: "r1", actions: [] },
    ];
    TODAY_SOURCES.push(source);
    try {
      const q = sentQuote(t.db, c.id, "2026-11-01");
      expect(getToday(t.db, TODAY).items.map((i) => i.key)).toEqual([`chase:quote:${q.id}`, "payment:quote:77", `raise:client:${c.id}:1`]);
      setTodayItemState(t.db, `raise:client:${c.id}:1`, { state: "not_relevant" }, TODAY);
      expect(getToday(t.db, TODAY).items.map((i) => i.key)).toEqual([`chase:quote:${q.id}`, "payment:quote:77"]);
      expect(() => setTodayItemState(t.db, "payment:quote:78", { state: "done" }, TODAY)).toThrow(/not on Today any more/);
    } finally {
      TODAY_SOURCES.splice(TODAY_SOURCES.indexOf(source), 1);
      t.close();
    }
  });
});

describe("marks survive a restart", () => {
  test("done and snoozed hold after reopening the database file", async () => {
    const t = await createTestDb();
    try {
      const c = book(t.db, "Restart");
      const a = sentQuote(t.db, c.id, "2026-11-01", "One");
      const b = sentQuote(t.db, c.id, "2026-11-02", "Two");
      setTodayItemState(t.db, `chase:quote:${a.id}`, { state: "done" }, TODAY);
      setTodayItemState(t.db, `chase:quote:${b.id}`, { state: "snoozed", snoozedUntil: "2026-12-03" }, TODAY);
      expect(getToday(t.db, TODAY).items).toEqual([]);
      t.db.$client.close();
      const reopened = openDatabase(t.file);
      try {
        const today = getToday(reopened, TODAY);
        expect(today.items).toEqual([]);
        expect(today.hidden.map((h) => [h.item.key, h.state])).toEqual([
          [`chase:quote:${a.id}`, "done"],
          [`chase:quote:${b.id}`, "snoozed"],
        ]);
        expect(getToday(reopened, "2026-12-03").items.map((i) => i.key)).toEqual([`chase:quote:${b.id}`]);
      } finally {
        reopened.$client.close();
      }
    } finally {
      fs.rmSync(t.dir, { recursive: true, force: true });
    }
  });

  test("a stale mark is cleared when another is set", async () => {
    const t = await createTestDb();
    try {
      const c = book(t.db, "Stale");
      const a = sentQuote(t.db, c.id, "2026-11-01", "One");
      const b = sentQuote(t.db, c.id, "2026-11-02", "Two");
      setTodayItemState(t.db, `chase:quote:${a.id}`, { state: "done" }, TODAY);
      followUpOnce(t.db, a.id, "2026-11-20");
      expect(getToday(t.db, TODAY).items.map((i) => i.key)).toContain(`chase:quote:${a.id}`);
      setTodayItemState(t.db, `chase:quote:${b.id}`, { state: "not_relevant" }, TODAY);
      expect(listTodayItemStates(t.db).map((s) => s.itemKey)).toEqual([`chase:quote:${b.id}`]);
    } finally {
      t.close();
    }
  });
});
