// npm run bench — measure Walkaway on the large bench book (npm run bench:data first), in one process
// so the ratios are fair. Prints a table and writes bench/results.json. Method: docs/performance.md.
//
//   1. scoring the whole book (what scoreAllClients does) against a raw SQL aggregate over the same rows;
//   2. the production server under 20 concurrent connections (autocannon), route by route, against the
//      trivial route /api/health of the same server; peak RSS of the server during the load;
//   3. first-load JavaScript per page, from the build's manifests (gzip sizes).
//
// Environment: WALKAWAY_BENCH_DB (the book), BENCH_DURATION (seconds of load per route, default 10),
// BENCH_CONNECTIONS (default 20), BENCH_RUNS (scoring runs, default 9), BENCH_PORT (default: first free from 3400).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import vm from "node:vm";
import zlib from "node:zlib";
import { performance } from "node:perf_hooks";
import autocannon, { type Result as LoadResult } from "autocannon";
import { openDatabase, type DB } from "@/db/connection";
import { migrateDatabase } from "@/db/migrate";
import { getSettings } from "@/db/settings";
import { listServices } from "@/db/services";
import { loadAllHistories } from "@/server/history";
import * as scores from "@/server/scores";
import { assessClient } from "@/lib/worth";
import { BENCH_COUNTS, benchDbPath } from "@/bench/config";

const ROOT = process.cwd();
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const RUNS = Number(process.env.BENCH_RUNS ?? 9);

const TARGETS = { scoringRatio: 3, routeP95Ratio: 5 } as const;

