import { NextResponse } from "next/server";
import { z } from "@/lib/zod";
import { safeNextPath, signSession, verifyPassword } from "@/server/auth/session";
import { fieldErrors } from "@/lib/schemas";
import { authState, clientKey, currentEpoch, isHttps, sessionCookie, signInEnabled, type AuthState } from "@/server/auth/state";
import { toAppError } from "@/server/errors";

const MAX_LOGIN_BODY = 16 * 1024;
const loginSchema = z.object({
  password: z.string({ error: "Enter the password" }).min(1, "Enter the password").max(1024, "That is not the password"),
  next: z.string().max(2000).optional(),
});

/** A relative Location: req.url in a route handler names the bind address (localhost), not the host the browser used. */
const seeOther = (location: string) => new NextResponse(null, { status: 303, headers: { location } });

const json = (status: number, message: string, fields?: Record<string, string[]>, headers?: HeadersInit) =>
  NextResponse.json({ error: { message, ...(fields ? { fields } : {}) } }, { status, headers });

async function readBody(req: Request): Promise<{ form: boolean; value: unknown } | Response> {
  const type = req.headers.get("content-type") ?? "";
  const form = /^application\/x-www-form-urlencoded\b/i.test(type);
  if (!form && !/^application\/json\b/i.test(type)) return json(415, "Send the password as JSON or a form");
  if (Number(req.headers.get("content-length") ?? 0) > MAX_LOGIN_BODY) return json(413, "Body too large");
  const text = await req.text();
  if (text.length > MAX_LOGIN_BODY) return json(413, "Body too large");
  if (form) return { form, value: Object.fromEntries(new URLSearchParams(text)) };
  try {
    return { form, value: JSON.parse(text) };
  } catch {
    return { form, value: null };
  }
}

/**
 * Sign in with WALKAWAY_PASSWORD. JSON in → JSON out (the login page uses fetch); a plain form
 * post (no JavaScript) gets redirects. Failed attempts are limited per client and overall.
 */
export async function POST(req: Request) {
  if (!signInEnabled()) return json(404, "Sign-in is off: this Walkaway has no password set.");
  let state: AuthState;
  try {
    state = await authState();
  } catch (e) {
    return json(503, `Sign-in is unavailable: ${toAppError(e).message}`);
  }
  const key = clientKey(req.headers);
  const limit = state.limiter.check(key);
  if (!limit.allowed)
    return json(429, `Too many attempts. Try again in ${limit.retryAfterSeconds} seconds.`, { password: ["Too many attempts, wait a minute"] }, { "retry-after": String(limit.retryAfterSeconds) });

  const body = await readBody(req);
  if (body instanceof Response) return body;
  const parsed = loginSchema.safeParse(body.value);
  if (!parsed.success) return json(400, "Enter the password", fieldErrors(parsed.error));
  const next = safeNextPath(parsed.data.next);

  if (!verifyPassword(parsed.data.password, state.password!)) {
    state.limiter.recordFailure(key);
    if (body.form) return seeOther(`/login?error=wrong&next=${encodeURIComponent(next)}`);
    return json(401, "Wrong password", { password: ["Wrong password"] });
  }
  state.limiter.recordSuccess(key);
  let token: string;
  try {
    // issued under the epoch of the moment: a later sign-out (here or in another browser) ends it
    token = signSession(state.secret, currentEpoch(state)).token;
  } catch (e) {
    return json(503, `Sign-in is unavailable: ${toAppError(e).message}`);
  }
  const res = body.form ? seeOther(next) : NextResponse.json({ ok: true, next });
  res.cookies.set(sessionCookie(token, isHttps(req)));
  res.headers.set("cache-control", "no-store");
  return res;
}
