/**
 * The bench, part 1: scoring in process, on a copy of the book (the writes here never touch the
 * generated book). Whole-book scoring computed from nothing, right after a write (the incremental path)
 * and cached; one client's rescore after a write and cached; loadAllHistories table by table; all against
 * the raw SQL floor. docs/performance.md, "Method".
 */
import path from "node:path";
import { openDatabase, type DB } from "@/db/connection";
import { migrateDatabase } from "@/db/migrate";
import { createInteractionSchema } from "@/lib/schemas";
import { loadAllHistories } from "@/server/history";
import { addInteraction } from "@/server/interactions";
import { computeAllScores, scoreAllClients, scoreClient } from "@/server/scores";
import { meanOf, round, timeRuns } from "./util";

/** The mid-sized client: the one whose history (quotes + events + interactions) is nearest this many rows, in every book. */
export const TYPICAL_HISTORY_ROWS = 200;
export const TARGETS_SCORING = { afterWriteVsFloor: 1.5, singleAfterWriteVsCachedPage: 2 } as const;

export interface BookClient {
  id: number;
  quotes: number;
  events: number;
  interactions: number;
}

export interface BookFacts {
  counts: { services: number; clients: number; quotes: number; quoteEvents: number; interactions: number };
  longest: BookClient;
  typical: BookClient;
  service: { id: number; currency: string; targetRate: number; unit: string } | undefined;
}

/** What the book holds, its longest history and its mid-sized client, and a service in the book's currency. */
export function bookFacts(db: DB): BookFacts {
  const s = db.$client;
  const count = (t: string) => (s.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number) ?? 0;
  const counts = { services: count("services"), clients: count("clients"), quotes: count("quotes"), quoteEvents: count("quote_events"), interactions: count("interactions") };
  const sizes = `WITH q AS (SELECT client_id, count(*) AS n FROM quotes GROUP BY client_id),
      e AS (SELECT q.client_id, count(*) AS n FROM quote_events e JOIN quotes q ON q.id = e.quote_id GROUP BY q.client_id),
      i AS (SELECT client_id, count(*) AS n FROM interactions GROUP BY client_id),
      sz AS (SELECT c.id, coalesce(q.n, 0) AS quotes, coalesce(e.n, 0) AS events, coalesce(i.n, 0) AS interactions
             FROM clients c LEFT JOIN q ON q.client_id = c.id LEFT JOIN e ON e.client_id = c.id LEFT JOIN i ON i.client_id = c.id)`;
  const longest = s.prepare(`${sizes} SELECT * FROM sz ORDER BY quotes + events + interactions DESC, id LIMIT 1`).get() as BookClient;
  const typical = s.prepare(`${sizes} SELECT * FROM sz ORDER BY abs(quotes + events + interactions - ?), id LIMIT 1`).get(TYPICAL_HISTORY_ROWS) as BookClient;
  const service = s
    .prepare("SELECT id, currency, target_rate AS targetRate, unit FROM services WHERE currency = (SELECT currency FROM settings WHERE id = 1) ORDER BY id LIMIT 1")
    .get() as BookFacts["service"];
  return { counts, longest, typical, service };
}

/** The raw SQL floor: one SELECT per table, grouped by client, reading every column the worth model reads. */
function floorQueries(db: DB) {
  const s = db.$client;
  const stmts = [
    s.prepare("SELECT count(*), max(id), sum(length(name)) FROM clients"),
    s.prepare(
      `SELECT client_id, count(*), sum(status = 'accepted'), sum(estimated_minutes), sum(quoted_amount), sum(agreed_amount),
        count(service_id), sum(length(currency)), sum(length(title)), max(id) FROM quotes GROUP BY client_id`,
    ),
    s.prepare(
      `SELECT q.client_id, count(*), sum(e.kind = 'discount_request'), sum(e.percent_bp), sum(e.amount), sum(e.scope_minutes),
        count(e.answer), max(e.occurred_on), max(e.id) FROM quote_events e JOIN quotes q ON q.id = e.quote_id GROUP BY q.client_id`,
    ),
    s.prepare(
      `SELECT client_id, count(*), sum(kind = 'ask'), count(subtype), sum(minutes), sum(paid), sum(answered), sum(days_late),
        max(days_late), count(quote_id), max(occurred_on), max(id) FROM interactions GROUP BY client_id`,
    ),
  ];
  return () => stmts.map((st) => st.all());
}

