import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { openDatabase, type DB } from "@/db/connection";
import { migrateDatabase } from "@/db/migrate";
import { backupDatabase, listBackups } from "@/server/backups";
import { exportBook } from "@/server/book";
import * as q from "./use-cases";
import { ROOT, content, loadAwkwardBook, tempDir } from "./data-helpers";

let dir: string;
let file: string;
let db: DB;
beforeEach(async () => {
  dir = tempDir("walkaway-backup-");
  file = path.join(dir, "book.db");
  db = openDatabase(file);
  await migrateDatabase(db);
});
afterEach(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** `npm run backup` without npm: the same tsx entry point package.json maps. */
function runBackupScript(env: Record<string, string>) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const k of Object.keys(childEnv)) if (k.startsWith("WALKAWAY_") && !(k in env)) delete childEnv[k];
  return spawnSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/backup.ts"], { cwd: ROOT, env: childEnv, encoding: "utf8", timeout: 60_000 });
}

function readBook(backupFile: string) {
  const copy = openDatabase(backupFile);
  try {
    return { integrity: copy.$client.pragma("integrity_check", { simple: true }), book: content(exportBook(copy)) };
  } finally {
    copy.$client.close();
  }
}

describe("npm run backup (scripts/backup.ts)", () => {
  test("writes a timestamped copy under the backup folder that holds the same book", () => {
    loadAwkwardBook(db);
    const r = runBackupScript({ WALKAWAY_DB: file });
    expect(r.status, r.stderr).toBe(0);
    const backups = listBackups(path.join(dir, "backups"));
    expect(backups).toHaveLength(1);
    expect(backups[0].name).toMatch(/^walkaway-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.db$/);
    expect(r.stdout).toContain(backups[0].name);
    const copy = readBook(path.join(dir, "backups", backups[0].name));
    expect(copy.integrity).toBe("ok");
    expect(copy.book).toEqual(content(exportBook(db)));
  });

  test("WALKAWAY_BACKUP_DIR is respected; a missing database is a clear error, not an empty backup", () => {
    const elsewhere = path.join(dir, "offsite");
    expect(runBackupScript({ WALKAWAY_DB: file, WALKAWAY_BACKUP_DIR: elsewhere }).status).toBe(0);
    expect(listBackups(elsewhere)).toHaveLength(1);
    const missing = runBackupScript({ WALKAWAY_DB: path.join(dir, "nope.db") });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/No database at/);
    expect(fs.existsSync(path.join(dir, "nope.db"))).toBe(false);
  });
});

describe("online backup while the app writes", () => {
  test("committed rows (still only in the WAL) are in the copy; a transaction in progress is not; the writer is not disturbed", async () => {
    loadAwkwardBook(db);
    // a second connection, as the running server would be: commits, then holds an open write transaction
    const writer = new Database(file);
    writer.pragma("busy_timeout = 5000");
    writer.prepare("INSERT INTO clients (name) VALUES ('committed in WAL')").run();
    writer.exec("BEGIN IMMEDIATE");
    writer.prepare("INSERT INTO clients (name) VALUES ('not yet committed')").run();
    const backupConn = new Database(file, { readonly: true });
    const result = await backupDatabase(backupConn, path.join(dir, "backups"));
    backupConn.close();
    writer.exec("COMMIT");
    writer.close();
    const copy = new Database(result.file, { readonly: true });
    const names = copy.prepare("SELECT name FROM clients").pluck().all() as string[];
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    copy.close();
    expect(names).toContain("committed in WAL");
    expect(names).not.toContain("not yet committed");
    expect(q.listClients(db, { q: "not yet committed" })).toHaveLength(1);
  });

  test("two backups in the same millisecond get different names", async () => {
    const now = new Date("2026-11-24T10:00:00.000Z");
    const a = await backupDatabase(db.$client, path.join(dir, "b"), "walkaway", now);
    const b = await backupDatabase(db.$client, path.join(dir, "b"), "walkaway", now);
    expect(a.file).not.toBe(b.file);
    expect(listBackups(path.join(dir, "b"))).toHaveLength(2);
  });
});
