import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { openDatabase, type DB } from "@/db/connection";
import { migrateDatabase } from "@/db/migrate";
import { DEFAULT_BACKUP_POLICY, formatBytes, maxKeptCount, parseBackupName, type BackupPolicy } from "@/lib/backup-retention";
import { isAppError } from "@/lib/errors";
import { backupTick, startBackupSchedule } from "@/server/backup-schedule";
import { backupDatabase, backupStatus, listBackups, ownBackups, pruneBackups, spaceNeeded } from "@/server/backups";
import { exportBook, importUntrusted } from "@/server/book";
import { backupDir, backupPolicy, readEnv } from "@/server/env";
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
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
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
    // a book not named walkaway.db keeps its backups in a folder of its own (two books may share a folder)
    const own = path.join(dir, "backups", path.basename(file, ".db"));
    expect(backupDir(readEnv({ WALKAWAY_DB: file } as unknown as NodeJS.ProcessEnv))).toBe(own);
    expect(backupDir(readEnv({ WALKAWAY_DB: path.join(dir, "walkaway.db") } as unknown as NodeJS.ProcessEnv))).toBe(path.join(dir, "backups"));
    const backups = listBackups(own);
    expect(backups).toHaveLength(1);
    expect(backups[0].name).toMatch(/^walkaway-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.db$/);
    expect(r.stdout).toContain(backups[0].name);
    const copy = readBook(path.join(own, backups[0].name));
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

const BACKUP_ENV = ["KEEP_LAST", "KEEP_DAILY", "KEEP_WEEKLY", "KEEP_MONTHLY", "MAX_MB", "EVERY_HOURS"].map((k) => `WALKAWAY_BACKUP_${k}`);
/** The defaults, whatever the machine running the tests has set. */
function defaultBackupEnv() {
  for (const k of BACKUP_ENV) vi.stubEnv(k, "");
}
const dbBytes = (d: DB) => Number(d.$client.pragma("page_count", { simple: true })) * Number(d.$client.pragma("page_size", { simple: true }));
/** Everything in a folder, recursively, with contents: proof that nothing was written or removed. */
function snapshot(folder: string): Record<string, string> {
  if (!fs.existsSync(folder)) return {};
  const out: Record<string, string> = {};
  for (const e of fs.readdirSync(folder, { withFileTypes: true, recursive: true })) {
    const full = path.join(e.parentPath, e.name);
    out[path.relative(folder, full)] = e.isFile() ? fs.readFileSync(full).toString("base64") : "(dir)";
  }
  return out;
}
const oldName = (prefix: string, iso: string) => `${prefix}-${iso.replace(/[:.]/g, "-")}.db`;

