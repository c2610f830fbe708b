/**
 * Sign-in building blocks, free of Next.js and of the database so they can be unit-tested: password
 * hashing, the password fingerprint and constant-time checks, signed session tokens with an epoch and
 * an expiry, a login rate limiter, the request checks the proxy applies (same-site writes, loopback
 * hosts) and where to go after signing in.
 */
import { createHmac, randomBytes, scryptSync, timingSafeEqual } from "node:crypto";

export const SESSION_COOKIE = "walkaway_session";
export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

// ---------------- passwords ----------------
export interface PasswordHash {
  salt: Buffer;
  hash: Buffer;
}

const SCRYPT_KEYLEN = 64;

export function hashPassword(password: string, salt: Buffer = randomBytes(16)): PasswordHash {
  return { salt, hash: scryptSync(password.normalize("NFC"), salt, SCRYPT_KEYLEN) };
}

/** scrypt the attempt with the stored salt and compare in constant time. */
export function verifyPassword(attempt: string, stored: PasswordHash): boolean {
  if (typeof attempt !== "string" || attempt.length > 1024) return false;
  const candidate = scryptSync(attempt.normalize("NFC"), stored.salt, SCRYPT_KEYLEN);
  return timingSafeEqual(candidate, stored.hash);
}

/** Compare two secrets of any length in constant time (HMAC both to a fixed length first). */
export function safeEqual(a: string, b: string): boolean {
  const key = randomBytes(32);
  const ha = createHmac("sha256", key).update(a).digest();
  const hb = createHmac("sha256", key).update(b).digest();
  return timingSafeEqual(ha, hb);
}

/**
 * What the database keeps of WALKAWAY_PASSWORD, so a changed password is noticed at start:
 * "scrypt1$<salt>$<hash>" (salted scrypt, base64url), never the password itself.
 */
export function passwordFingerprint(password: string, salt: Buffer = randomBytes(16)): string {
  const { hash } = hashPassword(password, salt);
  return `scrypt1$${b64url(salt)}$${b64url(hash)}`;
}

/**
 * Whether the stored fingerprint was made from this password (both null: sign-in was off and still is).
 * A fingerprint that does not parse matches nothing, so it counts as a change.
 */
export function fingerprintMatches(password: string | null, fingerprint: string | null): boolean {
  if (password == null || fingerprint == null) return password == null && fingerprint == null;
  const m = /^scrypt1\$([A-Za-z0-9_-]{22})\$([A-Za-z0-9_-]{86})$/.exec(fingerprint);
  if (!m) return false;
  const stored = Buffer.from(m[2], "base64url");
  const candidate = hashPassword(password, Buffer.from(m[1], "base64url")).hash;
  return candidate.length === stored.length && timingSafeEqual(candidate, stored);
}

// ---------------- session tokens ----------------
function b64url(buf: Buffer) {
  return buf.toString("base64url");
}

function mac(secret: Buffer, payload: string): Buffer {
  return createHmac("sha256", secret).update(payload).digest();
}

/**
 * "v2.<epoch>.<expiry ms>.<random id>.<HMAC>": stateless, tamper-evident, expires on its own, and
 * issued under the session epoch of the moment: once the epoch moves on (sign-out, a new password)
 * it is refused, across restarts, because the epoch lives in the database.
 */
export function signSession(secret: Buffer, epoch: number, now = Date.now(), ttlMs = SESSION_TTL_MS): { token: string; id: string; epoch: number; expiresAt: number } {
  if (!Number.isSafeInteger(epoch) || epoch < 1) throw new Error(`session epoch must be a positive integer, got ${epoch}`);
  const id = b64url(randomBytes(18));
  const expiresAt = now + ttlMs;
  const payload = `v2.${epoch}.${expiresAt}.${id}`;
  return { token: `${payload}.${b64url(mac(secret, payload))}`, id, epoch, expiresAt };
}

export type SessionCheck =
  | { ok: true; id: string; epoch: number; expiresAt: number }
  | { ok: false; reason: "missing" | "malformed" | "bad-signature" | "expired" | "ended" };

/**
 * A cookie opens the door only if it is well formed, signed with this secret, not expired and issued
 * under the current epoch ("ended": signed out, or the password changed since).
 */
export function verifySession(secret: Buffer, token: string | undefined | null, currentEpoch: number, now = Date.now()): SessionCheck {
  if (!token) return { ok: false, reason: "missing" };
  const m = /^v2\.([1-9]\d{0,14})\.(\d{1,15})\.([A-Za-z0-9_-]{16,64})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return { ok: false, reason: "malformed" };
  const payload = `v2.${m[1]}.${m[2]}.${m[3]}`;
  // compare the text, not the decoded bytes: base64url's last character carries two unused bits, so
  // four spellings decode to the same signature; only the one we issue is accepted
  const given = Buffer.from(m[4], "utf8");
  const expected = Buffer.from(mac(secret, payload).toString("base64url"), "utf8");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "bad-signature" };
  const expiresAt = Number(m[2]);
  if (expiresAt <= now) return { ok: false, reason: "expired" };
  const epoch = Number(m[1]);
  if (epoch !== currentEpoch) return { ok: false, reason: "ended" };
  return { ok: true, id: m[3], epoch, expiresAt };
}

