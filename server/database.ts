/** The process's one database connection, opened from the environment and migrated before use. */
import "server-only";
import { openDatabase, type DB } from "@/db/connection";
import { migrateDatabase } from "@/db/migrate";
import { backupDir, databasePath } from "./env";

const globalForDb = globalThis as unknown as { __walkawayDb?: { file: string; db: DB; ready: Promise<unknown> } };

/** The process's one connection (cached on globalThis so dev reloads do not leak handles). */
export function getDb(): DB {
  const file = databasePath();
  const cached = globalForDb.__walkawayDb;
  if (cached && cached.file === file) return cached.db;
  const db = openDatabase(file);
  // Migrations run synchronously inside; the backup step is the only async part.
  const ready = migrateDatabase(db, { backupTo: backupDir() });
  globalForDb.__walkawayDb = { file, db, ready };
  return db;
}

/** The connection once its migrations have run. */
export async function readyDb(): Promise<DB> {
  const db = getDb();
  await globalForDb.__walkawayDb!.ready;
  return db;
}

/** The database for a page render: marks the route dynamic (never prerendered) and waits for migrations. */
export async function requestDb(): Promise<DB> {
  const { connection } = await import("next/server");
  await connection();
  return readyDb();
}
export { isHealthy } from "@/db/health";
