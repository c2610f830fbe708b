/** Chasing: follow-ups sent and answered per client, with the worth model's stop-chasing signal. Pure. */
import type { FitAssessment } from "../worth";
import { sampleShare } from "./samples";
import type { ChaseCount, ChaseRow, Dashboard } from "./types";

/**
 * Most chased first (then most unanswered, then by name); totals over every client. The answer rate
 * (answered ÷ answered or not; unlogged answers left out) comes bare and with its cases.
 */
export function chasingFigures(counts: readonly ChaseCount[], stops: ReadonlyMap<number, FitAssessment["stopChasing"]>): Dashboard["chasing"] {
  const byClient: ChaseRow[] = counts
    .map((r) => {
      const answerRate = sampleShare(r.answered, r.answered + r.unanswered);
      return {
        ...r,
        answerRateBp: answerRate.bp,
        answerRate,
        unansweredInARow: stops.get(r.clientId)?.unansweredInARow ?? 0,
        shouldStop: stops.get(r.clientId)?.shouldStop ?? false,
      };
    })
    .sort((a, b) => b.sent - a.sent || b.unanswered - a.unanswered || a.name.localeCompare(b.name));
  const sum = (pick: (r: ChaseRow) => number) => byClient.reduce((s, r) => s + pick(r), 0);
  const answered = sum((r) => r.answered);
  const unanswered = sum((r) => r.unanswered);
  const answerRate = sampleShare(answered, answered + unanswered);
  return { sent: sum((r) => r.sent), answered, unanswered, pending: sum((r) => r.pending), answerRateBp: answerRate.bp, answerRate, byClient };
}
