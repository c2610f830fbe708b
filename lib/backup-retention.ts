/**
 * Which backups to keep: the newest few, one a day, one a week, one a month, under a size cap. Pure: the
 * folder listing and the clock come from server/backups.ts; the same list and policy always give the
 * same answer.
 *
 * Periods count the way restic and borg do: "one a day for 7 days" keeps the newest backup of each of the
 * last 7 calendar days (UTC) **that have a backup**, so an install left off for a month still has its
 * history when it comes back, instead of losing it to a calendar window that moved on.
 */
import { isoDateOf } from "./dates";

export type BackupKind = "manual" | "scheduled" | "pre-import" | "pre-currency" | "pre-migration";

/** The file-name prefix of each kind: `<prefix>-<timestamp>.db`. Only these names are ever pruned. */
export const BACKUP_PREFIX = {
  manual: "walkaway",
  scheduled: "scheduled",
  "pre-import": "pre-import",
  "pre-currency": "pre-currency",
  "pre-migration": "pre-migration",
} as const satisfies Record<BackupKind, string>;

export type BackupPrefix = (typeof BACKUP_PREFIX)[BackupKind];

export interface RetentionPolicy {
  /** always keep the newest N */
  keepLast: number;
  /** the newest of each of the last N days that have a backup */
  keepDaily: number;
  /** the newest of each of the last N ISO weeks that have a backup */
  keepWeekly: number;
  /** the newest of each of the last N months that have a backup */
  keepMonthly: number;
  /** then drop the oldest kept ones while their total is above this (0: no cap); the newest always stays */
  maxTotalBytes: number;
}

/** The retention, plus how often a scheduled backup is taken while the app runs (0: never). */
export interface BackupPolicy extends RetentionPolicy {
  everyHours: number;
}

/** The one default (server/env.ts reads overrides from WALKAWAY_BACKUP_*). */
export const DEFAULT_BACKUP_POLICY: BackupPolicy = {
  keepLast: 7,
  keepDaily: 7,
  keepWeekly: 4,
  keepMonthly: 6,
  maxTotalBytes: 1024 * 1024 * 1024,
  everyHours: 24,
};

export interface BackupEntry {
  name: string;
  bytes: number;
  /** when it was taken: an ISO instant or epoch milliseconds */
  takenAt: string | number;
  kind: BackupKind;
}

export type KeepReason = "newest" | "last" | "daily" | "weekly" | "monthly";

export interface KeptBackup<B extends BackupEntry = BackupEntry> {
  backup: B;
  /** every rule that keeps it, in the order newest, last, daily, weekly, monthly */
  reasons: KeepReason[];
}

export interface DeletedBackup<B extends BackupEntry = BackupEntry> {
  backup: B;
  /** "expired": no rule keeps it; "over_cap": a rule kept it, the size cap removed it */
  reason: "expired" | "over_cap";
  /** for over_cap: the rules that would have kept it */
  wantedBy: KeepReason[];
}

export interface RetentionPlan<B extends BackupEntry = BackupEntry> {
  /** newest first */
  keep: KeptBackup<B>[];
  /** newest first */
  delete: DeletedBackup<B>[];
  keptBytes: number;
}

const DAY_MS = 86_400_000;
const STAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z(?:-(\d+))?\.db$/;

/** `2026-11-24T10-00-00-000Z`: an instant as it appears in a backup's name (no `:` or `.`, for every file system). */
export function backupStamp(instant: Date): string {
  return instant.toISOString().replace(/[:.]/g, "-");
}

/** `<prefix>-<timestamp>.db`, or `<prefix>-<timestamp>-<n>.db` for the n-th one in the same millisecond (n ≥ 2). */
export function backupFileName(prefix: BackupPrefix, instant: Date, n = 1): string {
  return `${prefix}-${backupStamp(instant)}${n > 1 ? `-${n}` : ""}.db`;
}

