/**
 * Client rates and rate plans through the real route handlers on a real SQLite file: the round trip,
 * bad input (nothing stored), the client's answer moving their rate, a recorded raise taking the client
 * off Today's "rates due a raise", and the offer check using the client's own rate. Dates are computed
 * from the book's today, never compared with the clock.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

import type { DB } from "@/db/connection";
import { clientRates, ratePlans } from "@/db/schema";
import { addDays } from "@/lib/dates";
import { addMonths, pendingWords } from "@/lib/raise";
import { offerCheckSchema } from "@/lib/offer-check/schemas";
import { todayFor } from "@/server/clock";
import { readyDb } from "@/server/database";
import { checkOffer } from "@/server/offers";
import { raiseDueItems } from "@/server/raises";
import { loadClientRatesCard, loadRaisePlanner } from "@/server/raise-pages";
import { getSettings } from "@/server/settings";
import { call, jsonHeaders, type RouteFn } from "./data-helpers";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "walkaway-raises-"));
process.env.WALKAWAY_DB = path.join(dir, "book.db");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyRoute = (req: Request, ctx: { params: Promise<any> }) => Promise<Response>;
async function send(fn: AnyRoute, method: string, body?: unknown, params: Record<string, string> = {}, query = "") {
  const res = await call(fn as RouteFn, { method, path: `/api/v1/x${query}`, body: body === undefined ? null : JSON.stringify(body), headers: jsonHeaders, params });
  return { status: res.status, body: res.status === 204 ? null : await res.json() };
}

const routes = {
  services: () => import("@/app/api/v1/services/route"),
  clients: () => import("@/app/api/v1/clients/route"),
  quotes: () => import("@/app/api/v1/quotes/route"),
  clientRates: () => import("@/app/api/v1/clients/[id]/rates/route"),
  clientRate: () => import("@/app/api/v1/clients/[id]/rates/[rateId]/route"),
  plans: () => import("@/app/api/v1/rate-plans/route"),
  plan: () => import("@/app/api/v1/rate-plans/[id]/route"),
  outcome: () => import("@/app/api/v1/rate-plans/[id]/outcome/route"),
};

let db: DB;
let today = "";
let serviceId = 0;
/** active, one accepted job 13 months ago: $4,000 for 50 h = $80/h against a $100/h target */
let acme = 0;
/** active, accepted last month at the target */
let fresh = 0;
/** active, no accepted work: what they pay is not known */
let newbie = 0;
const day = (iso: string) => new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
const counts = () => ({ plans: db.select().from(ratePlans).all().length, rates: db.select().from(clientRates).all().length });

async function client(name: string) {
  const res = await send((await routes.clients()).POST, "POST", { name, leadSource: "referral", status: "active" });
  expect(res.status).toBe(201);
  return res.body.id as number;
}
async function acceptedJob(clientId: number, on: string, amount: number, minutes: number) {
  const res = await send((await routes.quotes()).POST, "POST", { clientId, serviceId, title: `Job ${on}`, estimatedMinutes: minutes, quotedAmount: amount, agreedAmount: amount, currency: "USD", status: "accepted", sentOn: on, decidedOn: on });
  expect(res.status).toBe(201);
}

beforeAll(async () => {
  db = await readyDb();
  today = todayFor(db);
  const svc = await send((await routes.services()).POST, "POST", { name: "Web", unit: "hour", currency: "USD", marketRate: 12000, targetRate: 10000, floorRate: 8000 });
  expect(svc.status).toBe(201);
  serviceId = svc.body.id;
  acme = await client("Acme Raises");
  await acceptedJob(acme, addMonths(today, -13), 400000, 3000);
  fresh = await client("Fresh Co");
  await acceptedJob(fresh, addMonths(today, -1), 100000, 600);
  newbie = await client("Newbie Ltd");
});

