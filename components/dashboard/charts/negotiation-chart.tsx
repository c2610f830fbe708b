"use client";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { COLOURS, Legend, axisLine, tick, tooltipProps } from "./theme";

export interface NegotiationDatum {
  label: string;
  accepted: number;
  lost: number;
  open: number;
}

/** How each haggled quote was answered, and how those quotes ended (accepted, lost, still open). */
export function NegotiationChart({ data, title, desc }: { data: NegotiationDatum[]; title: string; desc: string }) {
  const height = Math.max(150, data.length * 40 + 50);
  return (
    <>
      <BarChart layout="vertical" data={data} responsive style={{ width: "100%", height }} margin={{ top: 4, right: 16, bottom: 4, left: 4 }} title={title} desc={desc}>
        <CartesianGrid horizontal={false} stroke={COLOURS.grid} />
        <XAxis type="number" allowDecimals={false} tick={tick} axisLine={axisLine} tickLine={axisLine} />
        <YAxis type="category" dataKey="label" width={132} tick={tick} interval={0} axisLine={axisLine} tickLine={false} />
        <Tooltip {...tooltipProps} formatter={(v, name) => [`${v} quote${Number(v) === 1 ? "" : "s"}`, name]} />
        <Bar dataKey="accepted" name="Accepted" stackId="q" fill={COLOURS.keep} isAnimationActive={false} />
        <Bar dataKey="lost" name="Lost or declined" stackId="q" fill={COLOURS.walk} isAnimationActive={false} />
        <Bar dataKey="open" name="Still open" stackId="q" fill={COLOURS.unknown} isAnimationActive={false} />
      </BarChart>
      <Legend
        items={[
          { label: "Accepted", colour: COLOURS.keep },
          { label: "Lost or declined", colour: COLOURS.walk },
          { label: "Still open", colour: COLOURS.unknown },
        ]}
      />
    </>
  );
}
