// The dashboard after a write (server/dashboard-slices.ts): after any sequence of writes, the page summed
// from per-client slices patched from the change log equals the page computed from scratch, for several
// views (periods, a service, a lead source), and a write touching one client patches, it does not reread.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { pruneScoreChanges } from "@/db/score-changes";
import { loadDemoBook } from "@/server/demo";
import { computeDashboard, getDashboard } from "@/server/dashboard";
import { sliceReads } from "@/server/dashboard-slices";
import { DEFAULT_FILTERS, type DashboardFilters } from "@/lib/dashboard";
import { addInteraction, getSettings, listClients, listServices, updateSettings } from "./use-cases";
import { todayFor } from "@/server/clock";
import { createTestDb } from "./helpers";
import { randomWrites, type Write } from "./random-writes";
import { createInteractionSchema } from "@/lib/schemas";
import { AppError } from "@/lib/errors";
import type { DB } from "@/db/connection";

let t: Awaited<ReturnType<typeof createTestDb>>;
let db: DB;
let today: string;
let views: DashboardFilters[];

beforeAll(async () => {
  t = await createTestDb();
  db = t.db;
  loadDemoBook(db);
  writes = randomWrites(t);
  today = todayFor(db);
  const firstService = listServices(db)[0].id;
  views = [
    { ...DEFAULT_FILTERS },
    { ...DEFAULT_FILTERS, range: "all" },
    { ...DEFAULT_FILTERS, range: "90d", leadSource: "referral" },
    { ...DEFAULT_FILTERS, range: "all", serviceId: firstService },
    { ...DEFAULT_FILTERS, range: "custom", from: "2026-03-01", to: "2026-09-30" },
  ];
});
afterAll(() => t.close());

const plain = (v: unknown) => JSON.parse(JSON.stringify(v));
function expectPatchedEqualsFresh(view: DashboardFilters) {
  expect(plain(getDashboard(db, view, today))).toEqual(plain(computeDashboard(db, view, today)));
}

let writes: Write[];

describe("the dashboard after a write", () => {
  test("after every random write, the patched page equals a fresh compute, for every view", () => {
    for (const v of views) getDashboard(db, v, today); // each view is read whole once; from here on it is patched
    fc.assert(
      fc.property(
        fc.array(fc.record({ write: fc.nat(writes.length - 1), pick: fc.array(fc.nat(1_000_000), { minLength: 4, maxLength: 4 }), read: fc.nat(views.length) }), {
          minLength: 1,
          maxLength: 6,
        }),
        (steps) => {
          for (const { write, pick, read } of steps) {
            try {
              writes[write].run(pick);
            } catch (e) {
              // a write the rules refuse changes nothing; any other failure is a real one
              if (!(e instanceof AppError)) throw e;
            }
            // read one view between writes (or none: several writes then patch at once)
            if (read < views.length) expectPatchedEqualsFresh(views[read]);
          }
          for (const v of views) expectPatchedEqualsFresh(v);
        },
      ),
      { numRuns: 50 },
    );
  });

  test("a write to one client rebuilds that client's slice only", () => {
    for (const v of views) getDashboard(db, v, today);
    const before = sliceReads(db);
    const c = listClients(db)[0];
    addInteraction(db, c.id, createInteractionSchema.parse({ kind: "ask", subtype: "scope_creep", minutes: 45, occurredOn: today }));
    const page = getDashboard(db, views[1], today);
    const after = sliceReads(db);
    expect(after.full).toBe(before.full);
    expect(after.patched).toBe(before.patched + 1);
    expect(after.clients - before.clients).toBe(1);
    expect(plain(page)).toEqual(plain(computeDashboard(db, views[1], today)));
  });

  test("a setting, or a log pruned past the kept point, reads the view whole, still equal", () => {
    getDashboard(db, views[0], today);
    let before = sliceReads(db);
    updateSettings(db, { ...getSettings(db), bandKeep: 72 });
    expectPatchedEqualsFresh(views[0]);
    expect(sliceReads(db).full).toBe(before.full + 1);

    const c = listClients(db)[0];
    addInteraction(db, c.id, createInteractionSchema.parse({ kind: "follow_up", answered: false }));
    addInteraction(db, c.id, createInteractionSchema.parse({ kind: "follow_up", answered: false }));
    pruneScoreChanges(db);
    before = sliceReads(db);
    expectPatchedEqualsFresh(views[0]);
    expect(sliceReads(db).full).toBe(before.full + 1);
  });

  test("a rolled-back write leaves the page as it was", () => {
    const before = plain(getDashboard(db, views[0], today));
    const c = listClients(db)[0];
    expect(() =>
      db.transaction(() => {
        addInteraction(db, c.id, createInteractionSchema.parse({ kind: "follow_up", answered: false }));
        // read inside the transaction: computed fresh, nothing kept
        expect(plain(getDashboard(db, views[0], today))).toEqual(plain(computeDashboard(db, views[0], today)));
        throw new Error("roll back");
      }),
    ).toThrow("roll back");
    expect(plain(getDashboard(db, views[0], today))).toEqual(before);
    expectPatchedEqualsFresh(views[0]);
  });

  test("another day is another view: read whole for that day", () => {
    const before = sliceReads(db);
    expect(plain(getDashboard(db, views[0], "2026-06-30"))).toEqual(plain(computeDashboard(db, views[0], "2026-06-30")));
    expect(sliceReads(db).full).toBe(before.full + 1);
  });
});
