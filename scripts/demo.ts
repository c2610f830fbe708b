// npm run demo — load the demo book into the database (WALKAWAY_DB or ./data/walkaway.db).
import { openDatabase } from "@/db/connection";
import { migrateDatabase } from "@/db/migrate";
import { databasePath } from "@/server/env";
import { loadDemoBook } from "@/server/demo";
import { isEmptyBook } from "@/server/clients";

async function main() {
  const file = databasePath();
  const db = openDatabase(file);
  await migrateDatabase(db);
  if (!isEmptyBook(db) && !process.argv.includes("--force")) {
    console.error(`${file} already has data. Run with --force to add the demo book on top of it.`);
    process.exit(1);
  }
  const counts = loadDemoBook(db);
  db.$client.close();
  console.log(`Demo book loaded into ${file}: ${counts.clients} clients, ${counts.quotes} quotes, ${counts.events} negotiation events, ${counts.interactions} interactions.`);
}
main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
