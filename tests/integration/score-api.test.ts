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
    const allBody = (await (await all(new Request("http://x/api/v1/scores?limit=1000"), { params: Promise.resolve({}) })).json()) as { scores: { clientId: number }[]; next: string | null; total: number };
    const clients = listClients(db);
    expect(allBody.scores).toHaveLength(clients.length);
    expect(allBody).toMatchObject({ next: null, total: clients.length });
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

type Page = { scores: Record<string, unknown>[]; next: string | null; total: number };
const scoresAt = async (url: string) => {
  const { GET } = await import("@/app/api/v1/scores/route");
  return GET(new Request(`http://x${url}`), { params: Promise.resolve({}) });
};
const pageAt = async (url: string) => {
  const res = await scoresAt(url);
  expect(res.status, url).toBe(200);
  return (await res.json()) as Page;
};

describe("GET /api/v1/scores pages: limit, after, fields, verdict", () => {
  test("following next from the first page visits every client once, by id, each score whole", async () => {
    const full = await pageAt("/api/v1/scores?limit=1000");
    const ids: number[] = [];
    let url: string | null = "/api/v1/scores?limit=3";
    let pages = 0;
    while (url) {
      const page: Page = await pageAt(url);
      pages++;
      expect(page.total).toBe(full.total);
      expect(page.scores.length).toBeLessThanOrEqual(3);
      for (const s of page.scores) expect(s).toEqual(full.scores.find((f) => f.clientId === s.clientId));
      ids.push(...page.scores.map((s) => s.clientId as number));
      url = page.next;
    }
    expect(ids).toEqual(full.scores.map((s) => s.clientId));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(pages).toBe(Math.ceil(full.total / 3));
  });

  test("the default page is the first 100", async () => {
    const page = await pageAt("/api/v1/scores");
    expect(page.scores.length).toBe(Math.min(100, page.total));
    expect(page.next).toBe(page.total > 100 ? `/api/v1/scores?limit=100&after=${page.scores[99].clientId}` : null);
  });

  test("fields= keeps the client and only the fields named; verdict= pages and counts one verdict", async () => {
    const full = await pageAt("/api/v1/scores?limit=1000");
    const slim = await pageAt("/api/v1/scores?limit=1000&fields=verdict,score");
    expect(slim.scores).toEqual(full.scores.map((s) => ({ client: s.client, score: s.score, verdict: s.verdict })));
    // the verdict most clients have in the demo book: at least two, so there is a second page
    const counts = new Map<unknown, number>();
    for (const s of full.scores) counts.set(s.verdict, (counts.get(s.verdict) ?? 0) + 1);
    const verdict = [...counts].sort((a, b) => b[1] - a[1])[0][0] as string;
    const some = full.scores.filter((s) => s.verdict === verdict);
    expect(some.length).toBeGreaterThan(1);
    expect(some.length).toBeLessThan(full.total);
    const first = await pageAt(`/api/v1/scores?verdict=${verdict}&limit=1&fields=verdict`);
    expect(first).toEqual({ scores: [{ client: some[0].client, verdict }], total: some.length, next: `/api/v1/scores?limit=1&after=${some[0].clientId}&fields=verdict&verdict=${verdict}` });
    const second = await pageAt(first.next!);
    expect(second.scores).toEqual([{ client: some[1].client, verdict }]);
  });

  test("bad parameters are a 400 naming the parameter, never a 500", async () => {
    for (const [qs, field] of [
      ["limit=0", "limit"],
      ["limit=5000", "limit"],
      ["limit=abc", "limit"],
      ["after=x", "after"],
      ["fields=score,shoeSize", "fields"],
      ["verdict=maybe", "verdict"],
      ["limit=5&limit=6", "limit"],
      ["page=2", "_form"],
    ] as const) {
      const res = await scoresAt(`/api/v1/scores?${qs}`);
      expect(res.status, qs).toBe(400);
      const body = (await res.json()) as { error: { fields: Record<string, string[]> } };
      expect(Object.keys(body.error.fields), qs).toEqual([field]);
    }
  });

  test("a write shows on the next read of the same page (nothing stale), and only that client's score moves", async () => {
    const url = "/api/v1/scores?limit=1000&fields=score,evidenceCount";
    const before = await pageAt(url);
    const target = listClients(db, { q: "Northwind" })[0];
    addInteraction(db, target.id, { kind: "follow_up", answered: false });
    addInteraction(db, target.id, { kind: "follow_up", answered: false });
    const after = await pageAt(url);
    const changed = after.scores.filter((s, i) => JSON.stringify(s) !== JSON.stringify(before.scores[i]));
    expect(changed.map((s) => (s.client as { id: number }).id)).toEqual([target.id]);
    expect(after.scores.find((s) => (s.client as { id: number }).id === target.id)!.evidenceCount).toBeGreaterThan(before.scores.find((s) => (s.client as { id: number }).id === target.id)!.evidenceCount as number);
  });
});
