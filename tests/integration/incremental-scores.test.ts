// Incremental scoring (server/scores.ts): after any sequence of writes, the whole-book scores patched
// client by client from the change log equal a full recompute, client for client.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import Database from "better-sqlite3";
import { pruneScoreChanges, scoreChangesSince } from "@/db/score-changes";
import { loadDemoBook } from "@/server/demo";
import { computeAllScores, holdsBookScores, scoreAllClients, scoreClient } from "@/server/scores";
import {
  addInteraction,
  addQuoteEvent,
  changeServiceRates,
  createClient,
  createQuote,
  deleteClient,
  deleteInteraction,
  deleteQuote,
  getSettings,
  listClients,
  listServices,
  setQuoteOutcome,
  updateClient,
  updateSettings,
} from "./use-cases";
import { addTimeEntry } from "@/server/time-entries";
import { todayFor } from "@/server/clock";
import { createTestDb } from "./helpers";
import { upsertClientSchema, createInteractionSchema, createQuoteEventSchema, quoteOutcomeSchema, upsertQuoteSchema } from "@/lib/schemas";
import { AppError } from "@/lib/errors";
import type { DB } from "@/db/connection";

let t: Awaited<ReturnType<typeof createTestDb>>;
let db: DB;

beforeAll(async () => {
  t = await createTestDb();
  db = t.db;
  loadDemoBook(db);
});
afterAll(() => t.close());

const plain = (v: unknown) => JSON.parse(JSON.stringify(v));
function expectIncrementalEqualsFull() {
  const patched = scoreAllClients(db);
  const full = computeAllScores(db);
  expect(patched.map((s) => s.client.id)).toEqual(full.map((s) => s.client.id));
  expect(plain(patched)).toEqual(plain(full));
}

/** One random write, through the use cases (or raw SQL, or another connection), given random numbers. */
type Write = { name: string; run: (pick: number[]) => void };
const anyOf = <T>(xs: readonly T[], n: number): T | undefined => (xs.length ? xs[n % xs.length] : undefined);
const day = (n: number) => {
  const d = new Date(Date.UTC(2026, 0, 1) + (n % 330) * 86_400_000);
  return d.toISOString().slice(0, 10); // a fixed past calendar day, not "today"
};
const quotesOf = () => db.$client.prepare("SELECT id, client_id AS clientId FROM quotes ORDER BY id").all() as { id: number; clientId: number }[];

