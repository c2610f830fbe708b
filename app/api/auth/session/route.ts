import { authState, principal, signInEnabled } from "@/server/auth/state";

/** Whether sign-in is on and this request is signed in (the nav shows "Sign out" from it). */
export async function GET(req: Request) {
  const headers = { "cache-control": "no-store" };
  if (!signInEnabled()) return Response.json({ authRequired: false, signedIn: false }, { headers });
  // the session epoch cannot be read: not signed in, as far as anyone can tell
  const who = await authState().then((state) => principal(req.headers, state), () => null);
  return Response.json({ authRequired: true, signedIn: who?.kind === "session" }, { headers });
}
