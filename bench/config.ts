/** Shared by scripts/bench-data.ts and scripts/bench.ts: where the bench book lives and how big it is. */
import path from "node:path";
import { today } from "@/server/clock";

export const BENCH_COUNTS = {
  services: 20,
  clients: 1_000,
  quotes: 10_000,
  /** negotiation events and interactions, together */
  eventsAndInteractions: 100_000,
} as const;

/** WALKAWAY_BENCH_DB, else bench/data/bench.db (git-ignored). */
export function benchDbPath(): string {
  return path.resolve(process.env.WALKAWAY_BENCH_DB || path.join(process.cwd(), "bench", "data", "bench.db"));
}

/** The day the generated history ends: BENCH_TODAY (YYYY-MM-DD) or today in UTC. */
export function benchToday(): string {
  const v = process.env.BENCH_TODAY;
  if (v && /^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  return today();
}
