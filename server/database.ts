/**
 * The process's one database connection, opened from the environment, checked and migrated before
 * use. A file that cannot be written, is not SQLite or is damaged is refused with one clear sentence
 * (instrumentation.ts stops the server with it; /api/health reports it), never discovered later as
 * plain-text 500s on every route.
 */
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { openDatabase, sqliteOf, type DB } from "@/db/connection";
import { isHealthy } from "@/db/health";
import { migrateDatabase } from "@/db/migrate";
import { pruneScoreChanges } from "@/db/score-changes";
import { AppError } from "@/lib/errors";
import { pruneBackups } from "./backups";
import { backupDir, backupPolicy, databasePath } from "./env";

/** The database cannot be used; the message says what is wrong and what to do. */
export class DatabaseProblem extends AppError {
  constructor(
    public readonly state: "folder_not_writable" | "read_only" | "not_sqlite" | "damaged" | "cannot_open",
    message: string,
  ) {
    super("unavailable", message);
    this.name = "DatabaseProblem";
  }
}

function writable(p: string): boolean {
  try {
    fs.accessSync(p, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Open `file` and prove it is a writable, sound SQLite database (or a new one that can be created). */
export function openChecked(file: string, opts: { canWrite?: (p: string) => boolean } = {}): DB {
  const canWrite = opts.canWrite ?? writable;
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  if (!canWrite(dir))
    throw new DatabaseProblem("folder_not_writable", `The folder ${dir} is not writable: Walkaway keeps the database and its -wal journal there. Fix its permissions, or set WALKAWAY_DB to a file in a folder you can write.`);
  if (fs.existsSync(file) && !canWrite(file))
    throw new DatabaseProblem("read_only", `The database ${file} is read-only: Walkaway must write to it. Fix its permissions (chmod u+w), or set WALKAWAY_DB to a copy you can write.`);
  let db: DB;
  try {
    db = openDatabase(file);
  } catch (e) {
    const code = (e as { code?: string }).code ?? "";
    if (code === "SQLITE_NOTADB") throw new DatabaseProblem("not_sqlite", `${file} is not a SQLite database: is WALKAWAY_DB pointing at the right file? Move it away to start a new book, or restore a backup.`);
    if (code.startsWith("SQLITE_CORRUPT")) throw new DatabaseProblem("damaged", `The database ${file} is damaged: stop Walkaway and restore a backup from ${backupDir()} (see README, "Where your data lives").`);
    throw new DatabaseProblem("cannot_open", `The database ${file} cannot be opened (${(e as Error).message}). Check the disk and the file, or set WALKAWAY_DB.`);
  }
  const check = sqliteOf(db).pragma("quick_check", { simple: true });
  if (check !== "ok") {
    sqliteOf(db).close();
    throw new DatabaseProblem("damaged", `The database ${file} is damaged (${String(check)}): stop Walkaway and restore a backup from ${backupDir()}.`);
  }
  return db;
}

const globalForDb = globalThis as unknown as { __walkawayDb?: { file: string; db: DB; ready: Promise<unknown> } };

/** The process's one connection (cached on globalThis so dev reloads do not leak handles). */
export function getDb(): DB {
  const file = databasePath();
  const cached = globalForDb.__walkawayDb;
  if (cached && cached.file === file) return cached.db;
  const db = openChecked(file);
  // Migrations run synchronously inside; the backup step is the only async part.
  const ready = migrateDatabase(db, { backupTo: backupDir() }).then((r) => {
    // a pre-migration copy counts against the backup policy like any other
    if (r.backup) pruneBackups(backupDir(), backupPolicy(), { protect: [path.basename(r.backup)] });
    // no score is cached yet in this process: the change log's old entries serve nobody
    pruneScoreChanges(db);
    return r;
  }, (e: unknown) => {
    const code = (e as { code?: string }).code ?? "";
    if (code.startsWith("SQLITE_READONLY")) throw new DatabaseProblem("read_only", `The database ${file} cannot be written (${code}): check the disk and the file's permissions.`);
    throw e;
  });
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

export interface DatabaseHealth {
  ok: boolean;
  database: { file: string; state: DatabaseProblem["state"] | "ok"; message?: string; bytes?: number };
}

/** What /api/health answers: the database's state in words, its size when it is fine. */
export async function databaseHealth(): Promise<DatabaseHealth> {
  const file = databasePath();
  try {
    const db = await readyDb();
    const ok = isHealthy(db) && writable(file);
    // most recent writes live in the -wal file until a checkpoint: count both
    const size = (p: string) => (fs.existsSync(p) ? fs.statSync(p).size : 0);
    return { ok, database: { file, state: ok ? "ok" : "read_only", bytes: size(file) + size(`${file}-wal`), ...(ok ? {} : { message: `The database ${file} is no longer writable.` }) } };
  } catch (e) {
    if (e instanceof DatabaseProblem) return { ok: false, database: { file, state: e.state, message: e.message } };
    return { ok: false, database: { file, state: "cannot_open", message: (e as Error).message } };
  }
}
