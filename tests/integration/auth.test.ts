/**
 * Sign-in, against the production server started with WALKAWAY_PASSWORD (proxy.ts + /api/auth/*):
 * nothing but the sign-in page and the health check is reachable without a session or the API token.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { HAS_BUILD, NO_BUILD_MESSAGE, startServer, tempDir, type Server } from "./data-helpers";

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
  const sessionFrom = (res: Response) => /walkaway_session=([^;]+)/.exec(res.headers.get("set-cookie") ?? "")?.[1] ?? "";

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
    expect(cookie).toMatch(/^walkaway_session=v1\.\d+\.[\w-]+\.[\w-]+;/);
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
    const [v, exp, id, sig] = good.split(".");
    const forged = [`${v}.${Number(exp) + 1000}.${id}.${sig}`, `${v}.${exp}.${id}.${sig.slice(0, -2)}AA`, "v1.9999999999999.aaaaaaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "admin", ""];
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

  test("signing out clears the cookie and revokes the session (a copied cookie stops working too)", async () => {
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
    const evil = await login(PASSWORD, from(), {}, "//evil.example/steal");
    expect((await evil.json()).next).toBe("/");
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