// ---------------- helpers ----------------
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const w = head.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join(" | ")} |`;
  return [line(cells[0]), `| ${w.map((n, i) => (i === 0 ? "-".repeat(n) : "-".repeat(n - 1) + ":")).join(" | ")} |`, ...cells.slice(1).map(line)].join("\n");
}
const kib = (bytes: number) => round(bytes / 1024, 1);

// ---------------- 1. scoring against the SQL floor ----------------
function floorQueries(db: DB) {
  const s = db.$client;
  // One SELECT per table, grouped by client, reading every column the worth model reads.
  const stmts = [
    s.prepare("SELECT count(*), max(id), sum(length(name)) FROM clients"),
    s.prepare(
      `SELECT client_id, count(*), sum(status = 'accepted'), sum(estimated_minutes), sum(quoted_amount), sum(agreed_amount),
        count(service_id), sum(length(currency)), sum(length(title)), max(id) FROM quotes GROUP BY client_id`,
    ),
    s.prepare(
      `SELECT q.client_id, count(*), sum(e.kind = 'discount_request'), sum(e.percent_bp), sum(e.amount), sum(e.scope_minutes),
        count(e.answer), max(e.occurred_on), max(e.id) FROM quote_events e JOIN quotes q ON q.id = e.quote_id GROUP BY q.client_id`,
    ),
    s.prepare(
      `SELECT client_id, count(*), sum(kind = 'ask'), count(subtype), sum(minutes), sum(paid), sum(answered), sum(days_late),
        max(days_late), count(quote_id), max(occurred_on), max(id) FROM interactions GROUP BY client_id`,
    ),
  ];
  return () => stmts.map((st) => st.all());
}

type Timed = { medianMs: number; cpuMedianMs: number; runsMs: number[] };
function timeRuns(fns: Record<string, () => unknown>, runs: number): Record<string, Timed> {
  const wall: Record<string, number[]> = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
  const cpu: Record<string, number[]> = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
  for (const f of Object.values(fns)) f(); // warm-up (JIT, page cache)
  for (let r = 0; r < runs; r++) {
    // interleaved, so a slow moment of the machine hits every measurement alike
    for (const [k, f] of Object.entries(fns)) {
      const c = process.cpuUsage();
      const t = performance.now();
      f();
      wall[k].push(performance.now() - t);
      const d = process.cpuUsage(c);
      cpu[k].push((d.user + d.system) / 1000);
    }
  }
  return Object.fromEntries(
    Object.keys(fns).map((k) => [k, { medianMs: round(median(wall[k]), 2), cpuMedianMs: round(median(cpu[k]), 2), runsMs: wall[k].map((x) => round(x, 2)) }]),
  );
}

/** The same rows the model reads, handed to JavaScript as plain arrays (no objects, no model): the cost of reading them out. */
function materializeQueries(db: DB) {
  const s = db.$client;
  const stmts = [
    "SELECT id, name FROM clients",
    "SELECT id, client_id, service_id, title, estimated_minutes, quoted_amount, currency, status, agreed_amount FROM quotes",
    "SELECT id, quote_id, kind, answer, percent_bp, amount, scope_minutes, occurred_on FROM quote_events",
    "SELECT id, client_id, quote_id, kind, subtype, minutes, paid, answered, days_late, occurred_on FROM interactions",
  ].map((q) => s.prepare(q).raw(true));
  return () => stmts.map((st) => st.all());
}

async function benchScoring(file: string) {
  const db = openDatabase(file);
  await migrateDatabase(db, { backupTo: path.join(path.dirname(file), "backups") });
  const s = db.$client;
  const count = (t: string) => (s.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number) ?? 0;
  const book = { services: count("services"), clients: count("clients"), quotes: count("quotes"), quoteEvents: count("quote_events"), interactions: count("interactions") };
  const longest = s
    .prepare(
      `SELECT c.id, (SELECT count(*) FROM quotes q WHERE q.client_id = c.id) AS quotes,
        (SELECT count(*) FROM quote_events e JOIN quotes q ON q.id = e.quote_id WHERE q.client_id = c.id) AS events,
        (SELECT count(*) FROM interactions i WHERE i.client_id = c.id) AS interactions
       FROM clients c ORDER BY quotes + events + interactions DESC, c.id LIMIT 1`,
    )
    .get() as { id: number; quotes: number; events: number; interactions: number };
  const service = s.prepare("SELECT id, currency, target_rate AS targetRate, unit FROM services WHERE currency = (SELECT currency FROM settings WHERE id = 1) ORDER BY id LIMIT 1").get() as
    | { id: number; currency: string; targetRate: number; unit: string }
    | undefined;

  const floor = floorQueries(db);
  // Cold: what a request pays when nothing is cached (after any write). Warm: served from the data-version cache.
  const cold = (scores as { computeAllScores?: (db: DB) => unknown }).computeAllScores ?? scores.scoreAllClients;
  const services = listServices(db);
  const settings = getSettings(db);
  const histories = loadAllHistories(db);
  const materialize = materializeQueries(db);
  const timed = timeRuns(
    {
      floor,
      scoreAllCold: () => cold(db),
      materialize,
      loadAllHistories: () => loadAllHistories(db),
      assessOnly: () => histories.map((h) => assessClient(h, services, settings)),
    },
    RUNS,
  );
  scores.scoreAllClients(db);
  // served from the cache: too quick for one timing, so the mean over many calls
  const WARM_CALLS = 1000;
  const tWarm = performance.now();
  for (let i = 0; i < WARM_CALLS; i++) scores.scoreAllClients(db);
  const warm = { medianMs: round((performance.now() - tWarm) / WARM_CALLS, 4) };
  s.close();
  const ratio = round(timed.scoreAllCold.medianMs / timed.floor.medianMs, 2);
  return {
    book,
    longest,
    service,
    scoring: {
      runs: RUNS,
      floorMs: timed.floor.medianMs,
      scoreAllColdMs: timed.scoreAllCold.medianMs,
      ratio,
      target: TARGETS.scoringRatio,
      met: ratio <= TARGETS.scoringRatio,
      cpu: { floorMs: timed.floor.cpuMedianMs, scoreAllColdMs: timed.scoreAllCold.cpuMedianMs, ratio: round(timed.scoreAllCold.cpuMedianMs / timed.floor.cpuMedianMs, 2) },
      scoreAllWarmMs: warm.medianMs,
      warmRatio: round(warm.medianMs / timed.floor.medianMs, 5),
      breakdown: {
        readRowsAsArraysMs: timed.materialize.medianMs,
        loadAllHistoriesMs: timed.loadAllHistories.medianMs,
        assessClientAllMs: timed.assessOnly.medianMs,
      },
      runsMs: { floor: timed.floor.runsMs, scoreAllCold: timed.scoreAllCold.runsMs },
    },
  };
}

// ---------------- 2. the production server under load ----------------
async function freePort(start: number): Promise<number> {
  for (let p = start; p < start + 100; p++) {
    const ok = await new Promise<boolean>((resolve) => {
      const srv = net.createServer();
      srv.once("error", () => resolve(false));
      srv.listen(p, "127.0.0.1", () => srv.close(() => resolve(true)));
    });
    if (ok) return p;
  }
  throw new Error(`No free port from ${start}`);
}

async function ensureBuild(): Promise<boolean> {
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  for (let attempt = 0; attempt < 3; attempt++) {
    if (fs.existsSync(buildId)) return attempt > 0;
    console.log("No production build (.next/BUILD_ID): building…");
    const r = spawnSync(process.execPath, [NEXT_BIN, "build"], { encoding: "utf8", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (r.status === 0) return true;
    const out = `${r.stdout}${r.stderr}`;
    if (!/Another next build process is already running/.test(out)) throw new Error(`next build failed:\n${out}`);
    // someone else is building the same .next: wait for their build instead
    console.log("Another build is running: waiting for it (up to 5 min)…");
    const deadline = Date.now() + 300_000;
    while (!fs.existsSync(buildId) && Date.now() < deadline) await new Promise((res) => setTimeout(res, 2000));
  }
  if (!fs.existsSync(buildId)) throw new Error("No production build could be made");
  return true;
}

/** The server's process and its descendants (next start may fork a worker). */
function processTree(root: number): number[] {
  const parents = new Map<number, number>();
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(Number(d), ppid);
    } catch {
      /* gone */
    }
  }
  const out = [root];
  for (let i = 0; i < out.length; i++) for (const [pid, ppid] of parents) if (ppid === out[i]) out.push(pid);
  return out;
}
function statusKiB(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

class MemorySampler {
  peakTreeKiB = 0;
  private timer: NodeJS.Timeout | null = null;
  constructor(private readonly pid: number) {}
  sample() {
    const total = processTree(this.pid).reduce((s, p) => s + statusKiB(p, "VmRSS"), 0);
    this.peakTreeKiB = Math.max(this.peakTreeKiB, total);
    return total;
  }
  start() {
    this.timer = setInterval(() => this.sample(), 100);
  }
  stop() {
    if (this.timer) clearInterval(this.timer);
  }
  /** the kernel's own high-water mark per process */
  hwm() {
    return processTree(this.pid).map((pid) => ({ pid, vmHWMKiB: statusKiB(pid, "VmHWM"), cmd: readCmd(pid) }));
  }
}
function readCmd(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ").slice(0, 120);
  } catch {
    return "";
  }
}

async function startServer(file: string, port: number): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, WALKAWAY_DB: file, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" };
  delete env.WALKAWAY_PASSWORD; // loopback only: no sign-in needed
  delete env.WALKAWAY_API_TOKEN;
  const child = spawn(process.execPath, [NEXT_BIN, "start", "--hostname", "127.0.0.1", "--port", String(port)], { env, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode != null) throw new Error(`The server exited (${child.exitCode}):\n${log}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (r.ok) return child;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill("SIGTERM");
  throw new Error(`The server did not answer within 60 s:\n${log}`);
}

