import { authState, principal } from "@/server/auth/state";

/** Whether sign-in is on and this request is signed in (the nav shows "Sign out" from it). */
export async function GET(req: Request) {
  const state = authState();
  const who = state.enabled ? principal(req.headers, state) : null;
  return Response.json({ authRequired: state.enabled, signedIn: who?.kind === "session" }, { headers: { "cache-control": "no-store" } });
}
