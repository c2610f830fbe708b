/**
 * About how tall each dashboard section will be, in pixels, from the figures it will draw: its skeleton
 * takes that height while it streams in (components/dashboard/skeletons.tsx), so the page does not jump
 * when it lands. The chart heights follow the charts' own rules (charts/*.tsx); the rest is the card's
 * title, description and "Show as table" line.
 */
import { ESTIMATE_CHART_MAX } from "@/lib/dashboard";
import type { DashboardView } from "@/server/dashboard";

/** A card's title, its description and "Show as table" lines. */
const CHROME = 130;
/** A chart's legend and a longer description (several sentences, a note under the chart). */
const WORDS = 170;
/** A section that shows an empty state instead of a chart. */
const EMPTY = 110;

const bars = (rows: number, perRow: number, min: number, extra: number) => Math.max(min, rows * perRow + extra);

/** Measured against the sections as drawn on the demo and bench books, at desktop width; close is enough. */
export function sectionHeights(d: DashboardView) {
  const scored = d.fit.filter((r) => r.score != null).length;
  const w = d.where;
  const whereBlock = (groups: number) => bars(groups, 44, 150, 70) + CHROME + WORDS;
  return {
    fit: scored === 0 ? EMPTY : bars(Math.min(scored, 20), 30, 140, 50) + CHROME + WORDS,
    keep: d.keepOrLetGo.points.length < 2 ? EMPTY : 320 + CHROME + WORDS,
    trend: d.overTime.months.some((m) => m.effective != null) ? 300 + CHROME : EMPTY,
    where: w.byClient.length === 0 ? EMPTY + 40 : 60 + Math.max(whereBlock(w.byService.length), whereBlock(w.byLeadSource.length)) + whereBlock(Math.min(w.byClient.length, 15)),
    estimates: d.estimates.totals.jobs === 0 ? EMPTY : 200 + bars(Math.min(d.estimates.byClient.length, ESTIMATE_CHART_MAX), 52, 150, 60) + CHROME,
    negotiation: 180 + bars(d.negotiation.responses.length, 30, 150, 50) + CHROME,
    rejections: d.rejections.total === 0 ? EMPTY : bars(d.rejections.reasons.length, 30, 150, 50) + CHROME,
    chasing: d.chasing.sent === 0 ? EMPTY : bars(Math.min(d.chasing.byClient.length, 10), 30, 140, 50) + CHROME + WORDS,
    proposals: d.proposals.sent === 0 ? EMPTY : 360,
  };
}
