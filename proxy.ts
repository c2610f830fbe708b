/**
 * Runs before every page, API route and server action (Next 16 proxy, Node.js runtime):
 * 1. without a password, answer only requests addressed to this machine (DNS rebinding);
 * 2. refuse state-changing requests a browser sends from another site (CSRF): API writes, and
 *    server actions on top of Next's own origin check;
 * 3. with WALKAWAY_PASSWORD set, require a signed-in session issued under the current session epoch
 *    (read from the database: sign-out and a password change end every session), or the API bearer token.
 * Static security headers come from next.config.mjs headers(); Next adds them to the responses made
 * here too (tests/integration/headers.test.ts checks a 403 from this file).
 */
import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE, isAllowedHost, isCrossSiteWrite, safeNextPath } from "@/server/auth/session";
import { authState, principal, signInEnabled, type AuthState } from "@/server/auth/state";
import { toAppError } from "@/server/errors";

/** Reachable without signing in: the sign-in page and endpoints, and the health check. */
const PUBLIC_PATHS = new Set(["/login", "/api/auth/login", "/api/auth/logout", "/api/auth/session", "/api/health"]);

/**
 * A client's proposal link and its answer route (app/(public)/p/): the 256-bit secret in the path is the
 * access, so they are reachable without signing in. The page is any one segment after /p/ (after the
 * URL's own normalisation of "..", "%2e%2e"): the page itself refuses a malformed token before any query,
 * with the same "This link is not valid" 404 as an unknown one, instead of the freelancer's login page.
 * The answer route only with a well-formed token. Nothing else of the app hides behind either.
 */
const PROPOSAL_PAGE = /^\/p\/[^/]+$/;
const PROPOSAL_ANSWER = /^\/p\/[A-Za-z0-9_-]{43}\/answer$/;

/**
 * Reading the page, or posting the answer form: nothing else. A server action (`next-action`) can be
 * posted to any page's path, so one sent to a link's path still needs a session like everywhere else.
 */
function isProposalLinkRequest(request: NextRequest): boolean {
  if (request.headers.has("next-action")) return false;
  const { pathname } = request.nextUrl;
  if (PROPOSAL_PAGE.test(pathname)) return request.method === "GET" || request.method === "HEAD";
  return PROPOSAL_ANSWER.test(pathname) && request.method === "POST";
}

/**
 * The link is a secret: its pages are never cached or indexed, and never sent on as a referrer to another
 * site ("same-origin": "no-referrer" would make browsers send `Origin: null` with the answer form, which
 * the cross-site rule above rightly refuses).
 */
function privateLink(res: NextResponse): NextResponse {
  res.headers.set("cache-control", "no-store");
  res.headers.set("referrer-policy", "same-origin");
  res.headers.set("x-robots-tag", "noindex, nofollow");
  return res;
}

/** Answers about access are never cached (by the browser or anything between). */
function noStore(res: NextResponse): NextResponse {
  res.headers.set("cache-control", "no-store");
  return res;
}

const jsonError = (status: number, message: string, fields?: Record<string, string[]>, headers?: Record<string, string>) =>
  noStore(NextResponse.json({ error: { message, ...(fields ? { fields } : {}) } }, { status, headers }));

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isApi = pathname.startsWith("/api/");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const enabled = signInEnabled();

  if (!enabled) {
    const extra = (process.env.WALKAWAY_ALLOWED_HOSTS ?? "").split(",").filter(Boolean);
    if (!isAllowedHost(request.headers.get("host"), extra))
      return jsonError(403, "Walkaway without a password only answers on this machine (127.0.0.1 / localhost). Set WALKAWAY_PASSWORD to serve other hosts.");
  }

  if (isCrossSiteWrite(request.method, request.headers, host))
    return jsonError(403, "Cross-site request refused: send it from Walkaway itself, or from a script without a browser Origin.", {
      origin: ["Requests that change data must come from this site"],
    });

  if (isProposalLinkRequest(request)) return privateLink(NextResponse.next());
  if (!enabled || PUBLIC_PATHS.has(pathname)) return NextResponse.next();
  // the first time: waits for the migrations and the start-up password check (server/auth/state.ts)
  let state: AuthState;
  try {
    state = await authState();
  } catch (e) {
    // the session epoch cannot be read: refuse (fail closed), with the database's own words
    return jsonError(503, `Sign-in is unavailable: ${toAppError(e).message}`);
  }
  if (principal(request.headers, state)) return NextResponse.next();
  // A form saved from a page whose session has ended (it still sends the old cookie): a redirect would
  // throw the page, and what was typed, away. Every server action checks the session itself
  // (app/actions/_lib/safe-action.ts) and answers "Sign in first" as a form state, so let it answer.
  // With no cookie at all it is not a stale tab: refused here as before.
  if (request.method === "POST" && request.headers.has("next-action") && request.cookies.has(SESSION_COOKIE)) return NextResponse.next();

  if (isApi) return jsonError(401, "Sign in first, or send Authorization: Bearer <WALKAWAY_API_TOKEN>.", undefined, { "www-authenticate": 'Bearer realm="walkaway"' });
  const login = new URL("/login", request.url);
  const next = safeNextPath(pathname + search);
  if (next !== "/") login.searchParams.set("next", next);
  return noStore(NextResponse.redirect(login, 303));
}

export const config = {
  // everything except the build's static files: pages, API routes and server actions all pass here
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
