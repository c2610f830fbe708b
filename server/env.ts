import path from "node:path";
import { z } from "@/lib/zod";
import { DEFAULT_BACKUP_POLICY, type BackupPolicy } from "@/lib/backup-retention";

/** How many backups a retention rule keeps: a whole number, 0 turns the rule off. */
function backupCount(name: string) {
  return z.coerce.number().int(`${name} must be a whole number`).min(0, `${name} must be 0 or more`).max(10_000, `${name} must be at most 10000`).optional();
}

/** Environment, parsed once: a bad value fails at start with a clear message, not later. */
const envSchema = z.object({
  WALKAWAY_DB: z.string().min(1).optional(),
  WALKAWAY_BACKUP_DIR: z.string().min(1).optional(),
  WALKAWAY_PASSWORD: z.string().min(8, "WALKAWAY_PASSWORD must be at least 8 characters").optional(),
  WALKAWAY_API_TOKEN: z.string().min(16, "WALKAWAY_API_TOKEN must be at least 16 characters").optional(),
  WALKAWAY_SECRET: z.string().min(16).optional(),
  WALKAWAY_MAX_BODY_BYTES: z.coerce.number().int().min(1024, "WALKAWAY_MAX_BODY_BYTES must be at least 1024").optional(),
  WALKAWAY_BACKUP_KEEP_LAST: backupCount("WALKAWAY_BACKUP_KEEP_LAST"),
  WALKAWAY_BACKUP_KEEP_DAILY: backupCount("WALKAWAY_BACKUP_KEEP_DAILY"),
  WALKAWAY_BACKUP_KEEP_WEEKLY: backupCount("WALKAWAY_BACKUP_KEEP_WEEKLY"),
  WALKAWAY_BACKUP_KEEP_MONTHLY: backupCount("WALKAWAY_BACKUP_KEEP_MONTHLY"),
  WALKAWAY_BACKUP_MAX_MB: z.coerce
    .number()
    .int("WALKAWAY_BACKUP_MAX_MB must be a whole number of megabytes")
    .min(0, "WALKAWAY_BACKUP_MAX_MB must be 0 (no size cap) or more")
    .max(1024 * 1024 * 1024, "WALKAWAY_BACKUP_MAX_MB is larger than any disk")
    .optional(),
  WALKAWAY_BACKUP_EVERY_HOURS: z.coerce
    .number()
    .int("WALKAWAY_BACKUP_EVERY_HOURS must be a whole number of hours")
    .min(0, "WALKAWAY_BACKUP_EVERY_HOURS must be 0 (no scheduled backups) or more")
    .max(24 * 366, "WALKAWAY_BACKUP_EVERY_HOURS must be at most a year (8784)")
    .optional(),
});

export type Env = z.infer<typeof envSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([k, v]) => k.startsWith("WALKAWAY_") && v !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export function databasePath(env: Env = readEnv()): string {
  return path.resolve(/*turbopackIgnore: true*/ env.WALKAWAY_DB ?? path.join(process.cwd(), "data", "walkaway.db"));
}

/**
 * Where backups go: WALKAWAY_BACKUP_DIR, else `<db folder>/backups` for the default `walkaway.db` and
 * `<db folder>/backups/<name>` for any other file, so two books in one folder never prune (or offer to
 * restore) each other's backups.
 */
export function backupDir(env: Env = readEnv()): string {
  if (env.WALKAWAY_BACKUP_DIR) return path.resolve(/*turbopackIgnore: true*/ env.WALKAWAY_BACKUP_DIR);
  const db = databasePath(env);
  const stem = path.basename(db).replace(/\.(db|sqlite3?)$/i, "");
  return path.join(path.dirname(db), "backups", ...(stem === "walkaway" ? [] : [stem]));
}

/** Largest request body or upload accepted (bytes): a whole-book import fits, a flood does not. */
export function maxBodyBytes(env: Env = readEnv()): number {
  return env.WALKAWAY_MAX_BODY_BYTES ?? 5 * 1024 * 1024;
}

/**
 * Which backups are kept (lib/backup-retention.ts) and how often one is taken while the app runs.
 * WALKAWAY_BACKUP_MAX_MB is in MiB (1024 = 1 GiB; 0 = no size cap, the counts still bound the folder).
 */
export function backupPolicy(env: Env = readEnv()): BackupPolicy {
  const d = DEFAULT_BACKUP_POLICY;
  return {
    keepLast: env.WALKAWAY_BACKUP_KEEP_LAST ?? d.keepLast,
    keepDaily: env.WALKAWAY_BACKUP_KEEP_DAILY ?? d.keepDaily,
    keepWeekly: env.WALKAWAY_BACKUP_KEEP_WEEKLY ?? d.keepWeekly,
    keepMonthly: env.WALKAWAY_BACKUP_KEEP_MONTHLY ?? d.keepMonthly,
    maxTotalBytes: env.WALKAWAY_BACKUP_MAX_MB != null ? env.WALKAWAY_BACKUP_MAX_MB * 1024 * 1024 : d.maxTotalBytes,
    everyHours: env.WALKAWAY_BACKUP_EVERY_HOURS ?? d.everyHours,
  };
}
