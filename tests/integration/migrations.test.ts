/**
 * Migrations never lose rows. Written generically over drizzle/meta/_journal.json: a database is
 * built at each migration point k (the first k migrations copied into a temp folder), filled with
 * the awkward book, then migrated to the latest; every value in every column that existed before
 * must be unchanged after, and a backup of the pre-migration database must exist.
 *
 * With one real migration today, the "later" migrations are two synthetic ones appended after the
 * real ones: the table rebuild drizzle-kit emits when a column of a parent table changes
 * (PRAGMA foreign_keys=OFF, CREATE __new_x, INSERT … SELECT, DROP, RENAME) and a plain ADD COLUMN.
 * As soon as a second real migration exists, the real split points are tested as well.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, test } from "vitest";
import { openDatabase, type DB } from "@/db/connection";
import { MIGRATIONS_FOLDER, migrateDatabase } from "@/db/migrate";
import { ROOT, loadAwkwardBook, tempDir } from "./data-helpers";

interface Entry {
  idx: number;
  version: string;
  when: number;
  tag: string;
  breakpoints: boolean;
  /** synthetic migrations carry their SQL; real ones are copied from drizzle/ */
  sql?: string;
}
const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as { entries: Entry[] } & Record<string, unknown>;
const REAL = journal.entries;
// parents before children; the tables of 0006 (time spent, kept rates, history imports) once they exist
const TABLES = ["settings", "services", "templates", "clients", "quotes", "quote_events", "interactions", "time_entries", "exchange_rates", "import_batches", "import_rows"];
const exists = (sqlite: Database.Database, t: string) => sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(t) !== undefined;
type Rows = Record<string, Record<string, unknown>[]>;

const dirs: string[] = [];
const opened: DB[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) if (db.$client.open) db.$client.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function scratch() {
  const d = tempDir("walkaway-migrations-");
  dirs.push(d);
  return d;
}
function openAt(file: string) {
  const db = openDatabase(file);
  opened.push(db);
  return db;
}

/** A migrations folder holding exactly these entries. */
function migrationsFolder(entries: Entry[]): string {
  const dir = path.join(scratch(), "migrations");
  fs.mkdirSync(path.join(dir, "meta"), { recursive: true });
  for (const e of entries) {
    if (e.sql != null) fs.writeFileSync(path.join(dir, `${e.tag}.sql`), e.sql);
    else fs.copyFileSync(path.join(MIGRATIONS_FOLDER, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  }
  fs.writeFileSync(path.join(dir, "meta", "_journal.json"), JSON.stringify({ ...journal, entries: entries.map(({ sql: _s, ...e }) => e) }, null, 2));
  return dir;
}

/** What drizzle-kit generates to change a column of `table` in SQLite: rebuild the table and copy the rows. */
function rebuildSql(sqlite: Database.Database, table: string): string {
  const ddl = (sqlite.prepare("SELECT sql FROM sqlite_master WHERE type='table' AND name=?").get(table) as { sql: string }).sql;
  const indexes = (sqlite.prepare("SELECT sql FROM sqlite_master WHERE type='index' AND tbl_name=? AND sql IS NOT NULL").all(table) as { sql: string }[]).map((r) => `${r.sql};`);
  const cols = (sqlite.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => `"${c.name}"`).join(", ");
  return [
    "PRAGMA foreign_keys=OFF;",
    // CHECK constraints name their table's columns ("quotes"."quoted_amount"): they move with it
    `${ddl.replace(new RegExp(`^CREATE TABLE [\`"]?${table}[\`"]?`), `CREATE TABLE \`__new_${table}\``).replaceAll(`"${table}".`, `"__new_${table}".`)};`,
    `INSERT INTO \`__new_${table}\`(${cols}) SELECT ${cols} FROM \`${table}\`;`,
    `DROP TABLE \`${table}\`;`,
    `ALTER TABLE \`__new_${table}\` RENAME TO \`${table}\`;`,
    "PRAGMA foreign_keys=ON;",
    ...indexes,
  ].join("--> statement-breakpoint\n");
}

