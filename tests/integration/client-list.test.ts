import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { DB } from "@/db/connection";
import { loadDemoBook } from "@/server/demo";
import { clientListPage } from "@/server/clients";
import { computeAllScores } from "@/server/scores";
import { CLIENT_SORTS, CLIENTS_PAGE_SIZE, clientListRow, type ClientSort } from "@/lib/client-list";
import type { ClientListParams } from "@/db/clients";
import { createTestDb } from "./helpers";
import * as q from "./use-cases";

let db: DB;
let close: () => void;

beforeAll(async () => {
  ({ db, close } = await createTestDb());
  loadDemoBook(db);
  // past one page, with names that sort differently by code point and by locale (case, accents), a shared
  // name (ties by id) and clients nobody has scored yet
  const names = ["émile Works", "Zed & Co", "alpha studio", "Álvaro Design", "Beta Ltd", "beta ltd"];
  for (let i = 0; i < 64; i++) {
    const c = q.createClient(db, { name: `${names[i % names.length]} ${i % 7}`, company: i % 3 ? `Company ${i}` : null, status: i % 4 ? "active" : "prospect", leadSource: "referral" });
    if (i % 5 === 0) q.addInteraction(db, c.id, { kind: "follow_up", answered: false });
  }
});
afterAll(() => close());

/** The list as it was built before it was paged in place: every client scored, filtered, sorted with localeCompare. */
function reference(params: ClientListParams, sort: ClientSort): number[] {
  const visible = new Set(q.listClients(db, params).map((c) => c.id));
  const rows = computeAllScores(db).filter((r) => visible.has(r.client.id));
  rows.sort((a, b) => {
    if (sort === "name") return a.client.name.localeCompare(b.client.name) || a.client.id - b.client.id;
    if (sort === "left") return b.assessment.settling.moneyLeftOnTable - a.assessment.settling.moneyLeftOnTable || a.client.name.localeCompare(b.client.name) || a.client.id - b.client.id;
    return (a.assessment.score ?? 101) - (b.assessment.score ?? 101) || a.client.name.localeCompare(b.client.name) || a.client.id - b.client.id;
  });
  return rows.map((r) => r.client.id);
}

function walk(params: ClientListParams, sort: ClientSort) {
  const first = clientListPage(db, params, sort, 1);
  const ids = [...first.rows.map((r) => r.id)];
  for (let p = 2; p <= first.pages; p++) ids.push(...clientListPage(db, params, sort, p).rows.map((r) => r.id));
  return { first, ids };
}

describe("the clients list, paged in place", () => {
  test.each(CLIENT_SORTS)("sorted by %s, every page together is the whole list in the old order", (sort) => {
    for (const params of [{}, { q: "beta" }, { status: "active" as const }, { q: "ÉMILE", status: "prospect" as const }, { q: "50%_" }]) {
      const { first, ids } = walk(params, sort);
      const expected = reference(params, sort);
      expect(ids, `${sort} ${JSON.stringify(params)}`).toEqual(expected);
      expect(first.total).toBe(expected.length);
      expect(first.pages).toBe(Math.max(1, Math.ceil(expected.length / CLIENTS_PAGE_SIZE)));
      expect(first.rows.length).toBe(Math.min(CLIENTS_PAGE_SIZE, expected.length));
    }
    expect(walk({}, sort).first.pages).toBeGreaterThan(1);
  });

  test("a shown row says what the old row said, from the same score", () => {
    const settings = q.getSettings(db);
    const all = new Map(computeAllScores(db).map((s) => [s.client.id, s] as const));
    for (const row of clientListPage(db, {}, "score", 1).rows) expect(row).toEqual(clientListRow(all.get(row.id)!, settings));
    const left = clientListPage(db, {}, "left", 1).rows[0];
    expect(left.left).toMatch(/^\$[\d,]+\.\d\d$/);
    const unscored = clientListPage(db, {}, "score", 2).rows.at(-1)!;
    expect(unscored).toMatchObject({ score: null, verdict: "not_enough_data", left: "–" });
  });

  test("an unreadable or too-high page shows the first or the last", () => {
    const last = clientListPage(db, {}, "name", 2);
    expect(clientListPage(db, {}, "name", 99).rows).toEqual(last.rows);
    expect(clientListPage(db, {}, "name", "x").page).toBe(1);
    expect(clientListPage(db, {}, "name", -2).page).toBe(1);
    expect(clientListPage(db, { q: "nobody by this name" }, "score", 1)).toMatchObject({ total: 0, rows: [], pages: 1, page: 1 });
  });

  test("after a write the list follows at once (the kept order is dropped with the data version)", () => {
    const before = walk({}, "score").ids;
    const last = q.getClient(db, before.at(-1)!);
    // a client with no evidence gets three bad follow-ups: scored now, and low
    for (let i = 0; i < 3; i++) q.addInteraction(db, last.id, { kind: "follow_up", answered: false });
    const after = walk({}, "score").ids;
    expect(after).toEqual(reference({}, "score"));
    expect(after.indexOf(last.id)).toBeLessThan(before.indexOf(last.id));
    q.updateClient(db, last.id, { name: "Aaaa first by name", leadSource: "referral", status: "active" });
    expect(clientListPage(db, {}, "name", 1).rows[0]).toMatchObject({ id: last.id, name: "Aaaa first by name" });
  });
});