describe("retention: backups no longer grow without limit", () => {
  test("43 merges into a non-empty book leave at most the policy's count and size", async () => {
    defaultBackupEnv();
    loadAwkwardBook(db);
    const file = exportBook(db);
    const backups = path.join(dir, "backups");
    let written = 0;
    let writtenBytes = 0;
    for (let i = 0; i < 43; i++) {
      const outcome = await importUntrusted(db, file, "merge", backups);
      expect(outcome.ok).toBe(true);
      if (!outcome.ok) return;
      expect(outcome.backup).toMatch(/pre-import-.*\.db$/);
      written += 1;
      writtenBytes += fs.statSync(outcome.backup!).size;
    }
    const kept = ownBackups(backups);
    const keptBytes = kept.reduce((s, b) => s + b.bytes, 0);
    const policy = backupPolicy(readEnv());
    expect(policy).toEqual(DEFAULT_BACKUP_POLICY);
    // all taken the same day: the newest 7, nothing else
    expect(kept).toHaveLength(7);
    expect(kept.length).toBeLessThanOrEqual(maxKeptCount(policy));
    expect(keptBytes).toBeLessThanOrEqual(policy.maxTotalBytes);
    expect(fs.readdirSync(backups).sort()).toEqual(kept.map((b) => b.name).sort()); // no -wal/-shm left behind
    // the newest backup is the book just before the last merge: it opens, whole
    const newest = new Database(kept[0].file, { readonly: true });
    expect(newest.pragma("integrity_check", { simple: true })).toBe("ok");
    newest.close();
    console.log(
      `[backups] 43 merges: ${written} pre-import backups written, ${formatBytes(writtenBytes)} (${writtenBytes} bytes) in all; ` +
        `${kept.length} kept, ${formatBytes(keptBytes)} (${keptBytes} bytes); database now ${formatBytes(dbBytes(db))}`,
    );
  });

  test("with WALKAWAY_BACKUP_MAX_MB=2 the kept total stays under 2 MiB (or only the newest remains)", async () => {
    defaultBackupEnv();
    vi.stubEnv("WALKAWAY_BACKUP_MAX_MB", "2");
    loadAwkwardBook(db);
    const file = exportBook(db);
    const backups = path.join(dir, "backups");
    for (let i = 0; i < 20; i++) {
      const outcome = await importUntrusted(db, file, "merge", backups);
      expect(outcome.ok).toBe(true);
      const kept = ownBackups(backups);
      const total = kept.reduce((s, b) => s + b.bytes, 0);
      if (kept.length > 1) expect(total).toBeLessThanOrEqual(2 * 1024 * 1024);
      expect(kept[0].file).toBe(outcome.ok ? outcome.backup : null); // the one just taken is never pruned
    }
    const kept = ownBackups(backups);
    expect(kept.length).toBeGreaterThan(1);
    expect(kept.length).toBeLessThan(7); // the cap, not the count, decided
    console.log(`[backups] 20 merges with a 2 MiB cap: ${kept.length} kept, ${formatBytes(kept.reduce((s, b) => s + b.bytes, 0))}; database ${formatBytes(dbBytes(db))}`);
  });

  test("a year of scheduled backups, one a day: 13 files kept (the most the default policy can keep is 24)", async () => {
    loadAwkwardBook(db);
    const backups = path.join(dir, "backups");
    const start = Date.parse("2026-01-01T03:00:00.000Z");
    // real copies are slow to make 365 times: the first is real, the rest are copies of it under the names the schedule would give
    const first = await backupDatabase(db.$client, backups, "scheduled", { now: new Date(start), policy: DEFAULT_BACKUP_POLICY });
    for (let d = 1; d < 365; d++) fs.copyFileSync(first.file, path.join(backups, oldName("scheduled", new Date(start + d * 86_400_000).toISOString())));
    const result = await backupDatabase(db.$client, backups, "scheduled", { now: new Date(start + 365 * 86_400_000), policy: DEFAULT_BACKUP_POLICY });
    expect(result.pruned.length).toBe(366 - 13);
    const kept = ownBackups(backups);
    // 2027-01-01 (a Friday): the last 7 days; Sundays 12-20 and 12-13 (12-27 is in the last 7); the ends of Dec…Aug
    expect(kept.map((b) => b.takenAt.slice(0, 10))).toEqual([
      "2027-01-01", "2026-12-31", "2026-12-30", "2026-12-29", "2026-12-28", "2026-12-27", "2026-12-26",
      "2026-12-20", "2026-12-13", "2026-11-30", "2026-10-31", "2026-09-30", "2026-08-31",
    ]);
    expect(kept.length).toBeLessThanOrEqual(maxKeptCount(DEFAULT_BACKUP_POLICY));
    expect(maxKeptCount(DEFAULT_BACKUP_POLICY)).toBe(24);
  });

  test("pruning never touches foreign files, directories, or the live database, even when they look like ours", async () => {
    const backups = path.join(dir, "backups");
    fs.mkdirSync(path.join(backups, oldName("pre-import", "2019-06-01T00:00:00.000Z")), { recursive: true }); // a directory with our name
    const foreign: Record<string, string> = {
      "notes.txt": "mine",
      "walkaway.db": "a database someone keeps here",
      "walkaway-old.db": "renamed by hand",
      "other-2020-01-01T00-00-00-000Z.db": "another app",
      [`${oldName("walkaway", "2019-01-01T00:00:00.000Z")}-wal`]: "a wal whose database is not here",
      [`${oldName("walkaway", "2020-01-01T00:00:00.000Z")}.bak`]: "a copy of a copy",
      "walkaway-2020-01-01.db": "a date, not our timestamp",
    };
    for (const [name, text] of Object.entries(foreign)) fs.writeFileSync(path.join(backups, name), text);
    // ours, old: these may go
    for (const iso of ["2020-01-01T00:00:00.000Z", "2020-02-01T00:00:00.000Z", "2021-03-01T00:00:00.000Z"])
      for (const prefix of ["walkaway", "scheduled", "pre-import", "pre-migration"]) fs.writeFileSync(path.join(backups, oldName(prefix, iso)), "old");
    // an old copy's own side files (older versions left them) go with it
    const sideFiles = ["-wal", "-shm"].map((x) => `${oldName("scheduled", "2020-01-01T00:00:00.000Z")}${x}`);
    for (const f of sideFiles) fs.writeFileSync(path.join(backups, f), "side");
    const before = snapshot(backups);
    const result = await backupDatabase(db.$client, backups, "walkaway", { policy: { keepLast: 1, keepDaily: 0, keepWeekly: 0, keepMonthly: 0, maxTotalBytes: 1 } });
    expect(result.pruned).toHaveLength(12);
    expect(result.pruned.every((p) => parseBackupName(p.name) !== null)).toBe(true);
    const after = snapshot(backups);
    for (const name of Object.keys(before).filter((n) => (!parseBackupName(n) && !sideFiles.includes(n)) || n.includes(path.sep))) expect(after[name], name).toBe(before[name]);
    for (const f of sideFiles) expect(after[f], f).toBeUndefined();
    expect(after[oldName("pre-import", "2019-06-01T00:00:00.000Z")]).toBe("(dir)");
    expect(ownBackups(backups).map((b) => b.name)).toEqual([path.basename(result.file)]);

    // a live database that happens to live in the folder under one of our names is never pruned
    const liveFile = path.join(backups, oldName("walkaway", "2018-01-01T00:00:00.000Z"));
    const live = openDatabase(liveFile);
    try {
      await migrateDatabase(live);
      await backupDatabase(live.$client, backups, "walkaway", { policy: { keepLast: 1, keepDaily: 0, keepWeekly: 0, keepMonthly: 0, maxTotalBytes: 1 } });
      expect(fs.existsSync(liveFile)).toBe(true);
    } finally {
      live.$client.close();
    }
  });

  test("pruneBackups on its own (what runs after migrations) applies the policy to pre-migration copies too", () => {
    const backups = path.join(dir, "backups");
    fs.mkdirSync(backups);
    const names = Array.from({ length: 12 }, (_, i) => oldName("pre-migration", new Date(Date.parse("2026-11-24T10:00:00.000Z") + i * 1000).toISOString()));
    for (const n of names) fs.writeFileSync(path.join(backups, n), "x");
    fs.writeFileSync(path.join(backups, "readme.txt"), "keep me");
    const pruned = pruneBackups(backups, DEFAULT_BACKUP_POLICY);
    expect(pruned.map((p) => p.name).sort()).toEqual(names.slice(0, 5).sort());
    expect(fs.readdirSync(backups).sort()).toEqual([...names.slice(5), "readme.txt"].sort());
    expect(pruneBackups(path.join(dir, "does-not-exist"), DEFAULT_BACKUP_POLICY)).toEqual([]);
  });
});

