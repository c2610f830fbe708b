/** Shared by scripts/bench-data.ts and scripts/bench.ts: where each bench book lives and how big it is. */
import path from "node:path";
import { today } from "@/server/clock";

/** The 1× book; scale N multiplies every count but the rate card by N. */
export const BENCH_COUNTS = {
  services: 20,
  clients: 1_000,
  quotes: 10_000,
  /** negotiation events and interactions, together */
  eventsAndInteractions: 100_000,
} as const;

/** The scales `npm run bench` measures by default: the 1,000-client book and the 10,000-client one. */
export const BENCH_SCALES = [1, 10] as const;

export type BenchCounts = { services: number; clients: number; quotes: number; eventsAndInteractions: number };

export function benchCounts(scale: number): BenchCounts {
  return {
    services: BENCH_COUNTS.services,
    clients: BENCH_COUNTS.clients * scale,
    quotes: BENCH_COUNTS.quotes * scale,
    eventsAndInteractions: BENCH_COUNTS.eventsAndInteractions * scale,
  };
}

/**
 * The book of a scale: WALKAWAY_BENCH_DB or bench/data/bench.db for scale 1 (git-ignored); scale N is the
 * same path with `-Nx` before the extension (bench/data/bench-10x.db).
 */
export function benchDbPath(scale = 1): string {
  const base = path.resolve(process.env.WALKAWAY_BENCH_DB || path.join(process.cwd(), "bench", "data", "bench.db"));
  if (scale === 1) return base;
  const ext = path.extname(base);
  return `${base.slice(0, base.length - ext.length)}-${scale}x${ext}`;
}

/** `--scale N` (or `--scale=N`) from the command line: a whole number from 1 to 100, or null when absent. */
export function scaleArg(argv: readonly string[]): number | null {
  const k = argv.findIndex((a) => a === "--scale" || a.startsWith("--scale="));
  if (k < 0) return null;
  const raw = argv[k].includes("=") ? argv[k].slice("--scale=".length) : argv[k + 1];
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new Error(`--scale takes a whole number from 1 to 100 (got ${raw ?? "nothing"})`);
  return n;
}

/** The day the generated history ends: BENCH_TODAY (YYYY-MM-DD) or today in UTC. */
export function benchToday(): string {
  const v = process.env.BENCH_TODAY;
  if (v && /^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  return today();
}
