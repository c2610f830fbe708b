/**
 * The process's sign-in state: the password's scrypt hash (computed once from WALKAWAY_PASSWORD), the
 * session-signing secret (WALKAWAY_SECRET, or random per process start), the login rate limiter and
 * the database that holds the session epoch. Kept on globalThis because proxy.ts and the route
 * handlers are separate bundles in one process: module-level state would not be shared between them.
 *
 * Ending sessions: every cookie carries the epoch it was issued under (server/auth/session.ts), and the
 * epoch lives in the database (auth_state), so sign-out and a password change end every session, also
 * across restarts. The epoch is read from the database on every request that carries a cookie (one
 * cached prepared statement, about 2 µs measured): there is no in-memory copy that could go stale when
 * another process (a second server, a script) moves it on.
 */
import { createHash, randomBytes } from "node:crypto";
import { bumpSessionEpoch, findAuthState, readSessionEpoch, savePasswordFingerprint } from "@/db/auth";
import { writeTransaction, type DB, type DbOrTx } from "@/db/connection";
import { readyDb } from "@/server/database";
import { databasePath, readEnv, type Env } from "@/server/env";
import { LoginRateLimiter, SESSION_COOKIE, SESSION_TTL_MS, fingerprintMatches, hashPassword, passwordFingerprint, safeEqual, verifySession, type PasswordHash } from "./session";

export interface AuthState {
  enabled: boolean;
  password: PasswordHash | null;
  apiToken: string | null;
  secret: Buffer;
  limiter: LoginRateLimiter;
  /** the migrated connection that holds auth_state; null while sign-in is off (no sessions, no database needed) */
  db: DB | null;
}

/** Whether sign-in is on (WALKAWAY_PASSWORD is set): read from the environment alone, no database needed. */
export function signInEnabled(): boolean {
  return Boolean(readEnv().WALKAWAY_PASSWORD);
}

/**
 * At start (the first time authState() is built, after the migrations): if WALKAWAY_PASSWORD is not the
 * one the stored fingerprint was made from, move the session epoch on and store the new fingerprint, so
 * every session signed in under the old password is refused. The first start creates the row (epoch 1).
 * The scrypt comparison runs outside the write lock; the write re-reads the row inside it.
 */
export function syncPasswordEpoch(db: DbOrTx, password: string): { epoch: number; changed: boolean } {
  const before = findAuthState(db);
  if (before && fingerprintMatches(password, before.passwordFingerprint)) return { epoch: before.sessionEpoch, changed: false };
  const fingerprint = passwordFingerprint(password);
  return writeTransaction(db, (tx) => {
    const row = findAuthState(tx);
    // another process synced in between: its fingerprint may already be this password's
    if (row && row.passwordFingerprint !== (before?.passwordFingerprint ?? null) && fingerprintMatches(password, row.passwordFingerprint))
      return { epoch: row.sessionEpoch, changed: false };
    savePasswordFingerprint(tx, fingerprint);
    // a new row starts at epoch 1: no cookie can carry it yet (earlier cookies are another format)
    if (!row) return { epoch: readSessionEpoch(tx)!, changed: false };
    return { epoch: bumpSessionEpoch(tx), changed: true };
  });
}

/**
 * Sign-out: move the epoch on, so this session and every other one (another browser, a copied cookie)
 * is refused from now on, across restarts. Returns only after the commit; throws if it did not happen.
 */
export function endAllSessions(state: AuthState): number {
  if (!state.db || !state.password) throw new Error("sign-in is off: there are no sessions to end");
  return writeTransaction(state.db, (tx) => bumpSessionEpoch(tx));
}

/** The epoch a new session is issued under (the row is recreated if someone deleted it). */
export function currentEpoch(state: AuthState): number {
  const password = readEnv().WALKAWAY_PASSWORD;
  if (!state.db || !password) throw new Error("sign-in is off: no session is issued");
  return readSessionEpoch(state.db) ?? syncPasswordEpoch(state.db, password).epoch;
}

/**
 * With a password: wait for the migrations, then compare the password with the stored fingerprint
 * (syncPasswordEpoch) before any cookie is checked. If that cannot be recorded, nothing is served
 * (fail closed: a changed password whose old sessions we cannot end). Without a password there are no
 * sessions, and the database is not touched (the proxy keeps answering, /api/health reports the DB).
 */
async function buildState(env: Env): Promise<AuthState> {
  const password = env.WALKAWAY_PASSWORD ?? null;
  let db: DB | null = null;
  if (password !== null) {
    db = await readyDb();
    const { epoch, changed } = syncPasswordEpoch(db, password);
    if (changed) console.info(`[walkaway] WALKAWAY_PASSWORD changed since the last start: every earlier session is signed out (session epoch ${epoch}).`);
  }
  return {
    enabled: password !== null,
    password: password !== null ? hashPassword(password) : null,
    apiToken: env.WALKAWAY_API_TOKEN ?? null,
    secret: env.WALKAWAY_SECRET ? Buffer.from(env.WALKAWAY_SECRET, "utf8") : randomBytes(32),
    limiter: new LoginRateLimiter(5, 20, 60_000),
    db,
  };
}

const g = globalThis as unknown as { __walkawayAuth?: { key: string; state: Promise<AuthState> } };

/**
 * The sign-in state, built once per process (and again if the environment changes, as in tests). The
 * first call waits for the migrations (readyDb) and runs syncPasswordEpoch; concurrent first requests
 * share that one promise. A failed build is forgotten, so the next request tries again.
 */
export function authState(): Promise<AuthState> {
  const env = readEnv();
  const key = createHash("sha256")
    .update(JSON.stringify([env.WALKAWAY_PASSWORD ?? null, env.WALKAWAY_API_TOKEN ?? null, env.WALKAWAY_SECRET ?? null, databasePath(env)]))
    .digest("hex");
  const cached = g.__walkawayAuth;
  if (cached && cached.key === key) return cached.state;
  const state = buildState(env);
  g.__walkawayAuth = { key, state };
  state.catch(() => {
    if (g.__walkawayAuth?.state === state) g.__walkawayAuth = undefined;
  });
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

export type Principal = { kind: "session"; id: string; epoch: number; expiresAt: number } | { kind: "token" };

/**
 * Who is asking: the bearer token (API; sessions ending does not touch it), or a session cookie that
 * is signed, not expired and issued under the current epoch (read from the database now).
 */
export function principal(headers: Headers, state: AuthState, now = Date.now()): Principal | null {
  const auth = headers.get("authorization");
  if (auth && state.apiToken) {
    const m = /^Bearer\s+(\S{1,512})$/i.exec(auth);
    if (m && safeEqual(m[1], state.apiToken)) return { kind: "token" };
  }
  const token = cookieValue(headers.get("cookie"), SESSION_COOKIE);
  if (!token || !state.db) return null;
  const epoch = readSessionEpoch(state.db);
  // no row: nothing was ever issued under it, refuse
  if (epoch === undefined) return null;
  const check = verifySession(state.secret, token, epoch, now);
  if (!check.ok) return null;
  return { kind: "session", id: check.id, epoch: check.epoch, expiresAt: check.expiresAt };
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
  if (!signInEnabled()) return true;
  const state = await authState();
  const { headers } = await import("next/headers");
  return principal(await headers(), state) !== null;
}
