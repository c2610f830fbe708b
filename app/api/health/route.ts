import { signInEnabled } from "@/server/auth/state";
import { databaseHealth } from "@/server/database";

/** Liveness and the database's state (200 when it can be used, 503 with the reason when not); also the benchmarks' trivial route. */
export async function GET() {
  const health = await databaseHealth();
  // public even with a password: say whether it works, not where the book lives
  const body = signInEnabled() ? { ok: health.ok, database: { state: health.database.state } } : health;
  return Response.json(body, { status: health.ok ? 200 : 503 });
}
