/** Small helpers every criterion uses: a stable order, the 0..100 clamp, and the CriterionScore builder. */
import type { Settings } from "../domain";
import { CRITERIA } from "./rules";
import type { CriterionKey, CriterionScore } from "./types";
import { IMPROVE } from "./words";

/** Date then id: the same history in any array order is read in the same order. */
export function byDateThenId<T extends { occurredOn: string; id: number }>(a: T, b: T): number {
  return a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : a.id - b.id;
}

export function clampScore(n: number): number {
  return Math.min(100, Math.max(0, n));
}

/** A weight from settings: negative, non-finite or missing counts as 0 (excluded). */
export function weightOf(settings: Settings, field: keyof Settings): number {
  const w = Number(settings[field]);
  return Number.isFinite(w) && w > 0 ? w : 0;
}

/** One criterion's result, with its label, weight and advice looked up so each scorer only supplies the numbers. */
export function criterion(key: CriterionKey, settings: Settings, score: number | null, evidence: string[], evidenceCount: number): CriterionScore {
  const def = CRITERIA.find((c) => c.key === key)!;
  return { key, label: def.label, score, weight: weightOf(settings, def.weightField), evidence, improve: IMPROVE[key], evidenceCount };
}
