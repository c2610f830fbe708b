// The dashboard after a write (server/dashboard-slices.ts): after any sequence of writes, the page summed
// from per-client slices patched from the change log equals the page computed from scratch, for several
// views (periods, a service, a lead source), and a write touching one client patches, it does not reread.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import Database from "better-sqlite3";
import { pruneScoreChanges } from "@/db/score-changes";
import { loadDemoBook } from "@/server/demo";
import { computeDashboard, getDashboard } from "@/server/dashboard";
import { sliceReads } from "@/server/dashboard-slices";
import { DEFAULT_FILTERS, type DashboardFilters } from "@/lib/dashboard";
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
import { LEAD_SOURCES } from "@/lib/domain";
import type { DB } from "@/db/connection";

let t: Awaited<ReturnType<typeof createTestDb>>;
let db: DB;
let today: string;
let views: DashboardFilters[];

beforeAll(async () => {
  t = await createTestDb();
  db = t.db;
  loadDemoBook(db);
  today = todayFor(db);
  const firstService = listServices(db)[0].id;
  views = [
    { ...DEFAULT_FILTERS },
    { ...DEFAULT_FILTERS, range: "all" },
    { ...DEFAULT_FILTERS, range: "90d", leadSource: "referral" },
    { ...DEFAULT_FILTERS, range: "all", serviceId: firstService },
    { ...DEFAULT_FILTERS, range: "custom", from: "2026-03-01", to: "2026-09-30" },
  ];
});
afterAll(() => t.close());

const plain = (v: unknown) => JSON.parse(JSON.stringify(v));
function expectPatchedEqualsFresh(view: DashboardFilters) {
  expect(plain(getDashboard(db, view, today))).toEqual(plain(computeDashboard(db, view, today)));
}

type Write = { name: string; run: (pick: number[]) => void };
const anyOf = <T>(xs: readonly T[], n: number): T | undefined => (xs.length ? xs[n % xs.length] : undefined);
const day = (n: number) => {
  const d = new Date(Date.UTC(2026, 0, 1) + (n % 330) * 86_400_000);
  return d.toISOString().slice(0, 10); // a fixed past calendar day, not "today"
};
const quotesOf = () => db.$client.prepare("SELECT id, client_id AS clientId FROM quotes ORDER BY id").all() as { id: number; clientId: number }[];

