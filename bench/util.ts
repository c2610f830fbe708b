/** Small helpers shared by the bench's parts (scripts/bench.ts): statistics, tables, timing. */
import { performance } from "node:perf_hooks";

export const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
export const kib = (bytes: number) => round(bytes / 1024, 1);

export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** A Markdown table, first column left-aligned, the rest right-aligned. */
export function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const w = head.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join(" | ")} |`;
  return [line(cells[0]), `| ${w.map((n, i) => (i === 0 ? "-".repeat(n) : "-".repeat(n - 1) + ":")).join(" | ")} |`, ...cells.slice(1).map(line)].join("\n");
}

export const metWord = (met: boolean | null | undefined) => (met == null ? "—" : met ? "met" : "MISSED");

export interface Timed {
  medianMs: number;
  cpuMedianMs: number;
  runsMs: number[];
}

/** A measure: `run` is timed; `before` (untimed) prepares it, e.g. the write a rescore follows. */
export type Measure = (() => unknown) | { before: () => void; run: () => unknown };

/**
 * Median wall and CPU time of each measure over `runs` rounds after one warm-up round, the measures
 * interleaved so a slow moment of the machine hits every one of them alike.
 */
export function timeRuns(measures: Record<string, Measure>, runs: number): Record<string, Timed> {
  const keys = Object.keys(measures);
  const wall: Record<string, number[]> = Object.fromEntries(keys.map((k) => [k, []]));
  const cpu: Record<string, number[]> = Object.fromEntries(keys.map((k) => [k, []]));
  for (let r = -1; r < runs; r++) {
    for (const k of keys) {
      const m = measures[k];
      const run = typeof m === "function" ? m : m.run;
      if (typeof m !== "function") m.before();
      const c = process.cpuUsage();
      const t = performance.now();
      run();
      const ms = performance.now() - t;
      const d = process.cpuUsage(c);
      if (r < 0) continue; // warm-up (JIT, page cache, today's whole-book scores)
      wall[k].push(ms);
      cpu[k].push((d.user + d.system) / 1000);
    }
  }
  return Object.fromEntries(
    keys.map((k) => [k, { medianMs: round(median(wall[k]), 2), cpuMedianMs: round(median(cpu[k]), 2), runsMs: wall[k].map((x) => round(x, 2)) }]),
  );
}

/** Mean time of a call too quick to time once (a cache hit), over `calls` calls. */
export function meanOf(fn: () => unknown, calls: number): number {
  fn();
  const t = performance.now();
  for (let i = 0; i < calls; i++) fn();
  return round((performance.now() - t) / calls, 4);
}

/** Median and p95 (nearest rank) of a handful of sequential timings. */
export function summary(ms: number[]): { n: number; medianMs: number; p95Ms: number } {
  const s = [...ms].sort((a, b) => a - b);
  return { n: s.length, medianMs: round(median(s), 1), p95Ms: round(percentile(s, 95), 1) };
}

/**
 * fetch, tried again after a pause when the connection itself fails (a keep-alive socket the server closed
 * as it was reused, ECONNRESET): only for requests that change nothing.
 */
export async function fetchRetrying(url: string, init?: RequestInit, tries = 3): Promise<Response> {
  for (let k = 1; ; k++) {
    try {
      return await fetch(url, init);
    } catch (e) {
      if (k >= tries) throw e;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

/** A fetch error with its cause ("fetch failed (read ECONNRESET)"). */
export const errorText = (e: unknown) => (e instanceof Error ? `${e.message}${e.cause instanceof Error ? ` (${e.cause.message})` : ""}` : String(e));
