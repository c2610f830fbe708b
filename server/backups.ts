/**
 * Backups with SQLite's online backup API (safe while the app writes: the copy is one consistent
 * snapshot), each checked with PRAGMA integrity_check before it is reported as done.
 *
 * A backup that would not fit is refused before it starts (nothing is written), and after every
 * successful one the folder is pruned by the retention policy (lib/backup-retention.ts): only files
 * named like our own backups (`walkaway-`, `scheduled-`, `pre-import-`, `pre-currency-`, `pre-migration-<timestamp>.db`)
 * are ever considered; anything else in the folder is left alone.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import {
  backupFileName,
  formatBytes,
  parseBackupName,
  planRetention,
  type BackupEntry,
  type BackupKind,
  type BackupPolicy,
  type BackupPrefix,
  type KeepReason,
  type RetentionPolicy,
} from "@/lib/backup-retention";
import { AppError } from "@/lib/errors";
import { backupPolicy } from "./env";

export interface PrunedBackup {
  name: string;
  bytes: number;
  /** "expired": no retention rule keeps it; "over_cap": removed to stay under WALKAWAY_BACKUP_MAX_MB */
  reason: "expired" | "over_cap";
}

export interface BackupResult {
  file: string;
  bytes: number;
  pages: number;
  /** old backups removed by the retention policy after this one was verified */
  pruned: PrunedBackup[];
}

export interface BackupOptions {
  /** the instant in the file name (default: the clock) */
  now?: Date;
  /** retention applied after the backup (default: from the environment, server/env.ts backupPolicy) */
  policy?: RetentionPolicy;
  /** free bytes on the file system holding `dir` (default: statfs) — injectable for tests */
  freeBytes?: (dir: string) => number;
  /** prune after the backup (default true) */
  prune?: boolean;
}

/** Free space for an unprivileged writer on the file system that holds `dir`. */
export function statfsFreeBytes(dir: string): number {
  const st = fs.statfsSync(dir);
  return Number(st.bavail) * Number(st.bsize);
}

/** The folder itself, or its nearest existing ancestor (the backup folder may not exist yet). */
function existingAncestor(dir: string): string {
  let at = path.resolve(dir);
  while (!fs.existsSync(at)) {
    const up = path.dirname(at);
    if (up === at) break;
    at = up;
  }
  return at;
}

/** What a backup of a database of `dbBytes` needs free: its size, plus 10% and 8 MiB of headroom. */
export function spaceNeeded(dbBytes: number): number {
  return dbBytes + Math.ceil(dbBytes * 0.1) + 8 * 1024 * 1024;
}

/** The live database's size as SQLite counts it (every page, WAL content included once checkpointed or not). */
function databaseBytes(sqlite: Database.Database): number {
  const pages = Number(sqlite.pragma("page_count", { simple: true }));
  const pageSize = Number(sqlite.pragma("page_size", { simple: true }));
  return pages * pageSize;
}

/**
 * Refuse, before anything is written, a backup the folder's disk cannot hold. Throws AppError
 * "storage_full" naming the folder, the space needed and the space free.
 */
export function assertRoomForBackup(sqlite: Database.Database, dir: string, freeBytes: (dir: string) => number = statfsFreeBytes): void {
  const dbBytes = databaseBytes(sqlite);
  const needed = spaceNeeded(dbBytes);
  const free = freeBytes(existingAncestor(dir));
  if (free > needed) return;
  throw new AppError(
    "storage_full",
    `Not enough free space for a backup in ${path.resolve(dir)}: it needs ${formatBytes(needed)} (the database is ${formatBytes(dbBytes)}, plus a margin) and only ` +
      `${formatBytes(Math.max(0, free))} is free. Nothing was written. Free some space (older backups in that folder can go), or set WALKAWAY_BACKUP_DIR to a folder on a bigger disk.`,
  );
}

function removeQuietly(file: string) {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // nothing more to do: the error that brought us here is the one to report
  }
}

/**
 * Copy the open database into `<dir>/<prefix>-<timestamp>.db`, verify the copy, then prune the folder.
 * The 4th argument may be the instant alone (older callers) or the options.
 */
