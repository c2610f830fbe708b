import { NextResponse } from "next/server";
import { SESSION_COOKIE } from "@/server/auth/session";
import { authState, endAllSessions, isHttps, principal, signInEnabled } from "@/server/auth/state";
import { toAppError } from "@/server/errors";

/**
 * Sign out: the session epoch moves on in the database, so every session ends (this browser, any other,
 * a copied cookie), also after a restart. Only a signed-in request can do that (anyone can reach this
 * route); without a session the cookie is just cleared. If the database did not save the new epoch,
 * nothing is acknowledged: the answer is an error and the cookie is kept, so the user can try again.
 */
export async function POST(req: Request) {
  const wantsJson = (req.headers.get("accept") ?? "").includes("application/json");
  if (signInEnabled()) {
    try {
      const state = await authState();
      if (principal(req.headers, state)?.kind === "session") endAllSessions(state);
    } catch (e) {
      const err = toAppError(e);
      const message = `Not signed out: ${err.message}`;
      const status = err.status >= 500 ? err.status : 503;
      const res = wantsJson ? NextResponse.json({ error: { message } }, { status }) : new NextResponse(message, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
      res.headers.set("cache-control", "no-store");
      return res;
    }
  }
  // a relative Location: req.url names the bind address (localhost), not the host the browser used
  const res = wantsJson ? NextResponse.json({ ok: true }) : new NextResponse(null, { status: 303, headers: { location: "/login" } });
  res.cookies.set({ name: SESSION_COOKIE, value: "", httpOnly: true, sameSite: "strict", path: "/", secure: isHttps(req), maxAge: 0 });
  res.headers.set("cache-control", "no-store");
  return res;
}