// ---------------- rate limiting ----------------
/**
 * Fixed-window counter of failed attempts per key, plus one shared window for all keys: the
 * client address comes from X-Forwarded-For, which a client can set, so a global cap keeps
 * guessing bounded even when the per-address key is spoofed.
 */
export class LoginRateLimiter {
  private readonly hits = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly perKey = 5,
    private readonly global = 20,
    private readonly windowMs = 60_000,
  ) {}

  private entry(key: string, now: number) {
    let e = this.hits.get(key);
    if (!e || e.resetAt <= now) {
      e = { count: 0, resetAt: now + this.windowMs };
      this.hits.set(key, e);
    }
    return e;
  }

  /** Whether another attempt is allowed now; if not, how many seconds until it is. */
  check(key: string, now = Date.now()): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    this.prune(now);
    const mine = this.entry(`ip:${key}`, now);
    const all = this.entry("*", now);
    if (mine.count >= this.perKey) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((mine.resetAt - now) / 1000)) };
    if (all.count >= this.global) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((all.resetAt - now) / 1000)) };
    return { allowed: true };
  }

  recordFailure(key: string, now = Date.now()) {
    this.entry(`ip:${key}`, now).count++;
    this.entry("*", now).count++;
  }

  recordSuccess(key: string) {
    this.hits.delete(`ip:${key}`);
  }

  private prune(now: number) {
    if (this.hits.size < 10_000) return;
    for (const [k, e] of this.hits) if (e.resetAt <= now) this.hits.delete(k);
  }
}

// ---------------- request checks ----------------
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A state-changing request sent by a browser from another site. Browsers send Sec-Fetch-Site
 * and Origin on cross-site POSTs; API clients (curl, scripts) send neither and are allowed.
 */
export function isCrossSiteWrite(method: string, headers: Headers, host: string | null): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  const site = headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return true;
  const origin = headers.get("origin");
  if (origin) {
    if (origin === "null") return true;
    try {
      return new URL(origin).host.toLowerCase() !== (host ?? "").toLowerCase();
    } catch {
      return true;
    }
  }
  return false;
}

/** The host part of a Host header value, without the port ("[::1]:3000" → "::1"). */
export function hostName(hostHeader: string | null): string {
  if (!hostHeader) return "";
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith("[")) return h.slice(1, h.indexOf("]") > 0 ? h.indexOf("]") : undefined);
  return h.replace(/:\d+$/, "");
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1"]);

/**
 * Without a password the app trusts whoever reaches it, which is only safe on this machine.
 * Refusing other Host names blocks DNS-rebinding pages from reading the book through the browser.
 */
export function isAllowedHost(hostHeader: string | null, extra: string[] = []): boolean {
  const name = hostName(hostHeader);
  return LOOPBACK.has(name) || extra.map((e) => e.trim().toLowerCase()).includes(name);
}

// ---------------- where to go after signing in ----------------
/** C0/C1 controls, DEL, every Unicode space or separator, and invisible format characters (bidi marks, BOM). */
const CONTROL_OR_SPACE = /[\p{Cc}\p{Cf}\p{Z}\s]/u;
/** The same, but a plain space is allowed once decoded ("?q=Acme%20Ltd"): browsers keep it, they do not strip it. */
const CONTROL_OR_ODD_SPACE = /[\p{Cc}\p{Cf}\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\t\n\v\f\r]/u;
const MAX_DECODES = 3;

/**
 * Shapes a browser could read as another site: controls or whitespace (browsers strip tab and
 * newlines, so "/\t/evil" becomes "//evil"), a backslash anywhere (read as "/"), or a leading "//"
 * (a scheme-relative URL). `decoded` allows a plain space, which is harmless once percent-encoded.
 */
function looksOffSite(p: string, decoded: boolean): boolean {
  return !p.startsWith("/") || p.startsWith("//") || p.includes("\\") || (decoded ? CONTROL_OR_ODD_SPACE : CONTROL_OR_SPACE).test(p);
}

/**
 * Where to go after signing in: only a path on this site, never another one. Refused (→ "/"): anything
 * that is not a string starting with one "/"; controls or whitespace; backslashes; a leading "//" or
 * "/\"; the same hidden behind percent-encoding ("/%2F%2Fevil", "/%09/evil", "/%5Cevil", decoded up
 * to three times while it keeps changing); anything `new URL(p, base)` resolves to another origin or
 * normalises into "//…" ("/a/..//evil"); the sign-in page and the API. The answer is the normalised
 * path + query + fragment.
 */
export function safeNextPath(raw: unknown): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2000) return "/";
  if (looksOffSite(raw, false)) return "/";
  let current = raw;
  for (let i = 0; ; i++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(current);
    } catch {
      // a stray "%" in the original is malformed: refuse; after a decode it is a literal percent sign
      if (i === 0) return "/";
      break;
    }
    if (decoded === current) break;
    if (i >= MAX_DECODES || looksOffSite(decoded, true)) return "/";
    current = decoded;
  }
  const base = "http://walkaway.invalid";
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return "/";
  }
  if (url.origin !== base) return "/";
  const path = url.pathname + url.search + url.hash;
  if (looksOffSite(path, false)) return "/";
  if (url.pathname === "/login" || url.pathname.startsWith("/login/") || url.pathname.startsWith("/api/")) return "/";
  return path;
}