export async function backupDatabase(sqlite: Database.Database, dir: string, prefix: BackupPrefix = "walkaway", options: Date | BackupOptions = {}): Promise<BackupResult> {
  const opts: BackupOptions = options instanceof Date ? { now: options } : options;
  const now = opts.now ?? new Date();
  assertRoomForBackup(sqlite, dir, opts.freeBytes);
  fs.mkdirSync(dir, { recursive: true });
  let file = path.join(dir, backupFileName(prefix, now));
  for (let n = 2; fs.existsSync(file); n++) file = path.join(dir, backupFileName(prefix, now, n));
  let totalPages: number;
  try {
    ({ totalPages } = await sqlite.backup(file));
    const copy = new Database(file, { fileMustExist: true });
    try {
      // the copy keeps the live database's WAL mode: turn it into one self-contained file (no -wal/-shm
      // beside it, ever); the app switches a restored file back to WAL when it opens it
      copy.pragma("journal_mode = DELETE");
      const check = copy.pragma("integrity_check", { simple: true });
      if (check !== "ok") throw new Error(`The backup at ${file} failed its integrity check (${String(check)}) and was removed.`);
    } finally {
      copy.close();
    }
  } catch (e) {
    // a half-written or unverified copy is not a backup: never leave one to be restored by mistake
    removeQuietly(file);
    throw e;
  }
  const bytes = fs.statSync(file).size;
  let pruned: PrunedBackup[] = [];
  if (opts.prune !== false) {
    try {
      pruned = pruneBackups(dir, opts.policy ?? backupPolicy(), { protect: [path.basename(file), ...liveFiles(sqlite, dir)] });
    } catch (e) {
      // the backup is done and verified: a failed clean-up must not turn it into an error
      console.error(`[walkaway] backup ${file} is done, but removing old backups failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return { file, bytes, pages: totalPages, pruned };
}

/** The database's own file names when it lives in the backup folder: never pruned, whatever they are called. */
function liveFiles(sqlite: Database.Database, dir: string): string[] {
  if (!sqlite.name || sqlite.name === ":memory:") return [];
  const live = path.resolve(sqlite.name);
  return path.dirname(live) === path.resolve(dir) ? [path.basename(live)] : [];
}

export interface OwnBackup extends BackupEntry {
  /** full path */
  file: string;
  /** ISO instant, read from the name */
  takenAt: string;
}

/** Our own backups in a folder (by name: `<prefix>-<timestamp>.db`, regular files only), newest first. */
export function ownBackups(dir: string): OwnBackup[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: (OwnBackup & { t: number; n: number })[] = [];
  for (const e of entries) {
    if (!e.isFile()) continue;
    const parsed = parseBackupName(e.name);
    if (!parsed) continue;
    const file = path.join(dir, e.name);
    let bytes: number;
    try {
      bytes = fs.statSync(file).size;
    } catch {
      continue; // removed meanwhile
    }
    out.push({ name: e.name, file, bytes, kind: parsed.kind, takenAt: new Date(parsed.takenAt).toISOString(), t: parsed.takenAt, n: parsed.n });
  }
  return out
    .sort((a, b) => b.t - a.t || b.n - a.n || (a.name < b.name ? 1 : -1))
    .map(({ t: _t, n: _n, ...b }) => b);
}

const SIDE_FILES = ["-wal", "-shm", "-journal"];

/**
 * Apply the retention policy to a backup folder: delete what it does not keep. Only our own backup
 * names are considered (with a deleted copy's own `-wal`/`-shm`/`-journal`, if any); `protect` names (the backup just taken, a live database) are never deleted.
 * Returns what was removed. Safe to call any time (e.g. after migrations, from server/database.ts).
 */
export function pruneBackups(dir: string, policy: RetentionPolicy, opts: { protect?: string[] } = {}): PrunedBackup[] {
  const protect = new Set(opts.protect ?? []);
  const plan = planRetention(ownBackups(dir), policy);
  const pruned: PrunedBackup[] = [];
  for (const d of plan.delete) {
    if (protect.has(d.backup.name)) continue;
    try {
      fs.unlinkSync(d.backup.file);
      pruned.push({ name: d.backup.name, bytes: d.backup.bytes, reason: d.reason });
      // SQLite's own side files of that copy (left by older versions, which opened copies in WAL mode) go with it
      for (const side of SIDE_FILES) removeQuietly(`${d.backup.file}${side}`);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") continue; // another process pruned it first
      console.error(`[walkaway] could not remove old backup ${d.backup.file}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return pruned;
}

export interface BackupStatusEntry {
  name: string;
  file: string;
  kind: BackupKind;
  bytes: number;
  takenAt: string;
  /** why the retention policy keeps it ([] when the next backup will remove it) */
  keptFor: KeepReason[];
}

export interface BackupStatus {
  dir: string;
  /** newest first */
  backups: BackupStatusEntry[];
  totalBytes: number;
  policy: BackupPolicy;
  /** the newest scheduled backup's instant (ISO), if any */
  lastScheduledAt: string | null;
  /** when the next scheduled one is due (ISO; taken at the first hourly check after it); null when the schedule is off */
  nextScheduledDue: string | null;
  /** free bytes on the folder's disk, when it can be read */
  freeBytes: number | null;
}

/** The backups card of "Your data": what is there, what it adds up to, what is kept, what comes next. */
export function backupStatus(dir: string, opts: { policy?: BackupPolicy; now?: Date; freeBytes?: (dir: string) => number } = {}): BackupStatus {
  const policy = opts.policy ?? backupPolicy();
  const now = opts.now ?? new Date();
  const backups = ownBackups(dir);
  const reasons = new Map(planRetention(backups, policy).keep.map((k) => [k.backup.name, k.reasons]));
  const lastScheduled = backups.find((b) => b.kind === "scheduled");
  let nextScheduledDue: string | null = null;
  if (policy.everyHours > 0) {
    const due = lastScheduled ? Date.parse(lastScheduled.takenAt) + policy.everyHours * 3_600_000 : now.getTime();
    nextScheduledDue = new Date(Math.max(due, now.getTime())).toISOString();
  }
  let free: number | null = null;
  try {
    free = (opts.freeBytes ?? statfsFreeBytes)(existingAncestor(dir));
  } catch {
    free = null;
  }
  return {
    dir: path.resolve(dir),
    backups: backups.map((b) => ({ name: b.name, file: b.file, kind: b.kind, bytes: b.bytes, takenAt: b.takenAt, keptFor: reasons.get(b.name) ?? [] })),
    totalBytes: backups.reduce((s, b) => s + b.bytes, 0),
    policy,
    lastScheduledAt: lastScheduled?.takenAt ?? null,
    nextScheduledDue,
    freeBytes: free,
  };
}

export interface BackupFile {
  name: string;
  bytes: number;
  modifiedAt: string;
}

/** Every `.db` file in a folder (ours or not), newest first by modification time. */
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
