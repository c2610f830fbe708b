// npm run backup — online backup of the database (WALKAWAY_DB or ./data/walkaway.db) into
// WALKAWAY_BACKUP_DIR (default <db folder>/backups). Safe while the app is running.
import fs from "node:fs";
import Database from "better-sqlite3";
import { backupDatabase } from "@/server/backups";
import { backupDir, databasePath } from "@/server/env";

async function main() {
  const file = databasePath();
  if (!fs.existsSync(file)) {
    console.error(`No database at ${file}: nothing to back up. Set WALKAWAY_DB to the file you use.`);
    process.exit(1);
  }
  // a plain connection: no migrations, no writes; the busy timeout rides out a writer holding the lock
  const sqlite = new Database(file, { fileMustExist: true });
  sqlite.pragma("busy_timeout = 5000");
  try {
    const result = await backupDatabase(sqlite, backupDir());
    console.log(`Backed up ${file} → ${result.file} (${result.bytes} bytes, integrity ok).`);
  } finally {
    sqlite.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
