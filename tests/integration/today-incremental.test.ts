// Today patched after a write (server/today.ts): after any sequence of writes, the items kept per client
// and remade only for the clients a write touched equal the whole book's items made from scratch.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import Database from "better-sqlite3";
import { loadDemoBook } from "@/server/demo";
import { computeTodayItems, todayItems } from "@/server/today";
import { planRaise, setClientRate } from "@/server/raises";
import { setTodayItemState } from "@/server/today-actions";
import {
  addInteraction,
  addQuoteEvent,
  createClient,
  createQuote,
  createTemplate,
  deleteClient,
  deleteQuote,
  getSettings,
  listClients,
  listServices,
  listTemplates,
  setQuoteOutcome,
  updateClient,
  updateSettings,
  updateTemplate,
} from "./use-cases";
import { todayFor } from "@/server/clock";
import { addDays } from "@/lib/dates";
import { createTestDb } from "./helpers";
import { createInteractionSchema, createQuoteEventSchema, quoteOutcomeSchema, upsertClientSchema, upsertQuoteSchema, upsertTemplateSchema } from "@/lib/schemas";
import { clientRateSchema, planRaiseSchema } from "@/lib/raise-schemas";
import { AppError } from "@/lib/errors";
import type { DB } from "@/db/connection";
import type { TodayItem } from "@/lib/today/types";

let t: Awaited<ReturnType<typeof createTestDb>>;
let db: DB;
let today: string;

beforeAll(async () => {
  t = await createTestDb();
  db = t.db;
  loadDemoBook(db);
  today = todayFor(db);
});
afterAll(() => t.close());

const plain = (items: readonly TodayItem[]) => JSON.parse(JSON.stringify([...items].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))));
/** the kinds of item the comparisons saw (the property below compared something) */
const seen = new Set<string>();
function expectPatchedEqualsFull() {
  const patched = todayItems(db, today);
  for (const i of patched) seen.add(i.kind);
  expect(plain(patched)).toEqual(plain(computeTodayItems(db, today)));
}

type Write = (pick: number[]) => void;
const anyOf = <T>(xs: readonly T[], n: number): T | undefined => (xs.length ? xs[n % xs.length] : undefined);
/** a day in the last 200 days (items depend on how long ago things were) */
const ago = (n: number) => addDays(today, -(n % 200));
const quotesOf = (where = "1") => db.$client.prepare(`SELECT id, client_id AS clientId FROM quotes WHERE ${where} ORDER BY id`).all() as { id: number; clientId: number }[];
const clientIds = () => listClients(db).map((c) => c.id);

