/**
 * Sign-in building blocks, free of Next.js so they can be unit-tested: password hashing and
 * constant-time checks, signed session tokens with expiry, a login rate limiter, and the
 * request checks the proxy applies (same-site writes, loopback hosts).
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

// ---------------- session tokens ----------------
const b64url = (buf: Buffer) => buf.toString("base64url");

function mac(secret: Buffer, payload: string): Buffer {
  return createHmac("sha256", secret).update(payload).digest();
}

/** "v1.<expiry ms>.<random id>.<HMAC>": stateless, tamper-evident, expires on its own. */
export function signSession(secret: Buffer, now = Date.now(), ttlMs = SESSION_TTL_MS): { token: string; id: string; expiresAt: number } {
  const id = b64url(randomBytes(18));
  const expiresAt = now + ttlMs;
  const payload = `v1.${expiresAt}.${id}`;
  return { token: `${payload}.${b64url(mac(secret, payload))}`, id, expiresAt };
}

export type SessionCheck = { ok: true; id: string; expiresAt: number } | { ok: false; reason: "missing" | "malformed" | "bad-signature" | "expired" };

export function verifySession(secret: Buffer, token: string | undefined | null, now = Date.now()): SessionCheck {
  if (!token) return { ok: false, reason: "missing" };
  const m = /^v1\.(\d{1,15})\.([A-Za-z0-9_-]{16,64})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return { ok: false, reason: "malformed" };
  const payload = `v1.${m[1]}.${m[2]}`;
  const given = Buffer.from(m[3], "base64url");
  const expected = mac(secret, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "bad-signature" };
  const expiresAt = Number(m[1]);
  if (expiresAt <= now) return { ok: false, reason: "expired" };
  return { ok: true, id: m[2], expiresAt };
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

/** Where to go after signing in: only a local path, never another site ("//evil.example"). */
export function safeNextPath(raw: unknown): string {
  if (typeof raw !== "string" || !raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\") || raw.length > 2000) return "/";
  if (raw.startsWith("/login") || raw.startsWith("/api/")) return "/";
  return raw;
}
