"use client";
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney, formatPercentBp } from "@/lib/money";
import { formatMoneyCompact } from "@/lib/dashboard/compact";
import { COLOURS, Legend, axisLine, niceScale, tick, tooltipProps } from "./theme";

export interface TrendDatum {
  label: string;
  effective: number | null;
  target: number;
  floor: number;
  market: number;
}

/**
 * Effective rate month by month against target, floor and market. In "rate" mode values are minor
 * units per unit of one service; in "percent" mode they are basis points of each quote's own target.
 */
export function TrendChart({
  data,
  mode,
  currency,
  unit,
  locale,
  title,
  desc,
}: {
  data: TrendDatum[];
  mode: "rate" | "percent";
  currency: string;
  unit: string | null;
  locale: string;
  title: string;
  desc: string;
}) {
  const fmt = (v: number) => (mode === "rate" ? `${formatMoney(v, currency, locale)}/${unit === "day" ? "day" : "h"}` : formatPercentBp(v, locale));
  const axisFmt = (v: number) => (mode === "rate" ? formatMoneyCompact(v, currency, locale) : formatPercentBp(v, locale));
  // the lowest and highest value drawn, in one loop: a spread (Math.min(...values)) fails on a long series
  let lo = Infinity;
  let hi = -Infinity;
  for (const d of data)
    for (const v of [d.effective ?? d.target, d.floor, d.market, d.target]) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  if (lo > hi) lo = hi = 0;
  // a little room above and below the lines, then round bounds and steps
  const pad = Math.round((hi - lo) * 0.05);
  const { domain, ticks } = niceScale(Math.max(0, lo - pad), hi + pad, 100);
  return (
    <>
      <LineChart data={data} responsive style={{ width: "100%", height: 300 }} margin={{ top: 8, right: 16, bottom: 4, left: 4 }} title={title} desc={desc}>
        <CartesianGrid stroke={COLOURS.grid} vertical={false} />
        <XAxis dataKey="label" tick={tick} axisLine={axisLine} tickLine={axisLine} minTickGap={12} />
        <YAxis domain={domain} ticks={ticks} tickFormatter={axisFmt} tick={tick} width={68} axisLine={axisLine} tickLine={axisLine} allowDecimals={false} />
        <Tooltip {...tooltipProps} cursor={{ stroke: COLOURS.muted }} formatter={(v, name) => [v == null ? "no accepted work" : fmt(Number(v)), name]} />
        <Line dataKey="market" name="Market" stroke={COLOURS.purple} strokeWidth={2} strokeDasharray="2 4" dot={false} isAnimationActive={false} />
        <Line dataKey="target" name="Target" stroke={COLOURS.keep} strokeWidth={2} strokeDasharray="8 4" dot={false} isAnimationActive={false} />
        <Line dataKey="floor" name="Floor (walk-away)" stroke={COLOURS.walk} strokeWidth={2} strokeDasharray="4 3" dot={false} isAnimationActive={false} />
        <Line
          dataKey="effective"
          name="Your effective rate"
          stroke={COLOURS.line}
          strokeWidth={3}
          connectNulls
          dot={{ r: 4, fill: COLOURS.line, stroke: COLOURS.line }}
          activeDot={{ r: 6 }}
          isAnimationActive={false}
        />
      </LineChart>
      <Legend
        items={[
          { label: "Your effective rate (dots: months with accepted work)", colour: COLOURS.line, line: true },
          { label: "Target", colour: COLOURS.keep, line: true, dashed: true },
          { label: "Floor (walk-away)", colour: COLOURS.walk, line: true, dashed: true },
          { label: "Market", colour: COLOURS.purple, line: true, dashed: true },
        ]}
      />
    </>
  );
}
