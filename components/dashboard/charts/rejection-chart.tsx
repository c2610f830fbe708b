"use client";
import { COLOURS } from "./theme";
import { StackedCountChart, type CountSeries } from "./stacked-count-chart";

export interface RejectionDatum {
  label: string;
  rejected: number;
  declinedByMe: number;
}

const SERIES: CountSeries<Exclude<keyof RejectionDatum, "label">>[] = [
  { key: "rejected", name: "They rejected", colour: COLOURS.info },
  { key: "declinedByMe", name: "I declined", colour: COLOURS.bounds },
];

/** "Every rejection is information": rejected and declined-by-me quotes by reason. */
export function RejectionChart({ data, title, desc }: { data: RejectionDatum[]; title: string; desc: string }) {
  return <StackedCountChart data={data} series={SERIES} title={title} desc={desc} rowHeight={36} grid={COLOURS.grid} />;
}
