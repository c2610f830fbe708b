import { NextResponse } from "next/server";
import { SESSION_COOKIE } from "@/server/auth/session";
import { authState, isHttps, principal, revokeSession } from "@/server/auth/state";

/** Sign out: the session id is revoked (a copied cookie stops working too) and the cookie cleared. */
export async function POST(req: Request) {
  const state = authState();
  const who = principal(req.headers, state);
  if (who?.kind === "session") revokeSession(state, who.id, who.expiresAt);
  const wantsJson = (req.headers.get("accept") ?? "").includes("application/json");
  // a relative Location: req.url names the bind address (localhost), not the host the browser used
  const res = wantsJson ? NextResponse.json({ ok: true }) : new NextResponse(null, { status: 303, headers: { location: "/login" } });
  res.cookies.set({ name: SESSION_COOKIE, value: "", httpOnly: true, sameSite: "strict", path: "/", secure: isHttps(req), maxAge: 0 });
  res.headers.set("cache-control", "no-store");
  return res;
}