interface Route {
  key: string;
  label: string;
  path: string;
  method?: "GET" | "POST";
  body?: string;
  page?: boolean;
  /** measured for context only: no target */
  reference?: boolean;
}

interface RouteResult {
  key: string;
  label: string;
  method: string;
  path: string;
  status: number;
  bytes: number;
  requests: number;
  requestsPerSec: number;
  /** median of 5 sequential requests before the load */
  aloneMs: number;
  /** too few responses in the window: p50/p95/p99 are at least these */
  lowerBound: boolean;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  p95Ratio?: number;
  met?: boolean;
  reference?: boolean;
}

async function load(base: string, r: Route): Promise<RouteResult> {
  const headers: Record<string, string> = r.body ? { "content-type": "application/json" } : {};
  // warm-up: a few sequential requests (their median is the route's time alone), and the status it really answers
  let status = 0;
  let bytes = 0;
  const alone: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const res = await fetch(base + r.path, { method: r.method ?? "GET", headers, body: r.body, redirect: "manual" });
    bytes = (await res.arrayBuffer()).byteLength;
    alone.push(performance.now() - t);
    status = res.status;
  }
  const latencies: number[] = [];
  const result = await new Promise<LoadResult>((resolve, reject) => {
    const inst = autocannon(
      { url: base + r.path, method: r.method ?? "GET", headers, body: r.body, connections: CONNECTIONS, duration: DURATION, timeout: 120 },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    inst.on("response", (_c, _status, _bytes, ms) => latencies.push(ms));
  });
  latencies.sort((a, b) => a - b);
  // autocannon drops the requests still in flight when the time is up; with fewer than two responses per
  // connection those dropped ones are a large share, so the percentiles are only lower bounds
  const lowerBound = latencies.length < 2 * CONNECTIONS;
  const at = (p: number) => (latencies.length ? round(percentile(latencies, p), 1) : DURATION * 1000);
  return {
    key: r.key,
    reference: r.reference,
    label: r.label,
    method: r.method ?? "GET",
    path: r.path,
    status,
    bytes,
    requests: latencies.length,
    requestsPerSec: round(latencies.length / result.duration, 1),
    aloneMs: round(median(alone), 1),
    lowerBound,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    max: latencies.length ? round(latencies[latencies.length - 1], 1) : DURATION * 1000,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/**
 * Requests still in flight when a run's time is up are dropped by the client but may still be rendered by
 * the server: wait until the trivial route answers quickly again, so that work does not land on the next route.
 */
async function settle(base: string, quickMs: number): Promise<number> {
  const t0 = performance.now();
  let quick = 0;
  while (quick < 3 && performance.now() - t0 < 90_000) {
    const t = performance.now();
    await (await fetch(`${base}/api/health`)).arrayBuffer();
    quick = performance.now() - t <= quickMs ? quick + 1 : 0;
    await new Promise((r) => setTimeout(r, 50));
  }
  return round(performance.now() - t0, 0);
}

/** Resource URLs in a page's HTML that point outside the app (anything absolute that is not this server). */
function externalRefs(html: string, base: string): string[] {
  const out = new Set<string>();
  const re = /<(?:script|link|img|iframe|source)\b[^>]*?\s(?:src|href|srcset)=["']([^"']+)["']/gi;
  for (const m of html.matchAll(re)) {
    const u = m[1];
    if (/^(https?:)?\/\//i.test(u) && !u.startsWith(base)) out.add(u);
  }
  return [...out];
}

// ---------------- 3. first-load JavaScript ----------------
interface ClientManifest {
  entryJSFiles?: Record<string, string[]>;
}
function readClientManifest(file: string): Record<string, ClientManifest> {
  const ctx: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, ClientManifest> } = {};
  ctx.globalThis = ctx;
  vm.runInNewContext(fs.readFileSync(file, "utf8"), ctx);
  return ctx.__RSC_MANIFEST ?? {};
}

function firstLoadJs(pages: { label: string; route: string; path: string; html?: string }[]) {
  const next = path.join(ROOT, ".next");
  const build = JSON.parse(fs.readFileSync(path.join(next, "build-manifest.json"), "utf8")) as { rootMainFiles: string[]; polyfillFiles: string[] };
  const gz = new Map<string, { raw: number; gzip: number; recharts: boolean }>();
  const sizeOf = (chunk: string) => {
    let v = gz.get(chunk);
    if (!v) {
      const buf = fs.readFileSync(path.join(next, chunk));
      v = { raw: buf.length, gzip: zlib.gzipSync(buf).length, recharts: buf.includes("recharts-wrapper") };
      gz.set(chunk, v);
    }
    return v;
  };
  const shared = build.rootMainFiles;
  const sharedSize = shared.reduce((acc, c) => ({ raw: acc.raw + sizeOf(c).raw, gzip: acc.gzip + sizeOf(c).gzip }), { raw: 0, gzip: 0 });
  const rows = pages.map((p) => {
    const manifestFile = path.join(next, "server", "app", p.route, "page_client-reference-manifest.js");
    const manifest = readClientManifest(manifestFile)[`${p.route}/page`];
    const entry = Object.values(manifest?.entryJSFiles ?? {}).flat();
    const chunks = [...new Set([...shared, ...entry])];
    const raw = chunks.reduce((s, c) => s + sizeOf(c).raw, 0);
    const gzip = chunks.reduce((s, c) => s + sizeOf(c).gzip, 0);
    const rechartsChunks = chunks.filter((c) => sizeOf(c).recharts);
    // cross-check against the scripts the served HTML really loads
    const htmlScripts = p.html ? [...p.html.matchAll(/<script[^>]*\ssrc="\/_next\/([^"]+)"/g)].map((m) => m[1]).filter((s) => !build.polyfillFiles.includes(s)) : [];
    const notInManifest = htmlScripts.filter((s) => !chunks.includes(s));
    return {
      page: p.label,
      path: p.path,
      chunks: chunks.length,
      rawKiB: kib(raw),
      gzipKiB: kib(gzip),
      pageOnlyGzipKiB: kib(gzip - sharedSize.gzip),
      recharts: rechartsChunks.length > 0,
      rechartsGzipKiB: kib(rechartsChunks.reduce((s, c) => s + sizeOf(c).gzip, 0)),
      htmlScripts: htmlScripts.length,
      htmlScriptsNotInManifest: notInManifest,
    };
  });
  return { sharedGzipKiB: kib(sharedSize.gzip), sharedRawKiB: kib(sharedSize.raw), pages: rows };
}

// ---------------- main ----------------
async function main() {
  const t0 = performance.now();
  // other work on the machine skews every figure: recorded so a noisy run can be told apart
  const loadAverageAtStart = os.loadavg().map((l) => round(l, 2));
  const file = benchDbPath();
  if (!fs.existsSync(file)) {
    console.error(`No bench book at ${file}: run npm run bench:data first.`);
    process.exit(1);
  }
  console.log(`Bench book: ${file} (machine load average ${loadAverageAtStart.join(", ")} on ${os.cpus().length} CPUs)`);

  // 1. scoring
  const { book, longest, service, scoring } = await benchScoring(file);
  console.log(`\nScoring the whole book (${book.clients} clients, median of ${RUNS} runs):`);
  console.log(
    table(
      ["measure", "ms", "× floor"],
      [
        ["raw SQL aggregate (floor)", scoring.floorMs, 1],
        ["scoreAllClients, nothing cached", scoring.scoreAllColdMs, scoring.ratio],
        ["  (reading the same rows as arrays only)", scoring.breakdown.readRowsAsArraysMs, round(scoring.breakdown.readRowsAsArraysMs / scoring.floorMs, 2)],
        ["  of which loadAllHistories", scoring.breakdown.loadAllHistoriesMs, round(scoring.breakdown.loadAllHistoriesMs / scoring.floorMs, 2)],
        ["  of which assessClient × clients", scoring.breakdown.assessClientAllMs, round(scoring.breakdown.assessClientAllMs / scoring.floorMs, 2)],
        ["scoreAllClients, cached (no write since)", scoring.scoreAllWarmMs, scoring.warmRatio],
      ],
    ),
  );

  // 2. the server
  const built = await ensureBuild();
  const port = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : await freePort(3400);
  const base = `http://127.0.0.1:${port}`;
  console.log(`\nStarting the production server on ${base}${built ? " (fresh build)" : ""}…`);
  const server = await startServer(file, port);
  const sampler = new MemorySampler(server.pid!);
  const idleKiB = sampler.sample();
  const offerBody = JSON.stringify({
    clientId: longest.id,
    serviceId: service?.id ?? null,
    scopeAmount: 20,
    scopeUnit: "hours",
    offeredAmount: Math.round(((service?.targetRate ?? 10000) * 20 * 0.8) / (service?.unit === "day" ? 8 : 1)),
    currency: service?.currency ?? "USD",
  });
  const routes: Route[] = [
    { key: "health", label: "trivial: /api/health", path: "/api/health" },
    { key: "dashboard", label: "dashboard (default filters)", path: "/", page: true },
    { key: "dashboard90", label: "dashboard, last 90 days", path: "/?range=90d", page: true },
    { key: "client", label: `client page (longest history)`, path: `/clients/${longest.id}`, page: true },
    { key: "clients", label: "clients list", path: "/clients", page: true },
    { key: "scores", label: "score API, whole book", path: "/api/v1/scores" },
    { key: "clientScore", label: "score API, one client", path: `/api/v1/clients/${longest.id}/score` },
    { key: "offer", label: "offer check API", path: "/api/v1/offers/evaluate", method: "POST", body: offerBody },
    // for reference, not a target: what a page with almost nothing on it costs on this server
    { key: "smallPage", label: "reference: a small dynamic page (settings)", path: "/settings", page: true, reference: true },
  ];
  const results: RouteResult[] = [];
  const htmlByPath = new Map<string, string>();
  const external: Record<string, string[]> = {};
  const csp: Record<string, string | null> = {};
  let hwm: ReturnType<MemorySampler["hwm"]> = [];
  sampler.start();
  try {
    let quickMs = 0;
    for (const r of routes) {
      if (quickMs) await settle(base, quickMs);
      process.stdout.write(`  ${r.method ?? "GET"} ${r.path} … `);
      const res = await load(base, r);
      if (r.key === "health") quickMs = Math.max(25, 3 * res.aloneMs);
      results.push(res);
      console.log(`${res.requests} responses, p95 ${res.lowerBound ? "≥ " : ""}${res.p95} ms${res.status >= 300 || res.non2xx ? ` (status ${res.status}, ${res.non2xx} non-2xx)` : ""}`);
      if (r.page) {
        const page = await fetch(base + r.path);
        csp[r.path] = page.headers.get("content-security-policy");
        const html = await page.text();
        htmlByPath.set(r.path, html);
        external[r.path] = externalRefs(html, base);
      }
    }
    hwm = sampler.hwm();
  } finally {
    sampler.stop();
    if (server.exitCode == null) {
      const exited = new Promise((r) => server.once("exit", r));
      server.kill("SIGTERM");
      await exited;
    }
  }

  const trivial = results[0];
  for (const r of results.slice(1)) {
    r.p95Ratio = round(r.p95 / trivial.p95, 1);
    if (!r.reference) r.met = r.p95Ratio <= TARGETS.routeP95Ratio && r.non2xx === 0 && r.errors === 0 && r.status < 300;
  }
  console.log(`\nResponse times under ${CONNECTIONS} connections, ${DURATION} s per route (ms):`);
  console.log(
    table(
      ["route", "alone", "p50", "p95", "p99", "req/s", "p95 × trivial", "KiB/response", "target"],
      results.map((r) => [
        `${r.method} ${r.path}`,
        r.aloneMs,
        `${r.lowerBound ? "≥" : ""}${r.p50}`,
        `${r.lowerBound ? "≥" : ""}${r.p95}`,
        `${r.lowerBound ? "≥" : ""}${r.p99}`,
        r.requestsPerSec,
        `${r.lowerBound ? "≥" : ""}${r.p95Ratio ?? 1}`,
        kib(r.bytes),
        r.key === "health" || r.reference ? "(reference)" : r.met ? "met" : "missed",
      ]),
    ),
  );
  const memory = {
    idleRssMiB: round(idleKiB / 1024, 1),
    peakRssMiB: round(sampler.peakTreeKiB / 1024, 1),
    vmHWMMiB: hwm.map((h) => ({ cmd: h.cmd, vmHWMMiB: round(h.vmHWMKiB / 1024, 1) })),
  };
  console.log(`\nServer memory: ${memory.idleRssMiB} MiB RSS idle, peak ${memory.peakRssMiB} MiB during the load (sampled every 100 ms; kernel high-water mark ${memory.vmHWMMiB.map((h) => `${h.vmHWMMiB} MiB`).join(" + ")}).`);

  // 3. first-load JS
  const pages = [
    { label: "/ (dashboard)", route: "", path: "/" },
    { label: "/clients", route: "/clients", path: "/clients" },
    { label: "/clients/[id]", route: "/clients/[id]", path: `/clients/${longest.id}` },
    ...["/offer", "/rates", "/settings", "/quotes/[id]", "/clients/new", "/data", "/login"]
      .filter((r) => fs.existsSync(path.join(ROOT, ".next", "server", "app", r, "page_client-reference-manifest.js")))
      .map((r) => ({ label: r, route: r, path: r })),
  ].map((p) => ({ ...p, html: htmlByPath.get(p.path) }));
  const js = firstLoadJs(pages);
  console.log(`\nFirst-load JavaScript per page (gzip; the framework's shared chunks are ${js.sharedGzipKiB} KiB of it):`);
  console.log(
    table(
      ["page", "chunks", "gzip KiB", "page's own KiB", "recharts"],
      js.pages.map((p) => [p.page, p.chunks, p.gzipKiB, p.pageOnlyGzipKiB, p.recharts ? `yes (${p.rechartsGzipKiB} KiB)` : "no"]),
    ),
  );
  const externalAny = Object.values(external).some((v) => v.length > 0);
  // the browser enforces it: with connect-src/script-src 'self' a page cannot fetch or load anything from elsewhere
  const sameOriginOnly = Object.values(csp).every((v) => !!v && /default-src 'self'/.test(v) && /connect-src 'self'(;|$)/.test(v) && !/script-src[^;]*https?:/.test(v));
  console.log(
    `External resources referenced by the measured pages: ${externalAny ? JSON.stringify(external) : "none"}; Content-Security-Policy limits them to the app itself: ${sameOriginOnly ? "yes" : "NO"}.`,
  );

  const out = {
    generatedAt: new Date().toISOString(),
    machine: { loadAverageAtStart, loadAverageAtEnd: os.loadavg().map((l) => round(l, 2)), cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? "", memGiB: round(os.totalmem() / 1024 ** 3, 1), node: process.version, platform: `${os.platform()} ${os.release()}` },
    method: { connections: CONNECTIONS, durationSec: DURATION, scoringRuns: RUNS, percentiles: "nearest rank over every response's latency (autocannon 'response' events)" },
    book: { ...book, expected: BENCH_COUNTS, longestHistoryClient: longest },
    scoring,
    http: { trivial: trivial.path, routes: results, target: TARGETS.routeP95Ratio, allMet: results.slice(1).every((r) => r.reference || r.met) },
    memory,
    firstLoadJs: { ...js, externalResources: external, noExternalResources: !externalAny, cspSameOriginOnly: sameOriginOnly, csp: Object.values(csp)[0] ?? null },
    tookSec: round((performance.now() - t0) / 1000, 1),
  };
  fs.mkdirSync(path.join(ROOT, "bench"), { recursive: true });
  fs.writeFileSync(path.join(ROOT, "bench", "results.json"), JSON.stringify(out, null, 2) + "\n");
  console.log(`\nWrote bench/results.json (${out.tookSec} s).`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
