/**
 * A key that changes with every write that can reach this connection, for the read cache (server/cache.ts):
 *   - its own writes: SQLite's total_changes() (rows inserted, updated or deleted on this connection,
 *     committed or rolled back), so every write path moves it without having to remember to;
 *   - writes by any other connection or process (a CLI script, a second handle): PRAGMA data_version.
 * Both parts only ever grow, so an old key never comes back.
 */
import type Database from "better-sqlite3";
import { sqliteOf, type DbOrTx } from "./connection";

const versionStatements = new WeakMap<Database.Database, { dataVersion: Database.Statement; totalChanges: Database.Statement }>();

/** The current data version; null inside a transaction (its writes may still roll back: never cache there). */
export function dataVersion(db: DbOrTx): string | null {
  const sqlite = sqliteOf(db);
  if (sqlite.inTransaction) return null;
  let st = versionStatements.get(sqlite);
  if (!st) {
    st = { dataVersion: sqlite.prepare("PRAGMA data_version").pluck(), totalChanges: sqlite.prepare("SELECT total_changes()").pluck() };
    versionStatements.set(sqlite, st);
  }
  return `${st.dataVersion.get()}:${st.totalChanges.get()}`;
}

/** The connection itself: the cache keeps one slot per connection. */
export function connectionKey(db: DbOrTx): object {
  return sqliteOf(db);
}