const writes: Write[] = [
  {
    name: "a new client",
    run: ([n]) => void createClient(db, upsertClientSchema.parse({ name: `Client ${n}` })),
  },
  {
    name: "a client renamed",
    run: ([a, n]) => {
      const c = anyOf(listClients(db), a);
      if (c) updateClient(db, c.id, upsertClientSchema.parse({ name: `${c.name.slice(0, 40)} ${n}` }));
    },
  },
  {
    name: "a client deleted",
    run: ([a]) => {
      const c = anyOf(listClients(db), a);
      if (c) deleteClient(db, c.id);
    },
  },
  {
    name: "a quote",
    run: ([a, s, m, amt]) => {
      const c = anyOf(listClients(db), a);
      const svc = anyOf(listServices(db), s);
      if (c)
        createQuote(
          db,
          upsertQuoteSchema.parse({ clientId: c.id, serviceId: svc?.id ?? null, title: `Job ${m}`, estimatedMinutes: 60 + (m % 4000), quotedAmount: 10_000 + amt * 10, currency: getSettings(db).currency, status: "sent", sentOn: day(m) }),
        );
    },
  },
  {
    name: "a quote's outcome",
    run: ([a, st, amt]) => {
      const q = anyOf(quotesOf(), a);
      const status = anyOf(["accepted", "rejected", "sent"] as const, st)!;
      if (q) setQuoteOutcome(db, q.id, quoteOutcomeSchema.parse({ status, agreedAmount: status === "accepted" ? 5_000 + amt * 10 : null, decidedOn: status === "sent" ? null : day(st + 200) }));
    },
  },
  {
    name: "a quote deleted",
    run: ([a]) => {
      const q = anyOf(quotesOf(), a);
      if (q) deleteQuote(db, q.id);
    },
  },
  {
    name: "a discount request or answer",
    run: ([a, k, p]) => {
      const q = anyOf(quotesOf(), a);
      const ev = [
        { kind: "discount_request", percentBp: 100 + (p % 5000), occurredOn: day(p) },
        { kind: "my_answer", answer: anyOf(["held_firm", "conceded", "met_halfway", "cut_scope"], p), occurredOn: day(p) },
        { kind: "client_counter", amount: 1_000 + p, occurredOn: day(p) },
      ];
      if (q) addQuoteEvent(db, q.id, createQuoteEventSchema.parse(anyOf(ev, k)));
    },
  },
  {
    name: "an ask, give, follow-up or payment",
    run: ([a, k, p]) => {
      const c = anyOf(listClients(db), a);
      const it = [
        { kind: "ask", subtype: "scope_creep", minutes: 15 + (p % 600), paid: p % 3 === 0, occurredOn: day(p) },
        { kind: "give", subtype: "referral", occurredOn: day(p) },
        { kind: "follow_up", answered: p % 2 === 0, occurredOn: day(p) },
        { kind: "payment", daysLate: p % 60, occurredOn: day(p) },
      ];
      if (c) addInteraction(db, c.id, createInteractionSchema.parse(anyOf(it, k)));
    },
  },
  {
    name: "an interaction deleted",
    run: ([a]) => {
      const row = anyOf(db.$client.prepare("SELECT id, client_id AS clientId FROM interactions ORDER BY id").all() as { id: number; clientId: number }[], a);
      if (row) deleteInteraction(db, row.clientId, row.id);
    },
  },
  {
    name: "time logged on a quote",
    run: ([a, m]) => {
      const q = anyOf(quotesOf(), a);
      if (q) addTimeEntry(db, q.id, { minutes: 30 + (m % 600), occurredOn: day(m) });
    },
  },
  {
    name: "a rate change from a date",
    run: ([s, r, d]) => {
      const svc = anyOf(listServices(db), s);
      if (svc) changeServiceRates(db, svc.id, { effectiveFrom: day(d), marketRate: 9_000 + r, targetRate: 8_000 + r, floorRate: 6_000 + (r % 2_000) });
    },
  },
  {
    name: "a setting (the keep band)",
    run: ([b]) => {
      const s = getSettings(db);
      updateSettings(db, { ...s, bandKeep: 60 + (b % 20) });
    },
  },
  {
    name: "raw SQL: a quote moved to another client",
    run: ([a, b]) => {
      const q = anyOf(quotesOf(), a);
      const c = anyOf(listClients(db), b);
      if (q && c) db.$client.prepare("UPDATE quotes SET client_id = ? WHERE id = ?").run(c.id, q.id);
    },
  },
  {
    name: "raw SQL: a discount request on a quote (no use case touching the quote)",
    run: ([a, p]) => {
      const q = anyOf(quotesOf(), a);
      if (q) db.$client.prepare("INSERT INTO quote_events (quote_id, kind, percent_bp, occurred_on) VALUES (?, 'discount_request', ?, ?)").run(q.id, 500 + (p % 3000), day(p));
    },
  },
  {
    name: "raw SQL: time logged on an accepted quote",
    run: ([a, m]) => {
      const q = anyOf(db.$client.prepare("SELECT id FROM quotes WHERE status = 'accepted' ORDER BY id").all() as { id: number }[], a);
      if (q) db.$client.prepare("INSERT INTO time_entries (quote_id, occurred_on, minutes) VALUES (?, ?, ?)").run(q.id, day(m), 60 + (m % 1200));
    },
  },
  {
    name: "raw SQL: a rate row from a past date (the card itself untouched)",
    run: ([s, r, d]) => {
      const svc = anyOf(listServices(db), s);
      if (svc)
        db.$client
          .prepare("INSERT OR IGNORE INTO service_rates (service_id, effective_from, market_rate, target_rate, floor_rate) VALUES (?, ?, ?, ?, ?)")
          .run(svc.id, day(d), 20_000 + r, 15_000 + (r % 5_000), 5_000 + (r % 5_000));
    },
  },
  {
    name: "another connection (a CLI script) logs an unanswered follow-up",
    run: ([a]) => {
      const c = anyOf(listClients(db), a);
      if (!c) return;
      const other = new Database(t.file);
      try {
        other.prepare("INSERT INTO interactions (client_id, kind, answered, occurred_on) VALUES (?, 'follow_up', 0, ?)").run(c.id, day(a));
      } finally {
        other.close();
      }
    },
  },
];

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
