/** The words quick capture answers with once a line is saved. Pure. */

export interface ScoreChange {
  before: { score: number | null; verdictLabel: string };
  after: { score: number | null; verdictLabel: string };
}

const scoreText = (score: number | null) => (score == null ? "not known yet" : String(score));

/** "Fit score 72 → 64, verdict: Set boundaries"; "Fit score stays 80, verdict: Keep"; the verdict's move when it moves. */
export function scoreChangeWords({ before, after }: ScoreChange): string {
  const score = before.score === after.score ? `Fit score stays ${scoreText(after.score)}` : `Fit score ${scoreText(before.score)} → ${scoreText(after.score)}`;
  const verdict = before.verdictLabel === after.verdictLabel ? `verdict: ${after.verdictLabel}` : `verdict: ${before.verdictLabel} → ${after.verdictLabel}`;
  return `${score}, ${verdict}`;
}
