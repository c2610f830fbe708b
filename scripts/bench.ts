// npm run bench [-- --scale N] — measure Walkaway on the bench books, the 1× (1,000 clients) and the 10×
// (10,000 clients) by default, generating a missing one first (npm run bench:data). Prints each book's
// tables, the growth from the 1× book and every target met or missed; writes bench/results.json.
// Method: docs/performance.md. The parts: bench/scoring.ts (in process), bench/load.ts (routes under
// load), bench/writes.ts (write latency), bench/server.ts, bench/first-load-js.ts, bench/report.ts.
//
// Environment: WALKAWAY_BENCH_DB (the 1× book; the N× book sits next to it as bench-Nx.db),
// BENCH_DURATION (seconds of load per route, default 10), BENCH_CONNECTIONS (default 20), BENCH_RUNS
// (in-process runs, default 9 on the 1× book, 3 on larger ones), BENCH_WRITE_ROUNDS (default 30),
// BENCH_QUICK_SAVES (default 10), BENCH_PORT (default: first free from 3400).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { BENCH_SCALES, benchCounts, benchDbPath, scaleArg } from "@/bench/config";
import { benchBook, type BookResult } from "@/bench/book";
import { firstLoadJs } from "@/bench/first-load-js";
import { CONNECTIONS, DURATION, ROUTE_P95_TARGET } from "@/bench/load";
import { growth, printBook, printGrowth, printVerdicts, verdicts, RSS_TARGET_MIB } from "@/bench/report";
import { ensureBuild, freePort } from "@/bench/server";
import { TARGETS_SCORING, TYPICAL_HISTORY_ROWS } from "@/bench/scoring";
import { round, table } from "@/bench/util";

const ROOT = process.cwd();
const runsFor = (scale: number) => Number(process.env.BENCH_RUNS ?? (scale === 1 ? 9 : 3));

/** The book of a scale, generated first when missing (same seed and anchor as npm run bench:data). */
function ensureBook(scale: number): string {
  const file = benchDbPath(scale);
  if (fs.existsSync(file)) return file;
  console.log(`No ${scale}× bench book at ${file}: generating it (npm run bench:data -- --scale ${scale})…`);
  const r = spawnSync(process.execPath, [path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), path.join(ROOT, "scripts", "bench-data.ts"), "--scale", String(scale)], {
    stdio: "inherit",
    env: process.env,
  });
  if (r.status !== 0 || !fs.existsSync(file)) throw new Error(`Generating the ${scale}× book failed`);
  return file;
}

function machine() {
  return { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? "", memGiB: round(os.totalmem() / 1024 ** 3, 1), node: process.version, platform: `${os.platform()} ${os.release()}` };
}

async function main() {
  const t0 = performance.now();
  const one = scaleArg(process.argv.slice(2));
  const scales = one ? [one] : [...BENCH_SCALES];
  const loadAverageAtStart = os.loadavg().map((l) => round(l, 2));
  console.log(`Bench books: ${scales.map((s) => `${s}×`).join(" and ")} (machine load average ${loadAverageAtStart.join(", ")} on ${os.cpus().length} CPUs)`);
  const files = scales.map(ensureBook);
  const built = await ensureBuild();
  if (built) console.log("Built the app.");
  const port = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : await freePort(3400);
  // copies of the books (the bench writes to them) and the server's backups: removed at the end
  const runDir = fs.mkdtempSync(path.join(path.dirname(files[0]), "run-"));
  const books: BookResult[] = [];
  try {
    for (let k = 0; k < scales.length; k++) {
      const b = await benchBook(scales[k], files[k], runDir, port, runsFor(scales[k]));
      books.push(b);
      printBook(b);
      for (const f of fs.readdirSync(runDir)) if (f.endsWith(".db") || f.endsWith("-wal") || f.endsWith("-shm")) fs.rmSync(path.join(runDir, f), { force: true });
    }
  } finally {
    fs.rmSync(runDir, { recursive: true, force: true });
  }

  const small = books.find((b) => b.scale === 1);
  const growthRows: Record<string, ReturnType<typeof growth>> = {};
  if (small)
    for (const big of books.filter((b) => b !== small)) {
      const rows = growth(small, big);
      growthRows[`${small.scale}× → ${big.scale}×`] = rows;
      printGrowth(small, big, rows);
    }

  // first-load JS: the build's, checked against the HTML of the first book's pages
  const js = firstLoadJs(books[0].html);
  console.log(`\nFirst-load JavaScript per page (gzip; the framework's shared chunks are ${js.sharedGzipKiB} KiB of it):`);
  console.log(
    table(
      ["page", "chunks", "gzip KiB", "page's own KiB", "recharts", "HTML cross-check"],
      js.pages.map((p) => [p.page, p.chunks, p.gzipKiB, p.pageOnlyGzipKiB, p.recharts ? `yes (${p.rechartsGzipKiB} KiB)` : "no", !p.htmlChecked ? "—" : p.htmlScriptsNotInManifest.length ? `${p.htmlScriptsNotInManifest.length} scripts not in the manifest` : "same scripts"]),
    ),
  );
  const external = Object.assign({}, ...books.map((b) => b.external)) as Record<string, string[]>;
  const csps = books.flatMap((b) => Object.values(b.csp));
  const externalAny = Object.values(external).some((v) => v.length > 0);
  const sameOriginOnly = csps.every((v) => !!v && /default-src 'self'/.test(v) && /connect-src 'self'(;|$)/.test(v) && !/script-src[^;]*https?:/.test(v));
  console.log(`External resources referenced by the measured pages: ${externalAny ? JSON.stringify(external) : "none"}; Content-Security-Policy limits them to the app itself: ${sameOriginOnly ? "yes" : "NO"}.`);

  const v = verdicts(books, growthRows);
  printVerdicts(v);

  const out = {
    generatedAt: new Date().toISOString(),
    machine: { ...machine(), loadAverageAtStart, loadAverageAtEnd: os.loadavg().map((l) => round(l, 2)) },
    method: {
      connections: CONNECTIONS,
      durationSec: DURATION,
      scoringRuns: Object.fromEntries(scales.map((s) => [`${s}x`, runsFor(s)])),
      midSizedClientHistoryRows: TYPICAL_HISTORY_ROWS,
      percentiles: "nearest rank over every response's latency (autocannon 'response' events)",
    },
    targets: { ...TARGETS_SCORING, routeP95VsTrivial: ROUTE_P95_TARGET, peakRssMiB: RSS_TARGET_MIB, growthFixedCost: 1.2, growthWholeBook: 10 },
    books: Object.fromEntries(books.map(({ html: _html, ...b }) => [`${b.scale}x`, { ...b, expected: benchCounts(b.scale) }])),
    growth: growthRows,
    verdicts: v,
    allMet: v.every((x) => x.met),
    firstLoadJs: { ...js, externalResources: external, noExternalResources: !externalAny, cspSameOriginOnly: sameOriginOnly, csp: csps[0] ?? null },
    tookSec: round((performance.now() - t0) / 1000, 1),
  };
  const target = process.env.BENCH_RESULTS || path.join(ROOT, "bench", "results.json");
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, JSON.stringify(out, null, 2) + "\n");
  console.log(`\nWrote ${path.relative(ROOT, target)} (${out.tookSec} s).`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
