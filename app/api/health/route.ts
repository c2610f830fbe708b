import { readyDb } from "@/db/connection";

/** Liveness and database check; also the trivial route the benchmarks compare against. */
export async function GET() {
  const db = await readyDb();
  const ok = db.$client.prepare("SELECT 1 AS ok").get() as { ok: number };
  return Response.json({ ok: ok.ok === 1 });
}