describe("rates due a raise", () => {
  test("a client paying below target for 13 months is listed with both reasons; one at target and recent is not", () => {
    const items = raiseDueItems(db, today, getSettings(db));
    const mine = items.filter((i) => i.clientId === acme);
    expect(mine).toHaveLength(1);
    // the rate is per hour: it is in the reason, not in `amount` (money); the reason says what `since` is
    expect(mine[0]).toMatchObject({ key: `raise:client:${acme}:${serviceId}`, kind: "raise_due", amount: null, since: addMonths(today, -13) });
    expect(mine[0].reason).toBe(`Pays $80.00/h, 20% below your target of $100.00/h. No raise for 13 months (first job: ${day(addMonths(today, -13))}).`);
    expect(mine[0].actions[0]).toEqual({ type: "link", label: "Plan the raise", href: `/clients/${acme}/raise?serviceId=${serviceId}` });
    expect(items.some((i) => i.clientId === fresh)).toBe(false);
  });

  test("the planner suggests the target, from the notice period, with the letter filled in", () => {
    const p = loadRaisePlanner(db, acme, null, today);
    expect(p.line?.rateNow).toMatchObject({ rate: 8000, source: "last_job" });
    expect(p.suggestion).toEqual({ mode: "to_target", pct: 10, rate: 10000 });
    expect(p.defaultEffectiveFrom).toBe(addMonths(today, 3));
    expect(p.letter).toContain("Hi Acme Raises,");
    expect(p.letter).toContain("will be $100.00/h (it is $80.00/h today)");
    // no raise template of the user's: the built-in letter (the planner says so)
    expect(p.template.id).toBeNull();
    expect(p.stats).toEqual({ client: "Acme Raises: no raise planned yet.", book: null });
  });
});

describe("POST /rate-plans: bad input is refused with field errors and nothing is stored", () => {
  const good = () => ({ clientId: acme, serviceId, newRate: 10000, effectiveFrom: addMonths(today, 3) });
  test.each([
    ["a start before today", { effectiveFrom: "__yesterday__" }, "effectiveFrom", "The new rate cannot start before today"],
    ["below the floor without confirming (what they pay not known)", { clientId: "__newbie__", newRate: 7000 }, "newRate", "Below your floor of $80.00/h: confirm to set it anyway"],
    ["a rate cut: below what they pay now", { newRate: 7500, confirmBelowFloor: true }, "newRate", "A raise must be above what Acme Raises pays now: $80.00/h"],
    ["the same rate as now", { newRate: 8000 }, "newRate", "A raise must be above what Acme Raises pays now: $80.00/h"],
    ["a letter written for another rate", { letter: "Hi,\n\nFrom March my rate will be $95.00/h (it is $80.00/h today)." }, "letter", "The letter says $95.00/h; the new rate is $100.00/h: update the letter"],
    ["a letter without the new rate", { letter: "Hi,\n\nMy rates go up in March." }, "letter", "The letter does not say the new rate, $100.00/h: update the letter"],
    ["an unknown client", { clientId: 999999 }, "clientId", "No client with id 999999"],
    ["an unknown service", { serviceId: 999999 }, "serviceId", "No service with id 999999"],
    ["no rate", { newRate: undefined }, "newRate", undefined],
    ["a date that is not one", { effectiveFrom: "2027-02-30" }, "effectiveFrom", undefined],
  ])("%s", async (_name, patch, field, message) => {
    const before = counts();
    const body = { ...good(), ...patch } as Record<string, unknown>;
    if (body.effectiveFrom === "__yesterday__") body.effectiveFrom = addDays(today, -1);
    if (body.clientId === "__newbie__") body.clientId = newbie;
    const res = await send((await routes.plans()).POST, "POST", body);
    expect(res.status).toBe(400);
    expect(res.body.error.fields[field]).toBeDefined();
    if (message) expect(res.body.error.fields[field][0]).toBe(message);
    expect(counts()).toEqual(before);
  });

  test("a rate cut with a letter for it: both fields at once, nothing stored", async () => {
    const before = counts();
    const res = await send((await routes.plans()).POST, "POST", { ...good(), newRate: 9500, confirmBelowFloor: true, clientId: fresh, letter: "My rate will be $90.00/h." });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.newRate).toEqual(["A raise must be above what Fresh Co pays now: $100.00/h"]);
    expect(res.body.error.fields.letter).toEqual(["The letter says $90.00/h; the new rate is $95.00/h: update the letter"]);
    expect(counts()).toEqual(before);
  });

  test("no rate known yet: any rate above 0 is a raise (with the floor confirmed); a letter without the day is accepted", async () => {
    const res = await send((await routes.plans()).POST, "POST", { clientId: newbie, serviceId, newRate: 7000, confirmBelowFloor: true, effectiveFrom: addMonths(today, 3), letter: "From the spring, $70.00/h." });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ currentRate: 0, newRate: 7000, letter: "From the spring, $70.00/h." });
  });
});

