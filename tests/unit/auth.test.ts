import { randomBytes } from "node:crypto";
import { describe, expect, test } from "vitest";
import { LoginRateLimiter, hashPassword, isAllowedHost, isCrossSiteWrite, safeEqual, safeNextPath, signSession, verifyPassword, verifySession } from "@/server/auth/session";

describe("passwords", () => {
  test("scrypt hash: the right password verifies, others do not", () => {
    const stored = hashPassword("correct horse battery");
    expect(verifyPassword("correct horse battery", stored)).toBe(true);
    expect(verifyPassword("correct horse batterY", stored)).toBe(false);
    expect(verifyPassword("", stored)).toBe(false);
    expect(verifyPassword("x".repeat(5000), stored)).toBe(false);
    // salted: the same password hashes differently each time
    expect(hashPassword("correct horse battery").hash.equals(stored.hash)).toBe(false);
  });
  test("safeEqual compares any lengths", () => {
    expect(safeEqual("a-long-api-token-123", "a-long-api-token-123")).toBe(true);
    expect(safeEqual("a-long-api-token-123", "a-long-api-token-12")).toBe(false);
    expect(safeEqual("", "x")).toBe(false);
  });
});

describe("session tokens", () => {
  const secret = randomBytes(32);
  test("a signed token verifies until it expires", () => {
    const { token, id } = signSession(secret, 1_000, 60_000);
    expect(verifySession(secret, token, 2_000)).toEqual({ ok: true, id, expiresAt: 61_000 });
    expect(verifySession(secret, token, 61_000)).toEqual({ ok: false, reason: "expired" });
  });
  test("tampering, another secret or garbage is refused", () => {
    const { token } = signSession(secret, Date.now());
    const [v, exp, id, sig] = token.split(".");
    expect(verifySession(secret, `${v}.${Number(exp) + 1}.${id}.${sig}`).ok).toBe(false);
    expect(verifySession(secret, `${v}.${exp}.${id}x.${sig}`).ok).toBe(false);
    expect(verifySession(randomBytes(32), token).ok).toBe(false);
    expect(verifySession(secret, "").ok).toBe(false);
    expect(verifySession(secret, "v1.9999999999999.aaaaaaaaaaaaaaaaaaaaaaaa.").ok).toBe(false);
    expect(verifySession(secret, token.slice(0, -1) + (token.endsWith("A") ? "B" : "A")).ok).toBe(false);
  });
});

describe("login rate limiter", () => {
  test("5 failures per key per minute, then Retry-After until the window ends", () => {
    const l = new LoginRateLimiter(5, 20, 60_000);
    for (let i = 0; i < 5; i++) {
      expect(l.check("1.1.1.1", 0).allowed).toBe(true);
      l.recordFailure("1.1.1.1", 0);
    }
    expect(l.check("1.1.1.1", 10_000)).toEqual({ allowed: false, retryAfterSeconds: 50 });
    expect(l.check("2.2.2.2", 10_000).allowed).toBe(true);
    expect(l.check("1.1.1.1", 60_000).allowed).toBe(true);
  });
  test("a global cap holds even when the client key is spoofed on every attempt", () => {
    const l = new LoginRateLimiter(5, 20, 60_000);
    for (let i = 0; i < 20; i++) l.recordFailure(`10.0.0.${i}`, 0);
    expect(l.check("10.0.0.99", 1).allowed).toBe(false);
  });
  test("success clears the key's failures", () => {
    const l = new LoginRateLimiter(5, 20, 60_000);
    for (let i = 0; i < 4; i++) l.recordFailure("k", 0);
    l.recordSuccess("k");
    for (let i = 0; i < 4; i++) l.recordFailure("k", 0);
    expect(l.check("k", 0).allowed).toBe(true);
  });
});

describe("request checks", () => {
  const h = (o: Record<string, string>) => new Headers(o);
  test("cross-site writes are refused; reads and non-browser clients pass", () => {
    expect(isCrossSiteWrite("POST", h({ origin: "https://evil.example" }), "127.0.0.1:3000")).toBe(true);
    expect(isCrossSiteWrite("POST", h({ "sec-fetch-site": "cross-site" }), "127.0.0.1:3000")).toBe(true);
    expect(isCrossSiteWrite("DELETE", h({ "sec-fetch-site": "same-site" }), "127.0.0.1:3000")).toBe(true);
    expect(isCrossSiteWrite("POST", h({ origin: "null" }), "127.0.0.1:3000")).toBe(true);
    expect(isCrossSiteWrite("POST", h({ origin: "http://127.0.0.1:3000", "sec-fetch-site": "same-origin" }), "127.0.0.1:3000")).toBe(false);
    expect(isCrossSiteWrite("GET", h({ origin: "https://evil.example" }), "127.0.0.1:3000")).toBe(false);
    expect(isCrossSiteWrite("POST", h({}), "127.0.0.1:3000")).toBe(false);
  });
  test("only loopback hosts without a password", () => {
    expect(isAllowedHost("127.0.0.1:3000")).toBe(true);
    expect(isAllowedHost("localhost")).toBe(true);
    expect(isAllowedHost("[::1]:3000")).toBe(true);
    expect(isAllowedHost("evil.example:3000")).toBe(false);
    expect(isAllowedHost("127.0.0.1.evil.example")).toBe(false);
    expect(isAllowedHost(null)).toBe(false);
    expect(isAllowedHost("walkaway.lan", ["walkaway.lan"])).toBe(true);
  });
  test("after sign-in we only go to a local path", () => {
    expect(safeNextPath("/clients/3?x=1")).toBe("/clients/3?x=1");
    expect(safeNextPath("//evil.example")).toBe("/");
    expect(safeNextPath("/\\evil.example")).toBe("/");
    expect(safeNextPath("https://evil.example")).toBe("/");
    expect(safeNextPath(undefined)).toBe("/");
  });
});
