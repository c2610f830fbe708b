/**
 * A payment for tracked work is logged once, on its quote, with its days late worked out — however it is
 * logged: the client page's "A payment" form (its server action), `POST/PATCH /clients/:id/interactions`,
 * quick capture, the quote's payment route and Today. The walkthrough's scenario (issue 15, report #1):
 * Turncoat GmbH owes two sprints; "Turncoat paid 57 days late" used to be stored with no quote, so Today
 * kept the item and its "Log payment" counted the same payment a second time.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, refresh: () => {} }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {} }),
}));

import type { DB } from "@/db/connection";
import { updateQuoteRow } from "@/db/quotes";
import type { ActionState } from "@/lib/action-state";
import { addDays } from "@/lib/dates";
import { formatDay } from "@/lib/format-date";
import { todayFor } from "@/server/clock";
import { readyDb } from "@/server/database";
import { logPayment, overduePaymentItems, quotePayment } from "@/server/payments";
import { previewQuickCapture, saveQuickCapture } from "@/server/quick-capture";
import { computeClientScore } from "@/server/scores";
import { createClient, createQuote, getSettings, listInteractions, setQuoteOutcome } from "./use-cases";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "walkaway-payments-once-"));
process.env.WALKAWAY_DB = path.join(dir, "book.db");
delete process.env.WALKAWAY_PASSWORD;
let db: DB;
let today: string;
let seq = 0;
const NAMES = ["Alder", "Birch", "Cedar", "Daphne", "Elm", "Fir", "Gorse", "Hazel", "Ivy", "Juniper"];

type Routes = {
  interactions: typeof import("@/app/api/v1/clients/[id]/interactions/route");
  interaction: typeof import("@/app/api/v1/clients/[id]/interactions/[interactionId]/route");
  payment: typeof import("@/app/api/v1/quotes/[id]/payment/route");
  actions: typeof import("@/app/actions/interactions");
};
let r: Routes;

beforeAll(async () => {
  db = await readyDb();
  today = todayFor(db);
  r = {
    interactions: await import("@/app/api/v1/clients/[id]/interactions/route"),
    interaction: await import("@/app/api/v1/clients/[id]/interactions/[interactionId]/route"),
    payment: await import("@/app/api/v1/quotes/[id]/payment/route"),
    actions: await import("@/app/actions/interactions"),
  };
});
afterAll(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const ctx = (p: Record<string, string | number>) => ({ params: Promise.resolve(Object.fromEntries(Object.entries(p).map(([k, v]) => [k, String(v)]))) as never });
const send = (method: string, body: unknown) => new Request("http://x/api/v1", { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const postInteraction = (clientId: number, body: unknown) => r.interactions.POST(send("POST", body), ctx({ id: clientId }));
const fd = (values: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
};
const idle: ActionState = { status: "idle" };
const payments = (clientId: number) => listInteractions(db, clientId).filter((i) => i.kind === "payment");
const listed = (quoteId: number) => overduePaymentItems(db, today, getSettings(db)).some((i) => i.quoteId === quoteId);
const paymentEvidence = (clientId: number) => computeClientScore(db, clientId, today).assessment.criteria.find((c) => c.key === "payment")!;

/** A client with 30-day terms and the walkthrough's two sprints: accepted 87 and 57 days ago → 57 and 27 days overdue. */
function turncoat() {
  // a name without digits: a number in a quick-capture line is read as an amount
  const client = createClient(db, { name: `Turncoat ${NAMES[seq++]} GmbH`, leadSource: "referral", status: "active", paymentTermsDays: 30 });
  const accept = (title: string, ago: number) => {
    const q = createQuote(db, { clientId: client.id, title, estimatedMinutes: 600, quotedAmount: 153_000, currency: "USD", status: "sent", sentOn: addDays(today, -120) });
    return setQuoteOutcome(db, q.id, { status: "accepted", agreedAmount: 153_000, decidedOn: addDays(today, -ago) });
  };
  const sep = accept(`Sprint 2026-09 #${seq}`, 87);
  const oct = accept(`Sprint 2026-10 #${seq}`, 57);
  return { client, sep, oct };
}

