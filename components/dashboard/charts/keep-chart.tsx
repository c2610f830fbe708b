"use client";
import { useRouter } from "next/navigation";
import { CartesianGrid, LabelList, ReferenceArea, ReferenceLine, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from "recharts";
import { formatHours, formatMoney } from "@/lib/money";
import { formatMoneyCompact } from "@/lib/dashboard/compact";
import type { Verdict } from "@/lib/worth";
import { COLOURS, Legend, VERDICT_COLOURS, axisLine, maxOf, niceScale, shortName, tick, tooltipProps } from "./theme";

export interface KeepDatum {
  clientId: number;
  name: string;
  score: number;
  verdict: Verdict;
  /** minor units */
  revenue: number;
  minutes: number;
  painful: boolean;
}

/**
 * Revenue against fit, one point per client, sized by hours: the top-left corner (high revenue,
 * fit under the keep band) is the painful one, shaded and labelled by name.
 */
export function KeepChart({
  data,
  bandKeep,
  revenueMedian,
  currency,
  locale,
  title,
  desc,
}: {
  data: KeepDatum[];
  bandKeep: number;
  revenueMedian: number;
  currency: string;
  locale: string;
  title: string;
  desc: string;
}) {
  const router = useRouter();
  const { domain, ticks } = niceScale(0, maxOf(data, (d) => d.revenue, 100) * 1.05, 100);
  const top = domain[1];
  const money = (v: number) => formatMoneyCompact(v, currency, locale);
  return (
    <>
      <ScatterChart responsive style={{ width: "100%", height: 320 }} margin={{ top: 12, right: 16, bottom: 24, left: 4 }} title={title} desc={desc}>
        <CartesianGrid stroke={COLOURS.grid} />
        <XAxis
          type="number"
          dataKey="score"
          name="Fit score"
          domain={[0, 100]}
          ticks={[0, 20, 40, 60, 80, 100]}
          tick={tick}
          axisLine={axisLine}
          tickLine={axisLine}
          label={{ value: "Fit score", position: "insideBottom", offset: -14, fill: COLOURS.text, fontSize: 12 }}
        />
        <YAxis type="number" dataKey="revenue" name="Revenue" domain={domain} ticks={ticks} tickFormatter={money} tick={tick} width={64} axisLine={axisLine} tickLine={axisLine} />
        <ZAxis type="number" dataKey="minutes" range={[50, 700]} name="Hours" />
        {revenueMedian > 0 ? (
          <ReferenceArea
            x1={0}
            x2={bandKeep}
            y1={revenueMedian}
            y2={top}
            fill={COLOURS.walk}
            fillOpacity={0.08}
            stroke="none"
            label={{ value: "Painful: high revenue, low fit", position: "insideTopLeft", fill: COLOURS.text, fontSize: 12 }}
          />
        ) : null}
        <ReferenceLine x={bandKeep} stroke={COLOURS.keep} strokeDasharray="4 3" />
        {revenueMedian > 0 ? <ReferenceLine y={revenueMedian} stroke={COLOURS.muted} strokeDasharray="4 3" /> : null}
        <Tooltip
          {...tooltipProps}
          cursor={{ stroke: COLOURS.muted, strokeDasharray: "3 3" }}
          content={({ active, payload }) => {
            const d = active && payload?.length ? (payload[0].payload as KeepDatum) : null;
            if (!d) return null;
            return (
              <div style={tooltipProps.contentStyle} className="px-3 py-2">
                <p className="font-semibold">{d.name}</p>
                <p>Fit {d.score}/100</p>
                <p>Revenue {formatMoney(d.revenue, currency, locale)}</p>
                <p>{formatHours(d.minutes, locale)} of your time</p>
              </div>
            );
          }}
        />
        <Scatter
          data={data}
          name="Clients"
          isAnimationActive={false}
          shape={(p) => {
            const d = p.payload as KeepDatum;
            const r = Math.max(4, Math.sqrt((p.size ?? 64) / Math.PI));
            return (
              <circle
                cx={p.cx}
                cy={p.cy}
                r={r}
                fill={VERDICT_COLOURS[d.verdict]}
                fillOpacity={0.75}
                stroke={COLOURS.text}
                strokeWidth={1}
                style={{ cursor: "pointer" }}
                onClick={() => router.push(`/clients/${d.clientId}`)}
              />
            );
          }}
        >
          <LabelList dataKey={(d: KeepDatum) => (d.painful ? shortName(d.name, 18) : "")} position="right" fill={COLOURS.text} fontSize={12} />
        </Scatter>
      </ScatterChart>
      <Legend
        items={[
          { label: "Keep", colour: COLOURS.keep },
          { label: "Set boundaries", colour: COLOURS.bounds },
          { label: "Walk away", colour: COLOURS.walk },
          { label: `Keep band (${bandKeep})`, colour: COLOURS.keep, line: true, dashed: true },
          ...(revenueMedian > 0 ? [{ label: `Median revenue (${money(revenueMedian)})`, colour: COLOURS.muted, line: true, dashed: true }] : []),
        ]}
      />
      <p className="mt-1 text-xs text-stone-600 dark:text-stone-400">Point size: hours of your time (paid scope plus unpaid asks).</p>
    </>
  );
}
