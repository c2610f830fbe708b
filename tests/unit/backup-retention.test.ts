import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  BACKUP_PREFIX,
  DEFAULT_BACKUP_POLICY,
  backupFileName,
  describeRetention,
  describeSchedule,
  formatBytes,
  isoWeekKey,
  maxKeptCount,
  parseBackupName,
  planRetention,
  restoreCommand,
  shellQuote,
  type BackupEntry,
  type BackupKind,
  type RetentionPlan,
  type RetentionPolicy,
} from "@/lib/backup-retention";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (iso: string) => Date.parse(iso);
const policy = (p: Partial<RetentionPolicy> = {}): RetentionPolicy => ({ keepLast: 0, keepDaily: 0, keepWeekly: 0, keepMonthly: 0, maxTotalBytes: 0, ...p });

function entry(iso: string | number, bytes = 100, kind: BackupKind = "scheduled", n = 1): BackupEntry {
  const t = typeof iso === "number" ? iso : at(iso);
  return { name: backupFileName(BACKUP_PREFIX[kind], new Date(t), n), bytes, takenAt: t, kind };
}

/** One backup a day at 03:00 UTC from `from` for `days` days. */
function daily(from: string, days: number, bytes = 100): BackupEntry[] {
  return Array.from({ length: days }, (_, i) => entry(at(`${from}T03:00:00.000Z`) + i * DAY, bytes));
}

const keptDays = (plan: RetentionPlan) => plan.keep.map((k) => new Date(k.backup.takenAt).toISOString().slice(0, 10));

describe("backup names: ours are recognised, nothing else is", () => {
  test.each([
    ["walkaway-2026-11-24T10-00-00-000Z.db", { kind: "manual", takenAt: at("2026-11-24T10:00:00.000Z"), n: 1 }],
    ["scheduled-2026-11-24T10-00-00-123Z.db", { kind: "scheduled", takenAt: at("2026-11-24T10:00:00.123Z"), n: 1 }],
    ["pre-import-2026-11-24T10-00-00-000Z-3.db", { kind: "pre-import", takenAt: at("2026-11-24T10:00:00.000Z"), n: 3 }],
    ["pre-migration-2020-02-29T23-59-59-999Z.db", { kind: "pre-migration", takenAt: at("2020-02-29T23:59:59.999Z"), n: 1 }],
  ])("%s", (name, expected) => {
    expect(parseBackupName(name)).toEqual(expected);
  });

  test.each([
    "walkaway.db",
    "walkaway-old.db",
    "walkaway-2026-11-24.db",
    "walkaway-2026-11-24T10-00-00-000Z.db-wal",
    "walkaway-2026-11-24T10-00-00-000Z.db.bak",
    "my-walkaway-2026-11-24T10-00-00-000Z.db",
    "other-2026-11-24T10-00-00-000Z.db",
    "pre-2026-11-24T10-00-00-000Z.db",
    "pre-import-2026-13-01T10-00-00-000Z.db",
    "scheduled-2026-11-24T10:00:00.000Z.db",
    "notes.txt",
  ])("not ours: %s", (name) => {
    expect(parseBackupName(name)).toBeNull();
  });

  test("a name written is a name read back", () => {
    const now = new Date("2026-11-24T10:11:12.013Z");
    expect(backupFileName("pre-import", now)).toBe("pre-import-2026-11-24T10-11-12-013Z.db");
    expect(parseBackupName(backupFileName("pre-import", now, 2))).toEqual({ kind: "pre-import", takenAt: now.getTime(), n: 2 });
  });
});

describe("ISO weeks (UTC, Monday first, week 1 holds the first Thursday)", () => {
  test.each([
    ["2026-01-01T12:00:00Z", "2026-W01"],
    ["2024-12-30T00:00:00Z", "2025-W01"],
    ["2021-01-03T23:59:59Z", "2020-W53"],
    ["2026-11-24T10:00:00Z", "2026-W48"],
    ["2026-12-31T10:00:00Z", "2026-W53"],
    ["2027-01-04T00:00:00Z", "2027-W01"],
  ])("%s is %s", (iso, week) => {
    expect(isoWeekKey(at(iso))).toBe(week);
  });
});

