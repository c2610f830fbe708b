import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type DB } from "@/db/connection";
import { migrateDatabase } from "@/db/migrate";

/** A fresh SQLite file in a temp dir with the real migrations applied. */
export async function createTestDb(): Promise<{ db: DB; file: string; dir: string; close: () => void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "walkaway-test-"));
  const file = path.join(dir, "test.db");
  const db = openDatabase(file);
  await migrateDatabase(db);
  return {
    db,
    file,
    dir,
    close: () => {
      db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
