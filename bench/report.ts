/** The bench's tables and verdicts: per book, the growth from the 1× book, and every target met or missed. */
import { benchCounts } from "./config";
import type { BookResult } from "./book";
import type { ScoringResult } from "./scoring";
import { CONNECTIONS, DURATION, ROUTE_P95_TARGET } from "./load";
import { TARGETS_SCORING } from "./scoring";
import { kib, metWord, round, table } from "./util";

export const RSS_TARGET_MIB = 512;
/** The peak RSS target is for the 10,000-client book (and anything larger). */
export const RSS_TARGET_FROM_SCALE = 10;

const ge = (lower: boolean) => (lower ? "≥" : "");
/** a ratio with two decimals, or two significant digits when it is below 0.01 (a cache hit against the floor) */
const ratioOf = (a: number, b: number) => {
  const r = a / b;
  return r >= 0.01 || r === 0 ? round(r, 2) : Number(r.toPrecision(2));
};

/** The book and its in-process scoring figures: printed as soon as they are measured. */
export function printScoring(scale: number, s: ScoringResult): void {
  const f = s.facts;
  console.log(
    `\nThe ${scale}× book: ${f.counts.clients.toLocaleString("en")} clients, ${f.counts.quotes.toLocaleString("en")} quotes, ` +
      `${(f.counts.quoteEvents + f.counts.interactions).toLocaleString("en")} events + interactions; longest history client ${f.longest.id} ` +
      `(${f.longest.quotes + f.longest.events + f.longest.interactions} rows), mid-sized client ${f.typical.id} (${f.typical.quotes + f.typical.events + f.typical.interactions} rows).`,
  );
  const expected = benchCounts(scale);
  if (f.counts.clients !== expected.clients || f.counts.quotes !== expected.quotes || f.counts.quoteEvents + f.counts.interactions !== expected.eventsAndInteractions)
    console.log(`  WARNING: this book does not hold the ${scale}× counts (${JSON.stringify(expected)}): regenerate it with npm run bench:data -- --scale ${scale}.`);
  const x = (ms: number) => ratioOf(ms, s.floorMs);
  console.log(`\nScoring in process (median of ${s.runs} interleaved runs; ${s.writes} writes made; patched scores equal a full recompute: ${s.patchedEqualsFull ? "yes" : "NO"}):`);
  console.log(
    table(
      ["measure", "ms", "× floor", "target"],
      [
        ["raw SQL aggregate (floor)", s.floorMs, 1, ""],
        ["whole book computed from nothing (computeAllScores)", s.computeAllMs, s.computeAllRatio, ""],
        ["whole book right after a write (scoreAllClients, patched)", s.afterWriteMs, s.afterWriteRatio, `≤ ${TARGETS_SCORING.afterWriteVsFloor}× ${metWord(s.afterWriteMet)}`],
        ["whole book cached (no write since)", s.cachedWholeMs, x(s.cachedWholeMs), ""],
        ["one client right after a write (scoreClient)", s.singleAfterWriteMs, x(s.singleAfterWriteMs), "see below"],
        ["one client cached", s.cachedSingleMs, x(s.cachedSingleMs), ""],
        ["loadAllHistories", s.loadAllHistories.totalMs, s.loadAllHistories.ratio, ""],
        ...s.loadAllHistories.reads.map((r) => [`  reading ${r.table} into JS (arrays)`, r.ms, x(r.ms), ""]),
        s.loadAllHistories.objectsAndGroupingMs >= 0
          ? ["  building the objects and grouping them (the rest)", s.loadAllHistories.objectsAndGroupingMs, x(s.loadAllHistories.objectsAndGroupingMs), ""]
          : ["  the rest: none left (the reads timed alone took longer than the whole: noise)", s.loadAllHistories.objectsAndGroupingMs, "—", ""],
      ],
    ),
  );

}

