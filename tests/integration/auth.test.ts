/**
 * Sign-in, against the production server started with WALKAWAY_PASSWORD (proxy.ts + /api/auth/*):
 * nothing but the sign-in page and the health check is reachable without a session or the API token;
 * sign-out and a changed password end every session, also across restarts (the session epoch in
 * auth_state). The first block runs in-process on a real SQLite file and needs no build.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { findAuthState, readSessionEpoch } from "@/db/auth";
import { openDatabase, type DB } from "@/db/connection";
import { migrateDatabase } from "@/db/migrate";
import { fingerprintMatches } from "@/server/auth/session";
import { endAllSessions, syncPasswordEpoch, type AuthState } from "@/server/auth/state";
import { getDb } from "@/server/database";
import { POST as loginRoute } from "@/app/api/auth/login/route";
import { POST as logoutRoute } from "@/app/api/auth/logout/route";
import { GET as sessionRoute } from "@/app/api/auth/session/route";
import { HAS_BUILD, NO_BUILD_MESSAGE, startServer, tempDir, type Server } from "./data-helpers";

const sessionFrom = (res: Response) => /walkaway_session=([^;]+)/.exec(res.headers.get("set-cookie") ?? "")?.[1] ?? "";

describe("the session epoch in the database (in-process, real SQLite)", () => {
  let dir: string;
  let db: DB;
  const saved: Record<string, string | undefined> = {};
  const ENV = { WALKAWAY_PASSWORD: "first password 1", WALKAWAY_SECRET: "s".repeat(32) };

  beforeAll(async () => {
    dir = tempDir("walkaway-epoch-");
    db = openDatabase(path.join(dir, "epoch.db"));
    await migrateDatabase(db);
    for (const k of ["WALKAWAY_DB", "WALKAWAY_PASSWORD", "WALKAWAY_SECRET", "WALKAWAY_API_TOKEN"]) saved[k] = process.env[k];
    Object.assign(process.env, { WALKAWAY_DB: path.join(dir, "routes.db"), ...ENV });
    delete process.env.WALKAWAY_API_TOKEN;
  });
  afterAll(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    db?.$client.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test("first start creates the row at epoch 1; the same password again changes nothing; a new one moves the epoch on", () => {
    expect(findAuthState(db)).toBeUndefined();
    expect(syncPasswordEpoch(db, "first password 1")).toEqual({ epoch: 1, changed: false });
    const row = findAuthState(db)!;
    expect(row.sessionEpoch).toBe(1);
    // a salted scrypt, never the password
    expect(row.passwordFingerprint).toMatch(/^scrypt1\$/);
    expect(row.passwordFingerprint).not.toContain("first password");
    expect(fingerprintMatches("first password 1", row.passwordFingerprint)).toBe(true);

    expect(syncPasswordEpoch(db, "first password 1")).toEqual({ epoch: 1, changed: false });
    // not rewritten when unchanged
    expect(findAuthState(db)!.passwordFingerprint).toBe(row.passwordFingerprint);

    expect(syncPasswordEpoch(db, "second password 2")).toEqual({ epoch: 2, changed: true });
    expect(fingerprintMatches("second password 2", findAuthState(db)!.passwordFingerprint)).toBe(true);
    expect(fingerprintMatches("first password 1", findAuthState(db)!.passwordFingerprint)).toBe(false);
    // and back to the first one is a change too
    expect(syncPasswordEpoch(db, "first password 1")).toEqual({ epoch: 3, changed: true });
  });

  test("sign-out moves the epoch on in one committed write; the row is read back by a fresh connection", () => {
    const before = readSessionEpoch(db)!;
    expect(endAllSessions({ db, password: {} } as AuthState)).toBe(before + 1);
    const other = openDatabase(db.$client.name);
    expect(readSessionEpoch(other)).toBe(before + 1);
    other.$client.close();
  });

  test("a sign-out the database did not save is not acknowledged: error, cookie kept, session still open; then it works", async () => {
    const login = await loginRoute(new Request("http://127.0.0.1/api/auth/login", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ password: ENV.WALKAWAY_PASSWORD }) }));
    expect(login.status).toBe(200);
    const cookie = `walkaway_session=${sessionFrom(login)}`;
    const signedIn = async () => (await (await sessionRoute(new Request("http://127.0.0.1/api/auth/session", { headers: { cookie } }))).json()).signedIn;
    const logout = () => logoutRoute(new Request("http://127.0.0.1/api/auth/logout", { method: "POST", headers: { cookie, accept: "application/json" } }));
    expect(await signedIn()).toBe(true);
    const routesDb = getDb();
    const epoch = readSessionEpoch(routesDb);

    routesDb.$client.pragma("query_only = ON"); // every write now fails (SQLITE_READONLY)
    try {
      const failed = await logout();
      expect(failed.status).toBeGreaterThanOrEqual(500);
      expect((await failed.json()).error.message).toMatch(/^Not signed out: /);
      expect(failed.headers.get("set-cookie")).toBeNull();
      expect(readSessionEpoch(routesDb)).toBe(epoch);
      expect(await signedIn()).toBe(true);
    } finally {
      routesDb.$client.pragma("query_only = OFF");
    }

    const ok = await logout();
    expect(ok.status).toBe(200);
    expect(ok.headers.get("set-cookie")).toMatch(/walkaway_session=;.*Max-Age=0/i);
    expect(readSessionEpoch(routesDb)).toBe(epoch! + 1);
    expect(await signedIn()).toBe(false);
  });

  test("a sign-out without a session (anyone can post it) ends nothing", async () => {
    const routesDb = getDb();
    const epoch = readSessionEpoch(routesDb);
    for (const cookie of [undefined, "walkaway_session=garbage", "walkaway_session=v2.1.9999999999999.aaaaaaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"]) {
      const res = await logoutRoute(new Request("http://127.0.0.1/api/auth/logout", { method: "POST", headers: cookie ? { cookie } : {} }));
      expect(res.status).toBe(303);
    }
    expect(readSessionEpoch(routesDb)).toBe(epoch);
  });
});

const PASSWORD = "correct horse battery 42";
const API_TOKEN = "tok_0123456789abcdefghijklmnop";

describe.skipIf(!HAS_BUILD)(`sign-in with WALKAWAY_PASSWORD (production server)${HAS_BUILD ? "" : ` — ${NO_BUILD_MESSAGE}`}`, () => {
  let dir: string;
  let server: Server;
  let url: string;
  // each test its own client address, so the per-address login limit of one does not leak into another
  let address = 10;
  const from = () => `198.51.100.${address++}`;

  beforeAll(async () => {
    dir = tempDir("walkaway-auth-");
    server = await startServer({ WALKAWAY_DB: path.join(dir, "auth.db"), WALKAWAY_PASSWORD: PASSWORD, WALKAWAY_API_TOKEN: API_TOKEN });
    url = server.url;
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const get = (p: string, headers: Record<string, string> = {}) => fetch(`${url}${p}`, { redirect: "manual", headers });
  const login = (password: string, ip: string, extra: Record<string, string> = {}, next?: string) =>
    fetch(`${url}/api/auth/login`, { method: "POST", redirect: "manual", headers: { "content-type": "application/json", "x-forwarded-for": ip, ...extra }, body: JSON.stringify({ password, next }) });
  test("pages redirect to /login (keeping where you were going); the sign-in page and health check are public", async () => {
    for (const p of ["/", "/clients", "/data", "/settings", "/clients/5?tab=quotes"]) {
      const res = await get(p);
      expect(res.status, p).toBe(303);
      const loc = new URL(res.headers.get("location")!, url);
      expect(loc.pathname, p).toBe("/login");
      if (p !== "/") expect(loc.searchParams.get("next"), p).toBe(p);
    }
    expect((await get("/login")).status).toBe(200);
    expect(await (await get("/login")).text()).toContain("Sign in");
    expect((await get("/api/health")).status).toBe(200);
  });

  test("API routes answer 401 JSON without a session — the export most of all", async () => {
    for (const [method, p] of [
      ["GET", "/api/v1/clients"],
      ["GET", "/api/v1/export"],
      ["GET", "/api/v1/export/csv/clients"],
      ["GET", "/api/v1/scores"],
      ["POST", "/api/v1/clients"],
      ["POST", "/api/v1/import?mode=replace"],
      ["DELETE", "/api/v1/clients/1"],
    ] as const) {
      const res = await fetch(`${url}${p}`, { method, headers: { "content-type": "application/json" }, body: method === "GET" || method === "DELETE" ? undefined : "{}" });
      expect(res.status, `${method} ${p}`).toBe(401);
      expect(res.headers.get("content-type"), p).toMatch(/application\/json/);
      expect((await res.json()).error.message, p).toMatch(/Sign in/);
    }
  });

  test("a server action call without a session is not run", async () => {
    const res = await fetch(`${url}/clients/new`, { method: "POST", redirect: "manual", headers: { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" }, body: "[]" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toMatch(/\/login/);
  });

  test("the right password gives an httpOnly, SameSite=Strict, Path=/ session cookie that opens pages and the API", async () => {
    const res = await login(PASSWORD, from());
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie")!;
    // v2.<epoch>.<expiry>.<id>.<signature>
    expect(cookie).toMatch(/^walkaway_session=v2\.\d+\.\d+\.[\w-]+\.[\w-]+;/);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Strict/i);
    expect(cookie).toMatch(/;\s*Path=\/(;|$)/);
    expect(cookie).toMatch(/;\s*Max-Age=\d+/);
    // plain http on localhost: a Secure cookie would never come back
    expect(cookie).not.toMatch(/;\s*Secure/i);
    const session = { cookie: `walkaway_session=${sessionFrom(res)}` };
    expect((await get("/", session)).status).toBe(200);
    expect((await get("/data", session)).status).toBe(200);
    const api = await get("/api/v1/clients", session);
    expect(api.status).toBe(200);
    expect(await api.json()).toEqual({ clients: [] });
    expect(await (await get("/api/auth/session", session)).json()).toEqual({ authRequired: true, signedIn: true });
  });

  test("behind HTTPS (X-Forwarded-Proto) the cookie is also Secure", async () => {
    const res = await login(PASSWORD, from(), { "x-forwarded-proto": "https" });
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toMatch(/;\s*Secure/i);
  });

  test("a tampered, forged or garbage cookie opens nothing", async () => {
    const good = sessionFrom(await login(PASSWORD, from()));
    const [v, epoch, exp, id, sig] = good.split(".");
    const forged = [
      `${v}.${epoch}.${Number(exp) + 1000}.${id}.${sig}`,
      `${v}.${epoch}.${exp}.${id}.${sig.slice(0, -2)}AA`,
      `${v}.${Number(epoch) + 1}.${exp}.${id}.${sig}`,
      `v1.${exp}.${id}.${sig}`,
      "v2.1.9999999999999.aaaaaaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
      "admin",
      "",
    ];
    for (const value of forged) {
      expect((await get("/api/v1/clients", { cookie: `walkaway_session=${value}` })).status, value).toBe(401);
      expect((await get("/", { cookie: `walkaway_session=${value}` })).status, value).toBe(303);
    }
  });

  test("a wrong password is refused; the 6th failure within a minute is 429 with Retry-After, even with the right password", async () => {
    const ip = from();
    for (let i = 0; i < 5; i++) {
      const res = await login(`wrong-${i}`, ip);
      expect(res.status).toBe(401);
      expect((await res.json()).error.fields.password).toEqual(["Wrong password"]);
      expect(res.headers.get("set-cookie")).toBeNull();
    }
    const limited = await login(PASSWORD, ip);
    expect(limited.status).toBe(429);
    const retry = Number(limited.headers.get("retry-after"));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(60);
    expect(limited.headers.get("set-cookie")).toBeNull();
    // another address is not locked out by this one
    expect((await login(PASSWORD, from())).status).toBe(200);
  });

  test("the API token works as a bearer; a wrong one does not", async () => {
    expect((await get("/api/v1/clients", { authorization: `Bearer ${API_TOKEN}` })).status).toBe(200);
    expect((await get("/api/v1/clients", { authorization: `Bearer ${API_TOKEN}x` })).status).toBe(401);
    expect((await get("/api/v1/clients", { authorization: API_TOKEN })).status).toBe(401);
    const created = await fetch(`${url}/api/v1/clients`, { method: "POST", headers: { authorization: `Bearer ${API_TOKEN}`, "content-type": "application/json" }, body: JSON.stringify({ name: "Via token" }) });
    expect(created.status).toBe(201);
  });

  test("signing out clears the cookie and ends the session (a copied cookie stops working too)", async () => {
    const session = `walkaway_session=${sessionFrom(await login(PASSWORD, from()))}`;
    expect((await get("/api/v1/clients", { cookie: session })).status).toBe(200);
    const out = await fetch(`${url}/api/auth/logout`, { method: "POST", redirect: "manual", headers: { cookie: session, origin: url } });
    expect(out.status).toBe(303);
    expect(out.headers.get("location")).toBe("/login");
    expect(out.headers.get("set-cookie")).toMatch(/walkaway_session=;.*Max-Age=0/i);
    expect((await get("/api/v1/clients", { cookie: session })).status).toBe(401);
  });

  test("without JavaScript the form posts and is redirected; `next` never leaves the site", async () => {
    const res = await fetch(`${url}/api/auth/login`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": from(), origin: url },
      body: new URLSearchParams({ password: PASSWORD, next: "/clients" }).toString(),
    });
    expect(res.status).toBe(303);
    // relative, so it stays on the host the browser used (127.0.0.1 here, whatever the server is bound to)
    expect(res.headers.get("location")).toBe("/clients");
    expect(res.headers.get("set-cookie")).toMatch(/HttpOnly/i);
    for (const attack of ["//evil.example/steal", "/\t/evil.example/phish", "/\\evil.example", "/%2F%2Fevil.example", "/%09/evil.example", "https://evil.example", "javascript:alert(1)"]) {
      const evil = await login(PASSWORD, from(), {}, attack);
      expect((await evil.json()).next, attack).toBe("/");
      const form = await fetch(`${url}/api/auth/login`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": from(), origin: url },
        body: new URLSearchParams({ password: PASSWORD, next: attack }).toString(),
      });
      expect(form.headers.get("location"), attack).toBe("/");
    }
    const wrong = await fetch(`${url}/api/auth/login`, { method: "POST", redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": from() }, body: "password=nope" });
    expect(wrong.status).toBe(303);
    expect(wrong.headers.get("location")).toMatch(/\/login\?error=wrong/);
  });

  test("a cross-site sign-in or write is refused (403) before the password is even checked", async () => {
    const res = await login(PASSWORD, from(), { origin: "https://evil.example", "sec-fetch-site": "cross-site" });
    expect(res.status).toBe(403);
    expect(res.headers.get("set-cookie")).toBeNull();
    const write = await fetch(`${url}/api/v1/clients`, { method: "POST", headers: { authorization: `Bearer ${API_TOKEN}`, "content-type": "application/json", origin: "https://evil.example" }, body: "{}" });
    expect(write.status).toBe(403);
  });
});

/**
 * Sessions end for good: sign-out and a password change move the session epoch in the database, so an
 * old cookie stays refused after a restart, even with WALKAWAY_SECRET set (the cookie's signature is
 * still valid; only its epoch is old). Each test restarts the production server on the same file.
 */
