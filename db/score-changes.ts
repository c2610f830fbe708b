/**
 * The score change log (table score_changes): which clients' scores a write may have changed since a
 * point in the log. server/scores.ts patches its whole-book scores with it instead of rescoring every
 * client after each write.
 *
 * Triggers fill it, so every write path (the use cases, imports, raw SQL, another process) logs without
 * having to remember to. They live here, not in a migration: a migration that rebuilds a table (drizzle-kit
 * copies it to a new one, drops and renames) would lose the table's triggers and trip over the others',
 * so db/migrate.ts drops them before migrating and installs them again after, from this one definition.
 */
import type Database from "better-sqlite3";
import { sqliteOf, type DbOrTx } from "./connection";

/**
 * For each table a score reads, the clients one of its rows (NEW or OLD) feeds: a quote's client, an
 * event's or time entry's quote's client, every client with a quote on a service whose rates changed, and
 * every client (NULL) for a setting.
 */
const CLIENTS_OF_ROW: Record<string, string> = {
  clients: "SELECT ROW.id",
  quotes: "SELECT ROW.client_id",
  quote_events: "SELECT client_id FROM quotes WHERE id = ROW.quote_id",
  interactions: "SELECT ROW.client_id",
  time_entries: "SELECT client_id FROM quotes WHERE id = ROW.quote_id",
  service_rates: "SELECT DISTINCT client_id FROM quotes WHERE service_id = ROW.service_id",
  services: "SELECT DISTINCT client_id FROM quotes WHERE service_id = ROW.id",
  settings: "SELECT NULL",
};
const TRIGGER_PREFIX = "score_changes_";
const INSERT_CHANGE = "INSERT INTO score_changes (client_id)";
/** the rows a trigger sees: ROW above is NEW, OLD or both */
const ROWS_OF = { INSERT: ["NEW"], UPDATE: ["NEW", "OLD"], DELETE: ["OLD"] } as const;

/** The triggers' SQL: one per table and kind of write. */
export const SCORE_TRIGGERS: string[] = Object.entries(CLIENTS_OF_ROW).flatMap(([table, clientsOf]) =>
  Object.entries(ROWS_OF).map(([op, rows]) => {
    const body = rows.map((r) => [INSERT_CHANGE, clientsOf.replaceAll("ROW.", `${r}.`), ";"].join(" ")).join(" ");
    // sql-safe: table, trigger and operation names come from the constant tables above; no value is pasted
    return `CREATE TRIGGER IF NOT EXISTS ${TRIGGER_PREFIX}${table}_${op.toLowerCase()} AFTER ${op} ON ${table} BEGIN ${body} END`;
  }),
);

/** Install the triggers (idempotent): after every migration run, once the log's table exists. */
export function installScoreTriggers(sqlite: Database.Database): void {
  if (!sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'score_changes'").get()) return;
  for (const sql of SCORE_TRIGGERS) sqlite.exec(sql);
}

/** Drop the triggers, so a migration may rebuild the tables they watch; installScoreTriggers puts them back. */
export function dropScoreTriggers(sqlite: Database.Database): void {
  const names = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND substr(name, 1, ?) = ?").pluck().all(TRIGGER_PREFIX.length, TRIGGER_PREFIX) as string[];
  for (const name of names) sqlite.exec(`DROP TRIGGER "${name}"`);
}

export interface ScoreChanges {
  /** the log's newest seq (0 when it was never written) */
  latest: number;
  /** a write changed every client's score (a setting), or the log no longer reaches back to `since` */
  all: boolean;
  /** the clients whose scores may have changed, each once */
  clientIds: number[];
}

const statements = new WeakMap<Database.Database, { latest: Database.Statement; since: Database.Statement; oldest: Database.Statement }>();
function prepared(db: DbOrTx) {
  const sqlite = sqliteOf(db);
  let st = statements.get(sqlite);
  if (!st) {
    st = {
      latest: sqlite.prepare("SELECT coalesce(max(seq), 0) FROM score_changes").pluck(),
      oldest: sqlite.prepare("SELECT min(seq) FROM score_changes").pluck(),
      // seq is the rowid: a range read off the table itself; NULL (every client) sorts first
      since: sqlite.prepare("SELECT DISTINCT client_id FROM score_changes WHERE seq > ? AND seq <= ? ORDER BY client_id").pluck(),
    };
    statements.set(sqlite, st);
  }
  return st;
}

/** The log's newest seq: compare with the seq a cached result was computed at. */
export function latestScoreChange(db: DbOrTx): number {
  return prepared(db).latest.get() as number;
}

/**
 * The clients changed after `since`, up to the log's newest entry (read first, so a write landing later
 * is left for the next call). `all` when a change concerns every client, or when entries after `since`
 * were pruned (pruning keeps the newest entry, so a gap shows as an oldest seq above since + 1).
 */
export function scoreChangesSince(db: DbOrTx, since: number): ScoreChanges {
  const st = prepared(db);
  const latest = st.latest.get() as number;
  if (latest <= since) return { latest, all: latest < since, clientIds: [] };
  const oldest = st.oldest.get() as number;
  if (oldest > since + 1) return { latest, all: true, clientIds: [] };
  const ids = st.since.all(since, latest) as (number | null)[];
  if (ids[0] === null) return { latest, all: true, clientIds: [] };
  return { latest, all: false, clientIds: ids as number[] };
}

/** Drop every entry but the newest (it keeps the seq going): at start, when no cached score can need them. */
export function pruneScoreChanges(db: DbOrTx): number {
  return sqliteOf(db).prepare("DELETE FROM score_changes WHERE seq < (SELECT max(seq) FROM score_changes)").run().changes;
}
