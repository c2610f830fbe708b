import { isHealthy, readyDb } from "@/server/database";


/** Liveness and database check; also the trivial route the benchmarks compare against. */
export async function GET() {
  const db = await readyDb();
  return Response.json({ ok: isHealthy(db) });
}
