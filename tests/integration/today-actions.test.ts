/**
 * Today's server actions (app/actions/today.ts) on a real SQLite file with the real migrations: marks
 * done / snoozed / brought back, follow up once, stop chasing both ways, walk away — and bad input is a
 * field error with what was typed kept and nothing stored.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, refresh: () => {} }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`redirect ${url}`);
  },
  notFound: () => {
    throw new Error("not-found");
  },
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {} }),
}));

import type { DB } from "@/db/connection";
import { readyDb } from "@/server/database";
import { scoreClient } from "@/server/scores";
import { todayFor } from "@/server/clock";
import { getToday } from "@/server/today";
import { addDays } from "@/lib/dates";
import type { ActionState } from "@/lib/action-state";
import * as q from "./use-cases";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "walkaway-today-actions-"));
process.env.WALKAWAY_DB = path.join(dir, "book.db");
delete process.env.WALKAWAY_PASSWORD;
let db: DB;
let today: string;
let seq = 0;

beforeAll(async () => {
  db = await readyDb();
  today = todayFor(db);
});
afterAll(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const fd = (values: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
};
const idle: ActionState = { status: "idle" };
const criterion = (clientId: number, key: string) => scoreClient(db, clientId).assessment.criteria.find((c) => c.key === key)!.score;

/** A prospect with one quote sent `sentDaysAgo` days ago, and my unanswered follow-ups on it `followUpsDaysAgo`. */
function silentQuote(sentDaysAgo: number, followUpsDaysAgo: number[] = []) {
  const client = q.createClient(db, { name: `Silent ${++seq}`, leadSource: "referral", status: "prospect" });
  const sentOn = addDays(today, -sentDaysAgo);
  const quote = q.createQuote(db, { clientId: client.id, serviceId: null, title: `Job ${seq}`, estimatedMinutes: 600, quotedAmount: 100000, currency: "USD", status: "sent", sentOn }, sentOn);
  for (const ago of followUpsDaysAgo) q.addInteraction(db, client.id, { kind: "follow_up", answered: false, quoteId: quote.id, occurredOn: addDays(today, -ago) });
  return { client, quote, key: `chase:quote:${quote.id}` };
}

const isOpen = (key: string) => getToday(db, today).items.some((i) => i.key === key);
const hiddenOf = (key: string) => getToday(db, today).hidden.find((h) => h.item.key === key);

describe("marks: done, snoozed, brought back", () => {
  test("snoozed without a day: a week; Bring back opens it again; a second Bring back says there is nothing to bring back", async () => {
    const { setTodayItemStateAction, clearTodayItemStateAction } = await import("@/app/actions/today");
    const { key } = silentQuote(9);
    expect(isOpen(key)).toBe(true);
    const snoozed = await setTodayItemStateAction(idle, fd({ key, state: "snoozed" }));
    expect(snoozed.status).toBe("ok");
    expect(isOpen(key)).toBe(false);
    expect(hiddenOf(key)).toMatchObject({ state: "snoozed", snoozedUntil: addDays(today, 7) });

    expect((await clearTodayItemStateAction(idle, fd({ key }))).status).toBe("ok");
    expect(isOpen(key)).toBe(true);
    expect(hiddenOf(key)).toBeUndefined();
    const again = await clearTodayItemStateAction(idle, fd({ key }));
    expect(again.status).toBe("error");
    expect(isOpen(key)).toBe(true);
  });

  test("done and not relevant hide the item; a snooze day picked is kept", async () => {
    const { setTodayItemStateAction } = await import("@/app/actions/today");
    const a = silentQuote(8);
    const b = silentQuote(8);
    const c = silentQuote(8);
    expect((await setTodayItemStateAction(idle, fd({ key: a.key, state: "done" }))).status).toBe("ok");
    expect((await setTodayItemStateAction(idle, fd({ key: b.key, state: "not_relevant", snoozedUntil: "" }))).status).toBe("ok");
    expect((await setTodayItemStateAction(idle, fd({ key: c.key, state: "snoozed", snoozedUntil: addDays(today, 3) }))).status).toBe("ok");
    expect([a, b, c].map((x) => hiddenOf(x.key)?.state)).toEqual(["done", "not_relevant", "snoozed"]);
    expect(hiddenOf(c.key)?.snoozedUntil).toBe(addDays(today, 3));
  });

  test("bad input: a field error on what was wrong, what was typed kept, nothing stored", async () => {
    const { setTodayItemStateAction } = await import("@/app/actions/today");
    const { key } = silentQuote(9);
    const cases: [Record<string, string>, string][] = [
      [{ key, state: "snoozed", snoozedUntil: today }, "snoozedUntil"],
      [{ key, state: "snoozed", snoozedUntil: "someday" }, "snoozedUntil"],
      [{ key, state: "done", snoozedUntil: addDays(today, 3) }, "snoozedUntil"],
      [{ key, state: "later" }, "state"],
      [{ key: "../etc/passwd", state: "done" }, "key"],
      [{ state: "done" }, "key"],
    ];
    for (const [values, field] of cases) {
      const state = await setTodayItemStateAction(idle, fd(values));
      expect(state.status, JSON.stringify(values)).toBe("error");
      expect(Object.keys(state.fields ?? {}), JSON.stringify(values)).toContain(field);
      expect(state.values).toMatchObject(values);
    }
    expect(isOpen(key)).toBe(true);
    expect(hiddenOf(key)).toBeUndefined();
  });

  test("an item no longer on Today (its quote decided) is refused in words", async () => {
    const { setTodayItemStateAction } = await import("@/app/actions/today");
    const { quote, key } = silentQuote(9);
    q.setQuoteOutcome(db, quote.id, { status: "rejected" });
    const state = await setTodayItemStateAction(idle, fd({ key, state: "done" }));
    expect(state.status).toBe("error");
    expect(state.message).toMatch(/no longer exists|not on Today/);
  });
});

