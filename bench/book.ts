/**
 * The bench on one book: scoring in process (on one copy), then the server under load, write latency and
 * memory (on another copy). The generated book itself is only read (copied).
 */
import fs from "node:fs";
import path from "node:path";
import { errorText, fetchRetrying } from "./util";
import { failedRoute, load, routesFor, judgeRoutes, settle, externalRefs, CONNECTIONS, DURATION, type RouteResult } from "./load";
import { printScoring } from "./report";
import { benchScoring, type ScoringResult } from "./scoring";
import { memoryFigures, MemorySampler, serverLogTail, startServer, stopServer, waitForDayScores, type MemoryFigures } from "./server";
import { benchWrites, type WriteResult } from "./writes";

export interface BookResult {
  scale: number;
  file: string;
  scoring: ScoringResult;
  /** the day's whole-book scores, computed by the server in the background after start (its own log line) */
  dayScores: { clients: number; ms: number } | null;
  routes: RouteResult[];
  writes: WriteResult;
  memory: MemoryFigures;
  /** HTML of the measured pages, by URL pattern (for the first-load JS cross-check; not saved) */
  html: Map<string, string>;
  external: Record<string, string[]>;
  csp: Record<string, string | null>;
  tookSec: number;
}

/** "/clients/742" → "/clients/[id]": the build's page for a measured URL. */
const patternOf = (p: string) => p.split("?")[0].replace(/\/\d+(?=\/|$)/g, "/[id]");

function copyBook(file: string, to: string): string {
  fs.copyFileSync(file, to);
  return to;
}

export async function benchBook(scale: number, file: string, runDir: string, port: number, runs: number): Promise<BookResult> {
  const t0 = Date.now();
  console.log(`\n=== The ${scale}× book: ${file} ===`);
  process.stdout.write(`Scoring in process (${runs} interleaved runs)… `);
  const scoring = await benchScoring(copyBook(file, path.join(runDir, `scoring-${scale}x.db`)), runs);
  console.log("done.");
  printScoring(scale, scoring);

  const serverFile = copyBook(file, path.join(runDir, `server-${scale}x.db`));
  const base = `http://127.0.0.1:${port}`;
  console.log(`Starting the production server on ${base} (${CONNECTIONS} connections, ${DURATION} s per route)…`);
  const server = await startServer(serverFile, port, path.join(runDir, "backups"));
  const dayScores = await waitForDayScores(server);
  console.log(
    dayScores
      ? `  the day's scores: ${dayScores.clients} clients scored in the background in ${dayScores.ms} ms after start (a few clients per turn); the load starts after`
      : "  the day's scores were not reported within 180 s: the load starts anyway",
  );
  const sampler = new MemorySampler(server.pid!);
  const idleKiB = sampler.sample();
  const routes: RouteResult[] = [];
  const html = new Map<string, string>();
  const external: Record<string, string[]> = {};
  const csp: Record<string, string | null> = {};
  let writes: WriteResult;
  let hwm: ReturnType<MemorySampler["hwm"]> = [];
  sampler.start();
  try {
    let quickMs = 0;
    for (const r of routesFor(scoring.facts)) {
      if (quickMs) await settle(base, quickMs);
      process.stdout.write(`  ${r.method ?? "GET"} ${r.path} … `);
      let res: RouteResult;
      try {
        res = await load(base, r);
      } catch (e) {
        // the route could not be measured: recorded as failed (never met), and the run goes on
        res = failedRoute(r, errorText(e));
      }
      if (r.key === "health") quickMs = Math.max(25, 3 * res.aloneMs);
      routes.push(res);
      console.log(`${res.requests} responses, p95 ${res.lowerBound ? "≥ " : ""}${res.p95} ms, ${Math.round(res.bytes / 1024)} KiB${res.status >= 300 || res.non2xx ? ` (status ${res.status}, ${res.non2xx} non-2xx)` : ""}`);
      if (r.page && !res.note) {
        try {
          const page = await fetchRetrying(base + r.path);
          csp[r.path] = page.headers.get("content-security-policy");
          const text = await page.text();
          if (!html.has(patternOf(r.path))) html.set(patternOf(r.path), text);
          external[r.path] = externalRefs(text, base);
        } catch (e) {
          // without this page's HTML its outside resources and scripts go unchecked: said, not hidden
          csp[r.path] = null;
          console.log(`  (could not read ${r.path} for the resource checks: ${errorText(e)})`);
        }
      }
    }
    await settle(base, quickMs);
    process.stdout.write(`  write latency: logging a follow-up, then the client page… `);
    writes = await benchWrites(base, serverFile, scoring.facts.typical.id);
    console.log("done.");
    hwm = sampler.hwm();
  } catch (e) {
    const state = server.exitCode != null || server.signalCode != null ? `the server exited (${server.exitCode ?? server.signalCode})` : "the server is still running";
    throw new Error(`${e instanceof Error ? e.message : String(e)}${e instanceof Error && e.cause ? ` (${String(e.cause)})` : ""}; ${state}. Its last lines:\n${serverLogTail(server)}`);
  } finally {
    sampler.stop();
    await stopServer(server);
  }
  judgeRoutes(routes);
  return { scale, file, scoring, dayScores, routes, writes, memory: memoryFigures(idleKiB, sampler, hwm), html, external, csp, tookSec: Math.round((Date.now() - t0) / 1000) };
}
