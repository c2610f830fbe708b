/**
 * Where the rate ruler's labels go (components/rate-ruler.tsx). Floor, target and market can sit close
 * together (a target only a little above the floor), and on a phone their labels then overlap. Each
 * label gets a row: the first row in which it keeps `minGap` (percent of the ruler's width) from the
 * label before it; labels near an end are anchored inward so none spills past the ruler. Pure.
 */

export interface RulerLabelInput {
  key: string;
  /** position along the ruler, percent 0–100 */
  at: number;
}

export interface RulerLabel extends RulerLabelInput {
  /** 0 = first row under the ruler, 1 = the row below it, … */
  row: number;
  /** how the label text is anchored at its position */
  align: "start" | "center" | "end";
}

/** About the width of "Market" in 10px type on a phone-wide ruler, as a percentage of that ruler. */
export const RULER_LABEL_GAP = 16;
/** Closer than this to an end, a centred label would stick out: it is anchored inward. */
const EDGE = 6;

export function layoutRulerLabels(labels: readonly RulerLabelInput[], minGap = RULER_LABEL_GAP): { labels: RulerLabel[]; rows: number } {
  const order = labels.map((l, i) => ({ l, i })).sort((a, b) => a.l.at - b.l.at || a.i - b.i);
  // the position of the last label placed in each row
  const lastAt: number[] = [];
  const out: RulerLabel[] = new Array(labels.length);
  for (const { l, i } of order) {
    let row = lastAt.findIndex((at) => l.at - at >= minGap);
    if (row === -1) {
      row = lastAt.length;
      lastAt.push(l.at);
    } else lastAt[row] = l.at;
    const at = Math.min(100, Math.max(0, l.at));
    out[i] = { key: l.key, at, row, align: at < EDGE ? "start" : at > 100 - EDGE ? "end" : "center" };
  }
  return { labels: out, rows: Math.max(1, lastAt.length) };
}