describe("planning a raise, then their answer", () => {
  let planId = 0;
  const from = () => addMonths(today, 3);

  test("POST plans it: the plan and the client's rate from that day, in one go; Today no longer lists them", async () => {
    const res = await send((await routes.plans()).POST, "POST", { clientId: acme, serviceId, newRate: 10000, effectiveFrom: from() });
    expect(res.status).toBe(201);
    planId = res.body.id;
    expect(res.body).toMatchObject({ clientId: acme, serviceId, currency: "USD", currentRate: 8000, targetRate: 10000, newRate: 10000, noticeOn: today, effectiveFrom: from(), outcome: null });
    expect(res.body.letter).toContain("will be $100.00/h (it is $80.00/h today)");

    const rates = await send((await routes.clientRates()).GET, "GET", undefined, { id: String(acme) });
    expect(rates.status).toBe(200);
    expect(rates.body.rates).toEqual([expect.objectContaining({ serviceId, effectiveFrom: from(), rate: 10000, ratePlanId: planId })]);
    expect((await send((await routes.plan()).GET, "GET", undefined, { id: String(planId) })).body.id).toBe(planId);
    expect((await send((await routes.plans()).GET, "GET", undefined, {}, `?clientId=${acme}`)).body.map((p: { id: number }) => p.id)).toEqual([planId]);

    expect(raiseDueItems(db, today, getSettings(db)).some((i) => i.clientId === acme)).toBe(false);
    // the client page's card: still $80/h now, $100/h from the day
    const line = loadClientRatesCard(db, acme, today).lines[0];
    expect(line.rateNow?.rate).toBe(8000);
    expect(line.next).toEqual({ rate: 10000, effectiveFrom: from() });
  });

  test("a second raise while one is pending is a conflict, nothing stored", async () => {
    const before = counts();
    const res = await send((await routes.plans()).POST, "POST", { clientId: acme, serviceId, newRate: 11000, effectiveFrom: addMonths(today, 4) });
    expect(res.status).toBe(409);
    expect(res.body.error.fields.effectiveFrom[0]).toMatch(/already planned/);
    expect(counts()).toEqual(before);
  });

  test("the answer moves their rate: negotiated → the agreed rate, accepted → the new rate, left → none", async () => {
    const put = async (body: unknown) => send((await routes.outcome()).PUT, "PUT", body, { id: String(planId) });
    const rateFrom = async () => (await send((await routes.clientRates()).GET, "GET", undefined, { id: String(acme) })).body.rates.map((r: { rate: number }) => r.rate);

    const missing = await put({ outcome: "negotiated" });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields.outcomeRate[0]).toBe("Enter the rate you agreed");
    expect(await rateFrom()).toEqual([10000]);

    const early = await put({ outcome: "accepted", outcomeOn: addDays(today, -1) });
    expect(early.status).toBe(400);
    expect(early.body.error.fields.outcomeOn).toBeDefined();

    const negotiated = await put({ outcome: "negotiated", outcomeRate: 9500 });
    expect(negotiated.status).toBe(200);
    expect(negotiated.body).toMatchObject({ outcome: "negotiated", outcomeRate: 9500, outcomeOn: today });
    expect(await rateFrom()).toEqual([9500]);
    // the planner and the card say what was agreed, not the rate asked
    expect(loadRaisePlanner(db, acme, serviceId, today).line?.pending).toMatchObject({ outcome: "negotiated", outcomeRate: 9500 });
    expect(pendingWords(loadClientRatesCard(db, acme, today).lines[0].pending!, "hour", "en-US")).toBe(`Negotiated: $95.00/h from ${day(from())}`);

    expect((await put({ outcome: "accepted" })).body).toMatchObject({ outcome: "accepted", outcomeRate: null });
    expect(await rateFrom()).toEqual([10000]);

    expect((await put({ outcome: "left" })).body.outcome).toBe("left");
    expect(await rateFrom()).toEqual([]);
    // they left over it: Today does not suggest another raise for them
    expect(raiseDueItems(db, today, getSettings(db)).some((i) => i.clientId === acme)).toBe(false);
    // the counts: theirs, and the book's apart (Newbie's raise makes the book's differ)
    expect(loadClientRatesCard(db, acme, today).stats).toEqual({
      client: "Acme Raises: of 1 raise in the last 12 months, 1 left; the one who left paid 80% of target.",
      book: "Across your book: of 2 raises in the last 12 months, 1 left, 1 waiting for an answer; the one who left paid 80% of target.",
    });
    expect(loadRaisePlanner(db, fresh, null, today).stats.client).toBe("Fresh Co: no raise planned yet.");

    expect((await put({ outcome: "accepted" })).status).toBe(200);
    expect(await rateFrom()).toEqual([10000]);
    expect((await send((await routes.outcome()).PUT, "PUT", { outcome: "accepted" }, { id: "999999" })).status).toBe(404);
  });
});