export function printBook(b: BookResult): void {
  console.log(`\nResponse times under ${CONNECTIONS} connections, ${DURATION} s per route (ms):`);
  console.log(
    table(
      ["route", "alone", "p50", "p95", "p99", "req/s", "p95 × trivial", "KiB", "target"],
      b.routes.map((r) => [
        `${r.method} ${r.path}`,
        r.aloneMs,
        `${ge(r.lowerBound)}${r.p50}`,
        `${ge(r.lowerBound)}${r.p95}`,
        `${ge(r.lowerBound)}${r.p99}`,
        r.requestsPerSec,
        `${ge(r.lowerBound)}${r.p95Ratio ?? 1}`,
        kib(r.bytes),
        r.key === "health" || r.reference ? "(reference)" : metWord(r.met),
      ]),
    ),
  );
  for (const r of b.routes) if (r.note) console.log(`  ${r.method} ${r.path}: ${r.note}.`);

  const w = b.writes;
  const single = singleVsPage(b);
  console.log(`\nWrite latency, client ${w.clientId}, ${w.rounds} sequential rounds (ms):`);
  console.log(
    table(
      ["measure", "median", "p95"],
      [
        ["POST /api/v1/clients/:id/interactions (log a follow-up)", w.logEvent.medianMs, w.logEvent.p95Ms],
        ["GET /clients/:id right after the write (new score)", w.pageAfterWrite.medianMs, w.pageAfterWrite.p95Ms],
        ["GET /clients/:id again, nothing written (cached)", w.pageCached.medianMs, w.pageCached.p95Ms],
        [`POST /api/v1/quick-capture, saved (${w.quickLogSave.n} times)`, w.quickLogSave.medianMs, w.quickLogSave.p95Ms],
      ],
    ),
  );
  console.log(
    `  Page after a write ÷ cached page: ${w.ratio}× (target ≤ ${w.target}×: ${metWord(w.met)}); the page changed after ${w.pageChangedAfterWrite} of ${w.rounds} writes; ` +
      `the served score equals a fresh recompute: ${w.scoreIsCurrent ? "yes" : "NO"}.`,
  );
  console.log(`  One client's rescore after a write (in process) ÷ cached client page (HTTP): ${single.ratio}× (target ≤ ${single.target}×: ${metWord(single.met)}).`);
  for (const e of w.failures) console.log(`  FAILED: ${e}`);
  const m = b.memory;
  console.log(
    `\nServer memory: ${m.idleRssMiB} MiB RSS idle, peak ${m.peakRssMiB} MiB sampled (high-water mark ${m.vmHWMMiB.map((h) => `${h.vmHWMMiB} MiB`).join(" + ")})` +
      (b.scale >= RSS_TARGET_FROM_SCALE ? `; target ≤ ${RSS_TARGET_MIB} MiB: ${metWord(m.peakMiB <= RSS_TARGET_MIB)}.` : " (the target is for the 10× book)."),
  );
}

/** In-process rescore of one client after a write, against the cached client page over HTTP. */
export function singleVsPage(b: BookResult) {
  const ratio = round(b.scoring.singleAfterWriteMs / b.writes.pageCached.medianMs, 2);
  return { ratio, target: TARGETS_SCORING.singleAfterWriteVsCachedPage, met: ratio <= TARGETS_SCORING.singleAfterWriteVsCachedPage };
}

interface GrowthRow {
  measure: string;
  unit: string;
  figures: Record<string, number>;
  growth: number;
  /** the 1× or the larger figure is only a lower bound (too few responses under load) */
  uncertain: boolean;
  target: number | null;
  met: boolean | null;
}

/** Each figure of the `big` book ÷ the same figure of the `small` book, with the issue's growth targets. */
export function growth(small: BookResult, big: BookResult): GrowthRow[] {
  const rows: GrowthRow[] = [];
  const add = (measure: string, unit: string, a: number, b: number, target: number | null = null, uncertain = false) => {
    const g = round(b / a, 2);
    rows.push({ measure, unit, figures: { [`${small.scale}x`]: a, [`${big.scale}x`]: b }, growth: g, uncertain, target, met: target == null ? null : !uncertain && g <= target });
  };
  const s1 = small.scoring;
  const s2 = big.scoring;
  add("raw SQL floor", "ms", s1.floorMs, s2.floorMs);
  add("whole-book scoring, computed from nothing", "ms", s1.computeAllMs, s2.computeAllMs, 10);
  add("whole-book scoring right after a write", "ms", s1.afterWriteMs, s2.afterWriteMs, 10);
  add("whole-book scores, cached", "ms", s1.cachedWholeMs, s2.cachedWholeMs);
  add("one client's rescore after a write", "ms", s1.singleAfterWriteMs, s2.singleAfterWriteMs);
  add("loadAllHistories", "ms", s1.loadAllHistories.totalMs, s2.loadAllHistories.totalMs);
  const ROUTE_TARGETS: Record<string, number> = { clientTypical: 1.2, offer: 1.2, quickLog: 1.2, dashboard: 10, dashboard90: 10 };
  for (const r1 of small.routes) {
    const r2 = big.routes.find((r) => r.key === r1.key);
    if (!r2) continue;
    add(`p95 under load: ${r1.label}`, "ms", r1.p95, r2.p95, ROUTE_TARGETS[r1.key] ?? null, r1.lowerBound || r2.lowerBound);
  }
  add("client page (mid-sized client), cached, sequential median", "ms", small.writes.pageCached.medianMs, big.writes.pageCached.medianMs, 1.2);
  add("client page right after a write, sequential median", "ms", small.writes.pageAfterWrite.medianMs, big.writes.pageAfterWrite.medianMs);
  add("logging an event (POST interactions), median", "ms", small.writes.logEvent.medianMs, big.writes.logEvent.medianMs, 1.2);
  add("quick log saved (POST quick-capture), median", "ms", small.writes.quickLogSave.medianMs, big.writes.quickLogSave.medianMs, 1.2);
  add("server peak RSS", "MiB", small.memory.peakMiB, big.memory.peakMiB);
  return rows;
}