describe("a backup that would not fit is refused before it starts", () => {
  test("too little free space: AppError storage_full naming folder, need and free; nothing written, not even the folder", async () => {
    loadAwkwardBook(db);
    const backups = path.join(dir, "new", "backups");
    const need = spaceNeeded(dbBytes(db));
    const err = await backupDatabase(db.$client, backups, "walkaway", { freeBytes: () => need }).catch((e: unknown) => e);
    expect(isAppError(err, "storage_full")).toBe(true);
    const message = (err as Error).message;
    expect(message).toContain(backups);
    expect(message).toContain(formatBytes(need));
    expect(message).toMatch(/Nothing was written/);
    expect(fs.existsSync(path.join(dir, "new"))).toBe(false);
  });

  test("an existing folder is left exactly as it was; one byte more than needed and the backup goes ahead", async () => {
    loadAwkwardBook(db);
    const backups = path.join(dir, "backups");
    await backupDatabase(db.$client, backups, "walkaway");
    fs.writeFileSync(path.join(backups, "notes.txt"), "mine");
    const before = snapshot(backups);
    const need = spaceNeeded(dbBytes(db));
    const seen: string[] = [];
    await expect(
      backupDatabase(db.$client, backups, "walkaway", {
        freeBytes: (d) => {
          seen.push(d);
          return 1000;
        },
      }),
    ).rejects.toThrow(/only 1000 bytes is free/);
    expect(seen).toEqual([backups]);
    expect(snapshot(backups)).toEqual(before);
    const ok = await backupDatabase(db.$client, backups, "walkaway", { freeBytes: () => need + 1 });
    expect(fs.existsSync(ok.file)).toBe(true);
  });

  test("the margin: the database's size plus 10% plus 8 MiB", () => {
    expect(spaceNeeded(0)).toBe(8 * 1024 * 1024);
    expect(spaceNeeded(100 * 1024 * 1024)).toBe(118 * 1024 * 1024);
  });
});