describe("one-click writes", () => {
  test("follow up once: my follow-up logged today (answer unknown); a second today is refused; the item leaves", async () => {
    const { followUpOnceAction } = await import("@/app/actions/today");
    const { client, quote, key } = silentQuote(9);
    expect(isOpen(key)).toBe(true);
    expect((await followUpOnceAction(quote.id)).status).toBe("ok");
    const fus = q.listInteractions(db, client.id).filter((i) => i.kind === "follow_up");
    expect(fus).toEqual([expect.objectContaining({ quoteId: quote.id, occurredOn: today, answered: null })]);
    expect(isOpen(key)).toBe(false);
    const twice = await followUpOnceAction(quote.id);
    expect(twice.status).toBe("error");
    expect(q.listInteractions(db, client.id).filter((i) => i.kind === "follow_up")).toHaveLength(1);
  });

  test("stop chasing, expired: the quote expires today and the chasing criterion drops", async () => {
    const { markQuoteExpiredAction } = await import("@/app/actions/today");
    // sent 10 days ago (not yet a silent quote), 2 follow-ups (the chase threshold): a stop_chasing item
    const { client, quote, key } = silentQuote(10, [10, 9]);
    expect(getToday(db, today).items.find((i) => i.key === key)?.kind).toBe("stop_chasing");
    const before = criterion(client.id, "chasing")!;
    expect((await markQuoteExpiredAction(quote.id)).status).toBe("ok");
    expect(q.getQuote(db, quote.id)).toMatchObject({ status: "expired", decidedOn: today });
    expect(criterion(client.id, "chasing")!).toBeLessThan(before);
    expect(isOpen(key)).toBe(false);
    // decided: stopping again is refused
    expect((await markQuoteExpiredAction(quote.id)).status).toBe("error");
  });

  test("stop chasing, they walked away: rejected with no reason", async () => {
    const { clientWalkedAwayAction } = await import("@/app/actions/today");
    const { quote, key } = silentQuote(12, [11, 10]);
    expect((await clientWalkedAwayAction(quote.id)).status).toBe("ok");
    expect(q.getQuote(db, quote.id)).toMatchObject({ status: "rejected", rejectionReason: null, decidedOn: today });
    expect(isOpen(key)).toBe(false);
  });

  test("walk away from a client: their status; twice is refused; ids that are not ids are refused", async () => {
    const { walkAwayFromClientAction, followUpOnceAction } = await import("@/app/actions/today");
    const client = q.createClient(db, { name: `Drain ${++seq}`, leadSource: "referral", status: "active" });
    expect((await walkAwayFromClientAction(client.id)).status).toBe("ok");
    expect(q.getClient(db, client.id).status).toBe("walked_away");
    expect((await walkAwayFromClientAction(client.id)).status).toBe("error");
    for (const bad of ["1", -1, 1.5, 0] as unknown as number[]) expect((await followUpOnceAction(bad)).status).toBe("error");
    expect((await walkAwayFromClientAction(999_999)).status).toBe("error");
  });
});