describe("the client page's payment form (its server action, POST /clients/:id/interactions)", () => {
  test("a payment for a quote stores the days late worked out from its due day, closes Today's item and counts once; a second one is a 409 on the quote", async () => {
    const { client, sep, oct } = turncoat();
    expect(listed(sep.id)).toBe(true);
    const action = r.actions.addInteractionAction.bind(null, client.id);
    // the form sends a hidden daysLate of 0 with a quote chosen: the server's computed one is stored
    const ok = await action(idle, fd({ kind: "payment", quoteId: String(sep.id), daysLate: "0", occurredOn: today, amount: "", note: "" }));
    expect(ok.status, JSON.stringify(ok)).toBe("ok");
    expect(payments(client.id)).toEqual([expect.objectContaining({ quoteId: sep.id, daysLate: 57, occurredOn: today })]);
    expect(listed(sep.id)).toBe(false);
    expect(listed(oct.id)).toBe(true);
    expect(quotePayment(db, sep.id, today)).toMatchObject({ paid: { paidOn: today, daysLate: 57 }, overdue: false });
    const evidence = paymentEvidence(client.id).evidence.join(" ");

    // the same quote again, from the form: a field error on "For", what was typed kept, nothing stored
    const again = await action(idle, fd({ kind: "payment", quoteId: String(sep.id), daysLate: "0", occurredOn: today, note: "twice" }));
    expect(again.status).toBe("error");
    expect(again.fields?.quoteId?.[0]).toMatch(/was already paid on/);
    expect(again.values).toMatchObject({ quoteId: String(sep.id), note: "twice" });
    // … from the API, and from Today / the quote page
    const api = await postInteraction(client.id, { kind: "payment", quoteId: sep.id, daysLate: 57 });
    expect(api.status).toBe(409);
    expect(((await api.json()) as { error: { fields: Record<string, string[]> } }).error.fields.quoteId).toHaveLength(1);
    expect(() => logPayment(db, sep.id, {}, today)).toThrow(/Already paid/);
    expect(payments(client.id)).toHaveLength(1);
    expect(paymentEvidence(client.id).evidence.join(" ")).toBe(evidence);
  });

  test("the API: a daysLate sent with a tracked quote is replaced by the computed one; paid on a day to come or before acceptance is a 400 on occurredOn, nothing stored", async () => {
    const { client, oct } = turncoat();
    for (const [occurredOn, message] of [
      [addDays(today, 1), `Pick today (${today}) or a day before`],
      [addDays(today, -58), `The quote was accepted on ${addDays(today, -57)}: pick that day or later`],
    ] as const) {
      const bad = await postInteraction(client.id, { kind: "payment", quoteId: oct.id, daysLate: 3, occurredOn });
      expect(bad.status, occurredOn).toBe(400);
      expect(((await bad.json()) as { error: { fields: Record<string, string[]> } }).error.fields).toEqual({ occurredOn: [message] });
    }
    expect(payments(client.id)).toEqual([]);

    const res = await postInteraction(client.id, { kind: "payment", quoteId: oct.id, daysLate: 3, occurredOn: addDays(today, -7) });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ kind: "payment", quoteId: oct.id, daysLate: 20, occurredOn: addDays(today, -7) });
    expect(listed(oct.id)).toBe(false);
  });

  test("correcting the payment (PATCH): its days late follow the new day, and it is not a second payment of its own quote", async () => {
    const { client, oct } = turncoat();
    const created = (await (await postInteraction(client.id, { kind: "payment", quoteId: oct.id, daysLate: 0 })).json()) as { id: number; daysLate: number };
    expect(created.daysLate).toBe(27);
    const patch = (body: unknown) => r.interaction.PATCH(send("PATCH", body), ctx({ id: client.id, interactionId: created.id }));
    const moved = await patch({ occurredOn: addDays(today, -17), daysLate: 99 });
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({ occurredOn: addDays(today, -17), daysLate: 10, quoteId: oct.id });
    const noted = await patch({ note: "Paid by card" });
    expect(noted.status).toBe(200);
    expect(await noted.json()).toMatchObject({ daysLate: 10, note: "Paid by card" });
    expect(payments(client.id)).toHaveLength(1);
  });

  test("a payment with no quote, or on a quote whose payment is not tracked, keeps the days late typed (as before)", async () => {
    const { client, sep } = turncoat();
    updateQuoteRow(db, sep.id, { paymentTermsDays: null }); // as an imported quote
    const untracked = await postInteraction(client.id, { kind: "payment", quoteId: sep.id, daysLate: 12 });
    expect(untracked.status).toBe(201);
    expect(await untracked.json()).toMatchObject({ quoteId: sep.id, daysLate: 12 });
    const loose = await postInteraction(client.id, { kind: "payment", daysLate: 4 });
    expect(await loose.json()).toMatchObject({ quoteId: null, daysLate: 4 });
  });
});

