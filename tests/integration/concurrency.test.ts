/**
 * Concurrent writers against the production server: many requests at once on the same quote, and
 * a second process writing the same database file directly while the server writes (busy_timeout).
 * Every acknowledged write is stored exactly once; no SQLITE_BUSY and no 5xx reaches a client.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { HAS_BUILD, NO_BUILD_MESSAGE, ROOT, startServer, tempDir, type Server } from "./data-helpers";

const CONCURRENT = Number(process.env.CONCURRENT_WRITES ?? 200);
const API_WRITES_WITH_DIRECT = 150;
const DIRECT_WRITES = 200;

const json = (body: unknown) => ({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe.skipIf(!HAS_BUILD)(`concurrent writers (production server)${HAS_BUILD ? "" : ` — ${NO_BUILD_MESSAGE}`}`, () => {
  let dir: string;
  let dbFile: string;
  let server: Server;
  let clientId: number;
  let quoteId: number;
  beforeAll(async () => {
    dir = tempDir("walkaway-concurrency-");
    dbFile = path.join(dir, "concurrency.db");
    server = await startServer({ WALKAWAY_DB: dbFile });
    clientId = (await (await fetch(`${server.url}/api/v1/clients`, json({ name: "Busy client", leadSource: "referral", status: "active" }))).json()).id;
    quoteId = (await (await fetch(`${server.url}/api/v1/quotes`, json({ clientId, title: "Busy quote", estimatedHours: 10, quotedAmount: 100000, currency: "USD", status: "sent" }))).json()).id;
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test(`${CONCURRENT} negotiation events posted at once on one quote: all acknowledged, each stored exactly once`, async () => {
    const notes = Array.from({ length: CONCURRENT }, (_, i) => `concurrent-${i}`);
    const responses = await Promise.all(notes.map((note, i) => fetch(`${server.url}/api/v1/quotes/${quoteId}/events`, json({ kind: i % 2 ? "client_counter" : "my_counter", amount: 90000 + i, note }))));
    const statuses = responses.map((r) => r.status);
    const bodies = await Promise.all(responses.map((r) => r.json()));
    expect(statuses.filter((s) => s !== 201), JSON.stringify(bodies.find((b) => !b.id))).toEqual([]);
    const ids = bodies.map((b) => b.id as number);
    expect(new Set(ids).size).toBe(CONCURRENT);

    const sqlite = new Database(dbFile, { readonly: true });
    const stored = sqlite.prepare("SELECT id, note FROM quote_events WHERE quote_id = ? AND note LIKE 'concurrent-%'").all(quoteId) as { id: number; note: string }[];
    sqlite.close();
    expect(stored).toHaveLength(CONCURRENT);
    expect(new Set(stored.map((s) => s.note))).toEqual(new Set(notes));
    expect(new Set(stored.map((s) => s.id))).toEqual(new Set(ids));
    // and the server reads them back
    const events = (await (await fetch(`${server.url}/api/v1/quotes/${quoteId}/events`)).json()).events as { note: string }[];
    expect(events.filter((e) => e.note.startsWith("concurrent-"))).toHaveLength(CONCURRENT);
  }, 60_000);

  /** A second process that writes the same file directly, holding the write lock a few ms per transaction. */
  function directWriter(tag: string) {
    const script = `
      const Database = require("better-sqlite3");
      const db = new Database(process.argv[1]);
      db.pragma("journal_mode = WAL");
      db.pragma("busy_timeout = 5000");
      const insert = db.prepare("INSERT INTO interactions (client_id, kind, answered, initiated_by, note, occurred_on) VALUES (?, 'follow_up', 0, 'me', ?, '2026-11-24')");
      let done = 0;
      for (let i = 0; i < ${DIRECT_WRITES}; i++) {
        db.exec("BEGIN IMMEDIATE");
        insert.run(Number(process.argv[2]), process.argv[3] + i);
        const until = Date.now() + 3;
        while (Date.now() < until) {}
        db.exec("COMMIT");
        done++;
      }
      process.stdout.write(String(done));
    `;
    const child = spawn(process.execPath, ["-e", script, dbFile, String(clientId), tag], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    return new Promise<{ code: number | null; out: string; err: string }>((resolve) => child.on("exit", (code) => resolve({ code, out, err })));
  }

  async function expectAllAcknowledged(responses: Response[]) {
    const bodies = await Promise.all(responses.map((r) => r.text()));
    const bad = responses.map((r, i) => [r.status, bodies[i].slice(0, 200)] as const).filter(([s]) => s >= 300);
    expect(bad, `server log:\n${server.output().slice(-1500)}`).toEqual([]);
    expect(bodies.join("")).not.toMatch(/SQLITE_BUSY|database is locked/);
  }

  function countNotes(prefix: string): { total: number; distinct: number } {
    const sqlite = new Database(dbFile, { readonly: true });
    try {
      const notes = [
        ...(sqlite.prepare("SELECT note FROM interactions WHERE note LIKE ?").pluck().all(`${prefix}%`) as string[]),
        ...(sqlite.prepare("SELECT note FROM quote_events WHERE note LIKE ?").pluck().all(`${prefix}%`) as string[]),
        ...(sqlite.prepare("SELECT name FROM clients WHERE name LIKE ?").pluck().all(`${prefix}%`) as string[]),
      ];
      return { total: notes.length, distinct: new Set(notes).size };
    } finally {
      sqlite.close();
    }
  }

  test("a second process writing the same file: single-statement writes and whole-book imports wait their turn (busy_timeout)", async () => {
    const direct = directWriter("direct-a-");
    const file = await (await fetch(`${server.url}/api/v1/export`)).text();
    const [clients, imports] = await Promise.all([
      Promise.all(Array.from({ length: API_WRITES_WITH_DIRECT }, (_, i) => fetch(`${server.url}/api/v1/clients`, json({ name: `api-a-${i}`, leadSource: "other", status: "prospect" })))),
      Promise.all(Array.from({ length: 5 }, () => fetch(`${server.url}/api/v1/import?mode=merge`, { method: "POST", headers: { "content-type": "application/json" }, body: file }))),
    ]);
    const d = await direct;
    expect(d.code, d.err).toBe(0);
    expect(d.out).toBe(String(DIRECT_WRITES));
    await expectAllAcknowledged([...clients, ...imports]);
    expect(countNotes("api-a-")).toEqual({ total: API_WRITES_WITH_DIRECT, distinct: API_WRITES_WITH_DIRECT });
    expect(countNotes("direct-a-")).toEqual({ total: DIRECT_WRITES, distinct: DIRECT_WRITES });
  }, 90_000);

  test("a second process writing the same file: multi-statement writes (negotiation events, interactions) never answer SQLITE_BUSY", async () => {
    const direct = directWriter("direct-b-");
    const responses = await Promise.all(
      Array.from({ length: API_WRITES_WITH_DIRECT }, (_, i) =>
        i % 2
          ? fetch(`${server.url}/api/v1/clients/${clientId}/interactions`, json({ kind: "ask", subtype: "quick_question", minutes: 5, paid: false, note: `api-b-${i}` }))
          : fetch(`${server.url}/api/v1/quotes/${quoteId}/events`, json({ kind: "client_counter", amount: 80000 + i, note: `api-b-${i}` })),
      ),
    );
    const d = await direct;
    expect(d.code, d.err).toBe(0);
    await expectAllAcknowledged(responses);
    expect(countNotes("api-b-")).toEqual({ total: API_WRITES_WITH_DIRECT, distinct: API_WRITES_WITH_DIRECT });
    expect(countNotes("direct-b-")).toEqual({ total: DIRECT_WRITES, distinct: DIRECT_WRITES });
    const sqlite = new Database(dbFile, { readonly: true });
    expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
    sqlite.close();
  }, 90_000);
});
