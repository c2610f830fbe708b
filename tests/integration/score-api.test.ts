import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { DB } from "@/db/connection";
import { readyDb } from "@/server/database";
import { loadDemoBook } from "@/server/demo";
import { addInteraction, addQuoteEvent, createQuote, getSettings, listClients, listServices, loadClientHistory } from "./use-cases";
import { assessClient } from "@/lib/worth";
import { todayFor } from "@/server/clock";

// The route handlers read WALKAWAY_DB through the shared connection: point it at a temp file first.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "walkaway-score-api-"));
process.env.WALKAWAY_DB = path.join(dir, "book.db");
let db: DB;

beforeAll(async () => {
  db = await readyDb();
  loadDemoBook(db);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const ctx = (id: string | number) => ({ params: Promise.resolve({ id: String(id) }) });
const json = (value: unknown) => JSON.parse(JSON.stringify(value));

describe("GET /api/v1/clients/{id}/score and /api/v1/scores", () => {
  test("every client's score through the API equals the pure worth model on the same rows", async () => {
    const { GET: one } = await import("@/app/api/v1/clients/[id]/score/route");
    const { GET: all } = await import("@/app/api/v1/scores/route");
    const services = listServices(db);
    const settings = getSettings(db);
    const allBody = (await (await all(new Request("http://x/api/v1/scores"), { params: Promise.resolve({}) })).json()) as { scores: { clientId: number }[] };
    const clients = listClients(db);
    expect(allBody.scores).toHaveLength(clients.length);
    for (const c of clients) {
      const expected = json(assessClient(loadClientHistory(db, c.id), services, settings, { asOf: todayFor(db) }));
      const res = await one(new Request(`http://x/api/v1/clients/${c.id}/score`), ctx(c.id));
      expect(res.status).toBe(200);
      const body = await res.json();
      expect({ ...body, client: undefined }).toEqual({ ...expected, client: undefined });
      expect(allBody.scores.find((s) => s.clientId === c.id)).toEqual(body);
    }
  });

  test("a logged event changes the score at once (no stale cache)", async () => {
    const { GET: one } = await import("@/app/api/v1/clients/[id]/score/route");
    const northwind = listClients(db, { q: "Northwind" })[0];
    const before = (await (await one(new Request("http://x"), ctx(northwind.id))).json()) as { score: number; criteria: { key: string; score: number }[] };
    const web = listServices(db).find((s) => s.name === "Web development")!;
    const q = createQuote(db, { clientId: northwind.id, serviceId: web.id, title: "Haggled", estimatedMinutes: 600, quotedAmount: 110000, currency: "USD", status: "sent" });
    addQuoteEvent(db, q.id, { kind: "discount_request", percentBp: 3000 });
    addQuoteEvent(db, q.id, { kind: "my_answer", answer: "conceded" });
    addInteraction(db, northwind.id, { kind: "follow_up", answered: false });
    const after = (await (await one(new Request("http://x"), ctx(northwind.id))).json()) as typeof before;
    const haggling = (s: typeof before) => s.criteria.find((c) => c.key === "pricePressure")!.score;
    expect(haggling(after)).toBeLessThan(haggling(before));
    expect(after.score).toBeLessThan(before.score);
  });

  test("unknown or malformed ids are 404 with a JSON error", async () => {
    const { GET: one } = await import("@/app/api/v1/clients/[id]/score/route");
    for (const id of ["999999", "abc", "0", "-1", "1e3"]) {
      const res = await one(new Request("http://x"), ctx(id));
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/No client/);
    }
  });
});
