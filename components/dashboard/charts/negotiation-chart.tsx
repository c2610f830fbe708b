"use client";
import { COLOURS } from "./theme";
import { StackedCountChart, type CountSeries } from "./stacked-count-chart";

export interface NegotiationDatum {
  label: string;
  accepted: number;
  lost: number;
  open: number;
}

const SERIES: CountSeries<Exclude<keyof NegotiationDatum, "label">>[] = [
  { key: "accepted", name: "Accepted", colour: COLOURS.keep },
  { key: "lost", name: "Lost or declined", colour: COLOURS.walk },
  { key: "open", name: "Still open", colour: COLOURS.unknown },
];

/** How each haggled quote was answered, and how those quotes ended (accepted, lost, still open). */
export function NegotiationChart({ data, title, desc }: { data: NegotiationDatum[]; title: string; desc: string }) {
  return <StackedCountChart data={data} series={SERIES} title={title} desc={desc} rowHeight={40} grid={COLOURS.grid} />;
}
