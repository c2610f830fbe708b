import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import * as schema from "./schema";

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** The handle inside `db.transaction(tx => …)`. */
export type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];
/** Every query function takes either: the same code runs alone or inside a caller's transaction. */
export type DbOrTx = DB | Tx;

/** Write transactions take the write lock up front, so a concurrent writer waits (busy_timeout) instead of failing. */
export const IMMEDIATE = { behavior: "immediate" } as const;

/** Open a SQLite file with the pragmas every connection needs. */
export function openDatabase(file: string): DB {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  return drizzle(sqlite, { schema }) as DB;
}

/** The better-sqlite3 handle under a database or a transaction (drizzle keeps it on the session). */
export function sqliteOf(db: DbOrTx): Database.Database {
  return (db as DB).$client ?? (db as unknown as { session: { client: Database.Database } }).session.client;
}

let savepoints = 0;

/**
 * Run `fn` as one write transaction: IMMEDIATE on a connection, a savepoint inside a caller's
 * transaction. A write is acknowledged only when this returns (the commit ran, or threw).
 *
 * The savepoint is ours, not drizzle's: after SQLITE_FULL or an I/O error SQLite may already have
 * rolled the whole transaction back, and drizzle's "rollback to savepoint" then fails with "no such
 * savepoint", hiding the real error. Here the real error is the one thrown.
 */
export function writeTransaction<T>(db: DbOrTx, fn: (tx: Tx) => T): T {
  const sqlite = sqliteOf(db);
  if (!sqlite.inTransaction) return (db as DB).transaction(fn, IMMEDIATE);
  const name = `walkaway_sp_${++savepoints}`;
  sqlite.exec(`SAVEPOINT ${name}`);
  try {
    const result = fn(db as Tx);
    sqlite.exec(`RELEASE ${name}`);
    return result;
  } catch (e) {
    if (sqlite.inTransaction) {
      try {
        sqlite.exec(`ROLLBACK TO ${name}`);
        sqlite.exec(`RELEASE ${name}`);
      } catch {
        // the transaction is already gone (SQLite rolled it back): the caller's rollback finds nothing to do
      }
    }
    throw e;
  }
}

/** SQLite's message for a UNIQUE index: the caller turns it into a conflict in the user's words. */
export function isUniqueViolation(e: unknown): boolean {
  return e instanceof Error && /UNIQUE constraint failed/.test(e.message);
}
