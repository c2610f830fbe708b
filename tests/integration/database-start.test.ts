/**
 * A database Walkaway cannot use is refused at start with one sentence saying what is wrong and what
 * to do — never found out later as a 500 on every route.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { sqliteOf } from "@/db/connection";
import { DatabaseProblem, openChecked } from "@/server/database";
import { HAS_BUILD, NO_BUILD_MESSAGE, startServer, tempDir } from "./server";

const dir = tempDir("walkaway-start-");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function problem(fn: () => unknown): DatabaseProblem {
  try {
    fn();
  } catch (e) {
    if (e instanceof DatabaseProblem) return e;
    throw e;
  }
  throw new Error("expected a DatabaseProblem");
}

describe("openChecked", () => {
  test("a new file in a writable folder is created and opens", () => {
    const db = openChecked(path.join(dir, "new", "book.db"));
    expect(sqliteOf(db).pragma("journal_mode", { simple: true })).toBe("wal");
    sqliteOf(db).close();
  });

  test("a file that is not SQLite: state not_sqlite, and what to do", () => {
    const file = path.join(dir, "notes.txt");
    fs.writeFileSync(file, "these are my notes, not a database\n".repeat(200));
    const p = problem(() => openChecked(file));
    expect(p.state).toBe("not_sqlite");
    expect(p.message).toMatch(/is not a SQLite database: is WALKAWAY_DB pointing at the right file/);
    expect(p.code).toBe("unavailable");
  });

  test("a damaged database: state damaged, pointing at the backups", () => {
    const file = path.join(dir, "damaged.db");
    const db = openChecked(file);
    const sqlite = sqliteOf(db);
    sqlite.exec("CREATE TABLE t (x TEXT); CREATE INDEX t_x ON t (x);");
    const insert = sqlite.prepare("INSERT INTO t (x) VALUES (?)");
    for (let i = 0; i < 2000; i++) insert.run(`row ${i} ${"y".repeat(50)}`);
    sqlite.pragma("wal_checkpoint(TRUNCATE)");
    sqlite.close();
    // scribble over the middle of the file (past the header: SQLite still recognises it)
    const fd = fs.openSync(file, "r+");
    fs.writeSync(fd, Buffer.alloc(4096 * 3, 0x5a), 0, 4096 * 3, 4096 * 4);
    fs.closeSync(fd);
    const p = problem(() => openChecked(file));
    expect(p.state).toBe("damaged");
    expect(p.message).toMatch(/is damaged.*restore a backup/s);
  });

  test("a folder or a file Walkaway may not write: refused before SQLite opens it read-only", () => {
    const file = path.join(dir, "locked", "book.db");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    expect(problem(() => openChecked(file, { canWrite: (p) => p !== path.dirname(file) })).state).toBe("folder_not_writable");
    fs.writeFileSync(file, "");
    const p = problem(() => openChecked(file, { canWrite: (q) => q !== file }));
    expect(p.state).toBe("read_only");
    expect(p.message).toMatch(/is read-only: Walkaway must write to it/);
  });

  test.skipIf(process.getuid?.() === 0)("a real read-only file (chmod 444; root ignores modes, so this runs as a normal user)", () => {
    const file = path.join(dir, "ro.db");
    sqliteOf(openChecked(file)).close();
    fs.chmodSync(file, 0o444);
    expect(problem(() => openChecked(file)).state).toBe("read_only");
  });
});

describe.skipIf(!HAS_BUILD)("the production server", () => {
  test("refuses to start on a file that is not SQLite, with one clear line", async () => {
    const file = path.join(dir, "start-notes.txt");
    fs.writeFileSync(file, "not a database\n".repeat(500));
    let output = "";
    await startServer({ WALKAWAY_DB: file }, { timeoutMs: 30_000 }).then(
      async (server) => {
        output = server.output();
        await server.stop();
      },
      (e: Error) => (output = e.message),
    );
    expect(output).toMatch(/exited early/);
    expect(output).toMatch(/Walkaway cannot start: .*is not a SQLite database/);
  }, 60_000);
  if (!HAS_BUILD) test.skip(NO_BUILD_MESSAGE, () => {});
});
