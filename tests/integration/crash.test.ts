/**
 * Crash safety: the production server is killed with SIGKILL (no shutdown, no flush) at a random
 * moment while several clients write to it, again and again on the same database file. After every
 * kill: PRAGMA integrity_check is ok, every write the server acknowledged (2xx received) is stored,
 * and every whole-book import is all there or not there at all (one transaction).
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, test } from "vitest";
import { HAS_BUILD, NO_BUILD_MESSAGE, startServer, tempDir, type Server } from "./data-helpers";

const KILLS = Number(process.env.CRASH_KILLS ?? 10);
const WRITERS = 4;
const IMPORT_CLIENTS = 40;

let dir = "";
let server: Server | null = null;
afterAll(async () => {
  await server?.kill();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const json = (body: unknown) => ({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A whole-book file whose clients all carry one tag, so an import's rows can be counted. */
function importFile(tag: string) {
  const at = "2026-01-01T00:00:00.000Z";
  return {
    format: "walkaway-export",
    version: 1,
    exportedAt: at,
    settings: { currency: "USD", locale: "en-US", hoursPerDay: 8, weeklyCapacityHours: 30, weightPricePressure: 25, weightReciprocity: 20, weightPay: 30, weightChasing: 10, weightPayment: 15, bandKeep: 70, bandWalkAway: 40, chaseThreshold: 2, rushMultiplierPct: 150 },
    services: [],
    templates: [],
    clients: Array.from({ length: IMPORT_CLIENTS }, (_, i) => ({ id: i + 1, name: `${tag} #${i}`, company: null, email: null, leadSource: "other", status: "prospect", notes: "x".repeat(500), createdAt: at, updatedAt: at })),
    quotes: Array.from({ length: IMPORT_CLIENTS }, (_, i) => ({ id: i + 1, clientId: i + 1, serviceId: null, title: `${tag} quote`, scope: null, estimatedMinutes: 600, quotedAmount: 100000, currency: "USD", status: "sent", agreedAmount: null, sentOn: "2026-01-01", decidedOn: null, rejectionReason: null, cameBackAtMyPrice: false, createdAt: at, updatedAt: at })),
    quoteEvents: Array.from({ length: IMPORT_CLIENTS }, (_, i) => ({ id: i + 1, quoteId: i + 1, kind: "discount_request", answer: null, percentBp: 1000, amount: null, scopeMinutes: null, note: tag, occurredOn: "2026-01-02", createdAt: at })),
    interactions: [],
  };
}