/** A database at the latest real migration, with the awkward book in it. */
async function latestWithBook(): Promise<DB> {
  const db = openAt(path.join(scratch(), "latest.db"));
  await migrateDatabase(db, { folder: migrationsFolder(REAL) });
  loadAwkwardBook(db);
  return db;
}

/** The synthetic later migrations, written against the latest real schema. */
async function syntheticMigrations(): Promise<Entry[]> {
  const sqlite = (await latestWithBook()).$client;
  const last = REAL[REAL.length - 1];
  const mk = (n: number, tag: string, sql: string): Entry => ({ idx: last.idx + n, version: last.version, when: last.when + n * 1000, tag, breakpoints: true, sql });
  return [
    mk(1, "9001_synthetic_rebuild_parents", ["clients", "quotes", "services"].map((t) => rebuildSql(sqlite, t)).join("--> statement-breakpoint\n")),
    mk(2, "9002_synthetic_add_column", "ALTER TABLE `clients` ADD `synthetic_probe` text;"),
  ];
}

function snapshot(sqlite: Database.Database): Rows {
  return Object.fromEntries(TABLES.filter((t) => exists(sqlite, t)).map((t) => [t, sqlite.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all() as Record<string, unknown>[]]));
}

/** Copy rows into an (older) schema: only the columns it has. A NOT NULL column it lacks fails loudly. */
function insertRows(sqlite: Database.Database, rows: Rows) {
  sqlite.transaction(() => {
    sqlite.prepare("DELETE FROM settings").run();
    for (const t of TABLES) {
      if (!exists(sqlite, t)) continue;
      const have = new Set((sqlite.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name));
      for (const row of rows[t]) {
        const cols = Object.keys(row).filter((c) => have.has(c));
        sqlite.prepare(`INSERT INTO ${t} (${cols.map((c) => `"${c}"`).join(", ")}) VALUES (${cols.map(() => "?").join(", ")})`).run(...cols.map((c) => row[c]));
      }
    }
  })();
}

/** Every column that existed before keeps its value, row by row; no row appears or disappears. */
function expectRowsKept(before: Rows, after: Rows) {
  for (const t of Object.keys(before)) {
    expect(after[t].length, `${t}: row count`).toBe(before[t].length);
    before[t].forEach((row, i) => {
      const kept = Object.fromEntries(Object.keys(row).map((c) => [c, after[t][i][c]]));
      expect(kept, `${t} row ${i}`).toEqual(row);
    });
  }
}

