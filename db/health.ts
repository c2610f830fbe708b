import { sqliteOf, type DbOrTx } from "./connection";

/** The database answers a trivial query. */
export function isHealthy(db: DbOrTx): boolean {
  return (sqliteOf(db).prepare("SELECT 1 AS ok").get() as { ok: number }).ok === 1;
}