describe.skipIf(!HAS_BUILD)(`SIGKILL during writes (production server)${HAS_BUILD ? "" : ` — ${NO_BUILD_MESSAGE}`}`, () => {
  test(`${KILLS} kills at random moments: integrity ok, every acknowledged write present, imports all-or-nothing`, async () => {
    const acknowledgedClients: string[] = [];
    const acknowledgedEvents: { id: number; note: string }[] = [];
    const imports: { tag: string; acknowledged: boolean }[] = [];
    let inFlightAtKill = 0;
    let quoteId = 0;
    dir = tempDir("walkaway-crash-");
    const dbFile = path.join(dir, "crash.db");

    for (let round = 0; round < KILLS; round++) {
      server = await startServer({ WALKAWAY_DB: dbFile });
      const base = server.url;
      if (round === 0) {
        const c = await (await fetch(`${base}/api/v1/clients`, json({ name: "Crash client", leadSource: "referral", status: "active" }))).json();
        const qt = await (await fetch(`${base}/api/v1/quotes`, json({ clientId: c.id, title: "Crash quote", estimatedHours: 10, quotedAmount: 100000, currency: "USD", status: "sent" }))).json();
        quoteId = qt.id;
      }
      let stop = false;
      let inFlight = 0;
      const tracked = async <T>(p: () => Promise<T>) => {
        inFlight++;
        try {
          return await p();
        } finally {
          inFlight--;
        }
      };
      // writers: clients and negotiation events, each acknowledged write remembered
      const writers = Array.from({ length: WRITERS }, async (_, w) => {
        for (let i = 0; !stop; i++) {
          const name = `r${round}-w${w}-${i}`;
          try {
            if (i % 2) {
              const res = await tracked(() => fetch(`${base}/api/v1/clients`, json({ name, leadSource: "other", status: "prospect", notes: "n".repeat(200) })));
              if (res.status === 201) acknowledgedClients.push(name);
              else if (res.status >= 500) throw new Error(`server answered ${res.status}`);
            } else {
              const res = await tracked(() => fetch(`${base}/api/v1/quotes/${quoteId}/events`, json({ kind: "client_counter", amount: 90000 + i, note: name })));
              if (res.status === 201) acknowledgedEvents.push({ id: (await res.json()).id, note: name });
              else if (res.status >= 500) throw new Error(`server answered ${res.status}`);
            }
          } catch (e) {
            // fetch fails with a TypeError when the kill drops the connection: that write is
            // unacknowledged (it may or may not be stored); anything else is a real failure
            if (e instanceof TypeError) return;
            throw e;
          }
        }
      });
      // an importer: big merge transactions, each all-or-nothing
      const importer = (async () => {
        for (let n = 0; !stop; n++) {
          const tag = `import-r${round}-${n}`;
          const entry = { tag, acknowledged: false };
          imports.push(entry);
          try {
            const res = await tracked(() => fetch(`${base}/api/v1/import?mode=merge`, json(importFile(tag))));
            if (res.status === 200) entry.acknowledged = true;
            else if (res.status >= 500) throw new Error(`import answered ${res.status}: ${await res.text()}`);
          } catch (e) {
            if (e instanceof TypeError) return;
            throw e;
          }
        }
      })();

      // a random moment, counted in acknowledged writes (not in time, so a slow machine kills at
      // the same points): after 1 to 60 writes of this round, plus up to 20 ms into the next ones
      const target = acknowledgedClients.length + acknowledgedEvents.length + 1 + Math.floor(Math.random() * 60);
      const deadline = Date.now() + 60_000;
      while (acknowledgedClients.length + acknowledgedEvents.length < target && Date.now() < deadline) await sleep(2);
      await sleep(Math.floor(Math.random() * 20));
      inFlightAtKill += inFlight;
      await server.kill();
      stop = true;
      await Promise.all([...writers, importer]);

      // the file as the next start will find it
      const sqlite = new Database(dbFile);
      try {
        expect(sqlite.pragma("integrity_check", { simple: true }), `round ${round}`).toBe("ok");
        expect(sqlite.pragma("foreign_key_check"), `round ${round}`).toEqual([]);
        const names = new Set(sqlite.prepare("SELECT name FROM clients").pluck().all() as string[]);
        const missingClients = acknowledgedClients.filter((n) => !names.has(n));
        expect(missingClients, `round ${round}: acknowledged clients lost`).toEqual([]);
        const events = new Map((sqlite.prepare("SELECT id, note FROM quote_events").all() as { id: number; note: string }[]).map((e) => [e.id, e.note]));
        const missingEvents = acknowledgedEvents.filter((e) => events.get(e.id) !== e.note);
        expect(missingEvents, `round ${round}: acknowledged events lost`).toEqual([]);
        for (const imp of imports) {
          const count = sqlite.prepare("SELECT count(*) FROM clients WHERE name LIKE ?").pluck().get(`${imp.tag} #%`) as number;
          const events = sqlite.prepare("SELECT count(*) FROM quote_events WHERE note = ?").pluck().get(imp.tag) as number;
          expect([0, IMPORT_CLIENTS], `${imp.tag}: partial import`).toContain(count);
          expect(events, `${imp.tag}: events match clients`).toBe(count);
          if (imp.acknowledged) expect(count, `${imp.tag}: acknowledged import lost`).toBe(IMPORT_CLIENTS);
        }
      } finally {
        sqlite.close();
      }
      server = null;
    }

    const summary = {
      kills: KILLS,
      acknowledgedClients: acknowledgedClients.length,
      acknowledgedEvents: acknowledgedEvents.length,
      imports: imports.length,
      acknowledgedImports: imports.filter((i) => i.acknowledged).length,
      requestsInFlightAtKills: inFlightAtKill,
    };
    console.log(`[crash] ${JSON.stringify(summary)}`);
    // the test has teeth only if writes were actually acknowledged and cut off
    expect(summary.acknowledgedClients + summary.acknowledgedEvents).toBeGreaterThanOrEqual(KILLS);
    expect(summary.requestsInFlightAtKills).toBeGreaterThan(0);
  }, 240_000);
});
