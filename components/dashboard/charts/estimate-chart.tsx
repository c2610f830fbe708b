"use client";
import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { formatHours } from "@/lib/money";
import { COLOURS, Legend, axisLine, maxOf, niceScale, shortName, tick, tooltipProps } from "./theme";

export interface EstimateDatum {
  label: string;
  /** minutes */
  estimate: number;
  /** minutes */
  logged: number;
  clientId: number | null;
}

/** Estimated against logged hours per client, two bars each; a click on a bar opens the client. */
export function EstimateChart({ data, locale, title, desc }: { data: EstimateDatum[]; locale: string; title: string; desc: string }) {
  const router = useRouter();
  const height = Math.max(150, data.length * 52 + 60);
  // ticks on whole hours (1–2–2.5–5 steps of hours), the bars in minutes
  const hours = niceScale(0, Math.ceil(maxOf(data, (d) => Math.max(d.estimate, d.logged), 60) / 60), 1);
  const scale = { domain: hours.domain.map((h) => h * 60) as [number, number], ticks: hours.ticks.map((h) => h * 60) };
  const open = (d: { payload?: unknown }) => {
    const id = (d.payload as EstimateDatum | undefined)?.clientId;
    if (id != null) router.push(`/clients/${id}`);
  };
  return (
    <>
      <BarChart layout="vertical" data={data} responsive style={{ width: "100%", height }} margin={{ top: 4, right: 16, bottom: 4, left: 4 }} barGap={2} title={title} desc={desc}>
        <CartesianGrid horizontal={false} stroke={COLOURS.grid} />
        <XAxis type="number" domain={scale.domain} ticks={scale.ticks} tickFormatter={(v: number) => formatHours(v, locale)} tick={tick} axisLine={axisLine} tickLine={axisLine} allowDecimals={false} />
        <YAxis type="category" dataKey="label" width={112} tick={tick} interval={0} tickFormatter={(v: string) => shortName(v, 15)} axisLine={axisLine} tickLine={false} />
        <Tooltip {...tooltipProps} formatter={(v, name) => [formatHours(Number(v), locale), name]} />
        <Bar dataKey="estimate" name="Estimated hours" fill={COLOURS.sky} isAnimationActive={false} cursor="pointer" onClick={open} />
        <Bar dataKey="logged" name="Hours logged" fill={COLOURS.walk} isAnimationActive={false} cursor="pointer" onClick={open} />
      </BarChart>
      <Legend
        items={[
          { label: "Estimated hours", colour: COLOURS.sky },
          { label: "Hours logged", colour: COLOURS.walk },
        ]}
      />
    </>
  );
}
