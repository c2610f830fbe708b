/** The shapes the worth model hands out. Types only, so every other file here can share them without a cycle. */
import type { ClientSettling } from "../settling";

export type CriterionKey = "pricePressure" | "reciprocity" | "pay" | "chasing" | "payment";

export interface CriterionScore {
  key: CriterionKey;
  label: string;
  /** integer 0-100, null = unknown (no evidence) */
  score: number | null;
  weight: number;
  /** plain words with numbers */
  evidence: string[];
  /** what would raise it */
  improve: string;
  evidenceCount: number;
}

export type Verdict = "keep" | "set_boundaries" | "walk_away" | "not_enough_data";

export interface FitAssessment {
  clientId: number;
  score: number | null;
  verdict: Verdict;
  verdictLabel: string;
  confidence: "none" | "low" | "medium" | "high";
  /** pieces of evidence behind the score: the sum over criteria that count (known, weight > 0) */
  evidenceCount: number;
  criteria: CriterionScore[];
  /** one plain sentence: the main reason */
  summary: string;
  stopChasing: { unansweredInARow: number; threshold: number; shouldStop: boolean; message: string | null };
  settling: ClientSettling;
}