describe("scheduled backups (the tick, with an injected clock)", () => {
  const policy: BackupPolicy = { ...DEFAULT_BACKUP_POLICY, everyHours: 24 };
  const T = Date.parse("2026-11-24T10:00:00.000Z");
  const hours = (h: number) => new Date(T + h * 3_600_000);

  test("one when due, none when not, none for an empty book, none when off", async () => {
    const backups = path.join(dir, "backups");
    vi.spyOn(console, "log").mockImplementation(() => {});
    expect(await backupTick(db, backups, policy, { now: hours(0) })).toEqual({ status: "empty" });
    expect(fs.existsSync(backups)).toBe(false);
    loadAwkwardBook(db);
    expect(await backupTick(db, backups, { ...policy, everyHours: 0 }, { now: hours(0) })).toEqual({ status: "off" });
    const first = await backupTick(db, backups, policy, { now: hours(0) });
    expect(first.status).toBe("taken");
    expect(first.status === "taken" && path.basename(first.result.file)).toBe("scheduled-2026-11-24T10-00-00-000Z.db");
    expect(await backupTick(db, backups, policy, { now: hours(1) })).toEqual({ status: "not_due", dueAt: hours(24).toISOString() });
    expect((await backupTick(db, backups, policy, { now: new Date(T + 24 * 3_600_000 - 1) })).status).toBe("not_due");
    // a manual backup or an import does not count: the schedule follows its own copies
    await backupDatabase(db.$client, backups, "walkaway", { now: hours(23), policy });
    expect((await backupTick(db, backups, policy, { now: hours(24) })).status).toBe("taken");
    expect((await backupTick(db, backups, policy, { now: hours(25) })).status).toBe("not_due");
    expect(ownBackups(backups).map((b) => b.kind)).toEqual(["scheduled", "manual", "scheduled"]);
    const status = backupStatus(backups, { policy, now: hours(25), freeBytes: () => 5 });
    expect(status.lastScheduledAt).toBe(hours(24).toISOString());
    expect(status.nextScheduledDue).toBe(hours(48).toISOString());
    expect(status.backups.map((b) => b.name)).toEqual(ownBackups(backups).map((b) => b.name));
    expect(status.totalBytes).toBe(status.backups.reduce((s, b) => s + b.bytes, 0));
    expect(status.freeBytes).toBe(5);
    expect(status.backups.every((b) => b.keptFor.length > 0)).toBe(true);
  });

  test("a failure is one clear log line, not a crash, and writes nothing", async () => {
    loadAwkwardBook(db);
    const backups = path.join(dir, "backups");
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const outcome = await backupTick(db, backups, policy, { now: hours(0), freeBytes: () => 0 });
    expect(outcome.status).toBe("failed");
    expect(errors).toHaveBeenCalledTimes(1);
    expect(String(errors.mock.calls[0][0])).toMatch(/^\[walkaway\] scheduled backup failed .*Not enough free space/);
    expect(fs.existsSync(backups)).toBe(false);
  });

  test("started once per process; off when the interval is 0; its tick is the same check", async () => {
    loadAwkwardBook(db);
    const backups = path.join(dir, "backups");
    vi.spyOn(console, "log").mockImplementation(() => {});
    expect(startBackupSchedule(() => db, backups, { ...policy, everyHours: 0 })).toBeNull();
    const a = startBackupSchedule(() => db, backups, policy)!;
    try {
      expect(startBackupSchedule(() => db, backups, policy)).toBe(a);
      const [one, two] = await Promise.all([a.tick({ now: hours(0) }), a.tick({ now: hours(0) })]);
      expect(one).toBe(two); // a check never overlaps another
      expect(one.status).toBe("taken");
      expect((await a.tick({ now: hours(2) })).status).toBe("not_due");
    } finally {
      a.stop();
    }
    const b = startBackupSchedule(async () => db, backups, policy)!;
    expect(b).not.toBe(a);
    b.stop();
  });
});

