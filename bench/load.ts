/**
 * The bench, part 2b: each route of the production server under CONNECTIONS concurrent connections
 * (autocannon) for DURATION seconds, against the trivial route of the same server.
 */
import { performance } from "node:perf_hooks";
import autocannon, { type Result as LoadResult } from "autocannon";
import type { BookFacts } from "./scoring";
import { fetchRetrying, median, percentile, round } from "./util";

export const DURATION = Number(process.env.BENCH_DURATION ?? 10);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
export const ROUTE_P95_TARGET = 3;

export interface Route {
  key: string;
  label: string;
  path: string;
  method?: "GET" | "POST";
  body?: string;
  page?: boolean;
  /** measured for context only: no target */
  reference?: boolean;
}

export interface RouteResult {
  key: string;
  label: string;
  method: string;
  path: string;
  status: number;
  bytes: number;
  requests: number;
  requestsPerSec: number;
  /** median of the sequential requests before the load (5, or at least 2 when they take over 10 s) */
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
  /** why a route that answered is not what was asked for (e.g. query parameters the API ignores) */
  note?: string;
}

/** A body for the offer check: 20 hours (or days) of a service in the book's currency, offered at 80 % of its target rate. */
export function offerBody(facts: BookFacts, clientId: number): string {
  const s = facts.service;
  return JSON.stringify({
    clientId,
    serviceId: s?.id ?? null,
    scopeAmount: 20,
    scopeUnit: "hours",
    offeredAmount: Math.round(((s?.targetRate ?? 10000) * 20 * 0.8) / (s?.unit === "day" ? 8 : 1)),
    currency: s?.currency ?? "USD",
  });
}

/** The quick-capture line logged (and, under load, previewed) for the mid-sized client. */
export function quickLogBody(clientId: number, dryRun: boolean): string {
  return JSON.stringify({ line: "follow-up, no answer", clientId, dryRun });
}

/** Every measured route, for one book. The growth targets use the mid-sized client (same history size in every book). */
export function routesFor(facts: BookFacts): Route[] {
  const { longest, typical } = facts;
  return [
    { key: "health", label: "trivial: /api/health", path: "/api/health" },
    { key: "today", label: "Today (home page)", path: "/", page: true },
    { key: "dashboard", label: "dashboard (default filters)", path: "/dashboard", page: true },
    { key: "dashboard90", label: "dashboard, last 90 days", path: "/dashboard?range=90d", page: true },
    { key: "clients", label: "clients list", path: "/clients", page: true },
    { key: "clientLongest", label: "client page, longest history", path: `/clients/${longest.id}`, page: true },
    { key: "clientTypical", label: "client page, mid-sized client", path: `/clients/${typical.id}`, page: true },
    { key: "scores", label: "scores API, first page as it answers", path: "/api/v1/scores" },
    { key: "scoresLean", label: "scores API, 2 fields × 1,000", path: "/api/v1/scores?fields=score,verdict&limit=1000" },
    { key: "clientScore", label: "score API, one client (longest)", path: `/api/v1/clients/${longest.id}/score` },
    { key: "offer", label: "offer check API (mid-sized client)", path: "/api/v1/offers/evaluate", method: "POST", body: offerBody(facts, typical.id) },
    { key: "quickLog", label: "quick log, preview (mid-sized client)", path: "/api/v1/quick-capture", method: "POST", body: quickLogBody(typical.id, true) },
    // for reference, not a target: what a page with almost nothing on it costs on this server
    { key: "settings", label: "reference: a small dynamic page (settings)", path: "/settings", page: true, reference: true },
  ];
}

export async function load(base: string, r: Route): Promise<RouteResult> {
  const headers: Record<string, string> = r.body ? { "content-type": "application/json" } : {};
  // warm-up: a few sequential requests (their median is the route's time alone), and the status it really answers
  let status = 0;
  let bytes = 0;
  const alone: number[] = [];
  // 5 requests, fewer (at least 2) when they take over 10 s together: a page of tens of MB must not eat the run
  const t0 = performance.now();
  for (let i = 0; i < 5 && (i < 2 || performance.now() - t0 < 10_000); i++) {
    const t = performance.now();
    // every measured route changes nothing (GETs, the offer check, a quick-log preview): safe to try again
    const res = await fetchRetrying(base + r.path, { method: r.method ?? "GET", headers, body: r.body, redirect: "manual" });
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

/** A route that could not be measured at all (its requests failed): never met, with the reason. */
export function failedRoute(r: Route, reason: string): RouteResult {
  const never = DURATION * 1000;
  return {
    key: r.key, reference: r.reference, label: r.label, method: r.method ?? "GET", path: r.path, status: 0, bytes: 0, requests: 0, requestsPerSec: 0,
    aloneMs: never, lowerBound: true, p50: never, p95: never, p99: never, max: never, non2xx: 0, errors: 1, timeouts: 0, note: `not measured: ${reason}`,
  };
}

/**
 * Requests still in flight when a run's time is up are dropped by the client but may still be rendered by
 * the server: wait until the trivial route answers quickly again, so that work does not land on the next route.
 */
export async function settle(base: string, quickMs: number): Promise<number> {
  const t0 = performance.now();
  let quick = 0;
  while (quick < 3 && performance.now() - t0 < 90_000) {
    const t = performance.now();
    await (await fetchRetrying(`${base}/api/health`)).arrayBuffer();
    quick = performance.now() - t <= quickMs ? quick + 1 : 0;
    await new Promise((r) => setTimeout(r, 50));
  }
  return round(performance.now() - t0, 0);
}

/** Judge each route's p95 against the trivial route's; say why a route is not what was asked for. */
export function judgeRoutes(results: RouteResult[]): void {
  const trivial = results.find((r) => r.key === "health")!;
  const whole = results.find((r) => r.key === "scores");
  for (const r of results) {
    if (r === trivial) continue;
    r.p95Ratio = round(r.p95 / trivial.p95, 1);
    if (r.key === "scoresLean" && whole && r.status < 300 && r.bytes >= 0.9 * whole.bytes)
      r.note = "paging and fields= not supported yet: the API ignored ?fields=&limit= and answered the whole book";
    if (r.note?.startsWith("not measured")) {
      /* keep the reason */
    } else if (r.status >= 300) r.note = `answered ${r.status}, not 2xx`;
    // a lower bound within the target proves nothing: judged missed, and said so
    else if (r.lowerBound && r.p95Ratio <= ROUTE_P95_TARGET) r.note = `too few responses in ${DURATION} s to tell: the p95 is only a lower bound`;
    if (!r.reference) r.met = r.p95Ratio <= ROUTE_P95_TARGET && !r.lowerBound && r.non2xx === 0 && r.errors === 0 && r.status < 300 && !r.note;
  }
}

/** Resource URLs in a page's HTML that point outside the app (anything absolute that is not this server). */
export function externalRefs(html: string, base: string): string[] {
  const out = new Set<string>();
  const re = /<(?:script|link|img|iframe|source)\b[^>]*?\s(?:src|href|srcset)=["']([^"']+)["']/gi;
  for (const m of html.matchAll(re)) {
    const u = m[1];
    if (/^(https?:)?\/\//i.test(u) && !u.startsWith(base)) out.add(u);
  }
  return [...out];
}
