"use client";
import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney, formatPercentBp } from "@/lib/money";
import { formatMoneyCompact } from "@/lib/dashboard/compact";
import { COLOURS, Legend, axisLine, maxOf, niceScale, shortName, tick, tooltipProps } from "./theme";

export interface WhereDatum {
  label: string;
  /** minor units */
  moneyLeft: number;
  /** bp of rated accepted hours; null when too few quotes were rated to judge (no bar is drawn) */
  belowTarget: number | null;
  clientId: number | null;
}

/**
 * Money left on the table (top axis) and the share of accepted hours below target (bottom axis),
 * per service, lead source or client. Two axes because they are different units.
 */
export function WhereChart({ data, currency, locale, title, desc }: { data: WhereDatum[]; currency: string; locale: string; title: string; desc: string }) {
  const router = useRouter();
  const height = Math.max(150, data.length * 44 + 70);
  const clickable = data.some((d) => d.clientId != null);
  // round money ticks, and a real axis even when nothing was left on the table
  const money = niceScale(0, maxOf(data, (d) => d.moneyLeft, 0), 100);
  return (
    <>
      <BarChart layout="vertical" data={data} responsive style={{ width: "100%", height }} margin={{ top: 4, right: 16, bottom: 4, left: 4 }} barGap={2} title={title} desc={desc}>
        <CartesianGrid horizontal={false} stroke={COLOURS.grid} />
        <XAxis xAxisId="money" type="number" orientation="top" domain={money.domain} ticks={money.ticks} tickFormatter={(v: number) => formatMoneyCompact(v, currency, locale)} tick={tick} axisLine={axisLine} tickLine={axisLine} allowDecimals={false} />
        <XAxis xAxisId="share" type="number" orientation="bottom" domain={[0, 10000]} ticks={[0, 2500, 5000, 7500, 10000]} tickFormatter={(v: number) => formatPercentBp(v, locale)} tick={tick} axisLine={axisLine} tickLine={axisLine} />
        <YAxis type="category" dataKey="label" width={112} tick={tick} interval={0} tickFormatter={(v: string) => shortName(v, 15)} axisLine={axisLine} tickLine={false} />
        <Tooltip
          {...tooltipProps}
          formatter={(v, name) => [name === "Money left on the table" ? formatMoney(Number(v), currency, locale) : formatPercentBp(Number(v), locale), name]}
        />
        <Bar
          xAxisId="money"
          dataKey="moneyLeft"
          name="Money left on the table"
          fill={COLOURS.walk}
          isAnimationActive={false}
          cursor={clickable ? "pointer" : undefined}
          onClick={(d) => {
            const id = (d.payload as WhereDatum).clientId;
            if (id != null) router.push(`/clients/${id}`);
          }}
        />
        <Bar xAxisId="share" dataKey="belowTarget" name="Accepted hours below target" fill={COLOURS.sky} isAnimationActive={false} />
      </BarChart>
      <Legend
        items={[
          { label: "Money left on the table (top axis)", colour: COLOURS.walk },
          { label: "Share of accepted hours below target (bottom axis)", colour: COLOURS.sky },
        ]}
      />
    </>
  );
}