describe("planRetention: which backups stay", () => {
  test("nothing to plan", () => {
    expect(planRetention([], DEFAULT_BACKUP_POLICY)).toEqual({ keep: [], delete: [], keptBytes: 0 });
  });

  test("43 imports in one afternoon: the newest 7 stay (the day, week and month all pick the newest)", () => {
    const backups = Array.from({ length: 43 }, (_, i) => entry(at("2026-11-24T14:00:00.000Z") + i * 60_000, 1000, "pre-import"));
    const plan = planRetention(backups, DEFAULT_BACKUP_POLICY);
    expect(plan.keep).toHaveLength(7);
    expect(plan.keep[0].reasons).toEqual(["newest", "last", "daily", "weekly", "monthly"]);
    expect(plan.keep.slice(1).every((k) => k.reasons.join() === "last")).toBe(true);
    expect(plan.delete).toHaveLength(36);
    expect(plan.delete.every((d) => d.reason === "expired")).toBe(true);
    expect(plan.keptBytes).toBe(7000);
  });

  test("a year of daily backups keeps 14: the last 7 days, 3 more Sundays, 5 more month-ends", () => {
    const plan = planRetention(daily("2026-01-01", 365), DEFAULT_BACKUP_POLICY);
    expect(keptDays(plan)).toEqual([
      "2026-12-31",
      "2026-12-30",
      "2026-12-29",
      "2026-12-28",
      "2026-12-27",
      "2026-12-26",
      "2026-12-25",
      "2026-12-20",
      "2026-12-13",
      "2026-11-30",
      "2026-10-31",
      "2026-09-30",
      "2026-08-31",
      "2026-07-31",
    ]);
    expect(plan.keep.find((k) => k.backup.takenAt === at("2026-12-20T03:00:00.000Z"))?.reasons).toEqual(["weekly"]);
    expect(plan.keep.find((k) => k.backup.takenAt === at("2026-11-30T03:00:00.000Z"))?.reasons).toEqual(["monthly"]);
    expect(plan.keep.length).toBeLessThanOrEqual(maxKeptCount(DEFAULT_BACKUP_POLICY));
  });

  test.each<[string, BackupEntry[], Partial<RetentionPolicy>, string[]]>([
    ["several a day: the newest of each day", [entry("2026-11-24T09:00:00Z"), entry("2026-11-24T18:00:00Z"), entry("2026-11-23T09:00:00Z"), entry("2026-11-23T20:00:00Z")], { keepDaily: 7 }, ["2026-11-24T18", "2026-11-23T20"]],
    ["a pause of months: the last days that HAVE a backup still count", [...daily("2026-01-01", 10), entry("2026-06-01T03:00:00Z")], { keepDaily: 3 }, ["2026-06-01T03", "2026-01-10T03", "2026-01-09T03"]],
    ["weekly: the newest of each ISO week", [entry("2026-11-23T01:00:00Z"), entry("2026-11-22T23:00:00Z"), entry("2026-11-16T01:00:00Z"), entry("2026-11-15T01:00:00Z")], { keepWeekly: 2 }, ["2026-11-23T01", "2026-11-22T23"]],
    ["monthly: the newest of each month", [entry("2026-11-01T00:00:00Z"), entry("2026-10-31T23:59:59Z"), entry("2026-10-01T00:00:00Z"), entry("2026-09-30T00:00:00Z")], { keepMonthly: 3 }, ["2026-11-01T00", "2026-10-31T23", "2026-09-30T00"]],
    ["every rule off: the newest still stays", daily("2026-11-01", 5), {}, ["2026-11-05T03"]],
    ["keepLast 2 and a day rule reach back further", daily("2026-11-01", 5), { keepLast: 2, keepDaily: 3 }, ["2026-11-05T03", "2026-11-04T03", "2026-11-03T03"]],
  ])("%s", (_name, backups, p, expected) => {
    const plan = planRetention(backups, policy(p));
    expect(plan.keep.map((k) => new Date(k.backup.takenAt).toISOString().slice(0, 13))).toEqual(expected);
    expect(plan.keep.length + plan.delete.length).toBe(backups.length);
  });

  test.each<[string, number[], number, number[], number]>([
    ["the oldest kept go first until the total fits", [100, 100, 100, 100, 100], 250, [100, 100], 3],
    ["exactly at the cap is fine", [100, 100, 100], 300, [100, 100, 100], 0],
    ["a newest backup larger than the cap stays, alone", [500, 10, 10], 100, [500], 2],
    ["a cap of 0 means no cap", [100, 100, 100], 0, [100, 100, 100], 0],
  ])("size cap: %s", (_name, sizes, cap, keptSizes, overCap) => {
    // sizes newest first
    const backups = sizes.map((b, i) => entry(at("2026-11-24T12:00:00Z") - i * HOUR, b));
    const plan = planRetention(backups, policy({ keepLast: 10, maxTotalBytes: cap }));
    expect(plan.keep.map((k) => k.backup.bytes)).toEqual(keptSizes);
    expect(plan.delete.filter((d) => d.reason === "over_cap")).toHaveLength(overCap);
    expect(plan.delete.filter((d) => d.reason === "over_cap").every((d) => d.wantedBy.includes("last"))).toBe(true);
  });

  test("the same millisecond: the -2 copy is the newer one; ISO strings and milliseconds mean the same", () => {
    const t = at("2026-11-24T12:00:00Z");
    const a = entry(t, 1, "manual", 1);
    const b = entry(t, 1, "manual", 2);
    expect(planRetention([a, b], policy()).keep.map((k) => k.backup.name)).toEqual([b.name]);
    const asText = [a, b].map((x) => ({ ...x, takenAt: new Date(x.takenAt).toISOString() }));
    expect(planRetention(asText, policy({ keepLast: 1 })).keep.map((k) => k.backup.name)).toEqual([b.name]);
  });

  test("kinds are kept by the same rules (a pre-migration copy is a backup like the others)", () => {
    const backups = [entry("2026-11-24T12:00:00Z", 1, "manual"), entry("2026-11-24T11:00:00Z", 1, "pre-migration"), entry("2026-11-24T10:00:00Z", 1, "pre-import"), entry("2026-11-24T09:00:00Z", 1, "scheduled")];
    expect(planRetention(backups, policy({ keepLast: 2 })).keep.map((k) => k.backup.kind)).toEqual(["manual", "pre-migration"]);
  });
});

