/**
 * Small samples. A share of a handful of cases is not a finding: "after I held firm 0% (0 of 2)" next
 * to "after I conceded 100% (6 of 6)" reads as advice that two quotes cannot give. So every share the
 * dashboard shows as a figure carries its counts, and a share of fewer than MIN_SAMPLE cases is shown as
 * "too few to tell (2 of 2)", never as a percentage. docs/dashboard.md, "Small samples". Pure.
 */
import { formatPercentBp } from "../money";
import { share } from "./settling";
import type { SampleComparison, SampleShare, SettlingFigures } from "./types";

/**
 * The fewest cases a share is shown as a percentage for: accept rates need this many decided quotes,
 * the answer rate this many answered-or-not follow-ups, the headline shares this many rated accepted
 * quotes. Below it the dashboard says "too few to tell" and gives the counts.
 */
export const MIN_SAMPLE = 5;

/** The words for a share of too few cases (lower case: it is used mid-sentence; a tile capitalises it). */
export const TOO_FEW = "too few to tell";

/**
 * `part` of `whole` cases as a share. `bp` defaults to part ÷ whole (basis points, rounded half away
 * from zero); a figure measured otherwise (the share of *hours* below target, counted in quotes) passes
 * its own. Enough when whole ≥ MIN_SAMPLE and there is a share.
 */
export function sampleShare(part: number, whole: number, bp: number | null = share(part, whole)): SampleShare {
  return { bp, part, whole, enough: whole >= MIN_SAMPLE && bp != null };
}

/** Two shares compared (held firm against conceded): only when each side has MIN_SAMPLE cases. */
export function compareSamples(a: SampleShare, b: SampleShare): SampleComparison {
  return { enough: a.enough && b.enough, minEach: MIN_SAMPLE };
}

/** What the cases are called after the counts: one word for any number ("conceded"), or its singular and plural. */
export type CaseNoun = string | readonly [one: string, many: string];

/** The cases in words: "4 of 6", "4 of 6 quotes", "0 of 1 quote" (the noun agrees with the whole). */
export function sampleCounts(s: Pick<SampleShare, "part" | "whole">, noun?: CaseNoun): string {
  const word = noun == null ? "" : typeof noun === "string" ? noun : s.whole === 1 ? noun[0] : noun[1];
  return `${s.part} of ${s.whole}${word ? ` ${word}` : ""}`;
}

/**
 * The share in words: "66.7% · 4 of 6" with enough cases, "too few to tell (2 of 2)" without. `noun`
 * names the cases after the counts ("4 of 6 quotes"); the share itself is never written for too few.
 */
export function sampleText(s: SampleShare, locale: string, noun?: CaseNoun): string {
  const counts = sampleCounts(s, noun);
  return s.enough ? `${formatPercentBp(s.bp!, locale)} \u00b7 ${counts}` : `${TOO_FEW} (${counts})`;
}

/** The cases of the settling shares. */
export const QUOTE_NOUN: CaseNoun = ["quote", "quotes"];

/**
 * The headline's (and each settling group's) shares with their cases, all counted in accepted quotes:
 * below target and below floor are shares of rated hours over the rated quotes; the average concession
 * is a mean over every accepted quote, `part` being the quotes where something was given away.
 */
export function settlingSamples(f: SettlingFigures): { belowTarget: SampleShare; belowFloor: SampleShare; concession: SampleShare } {
  return {
    belowTarget: sampleShare(f.belowTargetQuotes, f.ratedQuotes, f.belowTargetShareBp),
    belowFloor: sampleShare(f.belowFloorQuotes, f.ratedQuotes, f.belowFloorShareBp),
    concession: sampleShare(f.concededQuotes, f.acceptedQuotes, f.averageConcessionBp),
  };
}