describe("the policy from the environment", () => {
  const vars = (v: Record<string, string>) => v as NodeJS.ProcessEnv;
  test("defaults, overrides, and clear errors", () => {
    expect(backupPolicy(readEnv(vars({})))).toEqual(DEFAULT_BACKUP_POLICY);
    const overrides = vars({
      WALKAWAY_BACKUP_KEEP_LAST: "3",
      WALKAWAY_BACKUP_KEEP_DAILY: "0",
      WALKAWAY_BACKUP_KEEP_WEEKLY: "2",
      WALKAWAY_BACKUP_KEEP_MONTHLY: "12",
      WALKAWAY_BACKUP_MAX_MB: "200",
      WALKAWAY_BACKUP_EVERY_HOURS: "0",
    });
    expect(backupPolicy(readEnv(overrides))).toEqual({ keepLast: 3, keepDaily: 0, keepWeekly: 2, keepMonthly: 12, maxTotalBytes: 200 * 1024 * 1024, everyHours: 0 });
    expect(() => readEnv(vars({ WALKAWAY_BACKUP_KEEP_LAST: "seven" }))).toThrow(/WALKAWAY_BACKUP_KEEP_LAST/);
    expect(() => readEnv(vars({ WALKAWAY_BACKUP_MAX_MB: "-1" }))).toThrow(/WALKAWAY_BACKUP_MAX_MB must be 0 \(no size cap\) or more/);
    expect(() => readEnv(vars({ WALKAWAY_BACKUP_EVERY_HOURS: "1.5" }))).toThrow(/WALKAWAY_BACKUP_EVERY_HOURS must be a whole number/);
  });

  test("npm run backup prunes by the environment's policy and says what it removed", () => {
    loadAwkwardBook(db);
    const backups = backupDir(readEnv({ WALKAWAY_DB: file } as unknown as NodeJS.ProcessEnv));
    fs.mkdirSync(backups, { recursive: true });
    for (const iso of ["2020-01-01T00:00:00.000Z", "2020-01-02T00:00:00.000Z"]) fs.writeFileSync(path.join(backups, oldName("walkaway", iso)), "old");
    const r = runBackupScript({ WALKAWAY_DB: file, WALKAWAY_BACKUP_KEEP_LAST: "1", WALKAWAY_BACKUP_KEEP_DAILY: "0", WALKAWAY_BACKUP_KEEP_WEEKLY: "0", WALKAWAY_BACKUP_KEEP_MONTHLY: "0" });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Removed 2 old backup\(s\)/);
    expect(ownBackups(backups)).toHaveLength(1);
  });
});
