/**
 * Journey 1 (issue 13): editing timeline entries, the quote row's status control, and the score change a
 * logged entry reports — through the use cases, the /api/v1 PATCH routes and the server actions, on a
 * real SQLite file with the real migrations.
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
import { AppError } from "@/lib/errors";
import type { ActionState } from "@/lib/action-state";
import * as q from "./use-cases";

// the route handlers and actions read WALKAWAY_DB through the shared connection: a temp file first
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "walkaway-timeline-edit-"));
process.env.WALKAWAY_DB = path.join(dir, "book.db");
delete process.env.WALKAWAY_PASSWORD;
let db: DB;
let serviceId: number;
let seq = 0;

beforeAll(async () => {
  db = await readyDb();
  serviceId = q.createService(db, { name: "Web development", unit: "hour", currency: "USD", marketRate: 12000, targetRate: 10000, floorRate: 8000 }).id;
});
afterAll(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A client with one quote sent on 2026-11-01 (10 h for 1,000.00 = the target rate) and a 20% ask on it. */
function book(status: "prospect" | "active" | "paused" = "prospect") {
  const client = q.createClient(db, { name: `Edit ${++seq}`, leadSource: "referral", status });
  const quote = q.createQuote(db, { clientId: client.id, serviceId, title: "Landing page", estimatedMinutes: 600, quotedAmount: 100000, currency: "USD", status: "sent", sentOn: "2026-11-01" }, "2026-11-01");
  const ask = q.addQuoteEvent(db, quote.id, { kind: "discount_request", percentBp: 2000, occurredOn: "2026-11-03", note: "Budget" }, "2026-11-03");
  return { client, quote, ask };
}

function refused(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("was not refused");
}

