import { randomBytes } from "node:crypto";
import { describe, expect, test } from "vitest";
import { LoginRateLimiter, fingerprintMatches, hashPassword, isAllowedHost, isCrossSiteWrite, passwordFingerprint, safeEqual, safeNextPath, signSession, verifyPassword, verifySession } from "@/server/auth/session";

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

describe("password fingerprint (what the database keeps, to notice a changed password at start)", () => {
  test("salted scrypt: matches its own password only, and never contains the password", () => {
    const fp = passwordFingerprint("correct horse battery");
    expect(fp).toMatch(/^scrypt1\$[\w-]{22}\$[\w-]{86}$/);
    expect(fp).not.toContain("correct");
    expect(fingerprintMatches("correct horse battery", fp)).toBe(true);
    expect(fingerprintMatches("correct horse batterY", fp)).toBe(false);
    // salted: the same password fingerprints differently each time, and both match
    const again = passwordFingerprint("correct horse battery");
    expect(again).not.toBe(fp);
    expect(fingerprintMatches("correct horse battery", again)).toBe(true);
  });
  test("sign-in turned on or off counts as a change; a damaged fingerprint matches nothing", () => {
    expect(fingerprintMatches(null, null)).toBe(true);
    expect(fingerprintMatches("a password", null)).toBe(false);
    expect(fingerprintMatches(null, passwordFingerprint("a password"))).toBe(false);
    for (const bad of ["", "a password", "scrypt1$$", `scrypt1$${"A".repeat(22)}$short`, passwordFingerprint("a password").slice(0, -1)]) expect(fingerprintMatches("a password", bad), bad).toBe(false);
  });
});

