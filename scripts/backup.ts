// npm run backup — online backup of the database (WALKAWAY_DB or ./data/walkaway.db) into
// WALKAWAY_BACKUP_DIR (default <db folder>/backups). Safe while the app is running. Refused (nothing
// written) when the folder's disk cannot hold it; old backups are then pruned by the retention policy
// (WALKAWAY_BACKUP_KEEP_* and WALKAWAY_BACKUP_MAX_MB).
import fs from "node:fs";
import Database from "better-sqlite3";
import { describeRetention, formatBytes } from "@/lib/backup-retention";
import { backupDatabase } from "@/server/backups";
import { backupDir, backupPolicy, databasePath } from "@/server/env";

async function main() {
  const file = databasePath();
  if (!fs.existsSync(file)) {
    console.error(`No database at ${file}: nothing to back up. Set WALKAWAY_DB to the file you use.`);
    process.exit(1);
  }
  const policy = backupPolicy();
  // a plain connection: no migrations, no writes; the busy timeout rides out a writer holding the lock
  const sqlite = new Database(file, { fileMustExist: true });
  sqlite.pragma("busy_timeout = 5000");
  try {
    const result = await backupDatabase(sqlite, backupDir(), "walkaway", { policy });
    console.log(`Backed up ${file} → ${result.file} (${result.bytes} bytes, integrity ok).`);
    if (result.pruned.length) {
      const bytes = result.pruned.reduce((s, p) => s + p.bytes, 0);
      console.log(`Removed ${result.pruned.length} old backup(s), ${formatBytes(bytes)} (keeping ${describeRetention(policy)}): ${result.pruned.map((p) => p.name).join(", ")}`);
    }
  } finally {
    sqlite.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