const json = (body: unknown) => ({ method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const params = <P extends Record<string, string>>(p: P) => ({ params: Promise.resolve(p) });
const fd = (values: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
};
const idle: ActionState = { status: "idle" };

describe("editing a negotiation step", () => {
  test("a valid edit replaces the step in one go (its kind may change) and keeps its id and quote", () => {
    const { quote, ask } = book();
    const edited = q.updateQuoteEvent(db, quote.id, ask.id, { kind: "client_counter", amount: 70000, occurredOn: "2026-11-04", note: "They said 700" });
    expect(edited).toMatchObject({ id: ask.id, quoteId: quote.id, kind: "client_counter", amount: 70000, percentBp: null, occurredOn: "2026-11-04", note: "They said 700" });
    const after = q.getQuote(db, quote.id);
    expect(after.events).toHaveLength(1);
    expect(after.status).toBe("negotiating");
  });

  test("a step dated before the quote was sent is refused on occurredOn, for a new step and an edit alike; nothing changes", () => {
    const { quote, ask } = book();
    const onAdd = refused(() => q.addQuoteEvent(db, quote.id, { kind: "discount_request", percentBp: 1000, occurredOn: "2026-10-30" }));
    expect(onAdd.code).toBe("invalid_input");
    expect(Object.keys(onAdd.fields)).toEqual(["occurredOn"]);
    const onEdit = refused(() => q.updateQuoteEvent(db, quote.id, ask.id, { kind: "discount_request", percentBp: 1000, occurredOn: "2026-10-30" }));
    expect(onEdit.fields.occurredOn?.[0]).toMatch(/sent on 2026-11-01/);
    expect(q.getQuote(db, quote.id).events).toEqual([ask]);
  });

  test("a missing step, or one on another quote, is not found", () => {
    const a = book();
    const b = book();
    expect(refused(() => q.updateQuoteEvent(db, a.quote.id, 999_999, { kind: "client_counter", amount: 1 })).code).toBe("not_found");
    expect(refused(() => q.updateQuoteEvent(db, a.quote.id, b.ask.id, { kind: "client_counter", amount: 1 })).code).toBe("not_found");
    expect(q.getQuote(db, b.quote.id).events).toEqual([b.ask]);
  });

  test("an edit changes the score: giving in costs more than holding firm", () => {
    const { client, quote } = book();
    const answer = q.addQuoteEvent(db, quote.id, { kind: "my_answer", answer: "held_firm", occurredOn: "2026-11-05" });
    const pressure = () => scoreClient(db, client.id).assessment.criteria.find((c) => c.key === "pricePressure")!;
    const held = pressure();
    q.updateQuoteEvent(db, quote.id, answer.id, { kind: "my_answer", answer: "conceded", occurredOn: "2026-11-05" });
    const conceded = pressure();
    expect(conceded.score).toBeLessThan(held.score!);
    expect(conceded.evidence).not.toEqual(held.evidence);
  });
});

describe("PATCH /api/v1/quotes/{id}/events/{eventId}", () => {
  test("merges the fields sent over the stored step; null clears a field", async () => {
    const { PATCH } = await import("@/app/api/v1/quotes/[id]/events/[eventId]/route");
    const { quote, ask } = book();
    const p = params({ id: String(quote.id), eventId: String(ask.id) });
    let res = await PATCH(new Request("http://x", json({ note: "Budget is tight" })), p);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: ask.id, kind: "discount_request", percentBp: 2000, note: "Budget is tight", occurredOn: "2026-11-03" });
    res = await PATCH(new Request("http://x", json({ percentBp: null, amountOff: 15000 })), p);
    expect(await res.json()).toMatchObject({ percentBp: null, amount: 15000 });
    // the old name is still read
    res = await PATCH(new Request("http://x", json({ amountOff: null, percent: 25 })), p);
    expect(await res.json()).toMatchObject({ percentBp: 2500, amount: null });
  });

  test("bad input is a 400 naming the fields, and nothing changes; an unknown step is a 404", async () => {
    const { PATCH } = await import("@/app/api/v1/quotes/[id]/events/[eventId]/route");
    const { quote, ask } = book();
    const p = params({ id: String(quote.id), eventId: String(ask.id) });
    let res = await PATCH(new Request("http://x", json({ percentBp: 20000 })), p);
    expect(res.status).toBe(400);
    expect(Object.keys(((await res.json()) as { error: { fields: object } }).error.fields)).toEqual(["percentBp"]);
    res = await PATCH(new Request("http://x", json({ occurredOn: "2026-10-01" })), p);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { fields: Record<string, string[]> } }).error.fields.occurredOn).toHaveLength(1);
    expect(q.getQuote(db, quote.id).events).toEqual([ask]);
    res = await PATCH(new Request("http://x", json({ note: "x" })), params({ id: String(quote.id), eventId: "999999" }));
    expect(res.status).toBe(404);
  });
});

