/**
 * The proposal link against the production server with a password set (proxy.ts, the public page, its
 * answer route): the link's page and answer are reachable without signing in and show only that
 * proposal; everything else still needs a session (also through "/p/<token>/../clients" tricks and server
 * actions posted to the link's path); unknown and revoked links are 404 with nothing in them; an
 * expired one shows no prices and refuses an answer (410); a client answers once; a cross-site post is
 * refused. The book is written in-process before the server starts (and changed through a second
 * connection while it runs).
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openDatabase, writeTransaction, type DB } from "@/db/connection";
import { migrateDatabase } from "@/db/migrate";
import { findProposal, setProposalShare } from "@/db/proposals";
import { addDays } from "@/lib/dates";
import { upsertClientSchema, upsertQuoteSchema } from "@/lib/schemas";
import { today as todayUtc } from "@/server/clock";
import { HAS_BUILD, NO_BUILD_MESSAGE, startServer, tempDir, type Server } from "./data-helpers";
import { makeProposal } from "./proposal-fixtures";
import { createClient, createQuote, getQuote, getSettings, updateSettings } from "./use-cases";

const PASSWORD = "proposal link password 1";
const API_TOKEN = "t".repeat(40);

describe.skipIf(!HAS_BUILD)(`the proposal link on the real server, with a password${HAS_BUILD ? "" : ` — ${NO_BUILD_MESSAGE}`}`, () => {
  let dir: string;
  let file: string;
  let server: Server;
  let url: string;
  let db: DB;
  const today = todayUtc();
  type Made = ReturnType<typeof makeProposal>;
  let open: Made;
  let openQuoteId: number;
  let clientName: string;
  let expired: Made;
  let revoked: Made;
  let race: Made;
  let crossSite: Made;
  let lastDay: Made;

  function bookWith(name: string, title: string, expiresOn = addDays(today, 14)) {
    const client = createClient(db, upsertClientSchema.parse({ name, status: "prospect" }));
    const quote = createQuote(db, upsertQuoteSchema.parse({ clientId: client.id, title, estimatedMinutes: 2400, quotedAmount: 400_000, currency: "USD", status: "sent", sentOn: addDays(today, -3) }), today);
    return { client, quote, proposal: makeProposal(db, quote.id, { expiresOn, sentOn: addDays(today, -1) }) };
  }

  beforeAll(async () => {
    dir = tempDir("walkaway-proposal-link-");
    file = path.join(dir, "link.db");
    db = openDatabase(file);
    await migrateDatabase(db);
    updateSettings(db, { ...getSettings(db), businessName: "Studio Lumen" });
    const a = bookWith("Acme Bakery", "Bakery website");
    open = a.proposal;
    openQuoteId = a.quote.id;
    clientName = a.client.name;
    bookWith("Secret Other Client", "Other client's quote");
    expired = bookWith("Expired Co", "Old pitch", addDays(today, -1)).proposal;
    revoked = bookWith("Revoked Co", "Withdrawn pitch").proposal;
    race = bookWith("Race Co", "Race pitch").proposal;
    crossSite = bookWith("Cross Co", "Cross pitch").proposal;
    lastDay = bookWith("Last Day Co", "Last day pitch", today).proposal;
    server = await startServer({ WALKAWAY_DB: file, WALKAWAY_PASSWORD: PASSWORD, WALKAWAY_API_TOKEN: API_TOKEN });
    url = server.url;
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    db?.$client.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const get = (p: string, headers: Record<string, string> = {}) => fetch(`${url}${p}`, { redirect: "manual", headers });
  const answer = (token: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${url}/p/${token}/answer`, { method: "POST", redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded", ...headers }, body: new URLSearchParams(fields).toString() });
  /** A request whose path is sent exactly as written (fetch would normalise "..") */
  const raw = (p: string, method = "GET", headers: Record<string, string> = {}) =>
    new Promise<{ status: number; location: string | undefined; body: string }>((resolve, reject) => {
      const req = http.request({ host: "127.0.0.1", port: server.port, path: p, method, headers }, (res) => {
        let body = "";
        res.on("data", (d) => (body += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, body }));
      });
      req.on("error", reject);
      req.end();
    });

  test("the link's 256-bit secret: 43 base64url characters, unique per proposal", () => {
    for (const p of [open, expired, revoked, race]) expect(p.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set([open, expired, revoked, race].map((p) => p.token)).size).toBe(4);
  });

  test("the page: 200 without a session, only that proposal, no app chrome; private headers", async () => {
    const res = await get(`/p/${open.token}`);
    expect(res.status).toBe(200);
    // never a Referer to another site; not "no-referrer": browsers would then send Origin: null with the answer form (refused as cross-site)
    expect(res.headers.get("referrer-policy")).toBe("same-origin");
    expect(res.headers.get("cache-control")).toMatch(/no-store/);
    expect(res.headers.get("x-robots-tag")).toMatch(/noindex/);
    const html = await res.text();
    expect(html).toMatch(/<meta name="robots" content="noindex, nofollow"/);
    expect(html).toMatch(/<meta name="referrer" content="same-origin"/);
    for (const shown of ["Studio Lumen", clientName, "Bakery website", "Essentials", "Standard", "Complete", "$3,600.00", "valid until", "Half up front"]) expect(html).toContain(shown);
    for (const hidden of ["Secret Other Client", "Other client&#x27;s quote", "Expired Co", 'href="/clients"', 'href="/dashboard"', 'href="/offer"', "Quick log", "Walkaway user", "floorRate", "targetRate"]) expect(html).not.toContain(hidden);
    expect(html.match(/<main\b/g)).toHaveLength(1);
  });

  test("everything else still needs signing in", async () => {
    const clients = await get("/clients");
    expect(clients.status).toBe(303);
    expect(clients.headers.get("location")).toMatch(/\/login/);
    expect((await get("/api/v1/proposals/1")).status).toBe(401);
    expect((await fetch(`${url}/api/v1/proposals/${open.id}/answer`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"answer":"decline","reason":"price"}' })).status).toBe(401);
    expect(findProposal(db, open.id)!.answeredOn).toBeNull();
  });

  test("path tricks do not reach the app: '..', encoded dots, encoded slashes, other methods, a server action", async () => {
    for (const p of [`/p/${open.token}/../../clients`, `/p/${open.token}/%2e%2e/%2e%2e/clients`, `/p/${open.token}/..%2f..%2fclients`, `/p/${open.token}/answer/../../../dashboard`, `/p/${open.token}/answer/x`]) {
      const res = await raw(p);
      expect([303, 307, 308, 404], p).toContain(res.status);
      if (res.status !== 404) expect(res.location, p).toMatch(/\/login/);
      expect(res.body, p).not.toContain("Acme Bakery");
      expect(res.body, p).not.toContain("Secret Other Client");
    }
    // the answer path answers only a POST; the page only GET/HEAD
    expect((await raw(`/p/${open.token}/answer`)).location).toMatch(/\/login/);
    expect((await raw(`/p/${open.token}`, "DELETE")).location).toMatch(/\/login/);
    // a server action posted to the link's path is the app's: it needs a session
    const action = await raw(`/p/${open.token}`, "POST", { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" });
    expect(action.status).toBe(303);
    expect(action.location).toMatch(/\/login/);
  });

  test("its last day is today: the page says so, beside the date", async () => {
    const text = (html: string) => html.replace(/<[^>]+>/g, "");
    expect(text(await (await get(`/p/${lastDay.token}`)).text())).toMatch(/This proposal is valid until today \([A-Z][a-z]{2} \d{1,2}, \d{4}\)\./);
    expect(text(await (await get(`/p/${open.token}`)).text())).toMatch(/This proposal is valid until [A-Z][a-z]{2} \d{1,2}, \d{4}\./);
  });

  test("unknown and malformed links: 404, nothing of the book", async () => {
    // a malformed link gets the same 404 as a wrong well-formed one, never the freelancer's login page
    for (const t of ["A".repeat(43), "not-a-token", "xxxxxxxx", `${open.token!.slice(0, 42)}`, `${open.token}x`, "%3Cscript%3E"]) {
      const res = await get(`/p/${t}`);
      expect(res.status, t).toBe(404);
      const html = await res.text();
      expect(html).not.toContain("Studio Lumen");
      expect(html).not.toContain("Acme Bakery");
      expect(html, t).toContain("This link is not valid");
    }
    // one segment only: an encoded slash or dots in it reach nothing else of the app
    for (const p of ["/p/..%2fclients", "/p/%2e%2e%2fclients", "/p/..%2f..%2fapi%2fv1%2fclients"]) {
      const res = await raw(p);
      expect([303, 307, 308, 404], p).toContain(res.status);
      if (res.status !== 404) expect(res.location, p).toMatch(/\/login/);
      expect(res.body, p).not.toContain("Acme Bakery");
      expect(res.body, p).not.toContain("Secret Other Client");
    }
    // a malformed answer post is still the app's: sign in first
    expect((await raw("/p/xxxxxxxx/answer", "POST", { "content-type": "application/x-www-form-urlencoded" })).location).toMatch(/\/login/);
  });

  test("revoked: the same 404, and its answer is refused", async () => {
    expect((await get(`/p/${revoked.token}`)).status).toBe(200);
    writeTransaction(db, (tx) => setProposalShare(tx, revoked.id, { shareToken: null }));
    const res = await get(`/p/${revoked.token}`);
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain("This link is not valid");
    expect(html).not.toContain("Withdrawn pitch");
    expect((await answer(revoked.token!, { answer: "choose", optionId: String(revoked.options[0].id) })).status).toBe(404);
    expect(findProposal(db, revoked.id)!.answeredOn).toBeNull();
  });

  test("expired: the date and no prices; an answer is refused with 410", async () => {
    const res = await get(`/p/${expired.token}`);
    const html = await res.text();
    expect(html).toContain("This proposal expired on");
    for (const price of ["$2,000.00", "$3,600.00", "$5,200.00", "Choose "]) expect(html).not.toContain(price);
    const late = await answer(expired.token!, { answer: "choose", optionId: String(expired.options[1].id) });
    expect(late.status).toBe(410);
    expect(findProposal(db, expired.id)!.answeredOn).toBeNull();
  });

  test("a cross-site post to the answer route is refused (the CSRF rule for every write), nothing recorded", async () => {
    const res = await answer(crossSite.token!, { answer: "choose", optionId: String(crossSite.options[0].id) }, { origin: "https://evil.example", "sec-fetch-site": "cross-site" });
    expect(res.status).toBe(403);
    expect(findProposal(db, crossSite.id)!.answeredOn).toBeNull();
  });

  test("the client answers once: choose → 303 and thanks; a second answer → 'already answered', the first stands; the API says 409", async () => {
    // what a browser sends from the page itself
    const first = await answer(open.token!, { answer: "choose", optionId: String(open.options[1].id) }, { origin: url, "sec-fetch-site": "same-origin", referer: `${url}/p/${open.token}` });
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe(`/p/${open.token}`);
    const page = await (await get(`/p/${open.token}`)).text();
    expect(page).toContain("You chose Standard — thank you.");
    expect(page).toContain("Studio Lumen will be in touch");
    expect(page).not.toContain("Decline the proposal");
    expect(getQuote(db, openQuoteId)).toMatchObject({ status: "accepted", agreedAmount: 360_000, quotedAmount: 360_000, estimatedMinutes: 2400 });

    const second = await answer(open.token!, { answer: "decline", reason: "price" });
    expect(second.status).toBe(303);
    expect(second.headers.get("location")).toBe(`/p/${open.token}?problem=already`);
    expect(await (await get(`/p/${open.token}?problem=already`)).text()).toContain("already answered: the first answer stands");
    const api = await fetch(`${url}/api/v1/proposals/${open.id}/answer`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${API_TOKEN}` }, body: JSON.stringify({ answer: "choose", optionId: open.options[0].id }) });
    expect(api.status).toBe(409);
    expect(findProposal(db, open.id)).toMatchObject({ chosenOptionId: open.options[1].id, declineReason: null });
  });

  test("two answers at once: exactly one lands", async () => {
    const results = await Promise.all(race.options.map((o) => answer(race.token!, { answer: "choose", optionId: String(o.id) })));
    const locations = results.map((r) => r.headers.get("location"));
    expect(locations.filter((l) => l === `/p/${race.token}`)).toHaveLength(1);
    expect(locations.filter((l) => l === `/p/${race.token}?problem=already`)).toHaveLength(2);
    const chosen = findProposal(db, race.id)!.chosenOptionId;
    expect(race.options.map((o) => o.id)).toContain(chosen);
  });
});
