"use client";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { COLOURS, Legend, axisLine, tick, tooltipProps } from "./theme";

export interface RejectionDatum {
  label: string;
  rejected: number;
  declinedByMe: number;
}

/** "Every rejection is information": rejected and declined-by-me quotes by reason. */
export function RejectionChart({ data, title, desc }: { data: RejectionDatum[]; title: string; desc: string }) {
  const height = Math.max(150, data.length * 36 + 50);
  return (
    <>
      <BarChart layout="vertical" data={data} responsive style={{ width: "100%", height }} margin={{ top: 4, right: 16, bottom: 4, left: 4 }} title={title} desc={desc}>
        <CartesianGrid horizontal={false} stroke={COLOURS.grid} />
        <XAxis type="number" allowDecimals={false} tick={tick} axisLine={axisLine} tickLine={axisLine} />
        <YAxis type="category" dataKey="label" width={132} tick={tick} interval={0} axisLine={axisLine} tickLine={false} />
        <Tooltip {...tooltipProps} formatter={(v, name) => [`${v} quote${Number(v) === 1 ? "" : "s"}`, name]} />
        <Bar dataKey="rejected" name="They rejected" stackId="r" fill={COLOURS.info} isAnimationActive={false} />
        <Bar dataKey="declinedByMe" name="I declined" stackId="r" fill={COLOURS.bounds} isAnimationActive={false} />
      </BarChart>
      <Legend
        items={[
          { label: "They rejected", colour: COLOURS.info },
          { label: "I declined", colour: COLOURS.bounds },
        ]}
      />
    </>
  );
}