describe("editing an interaction", () => {
  test("use case: valid edit, invalid quote, missing id", () => {
    const { client, quote } = book("active");
    const other = book("active");
    const ask = q.addInteraction(db, client.id, { kind: "ask", subtype: "quick_question", minutes: 30, paid: false, occurredOn: "2026-11-05" });
    const edited = q.updateInteraction(db, client.id, ask.id, { kind: "ask", subtype: "scope_creep", minutes: 90, paid: true, quoteId: quote.id });
    expect(edited).toMatchObject({ id: ask.id, subtype: "scope_creep", minutes: 90, paid: true, quoteId: quote.id, occurredOn: "2026-11-05", initiatedBy: "client" });
    const wrongQuote = refused(() => q.updateInteraction(db, client.id, ask.id, { kind: "ask", subtype: "quick_question", minutes: 5, paid: false, quoteId: other.quote.id }));
    expect(Object.keys(wrongQuote.fields)).toEqual(["quoteId"]);
    expect(q.listInteractions(db, client.id)).toEqual([edited]);
    expect(refused(() => q.updateInteraction(db, client.id, 999_999, { kind: "follow_up", answered: true })).code).toBe("not_found");
    expect(refused(() => q.updateInteraction(db, other.client.id, ask.id, { kind: "follow_up", answered: true })).code).toBe("not_found");
  });

  test("PATCH /api/v1/clients/{id}/interactions/{interactionId}: merge, 400 with nothing changed, 404", async () => {
    const { PATCH } = await import("@/app/api/v1/clients/[id]/interactions/[interactionId]/route");
    const { client } = book("active");
    const follow = q.addInteraction(db, client.id, { kind: "follow_up", answered: false, occurredOn: "2026-11-05" });
    const p = params({ id: String(client.id), interactionId: String(follow.id) });
    let res = await PATCH(new Request("http://x", json({ answered: true })), p);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: follow.id, kind: "follow_up", answered: true, occurredOn: "2026-11-05" });
    const stored = q.listInteractions(db, client.id);
    res = await PATCH(new Request("http://x", json({ kind: "payment", daysLate: -3 })), p);
    expect(res.status).toBe(400);
    expect(Object.keys(((await res.json()) as { error: { fields: object } }).error.fields)).toEqual(["daysLate"]);
    expect(q.listInteractions(db, client.id)).toEqual(stored);
    res = await PATCH(new Request("http://x", json({ answered: true })), params({ id: String(client.id), interactionId: "999999" }));
    expect(res.status).toBe(404);
  });

  test("an edit changes the score: an unanswered follow-up made answered", () => {
    const { client } = book("active");
    const follows = [1, 2, 3].map((d) => q.addInteraction(db, client.id, { kind: "follow_up", answered: false, occurredOn: `2026-11-1${d}` }));
    const before = scoreClient(db, client.id).assessment.criteria.find((c) => c.key === "chasing")!.score!;
    for (const f of follows) q.updateInteraction(db, client.id, f.id, { kind: "follow_up", answered: true });
    const after = scoreClient(db, client.id).assessment.criteria.find((c) => c.key === "chasing")!.score!;
    expect(after).toBeGreaterThan(before);
  });
});

describe("server actions: edits and logs answer with the score change", () => {
  test("updateQuoteEventAction: the same form fields as logging; field errors keep what was typed", async () => {
    const { updateQuoteEventAction, addQuoteEventAction } = await import("@/app/actions/quotes");
    const { client, quote, ask } = book();
    const logged = await addQuoteEventAction(idle, fd({ quoteId: String(quote.id), kind: "my_answer", answer: "conceded", occurredOn: "2026-11-04" }));
    expect(logged.status).toBe("ok");
    expect(logged.scoreChange).toMatchObject({ after: scoreClient(db, client.id).assessment.score });
    const bad = await updateQuoteEventAction(quote.id, ask.id, idle, fd({ kind: "discount_request", percent: "20", occurredOn: "2026-10-01" }));
    expect(bad).toMatchObject({ status: "error", values: { percent: "20", occurredOn: "2026-10-01" } });
    expect(Object.keys(bad.fields ?? {})).toEqual(["occurredOn"]);
    const ok = await updateQuoteEventAction(quote.id, ask.id, idle, fd({ kind: "discount_request", percent: "35", occurredOn: "2026-11-03", note: "" }));
    expect(ok.status).toBe("ok");
    expect(q.getQuote(db, quote.id).events.find((e) => e.id === ask.id)).toMatchObject({ percentBp: 3500, note: null });
    const missing = await updateQuoteEventAction(quote.id, 999_999, idle, fd({ kind: "discount_request", percent: "35" }));
    expect(missing.status).toBe("error");
  });

  test("addInteractionAction and updateInteractionAction report the score before and after", async () => {
    const { addInteractionAction, updateInteractionAction } = await import("@/app/actions/interactions");
    const { client } = book("active");
    const before = scoreClient(db, client.id).assessment.score;
    const logged = await addInteractionAction(client.id, idle, fd({ kind: "ask", subtype: "unpaid_favour", minutes: "240", occurredOn: "2026-11-10" }));
    expect(logged.status).toBe("ok");
    expect(logged.scoreChange?.before).toBe(before);
    expect(logged.scoreChange?.after).toBe(scoreClient(db, client.id).assessment.score);
    expect(logged.scoreChange?.criteria.map((c) => c.key)).toContain("reciprocity");
    const [ask] = q.listInteractions(db, client.id);
    const edited = await updateInteractionAction(client.id, ask.id, idle, fd({ kind: "ask", subtype: "unpaid_favour", minutes: "240", paid: "on", occurredOn: "2026-11-10" }));
    expect(edited.status).toBe("ok");
    expect(edited.scoreChange!.after! > edited.scoreChange!.before!).toBe(true);
  });
});

