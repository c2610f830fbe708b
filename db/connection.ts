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

/**
 * Run `fn` as one write transaction: IMMEDIATE on a connection, a savepoint inside a caller's
 * transaction. A write is acknowledged only when this returns (the commit ran).
 */
export function writeTransaction<T>(db: DbOrTx, fn: (tx: Tx) => T): T {
  return sqliteOf(db).inTransaction ? (db as Tx).transaction(fn) : (db as DB).transaction(fn, IMMEDIATE);
}

/** SQLite's message for a UNIQUE index: the caller turns it into a conflict in the user's words. */
export function isUniqueViolation(e: unknown): boolean {
  return e instanceof Error && /UNIQUE constraint failed/.test(e.message);
}