describe("every action says what it did, with an undo where it is cheap", () => {
  test("a mark names the item and its undo clears it", async () => {
    const { setTodayItemStateAction, clearTodayItemStateAction } = await import("@/app/actions/today");
    const { quote, key } = silentQuote(9);
    const snoozed = await setTodayItemStateAction(idle, fd({ key, state: "snoozed", snoozedUntil: addDays(today, 3) }));
    expect(snoozed).toMatchObject({ status: "ok", undo: { type: "clear_mark", key } });
    expect(snoozed.message).toMatch(new RegExp(`^Snoozed Follow up with Silent \\d+ on \u201c${quote.title}\u201d until [A-Z][a-z]{2} \\d{1,2}, \\d{4}\\.$`));
    expect(isOpen(key)).toBe(false);
    const undone = await clearTodayItemStateAction(idle, fd({ key: snoozed.undo!.type === "clear_mark" ? snoozed.undo!.key : "" }));
    expect(undone.message).toMatch(/^Brought back Follow up with /);
    expect(isOpen(key)).toBe(true);
    const done = await setTodayItemStateAction(idle, fd({ key, state: "done" }));
    expect(done.message).toMatch(/^Marked .+ done\.$/);
  });

  test("a follow-up says when Today reminds again; its undo deletes it (only that one) and the item is back", async () => {
    const { followUpOnceAction, undoFollowUpAction } = await import("@/app/actions/today");
    const { client, quote, key } = silentQuote(9);
    const logged = await followUpOnceAction(quote.id);
    const { followUpAfterDays } = (await import("@/server/settings")).getSettings(db);
    const { formatDay } = await import("@/lib/format-date");
    expect(logged.message).toBe(`Follow-up logged: Today will remind you again on ${formatDay(addDays(today, followUpAfterDays))} if they stay quiet.`);
    expect(logged.undo).toMatchObject({ type: "delete_follow_up", quoteId: quote.id });
    expect(isOpen(key)).toBe(false);
    const u = logged.undo as { quoteId: number; interactionId: number };
    // the wrong quote, or an interaction that is not that follow-up: refused, nothing deleted
    expect((await undoFollowUpAction(quote.id + 1000, u.interactionId)).status).toBe("error");
    const undone = await undoFollowUpAction(u.quoteId, u.interactionId);
    expect(undone).toMatchObject({ status: "ok", message: "Follow-up removed." });
    expect(q.listInteractions(db, client.id).filter((i) => i.kind === "follow_up")).toEqual([]);
    expect(isOpen(key)).toBe(true);
    expect((await undoFollowUpAction(u.quoteId, u.interactionId)).status).toBe("error");
  });

  test("an answered follow-up is not undone from Today", async () => {
    const { undoFollowUpAction } = await import("@/app/actions/today");
    const { client, quote } = silentQuote(9);
    const answered = q.addInteraction(db, client.id, { kind: "follow_up", answered: true, quoteId: quote.id, occurredOn: today });
    expect((await undoFollowUpAction(quote.id, answered.id)).status).toBe("error");
    expect(q.listInteractions(db, client.id)).toHaveLength(1);
  });

  test("stop chasing says how the client's chasing moved", async () => {
    const { markQuoteExpiredAction } = await import("@/app/actions/today");
    const { client, quote } = silentQuote(10, [10, 9]);
    const before = criterion(client.id, "chasing")!;
    const state = await markQuoteExpiredAction(quote.id);
    const after = criterion(client.id, "chasing")!;
    expect(state.message).toMatch(new RegExp(`^Marked \u201c${quote.title}\u201d expired; ${client.name}\u2019s chasing ${before} \u2192 ${after}`));
    expect(state.undo).toBeUndefined();
  });

  test("a payment from Today says how late it was and how the payment criterion moved", async () => {
    const { logPaymentFromTodayAction } = await import("@/app/actions/today");
    const client = q.createClient(db, { name: `Late payer ${++seq}`, leadSource: "referral", status: "active" });
    const accepted = addDays(today, -50);
    const quote = q.createQuote(db, { clientId: client.id, serviceId: null, title: `Work ${seq}`, estimatedMinutes: 600, quotedAmount: 100000, currency: "USD", status: "accepted", sentOn: accepted, decidedOn: accepted }, accepted);
    const key = `payment:quote:${quote.id}`;
    const item = getToday(db, today).items.find((i) => i.key === key)!;
    expect(item.days).toBeGreaterThan(0);
    const state = await logPaymentFromTodayAction(quote.id, idle, fd({ paidOn: today, amount: "1000.00" }));
    expect(state.status).toBe("ok");
    expect(state.message).toMatch(new RegExp(`^Payment logged: ${item.days} days late; ${client.name}\u2019s payment `));
    expect(state.scoreChange).toBeDefined();
    expect(isOpen(key)).toBe(false);
    // bad input: a field error, nothing stored
    const again = await logPaymentFromTodayAction(quote.id, idle, fd({ paidOn: today }));
    expect(again.status).toBe("error");
    expect(q.listInteractions(db, client.id).filter((i) => i.kind === "payment")).toHaveLength(1);
  });

  test("walking away names the client", async () => {
    const { walkAwayFromClientAction } = await import("@/app/actions/today");
    const client = q.createClient(db, { name: `Drained ${++seq}`, leadSource: "referral", status: "active" });
    expect((await walkAwayFromClientAction(client.id)).message).toBe(`You walked away from ${client.name}: their status is now walked away.`);
  });
});

