/**
 * The sign-in row (auth_state, id = 1): the session epoch every cookie must match, and the fingerprint
 * of the password it was last set for. A missing row reads as undefined; writers create it.
 */
import type Database from "better-sqlite3";
import { eq, sql } from "drizzle-orm";
import { sqliteOf, type DbOrTx } from "./connection";
import { authState, now } from "./schema";

export interface AuthRow {
  sessionEpoch: number;
  passwordFingerprint: string | null;
}

export function findAuthState(db: DbOrTx): AuthRow | undefined {
  return db.select({ sessionEpoch: authState.sessionEpoch, passwordFingerprint: authState.passwordFingerprint }).from(authState).where(eq(authState.id, 1)).get();
}

const epochStatements = new WeakMap<Database.Database, Database.Statement<[], number>>();

/**
 * The current session epoch, or undefined when the row does not exist yet. Runs on every signed-in
 * request, so it is one cached prepared statement on the connection (no query building).
 */
export function readSessionEpoch(db: DbOrTx): number | undefined {
  const sqlite = sqliteOf(db);
  let st = epochStatements.get(sqlite);
  if (!st) {
    st = sqlite.prepare<[], number>("SELECT session_epoch FROM auth_state WHERE id = 1").pluck();
    epochStatements.set(sqlite, st);
  }
  return st.get();
}

/** Move the epoch on (the row is created if missing): every session issued before is refused. Returns the new epoch. */
export function bumpSessionEpoch(db: DbOrTx): number {
  db.insert(authState)
    .values({ id: 1, sessionEpoch: 2 })
    .onConflictDoUpdate({ target: authState.id, set: { sessionEpoch: sql`${authState.sessionEpoch} + 1`, updatedAt: now } })
    .run();
  return readSessionEpoch(db)!;
}

/** Record the fingerprint of the password in force (null: sign-in is off). Returns rows changed. */
export function savePasswordFingerprint(db: DbOrTx, fingerprint: string | null): number {
  return db
    .insert(authState)
    .values({ id: 1, passwordFingerprint: fingerprint })
    .onConflictDoUpdate({ target: authState.id, set: { passwordFingerprint: fingerprint, updatedAt: now } })
    .run().changes;
}