const KIND_OF_PREFIX = new Map<string, BackupKind>(Object.entries(BACKUP_PREFIX).map(([kind, prefix]) => [prefix, kind as BackupKind]));
// longest prefix first, so "pre-migration-…" is never read as something shorter
const PREFIXES = [...KIND_OF_PREFIX.keys()].sort((a, b) => b.length - a.length);

/** One of our own backup names → its kind, instant and same-millisecond counter; anything else → null. */
export function parseBackupName(name: string): { kind: BackupKind; takenAt: number; n: number } | null {
  for (const prefix of PREFIXES) {
    if (!name.startsWith(`${prefix}-`)) continue;
    const m = STAMP.exec(name.slice(prefix.length + 1));
    if (!m) return null;
    const takenAt = Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`);
    if (Number.isNaN(takenAt)) return null;
    return { kind: KIND_OF_PREFIX.get(prefix)!, takenAt, n: m[6] ? Number(m[6]) : 1 };
  }
  return null;
}

function instantOf(b: BackupEntry): number {
  const t = typeof b.takenAt === "number" ? b.takenAt : Date.parse(b.takenAt);
  return Number.isFinite(t) ? t : Number.NEGATIVE_INFINITY;
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/** Retention groups backups by UTC calendar day (and month): the one date module's day of an instant. */
function dayKey(t: number): string {
  return isoDateOf(new Date(t));
}

function monthKey(t: number): string {
  return isoDateOf(new Date(t)).slice(0, 7);
}

/** ISO 8601 week in UTC: weeks start on Monday; week 1 holds the year's first Thursday. `2026-W48`. */
export function isoWeekKey(t: number): string {
  const midnight = Math.floor(t / DAY_MS) * DAY_MS;
  const weekday = (new Date(midnight).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = midnight + (3 - weekday) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const jan1 = new Date(0);
  jan1.setUTCFullYear(year, 0, 1);
  const week = 1 + Math.floor((thursday - jan1.getTime()) / (7 * DAY_MS));
  return `${year}-W${pad2(week)}`;
}

/** Newest first; the same instant is ordered by same-millisecond counter, then name (deterministic). */
function newestFirst<B extends BackupEntry>(backups: readonly B[]): B[] {
  const counter = (b: BackupEntry) => parseBackupName(b.name)?.n ?? 1;
  return [...backups].sort((a, b) => instantOf(b) - instantOf(a) || counter(b) - counter(a) || (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
}

const whole = (n: number) => (Number.isFinite(n) ? Math.max(0, Math.floor(n)) : 0);

/**
 * Which backups to keep and which to delete. Rules, in order: the newest always; the newest `keepLast`;
 * the newest of each of the last `keepDaily` days / `keepWeekly` ISO weeks / `keepMonthly` months that
 * have a backup; then, while the kept total is above `maxTotalBytes` (when above 0), the oldest kept one
 * goes, never the newest.
 */
export function planRetention<B extends BackupEntry>(backups: readonly B[], policy: RetentionPolicy): RetentionPlan<B> {
  const sorted = newestFirst(backups);
  const reasons = sorted.map((): KeepReason[] => []);
  if (sorted.length) reasons[0].push("newest");
  const keepLast = whole(policy.keepLast);
  sorted.forEach((_, i) => {
    if (i < keepLast) reasons[i].push("last");
  });
  const periods: [KeepReason, number, (t: number) => string][] = [
    ["daily", whole(policy.keepDaily), dayKey],
    ["weekly", whole(policy.keepWeekly), isoWeekKey],
    ["monthly", whole(policy.keepMonthly), monthKey],
  ];
  for (const [reason, count, keyOf] of periods) {
    const seen = new Set<string>();
    for (let i = 0; i < sorted.length && seen.size < count; i++) {
      const t = instantOf(sorted[i]);
      if (!Number.isFinite(t)) break; // an unknown instant belongs to no period (and sorts last)
      const key = keyOf(t);
      if (seen.has(key)) continue;
      seen.add(key);
      reasons[i].push(reason);
    }
  }
  const kept = sorted.map((_, i) => reasons[i].length > 0);
  const size = (b: BackupEntry) => (Number.isFinite(b.bytes) ? Math.max(0, b.bytes) : 0);
  let total = sorted.reduce((sum, b, i) => sum + (kept[i] ? size(b) : 0), 0);
  const overCap = new Set<number>();
  if (policy.maxTotalBytes > 0) {
    for (let i = sorted.length - 1; i > 0 && total > policy.maxTotalBytes; i--) {
      if (!kept[i]) continue;
      kept[i] = false;
      overCap.add(i);
      total -= size(sorted[i]);
    }
  }
  const plan: RetentionPlan<B> = { keep: [], delete: [], keptBytes: total };
  sorted.forEach((backup, i) => {
    if (kept[i]) plan.keep.push({ backup, reasons: reasons[i] });
    else plan.delete.push({ backup, reason: overCap.has(i) ? "over_cap" : "expired", wantedBy: reasons[i] });
  });
  return plan;
}

/** The most files the policy can keep, whatever the history (the periods may pick different files). */
export function maxKeptCount(policy: RetentionPolicy): number {
  return Math.max(1, whole(policy.keepLast)) + whole(policy.keepDaily) + whole(policy.keepWeekly) + whole(policy.keepMonthly);
}

/** 1 GiB, 400 MiB, 12.3 MiB, 512 KiB, 900 bytes. */
export function formatBytes(bytes: number): string {
  const units = ["KiB", "MiB", "GiB", "TiB"];
  if (!(bytes >= 1024)) return `${Math.max(0, Math.round(bytes || 0))} bytes`;
  let value = bytes;
  let unit = "bytes";
  for (const u of units) {
    if (value < 1024) break;
    value /= 1024;
    unit = u;
  }
  const shown = value >= 100 || Number.isInteger(value) ? Math.round(value) : Math.round(value * 10) / 10;
  return `${shown} ${unit}`;
}

/** "the last 7, one a day for 7 days, one a week for 4 weeks, one a month for 6 months, at most 1 GiB". */
export function describeRetention(policy: RetentionPolicy): string {
  const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
  const parts: string[] = [];
  const last = whole(policy.keepLast);
  parts.push(last > 1 ? `the last ${last}` : "the newest");
  if (whole(policy.keepDaily)) parts.push(`one a day for ${n(whole(policy.keepDaily), "day")}`);
  if (whole(policy.keepWeekly)) parts.push(`one a week for ${n(whole(policy.keepWeekly), "week")}`);
  if (whole(policy.keepMonthly)) parts.push(`one a month for ${n(whole(policy.keepMonthly), "month")}`);
  parts.push(policy.maxTotalBytes > 0 ? `at most ${formatBytes(policy.maxTotalBytes)}` : "no size cap");
  return parts.join(", ");
}

/** "once a day", "every hour", "every 6 hours", "every 7 days"; "off" for 0. */
export function describeSchedule(everyHours: number): string {
  if (!(everyHours > 0)) return "off";
  return everyHours === 1 ? "every hour" : everyHours % 24 === 0 ? (everyHours === 24 ? "once a day" : `every ${everyHours / 24} days`) : `every ${everyHours} hours`;
}

/** A path for a POSIX shell: single-quoted unless it is plainly safe. */
export function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The restore steps for one install, as lines to paste into a terminal (comments say what to do by hand). */
export function restoreCommand(databaseFile: string, backupFile: string): string {
  const db = shellQuote(databaseFile);
  return [
    "# 1. stop Walkaway (Ctrl+C in its terminal, or stop its service)",
    `cp ${shellQuote(backupFile)} ${db}`,
    `rm -f ${shellQuote(`${databaseFile}-wal`)} ${shellQuote(`${databaseFile}-shm`)}`,
    "# 2. start Walkaway again (npm start)",
  ].join("\n");
}
