/**
 * Scheduled backups while the app runs: every hour a check; when the newest `scheduled-*.db` is older
 * than WALKAWAY_BACKUP_EVERY_HOURS (and the book has anything in it), one more, then the folder is
 * pruned like after every backup. The timers are unref()ed (they never keep a process alive), the
 * schedule starts once per process (guarded on globalThis, so dev reloads do not stack timers), and a
 * failure is one log line, never a crash. Started from instrumentation.ts.
 */
import type { DB } from "@/db/connection";
import type { BackupPolicy } from "@/lib/backup-retention";
import { backupDatabase, ownBackups, type BackupResult } from "./backups";
import { isBookEmpty } from "./book";

export const CHECK_EVERY_MS = 60 * 60 * 1000;
/** the first check, a little after start (migrations done, the first requests served) */
export const FIRST_CHECK_AFTER_MS = 60 * 1000;

export type TickOutcome =
  | { status: "off" }
  | { status: "empty" }
  | { status: "not_due"; dueAt: string }
  | { status: "taken"; result: BackupResult }
  | { status: "failed"; message: string };

export interface TickOptions {
  now?: Date;
  freeBytes?: (dir: string) => number;
}

/** When the next scheduled backup is due: the newest scheduled one's instant plus the interval (null: none yet). */
export function nextDue(dir: string, everyHours: number): number | null {
  const last = ownBackups(dir).find((b) => b.kind === "scheduled");
  return last ? Date.parse(last.takenAt) + everyHours * 3_600_000 : null;
}

/** One check of the schedule: take a scheduled backup if one is due. Never throws. */
export async function backupTick(db: DB, dir: string, policy: BackupPolicy, opts: TickOptions = {}): Promise<TickOutcome> {
  const now = opts.now ?? new Date();
  try {
    if (!(policy.everyHours > 0)) return { status: "off" };
    const due = nextDue(dir, policy.everyHours);
    if (due != null && due > now.getTime()) return { status: "not_due", dueAt: new Date(due).toISOString() };
    if (isBookEmpty(db)) return { status: "empty" };
    const result = await backupDatabase(db.$client, dir, "scheduled", { now, policy, freeBytes: opts.freeBytes });
    const removed = result.pruned.length ? `; removed ${result.pruned.length} old backup${result.pruned.length === 1 ? "" : "s"}` : "";
    console.log(`[walkaway] scheduled backup: ${result.file} (${result.bytes} bytes, integrity ok)${removed}`);
    return { status: "taken", result };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    console.error(`[walkaway] scheduled backup failed (the app keeps running; next try in an hour): ${message}`);
    return { status: "failed", message };
  }
}

export interface BackupSchedule {
  stop(): void;
  /** run a check now (what the timer does) */
  tick(opts?: TickOptions): Promise<TickOutcome>;
}

const globalForSchedule = globalThis as unknown as { __walkawayBackupSchedule?: BackupSchedule };

/**
 * Start the hourly check, once per process: a second call returns the running schedule. Returns null
 * (and starts nothing) when the schedule is off (everyHours 0).
 */
export function startBackupSchedule(getDb: () => DB | Promise<DB>, dir: string, policy: BackupPolicy): BackupSchedule | null {
  if (globalForSchedule.__walkawayBackupSchedule) return globalForSchedule.__walkawayBackupSchedule;
  if (!(policy.everyHours > 0)) return null;
  let running: Promise<TickOutcome> | null = null;
  const tick = (opts?: TickOptions): Promise<TickOutcome> => {
    // a slow backup (a big book on a slow disk) never overlaps the next check
    running ??= (async () => {
      try {
        return await backupTick(await getDb(), dir, policy, opts);
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        console.error(`[walkaway] scheduled backup failed (the database is not available): ${message}`);
        return { status: "failed", message } as const;
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const fire = () => void tick();
  const first = setTimeout(fire, FIRST_CHECK_AFTER_MS);
  const every = setInterval(fire, CHECK_EVERY_MS);
  first.unref();
  every.unref();
  const schedule: BackupSchedule = {
    tick,
    stop() {
      clearTimeout(first);
      clearInterval(every);
      if (globalForSchedule.__walkawayBackupSchedule === schedule) delete globalForSchedule.__walkawayBackupSchedule;
    },
  };
  globalForSchedule.__walkawayBackupSchedule = schedule;
  return schedule;
}
