"use client";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { Legend, axisLine, tick, tooltipProps } from "./theme";

export interface CountSeries<K extends string = string> {
  key: K;
  name: string;
  colour: string;
}

/** Horizontal stacked bars of quote counts, one row per label: the shape of several dashboard charts. */
export function StackedCountChart<T extends { label: string }>({
  data,
  series,
  title,
  desc,
  rowHeight,
  grid,
}: {
  data: T[];
  series: CountSeries<Exclude<keyof T, "label"> & string>[];
  title: string;
  desc: string;
  rowHeight: number;
  grid: string;
}) {
  const height = Math.max(150, data.length * rowHeight + 50);
  return (
    <>
      <BarChart layout="vertical" data={data} responsive style={{ width: "100%", height }} margin={{ top: 4, right: 16, bottom: 4, left: 4 }} title={title} desc={desc}>
        <CartesianGrid horizontal={false} stroke={grid} />
        <XAxis type="number" allowDecimals={false} tick={tick} axisLine={axisLine} tickLine={axisLine} />
        <YAxis type="category" dataKey="label" width={132} tick={tick} interval={0} axisLine={axisLine} tickLine={false} />
        <Tooltip {...tooltipProps} formatter={(v, name) => [`${v} quote${Number(v) === 1 ? "" : "s"}`, name]} />
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.name} stackId="stack" fill={s.colour} isAnimationActive={false} />
        ))}
      </BarChart>
      <Legend items={series.map((s) => ({ label: s.name, colour: s.colour }))} />
    </>
  );
}
