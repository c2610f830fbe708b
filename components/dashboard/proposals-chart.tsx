"use client";
import { COLOURS } from "./charts/theme";
import { StackedCountChart, type CountSeries } from "./charts/stacked-count-chart";

export interface ProposalChoiceDatum {
  label: string;
  chosen: number;
}

const SERIES: CountSeries<"chosen">[] = [{ key: "chosen", name: "Chosen by the client", colour: COLOURS.keep }];

/** Which option clients choose: one bar per place (smallest, middle, top) or per option name. */
export function ProposalChoiceChart({ data, title, desc }: { data: ProposalChoiceDatum[]; title: string; desc: string }) {
  return <StackedCountChart data={data} series={SERIES} title={title} desc={desc} rowHeight={36} grid={COLOURS.grid} />;
}