describe("quick capture: “Turncoat paid 57 days late”", () => {
  test("two overdue: linked to the oldest and says so; then the only one left, saying which days late were stored; then none: as before", () => {
    const { client, sep, oct } = turncoat();
    const line = (days: number) => `${client.name} paid ${days} days late`;

    const first = previewQuickCapture(db, { line: line(57) }, today);
    expect(first).toMatchObject({ ready: true, quote: { id: sep.id } });
    expect(first.sentence).toBe(`${client.name} — ${sep.title}: they paid 57 days late (due ${formatDay(addDays(today, -57))}; the oldest of 2 overdue quotes)`);
    saveQuickCapture(db, { line: line(57) }, today);
    expect(payments(client.id)).toEqual([expect.objectContaining({ quoteId: sep.id, daysLate: 57 })]);
    expect(listed(sep.id)).toBe(false);
    // Today's "Log payment" on the same quote cannot count it a second time
    expect(() => logPayment(db, sep.id, {}, today)).toThrow(/Already paid/);

    const second = saveQuickCapture(db, { line: line(57) }, today);
    expect(second.preview.quote).toEqual({ id: oct.id, title: oct.title });
    expect(second.preview.sentence).toBe(
      `${client.name} — ${oct.title}: they paid 27 days late (due ${formatDay(addDays(today, -27))}) — you typed 57 days late; the days late stored are counted from the due day`,
    );
    expect(payments(client.id).find((p) => p.quoteId === oct.id)).toMatchObject({ daysLate: 27 });
    expect(listed(oct.id)).toBe(false);

    const third = saveQuickCapture(db, { line: line(5) }, today);
    expect(third.preview.quote).toBeNull();
    expect(third.preview.sentence).toBe(`${client.name}: they paid 5 days late`);
    expect(payments(client.id)).toHaveLength(3);
    expect(payments(client.id).filter((p) => p.quoteId === sep.id)).toHaveLength(1);
  });

  test("“paid late” with no number: the overdue quote gives the days; on a quote page whose quote is paid it asks for another", () => {
    const { client, sep } = turncoat();
    const p = previewQuickCapture(db, { line: `${client.name} paid late`, pageQuoteId: sep.id }, today);
    expect(p).toMatchObject({ ready: true, quote: { id: sep.id }, missing: [] });
    expect(p.sentence).toContain("they paid 57 days late");
    saveQuickCapture(db, { line: `${client.name} paid late`, pageQuoteId: sep.id }, today);
    const paid = previewQuickCapture(db, { line: `${client.name} paid late`, pageQuoteId: sep.id }, today);
    expect(paid.ready).toBe(false);
    expect(paid.missing[0]).toBe(`Another quote: “${sep.title}” was already paid on ${today}`);
  });
});
