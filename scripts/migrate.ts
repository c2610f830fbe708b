// npm run db:migrate — apply migrations now (the server also does this at start), backing up first.
import { openDatabase } from "@/db/connection";
import { migrateDatabase } from "@/db/migrate";
import { backupDir, databasePath } from "@/server/env";

async function main() {
  const file = databasePath();
  const db = openDatabase(file);
  const { applied, backup } = await migrateDatabase(db, { backupTo: backupDir() });
  db.$client.close();
  console.log(`${file}: ${applied} migration(s) applied${backup ? `; backup at ${backup}` : ""}.`);
}
main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