describe("client rates and the offer check", () => {
  let own = 0;
  test("below the floor needs confirming; a same-day row is replaced; DELETE removes it", async () => {
    const post = async (body: unknown) => send((await routes.clientRates()).POST, "POST", body, { id: String(fresh) });
    const before = counts();
    const low = await post({ serviceId, effectiveFrom: today, rate: 7500 });
    expect(low.status).toBe(400);
    expect(low.body.error.fields.rate[0]).toBe("Below your floor of $80.00/h: confirm to set it anyway");
    expect(counts()).toEqual(before);
    const confirmed = await post({ serviceId, effectiveFrom: today, rate: 7500, confirmBelowFloor: true });
    expect(confirmed.status).toBe(201);
    const replaced = await post({ serviceId, effectiveFrom: today, rate: 12000 });
    expect(replaced.status).toBe(201);
    expect(replaced.body).toMatchObject({ id: confirmed.body.id, rate: 12000, effectiveFrom: today });
    own = replaced.body.id;
    expect((await post({ serviceId: 999999, effectiveFrom: today, rate: 12000 })).status).toBe(400);
    expect((await send((await routes.clientRates()).GET, "GET", undefined, { id: "999999" })).status).toBe(404);
  });

  const offer = (clientId: number) =>
    offerCheckSchema.parse({ clientId, serviceId, scopeAmount: 10, scopeUnit: "hours", offeredAmount: 110000, currency: "USD", leadSource: "referral" });

  test("their own rate replaces the target for them: $110/h is a counter at their $120/h, an accept for another", () => {
    const mine = checkOffer(db, offer(fresh), today);
    expect(mine.evaluation.rates?.target).toBe(12000);
    expect(mine.evaluation.answer).toBe("counter");
    expect(mine.evaluation.counter.priceAtTarget).toBe(120000);
    expect(mine.evaluation.reasons.map((r) => r.text)).toContain(`Your rate for Fresh Co: $120.00/h (from ${new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${today}T00:00:00Z`))}) — "your target" below means this rate`);
    const other = checkOffer(db, offer(acme), today);
    expect(other.evaluation.rates?.target).toBe(10000);
    expect(other.evaluation.reasons.some((r) => r.text.startsWith("Your rate for"))).toBe(false);
  });

  test("a client rate below the floor never lowers the bar below the floor", async () => {
    await send((await routes.clientRates()).POST, "POST", { serviceId, effectiveFrom: today, rate: 5000, confirmBelowFloor: true }, { id: String(fresh) });
    expect(checkOffer(db, offer(fresh), today).evaluation.rates?.target).toBe(8000);
  });

  test("DELETE removes their rate; the offer check is back to the rate card", async () => {
    const del = await send((await routes.clientRate()).DELETE, "DELETE", undefined, { id: String(fresh), rateId: String(own) });
    expect(del.status).toBe(204);
    expect((await send((await routes.clientRate()).DELETE, "DELETE", undefined, { id: String(fresh), rateId: String(own) })).status).toBe(404);
    expect(checkOffer(db, offer(fresh), today).evaluation.rates?.target).toBe(10000);
  });
});
