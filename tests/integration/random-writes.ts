// Random writes for the incremental tests (scores, dashboard): every way a write reaches the tables a score
// or a figure reads — the use cases, raw SQL, and another connection on the same file. Each write takes
// random numbers and picks its client, quote or service with them; a write the rules refuse throws an
// AppError and changes nothing.
import Database from "better-sqlite3";
import type { DB } from "@/db/connection";
import { LEAD_SOURCES } from "@/lib/domain";
import { upsertClientSchema, createInteractionSchema, createQuoteEventSchema, quoteOutcomeSchema, upsertQuoteSchema } from "@/lib/schemas";
import { addTimeEntry } from "@/server/time-entries";
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

export type Write = { name: string; run: (pick: number[]) => void };
export const anyOf = <T>(xs: readonly T[], n: number): T | undefined => (xs.length ? xs[n % xs.length] : undefined);
/** A fixed past calendar day from a number (not "today": the tests must not depend on the clock). */
export const day = (n: number) => {
  const d = new Date(Date.UTC(2026, 0, 1) + (n % 330) * 86_400_000);
  return d.toISOString().slice(0, 10);
};

/** The writes on `book` (its connection, and its file for the second connection). */
export function randomWrites(book: { db: DB; file: string }): Write[] {
  const db = book.db;
  const quotesOf = () => db.$client.prepare("SELECT id, client_id AS clientId FROM quotes ORDER BY id").all() as { id: number; clientId: number }[];
  return [
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
        const other = new Database(book.file);
        try {
          other.prepare("INSERT INTO interactions (client_id, kind, answered, occurred_on) VALUES (?, 'follow_up', 0, ?)").run(c.id, day(a));
        } finally {
          other.close();
        }
      },
    },
  ];
}
