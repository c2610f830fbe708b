/** The shapes the worth model hands out. Types only, so every other file here can share them without a cycle. */
import type { ClientSettling } from "../settling";

export type CriterionKey = "pricePressure" | "reciprocity" | "pay" | "chasing" | "payment";

export interface CriterionScore {
  key: CriterionKey;
  label: string;
  /** integer 0-100, null = unknown (no evidence). Shrunk towards the neutral prior while evidence is thin. */
  score: number | null;
  /** the weight from settings */
  weight: number;
  /** plain words with numbers */
  evidence: string[];
  /** what would raise it */
  improve: string;
  /** pieces of evidence: quotes, asks, gives, follow-ups, payments */
  evidenceCount: number;
  /** the same evidence weighed: decayed with age, partial pieces counted as such; 2 decimals */
  evidenceWeight: number;
}

export type Verdict = "keep" | "set_boundaries" | "walk_away" | "not_enough_data";

export type Trend = "better" | "worse" | "steady";

export interface FitAssessment {
  clientId: number;
  score: number | null;
  verdict: Verdict;
  verdictLabel: string;
  confidence: "none" | "low" | "medium" | "high";
  /** pieces of evidence behind the score: the sum over criteria that count (known, weight > 0) */
  evidenceCount: number;
  criteria: CriterionScore[];
  /** counted criteria in the walk-away band: they cap the verdict (settings.capVerdictOnRedFlag, redFlagsForWalkAway) */
  redFlags: CriterionKey[];
  /** one plain sentence: the main reason (and the red flags, when there are any) */
  summary: string;
  /** the last 6 months against before (needs `asOf` and enough evidence on both sides); null when too little */
  trend: Trend | null;
  /** one sentence about the trend, also when there is none */
  trendSummary: string;
  /** the day evidence was aged against; null = no decay */
  asOf: string | null;
  stopChasing: { unansweredInARow: number; threshold: number; shouldStop: boolean; message: string | null };
  settling: ClientSettling;
}

/** Good and bad evidence of one criterion, in integer units (rules.ts PIECE per piece). */
export interface Mass {
  good: number;
  bad: number;
}

/** A criterion's result and the evidence mass behind it (the mass is what the overall score combines). */
export interface Measured {
  criterion: CriterionScore;
  mass: Mass;
}