describe("planRetention: properties", () => {
  const arbKind = fc.constantFrom<BackupKind>("manual", "scheduled", "pre-import", "pre-migration");
  const T0 = at("2025-01-01T00:00:00Z");
  // instants within two years, often colliding in the same day (and sometimes the same millisecond)
  const arbBackups = fc
    .array(fc.record({ t: fc.oneof(fc.integer({ min: 0, max: 730 * DAY }), fc.integer({ min: 0, max: 10 }).map((d) => d * DAY)), bytes: fc.integer({ min: 0, max: 1_000_000 }), kind: arbKind }), { maxLength: 80 })
    .map((rows) => {
      const seen = new Map<string, number>();
      return rows.map((r) => {
        const base = entry(T0 + r.t, r.bytes, r.kind);
        const n = (seen.get(base.name) ?? 0) + 1;
        seen.set(base.name, n);
        return n === 1 ? base : entry(T0 + r.t, r.bytes, r.kind, n);
      });
    });
  const arbPolicy = fc.record({
    keepLast: fc.integer({ min: 0, max: 12 }),
    keepDaily: fc.integer({ min: 0, max: 10 }),
    keepWeekly: fc.integer({ min: 0, max: 6 }),
    keepMonthly: fc.integer({ min: 0, max: 8 }),
    maxTotalBytes: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5_000_000 })),
  });
  const newestOf = (backups: BackupEntry[]) => Math.max(...backups.map((b) => Number(b.takenAt)));
  const names = (xs: { backup: BackupEntry }[]) => xs.map((x) => x.backup.name);
  const byLast = (plan: RetentionPlan) => [...plan.keep.filter((k) => k.reasons.includes("last")), ...plan.delete.filter((d) => d.wantedBy.includes("last"))];

  test("every backup is kept or deleted, once; the newest is always kept; the kept total fits the cap unless only the newest remains", () => {
    fc.assert(
      fc.property(arbBackups, arbPolicy, (backups, p) => {
        const plan = planRetention(backups, p);
        expect([...names(plan.keep), ...names(plan.delete)].sort()).toEqual(backups.map((b) => b.name).sort());
        if (!backups.length) return;
        expect(plan.keep.length).toBeGreaterThanOrEqual(1);
        expect(plan.keep[0].reasons).toContain("newest");
        expect(Number(plan.keep[0].backup.takenAt)).toBe(newestOf(backups));
        expect(plan.keptBytes).toBe(plan.keep.reduce((s, k) => s + k.backup.bytes, 0));
        if (p.maxTotalBytes > 0 && plan.keep.length > 1) expect(plan.keptBytes).toBeLessThanOrEqual(p.maxTotalBytes);
        expect(plan.keep.length).toBeLessThanOrEqual(maxKeptCount(p));
      }),
      { numRuns: 300 },
    );
  });

  test("deterministic: the order of the listing changes nothing", () => {
    fc.assert(
      fc.property(arbBackups, arbPolicy, fc.nat(), (backups, p, seed) => {
        const shuffled = [...backups].sort((a, b) => ((a.name.length * 31 + seed) % 7) - ((b.name.length * 31 + seed) % 7) || (a.name < b.name ? 1 : -1));
        const a = planRetention(backups, p);
        const b = planRetention(shuffled, p);
        expect(names(b.keep)).toEqual(names(a.keep));
        expect(b.keep.map((k) => k.reasons)).toEqual(a.keep.map((k) => k.reasons));
        expect(names(b.delete)).toEqual(names(a.delete));
      }),
      { numRuns: 200 },
    );
  });

  test("more backups never reduce what the newest-N rule keeps: it always wants min(N, count), the newest ones", () => {
    fc.assert(
      fc.property(arbBackups, arbBackups, arbPolicy, (some, extra, p) => {
        const taken = new Set(some.map((b) => b.name));
        const more = [...some, ...extra.filter((b) => !taken.has(b.name))];
        const before = byLast(planRetention(some, p));
        const after = byLast(planRetention(more, p));
        expect(before).toHaveLength(Math.min(p.keepLast, some.length));
        expect(after.length).toBeGreaterThanOrEqual(before.length);
        // without a cap they are all kept
        const uncapped = planRetention(more, { ...p, maxTotalBytes: 0 });
        expect(uncapped.keep.filter((k) => k.reasons.includes("last"))).toHaveLength(Math.min(p.keepLast, more.length));
      }),
      { numRuns: 200 },
    );
  });

  test("older backups never change what is kept of the newer ones (cap included)", () => {
    fc.assert(
      fc.property(arbBackups, fc.array(fc.integer({ min: 1, max: 400 * DAY }), { maxLength: 20 }), arbPolicy, (some, ages, p) => {
        fc.pre(some.length > 0);
        const oldest = Math.min(...some.map((b) => Number(b.takenAt)));
        const older = [...new Set(ages)].map((age) => entry(oldest - age, 5000, "scheduled"));
        const a = planRetention(some, p);
        const b = planRetention([...some, ...older], p);
        const ours = new Set(some.map((x) => x.name));
        expect(names(b.keep).filter((n) => ours.has(n))).toEqual(names(a.keep));
      }),
      { numRuns: 200 },
    );
  });
});

