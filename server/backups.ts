/**
 * Backups with SQLite's online backup API (safe while the app writes: the copy is one consistent
 * snapshot), each checked with PRAGMA integrity_check before it is reported as done.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export interface BackupResult {
  file: string;
  bytes: number;
  pages: number;
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, "-");
}

/** Copy the open database into `<dir>/<prefix>-<timestamp>.db` and verify the copy. */
export async function backupDatabase(sqlite: Database.Database, dir: string, prefix = "walkaway", now = new Date()): Promise<BackupResult> {
  fs.mkdirSync(dir, { recursive: true });
  let file = path.join(dir, `${prefix}-${stamp(now)}.db`);
  for (let n = 2; fs.existsSync(file); n++) file = path.join(dir, `${prefix}-${stamp(now)}-${n}.db`);
  const { totalPages } = await sqlite.backup(file);
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const check = copy.pragma("integrity_check", { simple: true });
    if (check !== "ok") throw new Error(`The backup at ${file} failed its integrity check: ${String(check)}`);
  } finally {
    copy.close();
  }
  return { file, bytes: fs.statSync(file).size, pages: totalPages };
}

export interface BackupFile {
  name: string;
  bytes: number;
  modifiedAt: string;
}

/** Backups in a folder, newest first. */
export function listBackups(dir: string): BackupFile[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith(".db"))
    .map((name) => {
      const st = fs.statSync(path.join(dir, name));
      return { name, bytes: st.size, modifiedAt: st.mtime.toISOString() };
    })
    .sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt) || b.name.localeCompare(a.name));
}
