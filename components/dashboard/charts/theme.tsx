/**
 * Shared look of the dashboard charts: the Okabe–Ito palette (colour-blind safe, from app/globals.css,
 * with the hex as fallback), and axis / tooltip colours read from CSS variables that the dashboard
 * sets for light and dark schemes (see CHART_VARS).
 */
import type { CSSProperties } from "react";
import type { Verdict } from "@/lib/worth";

/** Put on an ancestor of every chart: light values, then the dark scheme's. */
export const CHART_VARS =
  "[--chart-text:#44403c] [--chart-muted:#78716c] [--chart-grid:#e7e5e4] [--chart-bg:#ffffff] [--chart-line:#0072b2] [--chart-sky:#56b4e9] " +
  "dark:[--chart-text:#e7e5e4] dark:[--chart-muted:#a8a29e] dark:[--chart-grid:#44403c] dark:[--chart-bg:#1c1917] dark:[--chart-line:#56b4e9] dark:[--chart-sky:#56b4e9]";

export const COLOURS = {
  keep: "var(--color-keep, #009e73)",
  bounds: "var(--color-bounds, #e69f00)",
  walk: "var(--color-walk, #d55e00)",
  info: "var(--color-info, #0072b2)",
  unknown: "var(--color-unknown, #999999)",
  /** Okabe–Ito reddish purple */
  purple: "#cc79a7",
  line: "var(--chart-line)",
  sky: "var(--chart-sky)",
  text: "var(--chart-text)",
  muted: "var(--chart-muted)",
  grid: "var(--chart-grid)",
} as const;

export const VERDICT_COLOURS: Record<Verdict, string> = {
  keep: COLOURS.keep,
  set_boundaries: COLOURS.bounds,
  walk_away: COLOURS.walk,
  not_enough_data: COLOURS.unknown,
};

export const tick = { fill: COLOURS.text, fontSize: 12 } as const;
export const axisLine = { stroke: COLOURS.muted } as const;

export const tooltipProps = {
  contentStyle: { background: "var(--chart-bg)", border: `1px solid ${COLOURS.grid}`, borderRadius: 6, color: COLOURS.text, fontSize: 13 } satisfies CSSProperties,
  itemStyle: { color: COLOURS.text } satisfies CSSProperties,
  labelStyle: { color: COLOURS.text, fontWeight: 600 } satisfies CSSProperties,
  cursor: { fill: COLOURS.grid, fillOpacity: 0.5 },
  isAnimationActive: false,
} as const;

/** Long names are cut on the axis (the tooltip and the table show them whole). */
export function shortName(name: string, max = 16): string {
  return name.length > max ? `${name.slice(0, max - 1)}\u2026` : name;
}

/** A legend drawn in HTML: readable, wraps on a phone, and shapes as well as colours. */
export function Legend({ items }: { items: { label: string; colour: string; dashed?: boolean; line?: boolean }[] }) {
  return (
    <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-stone-700 dark:text-stone-300">
      {items.map((i) => (
        <li key={i.label} className="flex items-center gap-1.5">
          {i.line ? (
            <svg width="22" height="8" aria-hidden>
              <line x1="0" y1="4" x2="22" y2="4" stroke={i.colour} strokeWidth="2.5" strokeDasharray={i.dashed ? "5 3" : undefined} />
            </svg>
          ) : (
            <span aria-hidden className="inline-block size-3 rounded-sm" style={{ background: i.colour }} />
          )}
          {i.label}
        </li>
      ))}
    </ul>
  );
}

/**
 * The largest of pick(item) and `floor`, in one loop. Math.max(...list) passes every item as an argument
 * and throws a RangeError past about a hundred thousand of them: never spread a data-sized list.
 */
export function maxOf<T>(list: readonly T[], pick: (item: T) => number, floor: number): number {
  let max = floor;
  for (const item of list) {
    const v = pick(item);
    if (v > max) max = v;
  }
  return max;
}

/**
 * Round axis bounds and about five ticks on 1–2–2.5–5 steps (so an axis reads 70%, 80%, 90%… rather
 * than 69.9%, 84.9%…). minStep keeps steps whole: 100 minor units = one major unit, 100 bp = 1%.
 */
export function niceScale(lo: number, hi: number, minStep = 1): { domain: [number, number]; ticks: number[] } {
  const span = Math.max(hi - lo, minStep);
  const raw = span / 4;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const n = raw / mag;
  const step = Math.max(minStep, (n <= 1 ? 1 : n <= 2 ? 2 : n <= 2.5 ? 2.5 : n <= 5 ? 5 : 10) * mag);
  const start = Math.floor(lo / step) * step;
  const end = Math.max(Math.ceil(hi / step) * step, start + step);
  const ticks: number[] = [];
  for (let t = start; t <= end + step / 1000; t += step) ticks.push(Math.round(t));
  return { domain: [start, end], ticks };
}