describe("session tokens", () => {
  const secret = randomBytes(32);
  test("a signed token verifies under its epoch until it expires", () => {
    const { token, id } = signSession(secret, 7, 1_000, 60_000);
    expect(token).toMatch(/^v2\.7\.61000\./);
    expect(verifySession(secret, token, 7, 2_000)).toEqual({ ok: true, id, epoch: 7, expiresAt: 61_000 });
    expect(verifySession(secret, token, 7, 61_000)).toEqual({ ok: false, reason: "expired" });
  });
  test("once the epoch moves on (sign-out, a new password) the token is refused, whichever way it moved", () => {
    const { token } = signSession(secret, 7, 1_000, 60_000);
    expect(verifySession(secret, token, 8, 2_000)).toEqual({ ok: false, reason: "ended" });
    expect(verifySession(secret, token, 6, 2_000)).toEqual({ ok: false, reason: "ended" });
  });
  test("the epoch is signed: editing it to the current one breaks the signature", () => {
    const { token } = signSession(secret, 7, Date.now());
    const [v, , exp, id, sig] = token.split(".");
    expect(verifySession(secret, `${v}.8.${exp}.${id}.${sig}`, 8)).toEqual({ ok: false, reason: "bad-signature" });
  });
  test("tampering, another secret, the old v1 format or garbage is refused", () => {
    const { token } = signSession(secret, 1, Date.now());
    const [v, epoch, exp, id, sig] = token.split(".");
    expect(verifySession(secret, `${v}.${epoch}.${Number(exp) + 1}.${id}.${sig}`, 1).ok).toBe(false);
    expect(verifySession(secret, `${v}.${epoch}.${exp}.${id}x.${sig}`, 1).ok).toBe(false);
    expect(verifySession(randomBytes(32), token, 1).ok).toBe(false);
    expect(verifySession(secret, "", 1).ok).toBe(false);
    expect(verifySession(secret, `v1.${exp}.${id}.${sig}`, 1)).toEqual({ ok: false, reason: "malformed" });
    expect(verifySession(secret, `v2.0.${exp}.${id}.${sig}`, 0)).toEqual({ ok: false, reason: "malformed" });
    expect(verifySession(secret, "v2.1.9999999999999.aaaaaaaaaaaaaaaaaaaaaaaa.", 1).ok).toBe(false);
    expect(verifySession(secret, token.slice(0, -1) + (token.endsWith("A") ? "B" : "A"), 1).ok).toBe(false);
    // every other spelling of the last character is refused, including the ones that decode to the same bytes
    for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") {
      if (c !== token.at(-1)) expect(verifySession(secret, token.slice(0, -1) + c, 1).ok, c).toBe(false);
    }
  });
  test("a token is never issued under a non-positive or fractional epoch", () => {
    for (const e of [0, -1, 1.5, Number.NaN]) expect(() => signSession(secret, e), String(e)).toThrow(/epoch/);
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
});

describe("where to go after signing in (safeNextPath): a path on this site, or \"/\"", () => {
  // Every one of these was, or could be, read by a browser as another site
  const ATTACKS: [string, unknown][] = [
    ["a tab (browsers strip it: //evil.example)", "/\t/evil.example/phish"],
    ["a newline", "/\n/evil.example"],
    ["a carriage return", "/\r/evil.example"],
    ["NUL", "/\u0000/evil.example"],
    ["another C0 control", "/\u001f/evil.example"],
    ["DEL", "/\u007f/evil.example"],
    ["a C1 control", "/\u0085/evil.example"],
    ["a space", "/ /evil.example"],
    ["a no-break space", "/\u00a0/evil.example"],
    ["a line separator", "/\u2028/evil.example"],
    ["a right-to-left override", "/\u202e/evil.example"],
    ["a backslash after the slash", "/\\evil.example"],
    ["a backslash anywhere", "/clients\\..\\..\\evil.example"],
    ["scheme-relative", "//evil.example"],
    ["scheme-relative with a path", "//evil.example/steal"],
    ["three slashes", "///evil.example"],
    ["encoded slashes", "/%2F%2Fevil.example"],
    ["encoded slashes, lower case", "/%2f%2fevil.example"],
    ["an encoded tab", "/%09/evil.example"],
    ["an encoded newline", "/%0a/evil.example"],
    ["an encoded NUL", "/%00/evil.example"],
    ["an encoded backslash", "/%5Cevil.example"],
    ["an encoded backslash, lower case", "/%5cevil.example"],
    ["doubly encoded slashes", "/%252F%252Fevil.example"],
    ["doubly encoded tab", "/%2509/evil.example"],
    ["dot segments that normalise to //", "/a/..//evil.example"],
    ["a dot segment that normalises to //", "/.//evil.example"],
    ["encoded dot segments", "/%2e%2e//evil.example"],
    ["an absolute URL", "https://evil.example"],
    ["an absolute URL to this host's name", "http://127.0.0.1:3000/clients"],
    ["javascript:", "javascript:alert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["a relative path", "evil.example"],
    ["empty", ""],
    ["a malformed escape", "/100%"],
    ["too long", `/${"a".repeat(2000)}`],
    ["the sign-in page (a loop)", "/login?next=/clients"],
    ["the sign-in page behind a dot segment", "/./login"],
    ["the API", "/api/v1/export"],
    ["not a string", undefined],
    ["not a string (array)", ["/clients"]],
  ];
  test.each(ATTACKS)("refused: %s", (_why, raw) => {
    expect(safeNextPath(raw)).toBe("/");
  });

  const GOOD: [string, string][] = [
    ["/clients/3?x=1#y", "/clients/3?x=1#y"],
    ["/", "/"],
    ["/clients", "/clients"],
    ["/clients/5?tab=quotes", "/clients/5?tab=quotes"],
    // an encoded space or percent sign in a search is fine: it stays encoded
    ["/clients?q=Acme%20Ltd", "/clients?q=Acme%20Ltd"],
    ["/clients?q=100%25", "/clients?q=100%25"],
    // "//" after the start is only part of a query
    ["/quotes?from=//x", "/quotes?from=//x"],
    // normalised like a browser would
    ["/clients/3/../4", "/clients/4"],
    ["/loginx", "/loginx"],
  ];
  test.each(GOOD)("kept: %s", (raw, expected) => {
    expect(safeNextPath(raw)).toBe(expected);
  });

  test("whatever it keeps resolves on this origin and starts with one slash", () => {
    for (const [, raw] of [...ATTACKS, ...GOOD.map(([r]) => ["", r] as [string, unknown])]) {
      const out = safeNextPath(raw);
      expect(out.startsWith("/") && !out.startsWith("//") && !out.includes("\\"), String(raw)).toBe(true);
      expect(new URL(out, "http://x").origin, String(raw)).toBe("http://x");
    }
  });
});
