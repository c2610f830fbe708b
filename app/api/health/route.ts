import { databaseHealth } from "@/server/database";

/** Liveness and the database's state (200 when it can be used, 503 with the reason when not); also the benchmarks' trivial route. */
export async function GET() {
  const health = await databaseHealth();
  return Response.json(health, { status: health.ok ? 200 : 503 });
}
