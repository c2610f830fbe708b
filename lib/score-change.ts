/**
 * What one logged entry did to a client's fit score: the assessment before and after, in numbers and in
 * one plain line ("Fit score 72 → 64 · Set boundaries"). Pure: server/score-change.ts takes the two
 * assessments around the write, the forms show the words.
 */
import type { CriterionKey, FitAssessment, Verdict } from "./worth";
import { VERDICT_LABELS } from "./worth/words";

export interface ScoreChange {
  before: number | null;
  after: number | null;
  verdictBefore: Verdict;
  verdict: Verdict;
  verdictLabel: string;
  /** the criteria whose score moved, the biggest move first */
  criteria: { key: CriterionKey; label: string; before: number | null; after: number | null }[];
}

export function scoreChange(before: Pick<FitAssessment, "score" | "verdict" | "criteria">, after: Pick<FitAssessment, "score" | "verdict" | "verdictLabel" | "criteria">): ScoreChange {
  const old = new Map(before.criteria.map((c) => [c.key, c.score] as const));
  const moved = after.criteria
    .map((c) => ({ key: c.key, label: c.label, before: old.get(c.key) ?? null, after: c.score }))
    .filter((c) => c.before !== c.after)
    .sort((a, b) => Math.abs((b.after ?? 0) - (b.before ?? 0)) - Math.abs((a.after ?? 0) - (a.before ?? 0)));
  return { before: before.score, after: after.score, verdictBefore: before.verdict, verdict: after.verdict, verdictLabel: after.verdictLabel, criteria: moved };
}

const num = (n: number | null) => (n == null ? "–" : String(n));

/** "72 → 64"; "now 73" for a first score (unknown before); "stays 72" when it did not move. */
function move(before: number | null, after: number | null): string {
  if (before === after) return `stays ${num(after)}`;
  if (before == null) return `now ${num(after)}`;
  return `${num(before)} → ${num(after)}`;
}

/**
 * "Fit score 72 → 64 · Set boundaries", "Fit score stays 72 · Keep" when the entry did not move it, and the
 * verdict's own move when it moved: "Fit score 72 → 64 · Keep → Set boundaries".
 */
export function scoreChangeLine(c: ScoreChange): string {
  const verdict = c.verdictBefore === c.verdict ? c.verdictLabel : `${VERDICT_LABELS[c.verdictBefore]} → ${c.verdictLabel}`;
  return `Fit score ${move(c.before, c.after)} · ${verdict}`;
}

/** "Haggling 80 → 60": the criterion that moved most, or null when none did. */
export function mainCriterionLine(c: ScoreChange): string | null {
  const m = c.criteria[0];
  return m ? `${m.label} ${move(m.before, m.after)}` : null;
}
