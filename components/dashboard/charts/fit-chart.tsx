"use client";
import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, LabelList, Rectangle, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { Verdict } from "@/lib/worth";
import { COLOURS, Legend, VERDICT_COLOURS, axisLine, shortName, tick, tooltipProps } from "./theme";

export interface FitDatum {
  clientId: number;
  name: string;
  score: number;
  verdict: Verdict;
  verdictLabel: string;
}

/** Each client's fit score, worst first, coloured by verdict; a click opens the client. */
export function FitChart({ data, bandKeep, bandWalkAway, title, desc }: { data: FitDatum[]; bandKeep: number; bandWalkAway: number; title: string; desc: string }) {
  const router = useRouter();
  const height = Math.max(140, data.length * 30 + 50);
  return (
    <>
      <BarChart layout="vertical" data={data} responsive style={{ width: "100%", height }} margin={{ top: 4, right: 28, bottom: 4, left: 4 }} title={title} desc={desc}>
        <CartesianGrid horizontal={false} stroke={COLOURS.grid} />
        <XAxis type="number" domain={[0, 100]} ticks={[0, 20, 40, 60, 80, 100]} tick={tick} axisLine={axisLine} tickLine={axisLine} />
        <YAxis type="category" dataKey="name" width={128} tick={tick} interval={0} tickFormatter={(v: string) => shortName(v)} axisLine={axisLine} tickLine={false} />
        <ReferenceLine x={bandWalkAway} stroke={COLOURS.walk} strokeDasharray="4 3" />
        <ReferenceLine x={bandKeep} stroke={COLOURS.keep} strokeDasharray="4 3" />
        <Tooltip {...tooltipProps} formatter={(v, _n, item) => [`${v}/100 \u00b7 ${(item.payload as FitDatum).verdictLabel}`, "Fit score"]} />
        <Bar
          dataKey="score"
          name="Fit score"
          isAnimationActive={false}
          cursor="pointer"
          onClick={(d) => router.push(`/clients/${(d.payload as FitDatum).clientId}`)}
          shape={(p) => <Rectangle {...p} fill={VERDICT_COLOURS[(p.payload as FitDatum).verdict]} />}
        >
          <LabelList dataKey="score" position="right" fill={COLOURS.text} fontSize={12} />
        </Bar>
      </BarChart>
      <Legend
        items={[
          { label: `Keep (${bandKeep}+)`, colour: COLOURS.keep },
          { label: "Set boundaries", colour: COLOURS.bounds },
          { label: `Walk away (under ${bandWalkAway})`, colour: COLOURS.walk },
        ]}
      />
    </>
  );
}