describe("migrating a database with data", () => {
  test("from every migration point to the latest (real + synthetic later ones): every row intact, a backup taken first", async () => {
    const all = [...REAL, ...(await syntheticMigrations())];
    const fixture = snapshot((await latestWithBook()).$client);
    expect(fixture.quotes.length).toBeGreaterThan(10);
    const points: number[] = [];
    for (let k = 1; k < all.length; k++) {
      if (k > REAL.length) break; // a database is only ever at a real migration point
      points.push(k);
      const dir = scratch();
      const db = openAt(path.join(dir, "book.db"));
      await migrateDatabase(db, { folder: migrationsFolder(all.slice(0, k)) });
      insertRows(db.$client, fixture);
      const before = snapshot(db.$client);

      const result = await migrateDatabase(db, { folder: migrationsFolder(all), backupTo: path.join(dir, "backups") });
      expect(result.applied, `from point ${k}`).toBe(all.length - k);
      expectRowsKept(before, snapshot(db.$client));
      expect(db.$client.pragma("foreign_key_check"), `from point ${k}`).toEqual([]);
      expect(db.$client.pragma("integrity_check", { simple: true })).toBe("ok");

      // the backup is the database as it was before the migration
      expect(result.backup, `from point ${k}`).toMatch(/pre-migration-.*\.db$/);
      const copy = new Database(result.backup!, { readonly: true });
      expectRowsKept(before, snapshot(copy));
      copy.close();
    }
    expect(points).toEqual(REAL.map((_, i) => i + 1));
  });

  test("nothing pending: no migration, no backup; a fresh database is not backed up", async () => {
    const dir = scratch();
    const db = openAt(path.join(dir, "fresh.db"));
    const first = await migrateDatabase(db, { backupTo: path.join(dir, "backups") });
    expect(first).toEqual({ applied: REAL.length, backup: null });
    loadAwkwardBook(db);
    expect(await migrateDatabase(db, { backupTo: path.join(dir, "backups") })).toEqual({ applied: 0, backup: null });
    expect(fs.existsSync(path.join(dir, "backups"))).toBe(false);
  });

  test("rate history (0004): a book from before it gets one history row per service, from 1970-01-01, at the service's rates", async () => {
    const at = REAL.findIndex((e) => e.tag.endsWith("_rate_history"));
    expect(at).toBeGreaterThan(0);
    const fixture = snapshot((await latestWithBook()).$client);
    expect(fixture.services.length).toBeGreaterThan(1);
    const dir = scratch();
    const db = openAt(path.join(dir, "book.db"));
    await migrateDatabase(db, { folder: migrationsFolder(REAL.slice(0, at)) });
    insertRows(db.$client, fixture);
    expect(db.$client.prepare("SELECT 1 FROM sqlite_master WHERE name = 'service_rates'").get()).toBeUndefined();

    await migrateDatabase(db, { folder: migrationsFolder(REAL), backupTo: path.join(dir, "backups") });
    const services = db.$client.prepare("SELECT id, market_rate, target_rate, floor_rate FROM services ORDER BY id").all() as Record<string, unknown>[];
    const history = db.$client.prepare("SELECT service_id AS id, market_rate, target_rate, floor_rate, effective_from FROM service_rates ORDER BY service_id").all();
    expect(history).toEqual(services.map((s) => ({ ...s, effective_from: "1970-01-01" })));
    expect(db.$client.pragma("foreign_key_check")).toEqual([]);
    // a service added afterwards has its own first row; deleting a service deletes its history
    const { createService, deleteService } = await import("@/server/services");
    const added = createService(db, { name: "After the migration", unit: "day", currency: "EUR", marketRate: 90000, targetRate: 80000, floorRate: 60000 });
    expect(db.$client.prepare("SELECT effective_from, target_rate FROM service_rates WHERE service_id = ?").all(added.id)).toEqual([{ effective_from: "1970-01-01", target_rate: 80000 }]);
    deleteService(db, added.id);
    expect(db.$client.prepare("SELECT count(*) AS n FROM service_rates WHERE service_id = ?").get(added.id)).toEqual({ n: 0 });
  });

  test("time spent and other currencies (0006): a book from before keeps every row; its quotes have no rate, their estimate, no import key; creep at 20%", async () => {
    const at = REAL.findIndex((e) => e.tag.endsWith("_time_spent_and_currencies"));
    expect(at).toBeGreaterThan(0);
    const fixture = snapshot((await latestWithBook()).$client);
    expect(fixture.time_entries.length).toBeGreaterThan(0);
    const dir = scratch();
    const db = openAt(path.join(dir, "book.db"));
    await migrateDatabase(db, { folder: migrationsFolder(REAL.slice(0, at)) });
    insertRows(db.$client, fixture);
    const before = snapshot(db.$client);
    expect(before.time_entries).toBeUndefined();
    await migrateDatabase(db, { folder: migrationsFolder(REAL), backupTo: path.join(dir, "backups") });
    const after = snapshot(db.$client);
    expectRowsKept(before, after);
    expect(after.quotes.every((x) => x.fx_rate === null && x.work_done_on === null && x.estimate_known === 1 && x.source_key === null)).toBe(true);
    expect(after.time_entries).toEqual([]);
    expect(db.$client.prepare("SELECT creep_threshold_pct AS pct FROM settings").all()).toEqual([{ pct: 20 }]);
    expect(db.$client.pragma("foreign_key_check")).toEqual([]);
  });

  test("the real migration files are the ones the journal names", () => {
    expect(REAL.length).toBeGreaterThanOrEqual(1);
    for (const e of REAL) expect(fs.existsSync(path.join(ROOT, "drizzle", `${e.tag}.sql`)), e.tag).toBe(true);
  });
});
