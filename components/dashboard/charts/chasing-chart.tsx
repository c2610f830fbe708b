"use client";
import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { COLOURS, Legend, axisLine, shortName, tick, tooltipProps } from "./theme";

export interface ChasingDatum {
  clientId: number;
  name: string;
  answered: number;
  unanswered: number;
  pending: number;
}

/** Follow-ups I sent per client, split by whether they answered; a click opens the client. */
export function ChasingChart({ data, title, desc }: { data: ChasingDatum[]; title: string; desc: string }) {
  const router = useRouter();
  const height = Math.max(140, data.length * 30 + 50);
  const open = (d: { payload?: unknown }) => router.push(`/clients/${(d.payload as ChasingDatum).clientId}`);
  return (
    <>
      <BarChart layout="vertical" data={data} responsive style={{ width: "100%", height }} margin={{ top: 4, right: 16, bottom: 4, left: 4 }} title={title} desc={desc}>
        <CartesianGrid horizontal={false} stroke={COLOURS.grid} />
        <XAxis type="number" allowDecimals={false} tick={tick} axisLine={axisLine} tickLine={axisLine} />
        <YAxis type="category" dataKey="name" width={118} tick={tick} interval={0} tickFormatter={(v: string) => shortName(v)} axisLine={axisLine} tickLine={false} />
        <Tooltip {...tooltipProps} formatter={(v, name) => [String(v), name]} />
        <Bar dataKey="answered" name="Answered" stackId="f" fill={COLOURS.keep} isAnimationActive={false} cursor="pointer" onClick={open} />
        <Bar dataKey="unanswered" name="No answer" stackId="f" fill={COLOURS.walk} isAnimationActive={false} cursor="pointer" onClick={open} />
        <Bar dataKey="pending" name="Answer not logged" stackId="f" fill={COLOURS.unknown} isAnimationActive={false} cursor="pointer" onClick={open} />
      </BarChart>
      <Legend
        items={[
          { label: "Answered", colour: COLOURS.keep },
          { label: "No answer", colour: COLOURS.walk },
          { label: "Answer not logged", colour: COLOURS.unknown },
        ]}
      />
    </>
  );
}