/** The tables loadAllHistories reads, each read into JavaScript as plain arrays (no objects, no grouping), in its order. */
const HISTORY_READS = {
  clients: "SELECT * FROM clients ORDER BY id",
  quotes: "SELECT * FROM quotes ORDER BY id",
  events: "SELECT * FROM quote_events ORDER BY quote_id, occurred_on, id",
  interactions: "SELECT * FROM interactions ORDER BY client_id DESC, occurred_on DESC, id DESC",
  rates: "SELECT * FROM service_rates",
  time: "SELECT quote_id, sum(minutes) FROM time_entries GROUP BY quote_id",
} as const;

export type ScoringResult = Awaited<ReturnType<typeof benchScoring>>;

/** Every in-process measure on `file` (a copy: it is written to), `runs` interleaved rounds each. */
export async function benchScoring(file: string, runs: number) {
  const db = openDatabase(file);
  await migrateDatabase(db, { backupTo: path.join(path.dirname(file), "backups") });
  const facts = bookFacts(db);
  const mid = facts.typical.id;
  let writes = 0;
  // a follow-up logged for the mid-sized client through the use case, answered and not in turn (the score moves)
  const write = () => {
    writes += 1;
    addInteraction(db, mid, createInteractionSchema.parse({ kind: "follow_up", answered: writes % 2 === 0, note: `bench write ${writes}` }));
  };
  const reads = Object.fromEntries(
    Object.entries(HISTORY_READS).map(([k, sql]) => {
      const st = db.$client.prepare(sql).raw(true);
      return [k, () => st.all()];
    }),
  );
  const t = timeRuns(
    {
      floor: floorQueries(db),
      computeAll: () => computeAllScores(db),
      afterWrite: { before: write, run: () => scoreAllClients(db) },
      singleAfterWrite: { before: write, run: () => scoreClient(db, mid) },
      loadAllHistories: () => loadAllHistories(db),
      ...Object.fromEntries(Object.entries(reads).map(([k, f]) => [`read:${k}`, f])),
    },
    runs,
  );
  scoreAllClients(db);
  const cachedWholeMs = meanOf(() => scoreAllClients(db), 1000);
  const cachedSingleMs = meanOf(() => scoreClient(db, mid), 1000);
  // the incremental scores after all these writes still equal a full recompute (the property test's claim, checked here too)
  const patched = JSON.stringify(scoreAllClients(db).map((s) => s.assessment));
  const full = JSON.stringify(computeAllScores(db).map((s) => s.assessment));
  db.$client.close();

  const readsMs = Object.keys(HISTORY_READS).map((k) => ({ table: k, ms: t[`read:${k}`].medianMs }));
  const readsTotal = round(readsMs.reduce((s, r) => s + r.ms, 0), 2);
  const floorMs = t.floor.medianMs;
  const ratio = (ms: number) => round(ms / floorMs, 2);
  return {
    facts,
    runs,
    writes,
    patchedEqualsFull: patched === full,
    floorMs,
    computeAllMs: t.computeAll.medianMs,
    computeAllRatio: ratio(t.computeAll.medianMs),
    afterWriteMs: t.afterWrite.medianMs,
    afterWriteRatio: ratio(t.afterWrite.medianMs),
    afterWriteTarget: TARGETS_SCORING.afterWriteVsFloor,
    afterWriteMet: ratio(t.afterWrite.medianMs) <= TARGETS_SCORING.afterWriteVsFloor,
    singleAfterWriteMs: t.singleAfterWrite.medianMs,
    cachedWholeMs,
    cachedSingleMs,
    cpu: { floorMs: t.floor.cpuMedianMs, computeAllMs: t.computeAll.cpuMedianMs, afterWriteMs: t.afterWrite.cpuMedianMs },
    loadAllHistories: {
      totalMs: t.loadAllHistories.medianMs,
      ratio: ratio(t.loadAllHistories.medianMs),
      reads: readsMs,
      readsTotalMs: readsTotal,
      /** what is left once the rows are read: building the objects and grouping them by client (total − reads) */
      objectsAndGroupingMs: round(t.loadAllHistories.medianMs - readsTotal, 2),
    },
    runsMs: { floor: t.floor.runsMs, computeAll: t.computeAll.runsMs, afterWrite: t.afterWrite.runsMs, singleAfterWrite: t.singleAfterWrite.runsMs },
  };
}