const writes: Write[] = [
  { name: "a new client", run: ([n]) => void createClient(db, upsertClientSchema.parse({ name: `Client ${n}` })) },
  {
    name: "a client renamed, or moved to another lead source",
    run: ([a, n]) => {
      const c = anyOf(listClients(db), a);
      if (c) updateClient(db, c.id, upsertClientSchema.parse({ name: `${c.name.slice(0, 40)} ${n}`, leadSource: anyOf(LEAD_SOURCES, n) }));
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
      const status = anyOf(["accepted", "rejected", "declined_by_me", "sent"] as const, st)!;
      if (q)
        setQuoteOutcome(
          db,
          q.id,
          quoteOutcomeSchema.parse({ status, agreedAmount: status === "accepted" ? 5_000 + amt * 10 : null, decidedOn: status === "sent" ? null : day(st + 200), rejectionReason: status === "rejected" ? "price" : null }),
        );
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
    name: "a discount request, answer or counter",
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
    run: ([b]) => updateSettings(db, { ...getSettings(db), bandKeep: 60 + (b % 20) }),
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
    name: "raw SQL: an accepted quote's date moved into or out of the period",
    run: ([a, d]) => {
      const q = anyOf(db.$client.prepare("SELECT id FROM quotes WHERE status = 'accepted' ORDER BY id").all() as { id: number }[], a);
      if (q) db.$client.prepare("UPDATE quotes SET decided_on = ? WHERE id = ?").run(d % 2 ? day(d) : "2024-06-01", q.id);
    },
  },
  {
    // the form always asks for minutes; an older import may not have them (the worth model counts 15)
    name: "raw SQL: an unpaid ask with no minutes",
    run: ([a, d]) => {
      const c = anyOf(listClients(db), a);
      if (c) db.$client.prepare("INSERT INTO interactions (client_id, kind, subtype, occurred_on) VALUES (?, 'ask', 'quick_question', ?)").run(c.id, day(d));
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

describe("the dashboard after a write", () => {
  test("after every random write, the patched page equals a fresh compute, for every view", () => {
    for (const v of views) getDashboard(db, v, today); // each view is read whole once; from here on it is patched
    fc.assert(
      fc.property(
        fc.array(fc.record({ write: fc.nat(writes.length - 1), pick: fc.array(fc.nat(1_000_000), { minLength: 4, maxLength: 4 }), read: fc.nat(views.length) }), {
          minLength: 1,
          maxLength: 6,
        }),
        (steps) => {
          for (const { write, pick, read } of steps) {
            try {
              writes[write].run(pick);
            } catch (e) {
              // a write the rules refuse changes nothing; any other failure is a real one
              if (!(e instanceof AppError)) throw e;
            }
            // read one view between writes (or none: several writes then patch at once)
            if (read < views.length) expectPatchedEqualsFresh(views[read]);
          }
          for (const v of views) expectPatchedEqualsFresh(v);
        },
      ),
      { numRuns: 50 },
    );
  });

  test("a write to one client rebuilds that client's slice only", () => {
    for (const v of views) getDashboard(db, v, today);
    const before = sliceReads(db);
    const c = listClients(db)[0];
    addInteraction(db, c.id, createInteractionSchema.parse({ kind: "ask", subtype: "scope_creep", minutes: 45, occurredOn: today }));
    const page = getDashboard(db, views[1], today);
    const after = sliceReads(db);
    expect(after.full).toBe(before.full);
    expect(after.patched).toBe(before.patched + 1);
    expect(after.clients - before.clients).toBe(1);
    expect(plain(page)).toEqual(plain(computeDashboard(db, views[1], today)));
  });

  test("a setting, or a log pruned past the kept point, reads the view whole, still equal", () => {
    getDashboard(db, views[0], today);
    let before = sliceReads(db);
    updateSettings(db, { ...getSettings(db), bandKeep: 72 });
    expectPatchedEqualsFresh(views[0]);
    expect(sliceReads(db).full).toBe(before.full + 1);

    const c = listClients(db)[0];
    addInteraction(db, c.id, createInteractionSchema.parse({ kind: "follow_up", answered: false }));
    addInteraction(db, c.id, createInteractionSchema.parse({ kind: "follow_up", answered: false }));
    pruneScoreChanges(db);
    before = sliceReads(db);
    expectPatchedEqualsFresh(views[0]);
    expect(sliceReads(db).full).toBe(before.full + 1);
  });

  test("a rolled-back write leaves the page as it was", () => {
    const before = plain(getDashboard(db, views[0], today));
    const c = listClients(db)[0];
    expect(() =>
      db.transaction(() => {
        addInteraction(db, c.id, createInteractionSchema.parse({ kind: "follow_up", answered: false }));
        // read inside the transaction: computed fresh, nothing kept
        expect(plain(getDashboard(db, views[0], today))).toEqual(plain(computeDashboard(db, views[0], today)));
        throw new Error("roll back");
      }),
    ).toThrow("roll back");
    expect(plain(getDashboard(db, views[0], today))).toEqual(before);
    expectPatchedEqualsFresh(views[0]);
  });

  test("another day is another view: read whole for that day", () => {
    const before = sliceReads(db);
    expect(plain(getDashboard(db, views[0], "2026-06-30"))).toEqual(plain(computeDashboard(db, views[0], "2026-06-30")));
    expect(sliceReads(db).full).toBe(before.full + 1);
  });
});