export function printGrowth(small: BookResult, big: BookResult, rows: GrowthRow[]): void {
  console.log(`\nGrowth from the ${small.scale}× book to the ${big.scale}× book (figure on the ${big.scale}× book ÷ figure on the ${small.scale}× book):`);
  console.log(
    table(
      ["measure", `${small.scale}×`, `${big.scale}×`, "growth", "target"],
      rows.map((r) => [
        `${r.measure} (${r.unit})`,
        r.figures[`${small.scale}x`],
        r.figures[`${big.scale}x`],
        `${r.uncertain ? "~" : ""}${r.growth}×`,
        r.target == null ? "" : `≤ ${r.target}× ${r.uncertain ? "UNCERTAIN (a p95 is only a lower bound)" : metWord(r.met)}`,
      ]),
    ),
  );
}

export interface Verdict {
  book: string;
  target: string;
  figure: string;
  met: boolean;
}

/** Every target of the issue, per book and for the growth: met or missed, none left out. */
export function verdicts(books: BookResult[], growthRows: Record<string, GrowthRow[]>): Verdict[] {
  const out: Verdict[] = [];
  for (const b of books) {
    const book = `${b.scale}×`;
    const s = b.scoring;
    out.push({ book, target: `whole-book scoring right after a write ≤ ${s.afterWriteTarget}× the raw SQL floor`, figure: `${s.afterWriteRatio}× (${s.afterWriteMs} ms vs ${s.floorMs} ms)`, met: s.afterWriteMet });
    const single = singleVsPage(b);
    out.push({ book, target: `one client's rescore after a write ≤ ${single.target}× the cached client page`, figure: `${single.ratio}× (${s.singleAfterWriteMs} ms vs ${b.writes.pageCached.medianMs} ms)`, met: single.met });
    out.push({ book, target: `client page after a write ≤ ${b.writes.target}× the cached page (score current)`, figure: `${b.writes.ratio}×, score current: ${b.writes.scoreIsCurrent ? "yes" : "no"}`, met: b.writes.met });
    for (const r of b.routes)
      if (r.met != null) out.push({ book, target: `${r.method} ${r.path} p95 ≤ ${ROUTE_P95_TARGET}× the trivial route`, figure: `${ge(r.lowerBound)}${r.p95Ratio}×${r.note ? ` (${r.note})` : ""}`, met: r.met });
    if (b.scale >= RSS_TARGET_FROM_SCALE) out.push({ book, target: `server peak RSS ≤ ${RSS_TARGET_MIB} MiB`, figure: `${b.memory.peakMiB} MiB`, met: b.memory.peakMiB <= RSS_TARGET_MIB });
    out.push({ book, target: "incremental scores equal a full recompute after the bench's writes", figure: s.patchedEqualsFull ? "equal" : "DIFFERENT", met: s.patchedEqualsFull });
  }
  for (const [key, rows] of Object.entries(growthRows))
    for (const r of rows) if (r.target != null) out.push({ book: key, target: `${r.measure} grows ≤ ${r.target}×`, figure: `${r.uncertain ? "~" : ""}${r.growth}×${r.uncertain ? " (uncertain: a p95 is only a lower bound)" : ""}`, met: r.met === true });
  return out;
}

export function printVerdicts(v: Verdict[]): void {
  const met = v.filter((x) => x.met).length;
  console.log(`\nTargets: ${met} of ${v.length} met.`);
  console.log(table(["target", "book", "figure", "status"], v.map((x) => [x.target, x.book, x.figure, metWord(x.met)])));
}