describe("words", () => {
  test("the default policy in words", () => {
    expect(describeRetention(DEFAULT_BACKUP_POLICY)).toBe("the last 7, one a day for 7 days, one a week for 4 weeks, one a month for 6 months, at most 1 GiB");
    expect(describeRetention(policy({ keepLast: 1, keepDaily: 1 }))).toBe("the newest, one a day for 1 day, no size cap");
  });

  test.each([
    [0, "0 bytes"],
    [900, "900 bytes"],
    [1024, "1 KiB"],
    [1536, "1.5 KiB"],
    [12.34 * 1024 * 1024, "12.3 MiB"],
    [400 * 1024 * 1024, "400 MiB"],
    [1024 ** 3, "1 GiB"],
  ])("%d bytes → %s", (n, text) => {
    expect(formatBytes(n)).toBe(text);
  });

  test.each([
    [0, "off"],
    [1, "every hour"],
    [6, "every 6 hours"],
    [24, "once a day"],
    [168, "every 7 days"],
  ])("schedule %i → %s", (h, text) => {
    expect(describeSchedule(h)).toBe(text);
  });

  test("restore commands quote paths for the shell", () => {
    expect(shellQuote("/srv/walkaway/data/walkaway.db")).toBe("/srv/walkaway/data/walkaway.db");
    expect(shellQuote("/home/zoë/it's here.db")).toBe(`'/home/zoë/it'\\''s here.db'`);
    expect(restoreCommand("/srv/w/data/walkaway.db", "/srv/w/data/backups/scheduled-2026-11-24T10-00-00-000Z.db").split("\n")).toEqual([
      "# 1. stop Walkaway (Ctrl+C in its terminal, or stop its service)",
      "cp /srv/w/data/backups/scheduled-2026-11-24T10-00-00-000Z.db /srv/w/data/walkaway.db",
      "rm -f /srv/w/data/walkaway.db-wal /srv/w/data/walkaway.db-shm",
      "# 2. start Walkaway again (npm start)",
    ]);
  });
});
