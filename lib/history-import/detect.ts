/**
 * Which tool wrote this file? Guessed from the header row alone: the time-tracker preset whose own
 * columns the header holds best (at least a quarter of them, and every required field), else the past-jobs mapping
 * when its required fields can be found. Pure; null when nothing fits (the user picks).
 */
import { defaultMapping } from "./mapping";
import { columnMatches, PRESETS, type ImportSource } from "./presets";

export interface Detection {
  source: ImportSource;
  /** share of the preset's own columns found, 0..1 */
  score: number;
}

const TIME_PRESETS: ImportSource[] = ["toggl", "clockify", "harvest"];

function hasRequired(source: ImportSource, header: readonly string[]): boolean {
  const mapping = defaultMapping(source, header);
  return PRESETS[source].required.every((f) => mapping[f] !== undefined);
}

export function detectPreset(header: readonly string[]): Detection | null {
  let best: Detection | null = null;
  for (const source of TIME_PRESETS) {
    if (!hasRequired(source, header)) continue;
    const own = PRESETS[source].header;
    const score = own.filter((name) => header.some((h) => columnMatches(h, name))).length / own.length;
    if (score >= 0.25 && (!best || score > best.score)) best = { source, score };
  }
  if (best) return best;
  if (hasRequired("jobs", header)) return { source: "jobs", score: 1 };
  return null;
}