describe("the quote row's status control (setQuoteOutcome with only a status)", () => {
  test("accepted: at the price on the table, decided today, and a prospect becomes active", async () => {
    const { setQuoteOutcomeAction } = await import("@/app/actions/quotes");
    const { client, quote } = book("prospect");
    q.addQuoteEvent(db, quote.id, { kind: "my_answer", answer: "met_halfway", occurredOn: "2026-11-04" });
    const state = await setQuoteOutcomeAction(quote.id, idle, fd({ status: "accepted" }));
    expect(state.status).toBe("ok");
    const after = q.getQuote(db, quote.id);
    // 20% asked, met halfway: 1,000.00 → 900.00
    expect(after).toMatchObject({ status: "accepted", agreedAmount: 90000, decidedOn: todayFor(db) });
    expect(q.getClient(db, client.id).status).toBe("active");
    expect(state.scoreChange).toBeDefined();
  });

  test("declined, expired: decided today, no price agreed; an unknown status is a field error", async () => {
    const { setQuoteOutcomeAction } = await import("@/app/actions/quotes");
    const { quote } = book("prospect");
    expect((await setQuoteOutcomeAction(quote.id, idle, fd({ status: "rejected" }))).status).toBe("ok");
    expect(q.getQuote(db, quote.id)).toMatchObject({ status: "rejected", agreedAmount: null, decidedOn: todayFor(db) });
    expect((await setQuoteOutcomeAction(quote.id, idle, fd({ status: "expired" }))).status).toBe("ok");
    expect(q.getQuote(db, quote.id).status).toBe("expired");
    const bad = await setQuoteOutcomeAction(quote.id, idle, fd({ status: "won" }));
    expect(bad.status).toBe("error");
    expect(Object.keys(bad.fields ?? {})).toEqual(["status"]);
    expect(q.getQuote(db, quote.id).status).toBe("expired");
  });

  test("a client status set by hand sticks: only prospect → active on a quote that becomes accepted", () => {
    const paused = book("paused");
    q.setQuoteOutcome(db, paused.quote.id, { status: "accepted" });
    expect(q.getClient(db, paused.client.id).status).toBe("paused");

    const { client, quote } = book("prospect");
    q.setQuoteOutcome(db, quote.id, { status: "accepted" });
    expect(q.getClient(db, client.id).status).toBe("active");
    // the user sets them back to prospect by hand; re-saving the accepted quote does not undo it
    const c = q.getClient(db, client.id);
    q.updateClient(db, client.id, { name: c.name, leadSource: c.leadSource, status: "prospect" });
    const saved = q.getQuote(db, quote.id);
    q.updateQuote(db, quote.id, { ...saved, title: "Landing page v2" });
    q.setQuoteOutcome(db, quote.id, { status: "accepted" });
    expect(q.getClient(db, client.id).status).toBe("prospect");
    // a second quote that becomes accepted is the rule again: prospect → active
    const second = q.createQuote(db, { clientId: client.id, title: "Blog", estimatedMinutes: 120, quotedAmount: 20000, currency: "USD", status: "sent" });
    q.setQuoteOutcome(db, second.id, { status: "accepted" });
    expect(q.getClient(db, client.id).status).toBe("active");
  });
});
