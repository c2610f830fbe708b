/**
 * The process's sign-in state: the password's scrypt hash (computed once from WALKAWAY_PASSWORD),
 * the session-signing secret (WALKAWAY_SECRET, or random per process start), the login rate
 * limiter and signed-out session ids. Kept on globalThis because proxy.ts and the route handlers
 * are separate bundles in one process: module-level state would not be shared between them.
 */
import { createHash, randomBytes } from "node:crypto";
import { readEnv } from "@/server/env";
import { LoginRateLimiter, SESSION_COOKIE, SESSION_TTL_MS, hashPassword, safeEqual, verifySession, type PasswordHash } from "./session";

export interface AuthState {
  enabled: boolean;
  password: PasswordHash | null;
  apiToken: string | null;
  secret: Buffer;
  limiter: LoginRateLimiter;
  /** session id → expiry (ms): signed out before expiry */
  revoked: Map<string, number>;
}

const g = globalThis as unknown as { __walkawayAuth?: { key: string; state: AuthState } };

export function authState(): AuthState {
  const env = readEnv();
  // keyed by a digest of the settings so a changed environment (tests) is picked up
  const key = createHash("sha256")
    .update(JSON.stringify([env.WALKAWAY_PASSWORD ?? null, env.WALKAWAY_API_TOKEN ?? null, env.WALKAWAY_SECRET ?? null]))
    .digest("hex");
  const cached = g.__walkawayAuth;
  if (cached && cached.key === key) return cached.state;
  const state: AuthState = {
    enabled: Boolean(env.WALKAWAY_PASSWORD),
    password: env.WALKAWAY_PASSWORD ? hashPassword(env.WALKAWAY_PASSWORD) : null,
    apiToken: env.WALKAWAY_API_TOKEN ?? null,
    secret: env.WALKAWAY_SECRET ? Buffer.from(env.WALKAWAY_SECRET, "utf8") : randomBytes(32),
    limiter: new LoginRateLimiter(5, 20, 60_000),
    revoked: new Map(),
  };
  g.__walkawayAuth = { key, state };
  return state;
}

function cookieValue(cookieHeader: string | null, name: string): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

export type Principal = { kind: "session"; id: string; expiresAt: number } | { kind: "token" };

/** Who is asking: a valid, not signed-out session cookie, or (for the API) the bearer token. */
export function principal(headers: Headers, state = authState(), now = Date.now()): Principal | null {
  const auth = headers.get("authorization");
  if (auth && state.apiToken) {
    const m = /^Bearer\s+(\S{1,512})$/i.exec(auth);
    if (m && safeEqual(m[1], state.apiToken)) return { kind: "token" };
  }
  const check = verifySession(state.secret, cookieValue(headers.get("cookie"), SESSION_COOKIE), now);
  if (!check.ok) return null;
  if (state.revoked.has(check.id)) return null;
  return { kind: "session", id: check.id, expiresAt: check.expiresAt };
}

export function revokeSession(state: AuthState, id: string, expiresAt: number, now = Date.now()) {
  for (const [k, exp] of state.revoked) if (exp <= now) state.revoked.delete(k);
  state.revoked.set(id, expiresAt);
}

/** Set-Cookie attributes: never readable by scripts, never sent on cross-site requests. */
export function sessionCookie(token: string, secure: boolean) {
  return { name: SESSION_COOKIE, value: token, httpOnly: true, sameSite: "strict" as const, path: "/", secure, maxAge: Math.floor(SESSION_TTL_MS / 1000) };
}

/** The client address as the server sees it (the first X-Forwarded-For entry), for rate limiting. */
export function clientKey(headers: Headers): string {
  return (headers.get("x-forwarded-for") ?? "").split(",")[0].trim().slice(0, 64) || "unknown";
}

export function isHttps(req: Request): boolean {
  return (req.headers.get("x-forwarded-proto") ?? new URL(req.url).protocol.replace(":", "")) === "https";
}

/**
 * For server actions: the proxy already guards every POST, but an action is reachable from any page's
 * URL, so each one checks again.
 */
export async function isSignedIn(): Promise<boolean> {
  const state = authState();
  if (!state.enabled) return true;
  const { headers } = await import("next/headers");
  return principal(await headers(), state) !== null;
}
