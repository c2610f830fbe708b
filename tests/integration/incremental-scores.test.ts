// Incremental scoring (server/scores.ts): after any sequence of writes, the whole-book scores patched
// client by client from the change log equal a full recompute, client for client.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { pruneScoreChanges, scoreChangesSince } from "@/db/score-changes";
import { loadDemoBook } from "@/server/demo";
import { computeAllScores, holdsBookScores, scoreAllClients, scoreClient } from "@/server/scores";
import { addInteraction, createClient, getSettings, listClients, updateSettings } from "./use-cases";
import { todayFor } from "@/server/clock";
import { createTestDb } from "./helpers";
import { randomWrites, type Write } from "./random-writes";
import { upsertClientSchema, createInteractionSchema } from "@/lib/schemas";
import { AppError } from "@/lib/errors";
import type { DB } from "@/db/connection";

let t: Awaited<ReturnType<typeof createTestDb>>;
let db: DB;

beforeAll(async () => {
  t = await createTestDb();
  db = t.db;
  loadDemoBook(db);
  writes = randomWrites(t);
});
afterAll(() => t.close());

const plain = (v: unknown) => JSON.parse(JSON.stringify(v));
function expectIncrementalEqualsFull() {
  const patched = scoreAllClients(db);
  const full = computeAllScores(db);
  expect(patched.map((s) => s.client.id)).toEqual(full.map((s) => s.client.id));
  expect(plain(patched)).toEqual(plain(full));
}

let writes: Write[];
const anyOf = <T>(xs: readonly T[], n: number): T | undefined => (xs.length ? xs[n % xs.length] : undefined);

describe("incremental scoring", () => {
  test("after every random write, the patched whole-book scores equal a full recompute", () => {
    scoreAllClients(db); // the book is scored once for today; from here on it is patched
    expect(holdsBookScores(db)).toBe(true);
    fc.assert(
      fc.property(
        fc.array(fc.record({ write: fc.nat(writes.length - 1), pick: fc.array(fc.nat(1_000_000), { minLength: 4, maxLength: 4 }), read: fc.nat(3) }), { minLength: 1, maxLength: 6 }),
        (steps) => {
          for (const { write, pick, read } of steps) {
            try {
              writes[write].run(pick);
            } catch (e) {
              // a write the rules refuse changes nothing; any other failure is a real one
              if (!(e instanceof AppError)) throw e;
            }
            // read between writes the way the app does: one client's page (patches a few), or nothing
            const c = anyOf(listClients(db), pick[0]);
            if (read === 1 && c) expect(plain(scoreClient(db, c.id))).toEqual(plain(computeAllScores(db).find((s) => s.client.id === c.id)));
            if (read !== 3) expectIncrementalEqualsFull();
          }
          expectIncrementalEqualsFull();
        },
      ),
      { numRuns: 60 },
    );
  });

  test("a write logs only the clients it touches; a setting logs every client", () => {
    const [a, b] = listClients(db);
    const since = scoreChangesSince(db, 0).latest;
    addInteraction(db, a.id, createInteractionSchema.parse({ kind: "follow_up", answered: false }));
    expect(scoreChangesSince(db, since)).toEqual({ latest: expect.any(Number), all: false, clientIds: [a.id] });
    expect(b.id).not.toBe(a.id);
    const mid = scoreChangesSince(db, 0).latest;
    updateSettings(db, { ...getSettings(db), bandKeep: 70 });
    expect(scoreChangesSince(db, mid).all).toBe(true);
  });

  test("a log pruned past the cached point rescores the whole book, still equal", () => {
    scoreAllClients(db);
    const c = listClients(db)[0];
    addInteraction(db, c.id, createInteractionSchema.parse({ kind: "follow_up", answered: false }));
    addInteraction(db, c.id, createInteractionSchema.parse({ kind: "follow_up", answered: false }));
    pruneScoreChanges(db);
    expectIncrementalEqualsFull();
  });

  test("a rolled-back write leaves the patched scores as they were", () => {
    const before = plain(scoreAllClients(db));
    const c = listClients(db)[0];
    expect(() =>
      db.transaction(() => {
        // the use case's write joins this transaction, rolled back below
        addInteraction(db, c.id, createInteractionSchema.parse({ kind: "follow_up", answered: false }));
        throw new Error("roll back");
      }),
    ).toThrow("roll back");
    expect(plain(scoreAllClients(db))).toEqual(before);
    expectIncrementalEqualsFull();
  });

  test("today's date names the scores: the cached book is for today", () => {
    scoreAllClients(db);
    expect(holdsBookScores(db, todayFor(db))).toBe(true);
    expect(holdsBookScores(db, "1999-01-01")).toBe(false);
  });
});

describe("the day's scores, ready ahead (server/score-schedule.ts)", () => {
  test("a check scores the book once for today, then has nothing to do until the day turns", async () => {
    const { scoreTick } = await import("@/server/score-schedule");
    const fresh = await createTestDb();
    try {
      loadDemoBook(fresh.db);
      expect(holdsBookScores(fresh.db)).toBe(false);
      expect(await scoreTick(fresh.db)).toBe(true);
      expect(holdsBookScores(fresh.db)).toBe(true);
      // the change log is pruned to its newest entry once the book is scored
      expect(fresh.db.$client.prepare("SELECT count(*) FROM score_changes").pluck().get()).toBe(1);
      expect(await scoreTick(fresh.db)).toBe(false);
      // a write is patched, not a reason to rescore the book
      addInteraction(fresh.db, listClients(fresh.db)[0].id, createInteractionSchema.parse({ kind: "follow_up", answered: false }));
      expect(await scoreTick(fresh.db)).toBe(false);
    } finally {
      fresh.close();
    }
  });

  test("writes landing while the book is scored a few clients per turn are patched in, equal to a full recompute", async () => {
    const { warmBookScores } = await import("@/server/scores");
    const fresh = await createTestDb();
    try {
      loadDemoBook(fresh.db);
      const clients = listClients(fresh.db);
      const warming = warmBookScores(fresh.db, 3); // the first 3 clients are scored before this returns
      // a write to a client already scored, one to a client not yet read, and a new client
      addInteraction(fresh.db, clients[0].id, createInteractionSchema.parse({ kind: "follow_up", answered: false }));
      addInteraction(fresh.db, clients[clients.length - 1].id, createInteractionSchema.parse({ kind: "ask", subtype: "scope_creep", minutes: 240 }));
      createClient(fresh.db, upsertClientSchema.parse({ name: "Arrived mid-way" }));
      expect(await warming).toBe(true);
      expect(plain(scoreAllClients(fresh.db))).toEqual(plain(computeAllScores(fresh.db)));
    } finally {
      fresh.close();
    }
  });
});
