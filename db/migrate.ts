/** Schema migrations: drizzle-kit's SQL files under drizzle/, applied with a backup first. */
import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { backupFileName } from "@/lib/backup-retention";
import type { DB } from "./connection";
import { dropScoreTriggers, installScoreTriggers } from "./score-changes";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "drizzle");

interface MigrationJournal {
  entries: { tag: string; when: number }[];
}

function pendingMigrations(sqlite: Database.Database, folder: string): number {
  const journal = JSON.parse(fs.readFileSync(path.join(folder, "meta", "_journal.json"), "utf8")) as MigrationJournal;
  const hasTable = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='__drizzle_migrations'").get();
  if (!hasTable) return journal.entries.length;
  const row = sqlite.prepare("SELECT MAX(created_at) AS last FROM __drizzle_migrations").get() as { last: number | null };
  return journal.entries.filter((e) => row.last == null || e.when > row.last).length;
}

/**
 * Bring the schema up to date. An existing database with data is backed up
 * (SQLite online backup) before a migration touches it.
 */
export async function migrateDatabase(db: DB, opts: { folder?: string; backupTo?: string } = {}): Promise<{ applied: number; backup: string | null }> {
  const folder = opts.folder ?? MIGRATIONS_FOLDER;
  const sqlite = db.$client;
  const pending = pendingMigrations(sqlite, folder);
  let backup: string | null = null;
  const hasUserTables = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='clients'").get();
  if (pending > 0 && hasUserTables && sqlite.name !== ":memory:") {
    const dir = opts.backupTo ?? path.join(path.dirname(sqlite.name), "backups");
    fs.mkdirSync(dir, { recursive: true });
    // named like every other backup (lib/backup-retention.ts), so the retention policy sees and prunes it
    const now = new Date();
    backup = path.join(dir, backupFileName("pre-migration", now));
    for (let n = 2; fs.existsSync(backup); n++) backup = path.join(dir, backupFileName("pre-migration", now, n));
    try {
      await sqlite.backup(backup);
    } catch (e) {
      // a half-written copy is not a backup (and the migration does not run without one)
      fs.rmSync(backup, { force: true });
      throw e;
    }
  }
  if (pending > 0) {
    // drizzle-kit rebuilds a table to change a column (create new, copy, drop old): with foreign keys on,
    // dropping a parent would cascade-delete its children. Migrate with them off, then prove nothing dangles.
    sqlite.pragma("foreign_keys = OFF");
    try {
      // the score change log's triggers would break a table rebuild (db/score-changes.ts): put back below
      dropScoreTriggers(sqlite);
      migrate(db, { migrationsFolder: folder });
      const broken = sqlite.pragma("foreign_key_check") as unknown[];
      if (broken.length) throw new Error(`Migration left ${broken.length} rows with broken references; restore from ${backup ?? "a backup"}`);
    } finally {
      sqlite.pragma("foreign_keys = ON");
    }
  }
  sqlite.prepare("INSERT OR IGNORE INTO settings (id) VALUES (1)").run();
  installScoreTriggers(sqlite);
  return { applied: pending, backup };
}