describe.skipIf(!HAS_BUILD)(`sessions end across restarts (production server, WALKAWAY_SECRET set)${HAS_BUILD ? "" : ` — ${NO_BUILD_MESSAGE}`}`, () => {
  const SECRET = "a-stable-secret-0123456789abcdef";
  const FIRST = "first password 1234";
  const SECOND = "second password 5678";
  const TOKEN = "tok_restart_0123456789abcdef";
  let dir: string;
  let server: Server | undefined;
  let address = 10;
  const from = () => `203.0.113.${address++}`;
  /** every session cookie that should have been refused, and how many were */
  const tally = { tried: 0, refused: 0, stillOpen: 0 };

  const start = async (password: string) => {
    await server?.stop();
    server = await startServer({ WALKAWAY_DB: path.join(dir, "restart.db"), WALKAWAY_PASSWORD: password, WALKAWAY_SECRET: SECRET, WALKAWAY_API_TOKEN: TOKEN });
  };
  const signIn = async (password: string) => {
    const res = await fetch(`${server!.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": from() }, body: JSON.stringify({ password }) });
    return { status: res.status, cookie: `walkaway_session=${sessionFrom(res)}` };
  };
  const signOut = (cookie: string) => fetch(`${server!.url}/api/auth/logout`, { method: "POST", redirect: "manual", headers: { cookie, origin: server!.url } });
  /** The API answer and the page answer for this cookie: [200, 200] open, [401, 303 → /login] refused. */
  const probe = async (cookie: string) => {
    const api = await fetch(`${server!.url}/api/v1/clients`, { headers: { cookie } });
    const page = await fetch(`${server!.url}/clients`, { redirect: "manual", headers: { cookie } });
    const location = page.headers.get("location");
    return { api: api.status, page: page.status, toLogin: location ? new URL(location, server!.url).pathname === "/login" : false };
  };
  const expectOpen = async (cookie: string, what: string) => expect(await probe(cookie), what).toEqual({ api: 200, page: 200, toLogin: false });
  const expectRefused = async (cookie: string, what: string) => {
    const p = await probe(cookie);
    tally.tried++;
    if (p.api === 401 && p.page === 303 && p.toLogin) tally.refused++;
    else tally.stillOpen++;
    expect(p, what).toEqual({ api: 401, page: 303, toLogin: true });
  };

  beforeAll(() => {
    dir = tempDir("walkaway-restart-");
  });
  afterAll(async () => {
    await server?.stop();
    console.info(`[sessions end across restarts] cookies that had to be refused: ${tally.tried}, refused: ${tally.refused}, still open: ${tally.stillOpen}`);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test("(a) sign in → works → sign out → restart: the signed-out cookie stays refused; a live one survives the restart", async () => {
    await start(FIRST);
    const a = await signIn(FIRST);
    expect(a.status).toBe(200);
    await expectOpen(a.cookie, "a before sign-out");
    expect((await signOut(a.cookie)).status).toBe(303);
    await expectRefused(a.cookie, "a right after sign-out");
    // a session opened after the sign-out: the control, proving a restart alone ends nothing
    const b = await signIn(FIRST);
    await expectOpen(b.cookie, "b before the restart");

    await start(FIRST);
    await expectRefused(a.cookie, "a after the restart");
    await expectOpen(b.cookie, "b after the restart (same secret, same password)");
    await signOut(b.cookie);
  }, 120_000);

  test("(b) sign in → restart with another WALKAWAY_PASSWORD: the old cookie is refused, the old password too, the new one signs in", async () => {
    await start(FIRST);
    const c = await signIn(FIRST);
    expect(c.status).toBe(200);
    await expectOpen(c.cookie, "c under the first password");

    await start(SECOND);
    await expectRefused(c.cookie, "c after the password changed");
    expect((await signIn(FIRST)).status).toBe(401);
    const d = await signIn(SECOND);
    expect(d.status).toBe(200);
    await expectOpen(d.cookie, "d under the new password");

    // restarting with the same (new) password ends nothing
    await start(SECOND);
    await expectOpen(d.cookie, "d after a restart with the same password");
    // the API token is not a session: neither the password change nor a sign-out touches it
    expect((await fetch(`${server!.url}/api/v1/clients`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
  }, 120_000);

  test("(c) two sessions (two sign-ins): signing out of one ends both, and they stay ended after a restart", async () => {
    if (!server) await start(SECOND);
    const e = await signIn(SECOND);
    const f = await signIn(SECOND);
    expect([e.status, f.status]).toEqual([200, 200]);
    expect(e.cookie).not.toBe(f.cookie);
    await expectOpen(e.cookie, "e");
    await expectOpen(f.cookie, "f");
    // a sign-out without a session (anyone can send one) ends nothing
    expect((await signOut("walkaway_session=garbage")).status).toBe(303);
    await expectOpen(e.cookie, "e after an anonymous sign-out");

    expect((await signOut(e.cookie)).status).toBe(303);
    await expectRefused(e.cookie, "e, signed out");
    await expectRefused(f.cookie, "f, signed out elsewhere");
    expect((await fetch(`${server!.url}/api/v1/clients`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);

    await start(SECOND);
    await expectRefused(e.cookie, "e after the restart");
    await expectRefused(f.cookie, "f after the restart");
    expect(tally.stillOpen).toBe(0);
  }, 120_000);
});
