/**
 * Security headers on every kind of response, cross-site writes refused, and (without a password)
 * only loopback Host names answered — against the production server in its default mode.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { HAS_BUILD, NO_BUILD_MESSAGE, startServer, tempDir, type Server } from "./data-helpers";

describe.skipIf(!HAS_BUILD)(`security headers and request checks (production server, no password)${HAS_BUILD ? "" : ` — ${NO_BUILD_MESSAGE}`}`, () => {
  let dir: string;
  let server: Server;
  let url: string;
  beforeAll(async () => {
    dir = tempDir("walkaway-headers-");
    server = await startServer({ WALKAWAY_DB: path.join(dir, "headers.db") });
    url = server.url;
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  function expectSecurityHeaders(res: Response, what: string) {
    const csp = res.headers.get("content-security-policy") ?? "";
    const directive = (name: string) => csp.split(";").map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? "";
    expect(directive("frame-ancestors"), what).toBe("frame-ancestors 'none'");
    expect(directive("default-src"), what).toBe("default-src 'self'");
    expect(directive("object-src"), what).toBe("object-src 'none'");
    expect(directive("base-uri"), what).toBe("base-uri 'self'");
    expect(directive("form-action"), what).toBe("form-action 'self'");
    // scripts only from this origin (inline bootstrap allowed, see next.config.mjs); never eval in production
    expect(directive("script-src"), what).toBe("script-src 'self' 'unsafe-inline'");
    expect(res.headers.get("x-content-type-options"), what).toBe("nosniff");
    expect(res.headers.get("x-frame-options"), what).toBe("DENY");
    expect(res.headers.get("referrer-policy"), what).toBe("same-origin");
    expect(res.headers.get("permissions-policy"), what).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
    expect(res.headers.get("x-powered-by"), what).toBeNull();
    expect(res.headers.get("access-control-allow-origin"), what).toBeNull();
  }

  test("pages, API answers, errors, redirects and static files all carry the headers", async () => {
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expectSecurityHeaders(page, "page");
    const html = await page.text();
    const asset = /\/_next\/static\/[^"']+\.js/.exec(html)?.[0];
    expect(asset).toBeTruthy();
    const targets: [string, RequestInit?][] = [
      ["/api/v1/clients"],
      ["/api/v1/export"],
      ["/api/health"],
      ["/no-such-page"],
      ["/api/v1/clients/999999"],
      [asset!],
      ["/login"],
      ["/api/v1/clients", { method: "POST", headers: { "content-type": "application/json", origin: "https://evil.example" }, body: "{}" }],
    ];
    for (const [p, init] of targets) {
      const res = await fetch(`${url}${p}`, { redirect: "manual", ...init });
      expectSecurityHeaders(res, `${init?.method ?? "GET"} ${p} (${res.status})`);
    }
  });

  test("cross-site writes are refused with 403; same-origin and non-browser writes pass", async () => {
    const post = (headers: Record<string, string>, p = "/api/v1/clients", method = "POST") =>
      fetch(`${url}${p}`, { method, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ name: "From somewhere" }) });
    const crossSite: Record<string, string>[] = [{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site" }, { "sec-fetch-site": "same-site", origin: "http://127.0.0.1:1" }, { origin: "null" }];
    for (const headers of crossSite) {
      const res = await post(headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect((await res.json()).error.fields.origin).toBeTruthy();
    }
    expect((await post({ origin: "https://evil.example" }, "/api/v1/import?mode=replace")).status).toBe(403);
    expect((await fetch(`${url}/api/v1/clients/1`, { method: "DELETE", headers: { origin: "https://evil.example" } })).status).toBe(403);
    // a cross-site server action is refused too (Next checks the origin as well)
    const action = await fetch(`${url}/clients/new`, { method: "POST", headers: { origin: "https://evil.example", "next-action": "0".repeat(42) }, body: "[]" });
    expect(action.status).toBe(403);
    expect((await post({ origin: url, "sec-fetch-site": "same-origin" })).status).toBe(201);
    expect((await post({})).status).toBe(201);
  });

  test("without a password only loopback Host names are answered (DNS rebinding)", async () => {
    // fetch will not override Host; node:http does
    const http = await import("node:http");
    const status = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const req = http.request(`${url}/api/v1/export`, { headers: { host } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on("error", reject);
        req.end();
      });
    expect(await status("evil.example")).toBe(403);
    expect(await status("127.0.0.1.evil.example:80")).toBe(403);
    expect(await status(`localhost:${server.port}`)).toBe(200);
    expect(await status(`127.0.0.1:${server.port}`)).toBe(200);
  });
});
