// GET /api/v1/dashboard?fields=: only the parts asked for, in the API's order; every part without it.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadDemoBook } from "@/server/demo";
import { DASHBOARD_FIELDS } from "@/lib/dashboard";
import { createTestDb } from "./helpers";

let t: Awaited<ReturnType<typeof createTestDb>>;
beforeAll(async () => {
  t = await createTestDb();
  loadDemoBook(t.db);
  // the route handlers open the shared connection from WALKAWAY_DB: point it at this test's book
  process.env.WALKAWAY_DB = t.file;
});
afterAll(() => t.close());

const call = async (query: string) => {
  const { GET } = await import("@/app/api/v1/dashboard/route");
  return GET(new Request(`http://x/api/v1/dashboard${query}`), { params: Promise.resolve({}) });
};

describe("GET /api/v1/dashboard?fields=", () => {
  test("without fields: every part, and DASHBOARD_FIELDS names every one of them", async () => {
    const body = await (await call("?range=all")).json();
    expect(Object.keys(body)).toEqual([...DASHBOARD_FIELDS]);
  });

  test("fields=headline,counts: those two parts only, equal to the whole answer's", async () => {
    const whole = await (await call("?range=all")).json();
    const res = await call("?range=all&fields=counts, headline");
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(Object.keys(body)).toEqual(["counts", "headline"]);
    expect(body).toEqual({ counts: whole.counts, headline: whole.headline });
    expect(JSON.stringify(body).length).toBeLessThan(JSON.stringify(whole).length / 4);
  });

  test("an unknown part: 400 naming the field; a blank list: every part", async () => {
    const bad = await call("?fields=headline,everything");
    expect(bad.status).toBe(400);
    const err = (await bad.json()).error;
    expect(err.fields.fields[0]).toContain("everything");
    const blank = await (await call("?fields=")).json();
    expect(new Set(Object.keys(blank))).toEqual(new Set(DASHBOARD_FIELDS));
  });
});
