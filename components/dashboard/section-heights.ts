/**
 * About how tall each dashboard section will be, in pixels, from the figures it will draw: its skeleton
 * takes that height while it streams in (components/dashboard/skeletons.tsx), so the page does not jump
 * when it lands. The chart heights follow the charts' own rules (charts/*.tsx); the rest is the card's
 * title, description and "Show as table" line.
 */
import { ESTIMATE_CHART_MAX } from "@/lib/dashboard";
import type { DashboardView } from "@/server/dashboard";

/** A card's title, its description line and its "Show as table" line. */
const CHROME = 130;
/** A section that shows an empty state instead of a chart. */
const EMPTY = 110;

const bars = (rows: number, perRow: number, min: number, extra: number) => Math.max(min, rows * perRow + extra);

export function sectionHeights(d: DashboardView) {
  const scored = d.fit.filter((r) => r.score != null).length;
  const w = d.where;
  const whereBlock = (groups: number) => bars(groups, 44, 150, 70) + 90;
  return {
    fit: scored === 0 ? EMPTY : bars(Math.min(scored, 20), 30, 140, 50) + CHROME,
    keep: d.keepOrLetGo.points.length < 2 ? EMPTY : 320 + CHROME,
    trend: d.overTime.months.some((m) => m.effective != null) ? 300 + CHROME : EMPTY,
    where: w.byClient.length === 0 ? EMPTY + 40 : 60 + Math.max(whereBlock(w.byService.length), whereBlock(w.byLeadSource.length)) + whereBlock(Math.min(w.byClient.length, 15)),
    estimates: 200 + bars(ESTIMATE_CHART_MAX, 52, 150, 60),
    negotiation: 180 + bars(d.negotiation.responses.length, 30, 150, 50) + CHROME,
    rejections: d.rejections.total === 0 ? EMPTY : bars(d.rejections.reasons.length, 30, 150, 50) + CHROME,
    chasing: d.chasing.sent === 0 ? EMPTY : bars(Math.min(d.chasing.byClient.length, 10), 30, 140, 50) + CHROME,
    proposals: d.proposals.sent === 0 ? EMPTY : 360,
  };
}
