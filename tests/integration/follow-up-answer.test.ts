/**
 * A follow-up whose answer is not known yet (Today's "follow up once" logs it so): it can be corrected
 * (its day, its note) without inventing an answer, its answer recorded later, and a form's "Not yet"
 * stores it as unknown. The chasing criterion counts only answered / unanswered ones.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { DB } from "@/db/connection";
import { readForm } from "@/lib/form-input";
import { createInteractionSchema, upsertClientSchema, upsertQuoteSchema } from "@/lib/schemas";
import { clientTimeline } from "@/lib/timeline";
import { readyDb } from "@/server/database";
import { followUpOnce } from "@/server/today-actions";
import { call, jsonHeaders, type RouteFn } from "./data-helpers";
import { createClient, createQuote, loadClientHistory } from "./use-cases";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "walkaway-follow-up-"));
process.env.WALKAWAY_DB = path.join(dir, "book.db");
let db: DB;
beforeAll(async () => {
  db = await readyDb();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const route = () => import("@/app/api/v1/clients/[id]/interactions/[interactionId]/route");
const patch = async (clientId: number, id: number, body: unknown) =>
  call((await route()).PATCH as RouteFn, { method: "PATCH", headers: jsonHeaders, body: JSON.stringify(body), params: { id: String(clientId), interactionId: String(id) } });

describe("a follow-up still waiting for its answer", () => {
  test("its day is corrected without inventing an answer; the answer is recorded later; null makes it unknown again", async () => {
    const c = createClient(db, upsertClientSchema.parse({ name: "Waiting Co" }));
    const q = createQuote(db, upsertQuoteSchema.parse({ clientId: c.id, title: "Site", estimatedMinutes: 600, quotedAmount: 400000, currency: "USD", status: "sent", sentOn: "2026-11-01" }), "2026-11-01");
    const f = followUpOnce(db, q.id, "2026-11-10");
    expect(f.answered).toBeNull();

    let res = await patch(c.id, f.id, { occurredOn: "2026-11-09" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: f.id, occurredOn: "2026-11-09", answered: null, quoteId: q.id });

    res = await patch(c.id, f.id, { answered: false });
    expect(await res.json()).toMatchObject({ answered: false, occurredOn: "2026-11-09" });
    res = await patch(c.id, f.id, { answered: null });
    expect(await res.json()).toMatchObject({ answered: null });
    // a wrong type is still refused, nothing changed
    res = await patch(c.id, f.id, { answered: "maybe" });
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields).toHaveProperty("answered");
    const stored = loadClientHistory(db, c.id).interactions.find((i) => i.id === f.id)!;
    expect(stored.answered).toBeNull();
    // the timeline says it is waiting, not "no answer"
    const timeline = clientTimeline(loadClientHistory(db, c.id) as Parameters<typeof clientTimeline>[0], "USD", "en-US");
    expect(JSON.stringify(timeline)).toContain("I followed up, waiting for their answer");
  });

  test.each([
    ["", null],
    ["false", false],
    ["true", true],
  ])("the form's answer %j is stored as %j", (typed, expected) => {
    const { input } = readForm(createInteractionSchema, { kind: "follow_up", answered: typed }, "USD");
    const parsed = createInteractionSchema.parse(input);
    expect(parsed.kind === "follow_up" && (parsed.answered ?? null)).toBe(expected);
  });
});
