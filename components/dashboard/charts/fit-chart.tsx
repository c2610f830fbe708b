"use client";
import { Flag } from "lucide-react";
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
  /** why the verdict is not the score's band ("capped by a red flag: pay (35/100)"); null when it is */
  capped: string | null;
}

/** The bar's label: the score, and a flag mark when red flags decided the verdict rather than the score. */
function ScoreLabel(props: { x?: unknown; y?: unknown; width?: unknown; height?: unknown; index?: number; data: FitDatum[] }) {
  const d = props.index != null ? props.data[props.index] : undefined;
  if (!d) return null;
  const x = Number(props.x) + Number(props.width) + 5;
  const y = Number(props.y) + Number(props.height) / 2;
  return (
    <g>
      <text x={x} y={y} dy="0.35em" fill={COLOURS.text} fontSize={12}>
        {d.score}
      </text>
      {d.capped ? <Flag x={x + 20} y={y - 6} width={12} height={12} stroke={COLOURS.text} aria-hidden /> : null}
    </g>
  );
}

/** Each client's fit score, worst first, coloured by verdict; a click opens the client. */
export function FitChart({
  data,
  bandKeep,
  bandWalkAway,
  legend,
  title,
  desc,
}: {
  data: FitDatum[];
  bandKeep: number;
  bandWalkAway: number;
  /** what each colour means, with the red-flag rules (lib/dashboard verdictLegend) */
  legend: Record<"keep" | "set_boundaries" | "walk_away", string>;
  title: string;
  desc: string;
}) {
  const router = useRouter();
  const height = Math.max(140, data.length * 30 + 50);
  const capped = data.filter((d) => d.capped);
  return (
    <>
      <BarChart layout="vertical" data={data} responsive style={{ width: "100%", height }} margin={{ top: 4, right: capped.length ? 40 : 28, bottom: 4, left: 4 }} title={title} desc={desc}>
        <CartesianGrid horizontal={false} stroke={COLOURS.grid} />
        <XAxis type="number" domain={[0, 100]} ticks={[0, 20, 40, 60, 80, 100]} tick={tick} axisLine={axisLine} tickLine={axisLine} />
        <YAxis type="category" dataKey="name" width={128} tick={tick} interval={0} tickFormatter={(v: string) => shortName(v)} axisLine={axisLine} tickLine={false} />
        <ReferenceLine x={bandWalkAway} stroke={COLOURS.walk} strokeDasharray="4 3" />
        <ReferenceLine x={bandKeep} stroke={COLOURS.keep} strokeDasharray="4 3" />
        <Tooltip
          {...tooltipProps}
          formatter={(v, _n, item) => {
            const d = item.payload as FitDatum;
            return [`${v}/100 \u00b7 ${d.verdictLabel}${d.capped ? ` \u2014 ${d.capped}` : ""}`, "Fit score"];
          }}
        />
        <Bar
          dataKey="score"
          name="Fit score"
          isAnimationActive={false}
          cursor="pointer"
          onClick={(d) => router.push(`/clients/${(d.payload as FitDatum).clientId}`)}
          shape={(p) => <Rectangle {...p} fill={VERDICT_COLOURS[(p.payload as FitDatum).verdict]} />}
        >
          <LabelList dataKey="score" content={(p) => <ScoreLabel {...p} data={data} />} />
        </Bar>
      </BarChart>
      <Legend
        items={[
          { label: legend.keep, colour: COLOURS.keep },
          { label: legend.set_boundaries, colour: COLOURS.bounds },
          { label: legend.walk_away, colour: COLOURS.walk },
        ]}
      />
      {capped.length ? (
        <ul className="mt-2 space-y-1 text-xs text-stone-700 dark:text-stone-300" data-testid="fit-capped">
          {capped.map((d) => (
            <li key={d.clientId} className="flex items-start gap-1.5">
              <Flag aria-hidden className="mt-0.5 size-3 shrink-0" />
              <span>
                {d.name} ({d.score}): {d.verdictLabel.toLowerCase()}, {d.capped}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