const writes: Write[] = [
  ([n]) => void createClient(db, upsertClientSchema.parse({ name: `Client ${n}`, status: "active" })),
  ([a, s]) => {
    const c = anyOf(listClients(db), a);
    if (c) updateClient(db, c.id, upsertClientSchema.parse({ name: c.name, status: anyOf(["active", "walked_away", "prospect"], s) }));
  },
  ([a]) => {
    const c = anyOf(listClients(db), a);
    if (c) deleteClient(db, c.id);
  },
  // a quote sent some days ago (a follow-up due), or accepted long ago with terms (a payment overdue, a raise due)
  ([a, s, m, k]) => {
    const c = anyOf(listClients(db), a);
    const svc = anyOf(listServices(db), s);
    if (!c || !svc) return;
    const accepted = k % 2 === 0;
    createQuote(
      db,
      upsertQuoteSchema.parse({
        clientId: c.id,
        serviceId: svc.id,
        title: `Job ${m}`,
        estimatedMinutes: 120 + (m % 2000),
        quotedAmount: 20_000 + m,
        currency: getSettings(db).currency,
        status: accepted ? "accepted" : "sent",
        sentOn: addDays(today, -((m % 150) + 30)),
        ...(accepted ? { agreedAmount: 20_000 + m, decidedOn: addDays(today, -((m % 150) + 20)), workDoneOn: addDays(today, -((m % 150) + 10)) } : {}),
      }),
    );
  },
  ([a, st, amt]) => {
    const q = anyOf(quotesOf(), a);
    const status = anyOf(["accepted", "rejected", "sent"] as const, st)!;
    if (q) setQuoteOutcome(db, q.id, quoteOutcomeSchema.parse({ status, agreedAmount: status === "accepted" ? 5_000 + amt : null, decidedOn: status === "sent" ? null : ago(st) }));
  },
  ([a]) => {
    const q = anyOf(quotesOf(), a);
    if (q) deleteQuote(db, q.id);
  },
  // their ask (an answer owed) or my answer (a chase)
  ([a, k, p]) => {
    const q = anyOf(quotesOf("status IN ('sent', 'negotiating')"), a);
    const ev = [
      { kind: "discount_request", percentBp: 500 + (p % 3000), occurredOn: ago(p) },
      { kind: "my_answer", answer: "held_firm", occurredOn: ago(p) },
    ];
    if (q) addQuoteEvent(db, q.id, createQuoteEventSchema.parse(anyOf(ev, k)));
  },
  // my follow-up on an open quote, or a payment logged
  ([a, k, p]) => {
    const q = anyOf(quotesOf("status IN ('sent', 'negotiating', 'accepted')"), a);
    if (!q) return;
    const it = [
      { kind: "follow_up", quoteId: q.id, answered: null, occurredOn: ago(p) },
      { kind: "payment", quoteId: q.id, daysLate: p % 30, occurredOn: ago(p) },
    ];
    addInteraction(db, q.clientId, createInteractionSchema.parse(anyOf(it, k)));
  },
  // the client's own rate (their raise due changes), or a raise planned
  ([a, s, r, k]) => {
    const c = anyOf(clientIds(), a);
    const svc = anyOf(listServices(db), s);
    if (!c || !svc) return;
    if (k % 2) setClientRate(db, c, clientRateSchema.parse({ serviceId: svc.id, effectiveFrom: ago(r + 400), rate: 1_000 + (r % 50_000), confirmBelowFloor: true }));
    else planRaise(db, planRaiseSchema.parse({ clientId: c, serviceId: svc.id, newRate: 20_000 + r, effectiveFrom: addDays(today, 30), confirmBelowFloor: true }), today);
  },
  // the follow-up template (every chase's message)
  ([n]) => {
    const mine = listTemplates(db).find((x) => x.kind === "follow_up_message");
    const input = upsertTemplateSchema.parse({ kind: "follow_up_message", name: "Nudge", body: `Any news on {quote}, {client}? (${n})`, isDefault: true });
    if (mine) updateTemplate(db, mine.id, input);
    else createTemplate(db, input);
  },
  // a setting (when to follow up)
  ([d]) => void updateSettings(db, { ...getSettings(db), followUpAfterDays: 3 + (d % 10) }),
  // a mark (marks are applied after the items: they change no item)
  ([a]) => {
    const item = anyOf(todayItems(db, today), a);
    if (item) setTodayItemState(db, item.key, { state: "done" }, today);
  },
  // raw SQL and another connection: the change log sees them too
  ([a, p]) => {
    const q = anyOf(quotesOf("status IN ('sent', 'negotiating')"), a);
    if (q) db.$client.prepare("INSERT INTO quote_events (quote_id, kind, percent_bp, occurred_on) VALUES (?, 'discount_request', ?, ?)").run(q.id, 500 + (p % 3000), ago(p));
  },
  ([a, p]) => {
    const q = anyOf(quotesOf("status IN ('sent', 'negotiating')"), a);
    if (!q) return;
    const other = new Database(t.file);
    try {
      other.prepare("INSERT INTO interactions (client_id, quote_id, kind, answered, occurred_on) VALUES (?, ?, 'follow_up', NULL, ?)").run(q.clientId, q.id, ago(p));
    } finally {
      other.close();
    }
  },
];

describe("Today patched after a write", () => {
  test("the demo book has items of several kinds (the property below checks something)", () => {
    const kinds = new Set(todayItems(db, today).map((i) => i.kind));
    expect(kinds.size).toBeGreaterThanOrEqual(3);
  });

  test("after every random write, the patched items equal the whole book's made from scratch", () => {
    todayItems(db, today); // made once for the book; from here on patched
    fc.assert(
      fc.property(
        fc.array(fc.record({ write: fc.nat(writes.length - 1), pick: fc.array(fc.nat(1_000_000), { minLength: 4, maxLength: 4 }), read: fc.boolean() }), { minLength: 1, maxLength: 6 }),
        (steps) => {
          for (const { write, pick, read } of steps) {
            try {
              writes[write](pick);
            } catch (e) {
              // a write the rules refuse changes nothing; any other failure is a real one
              if (!(e instanceof AppError)) throw e;
            }
            if (read) expectPatchedEqualsFull();
          }
          expectPatchedEqualsFull();
        },
      ),
      { numRuns: 50 },
    );
    // the comparisons covered several kinds of item over the run
    expect(seen.size).toBeGreaterThanOrEqual(3);
  });
});
