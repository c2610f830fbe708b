/**
 * What every criterion shares: a stable order, the clock evidence is aged against, the neutral prior
 * and the CriterionScore builder.
 */
import { daysBetween } from "../dates";
import { DEFAULT_SETTINGS, type QuoteWithEvents, type Settings } from "../domain";
import { divRound } from "../money";
import { CRITERIA, DECAY, PIECE, PRIOR, WEIGHT_UNIT } from "./rules";
import type { CriterionKey, CriterionScore, Mass, Measured } from "./types";
import { IMPROVE, smallSampleNote } from "./words";

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

// ---- the clock: how old a piece of evidence is ----

/** The day evidence is aged against (null: no decay) and the half-life in months (0: no decay). */
export interface Clock {
  asOf: string | null;
  halfLifeMonths: number;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function clockFor(settings: Settings, asOf: string | null | undefined): Clock {
  const h = Number(settings.halfLifeMonths ?? DEFAULT_SETTINGS.halfLifeMonths);
  const day = typeof asOf === "string" ? asOf.slice(0, 10) : null;
  return { asOf: day && ISO_DAY.test(day) ? day : null, halfLifeMonths: Number.isFinite(h) && h > 0 ? h : 0 };
}

/** Whole days from `date` to the clock's day (0 for a date on or after it, or a date that cannot be read); null without a day. */
export function ageDays(clock: Clock, date: string | null | undefined): number | null {
  if (clock.asOf === null) return null;
  if (!date || !ISO_DAY.test(date.slice(0, 10))) return 0;
  const d = daysBetween(date.slice(0, 10), clock.asOf) - 1;
  return Number.isFinite(d) && d > 0 ? d : 0;
}

/**
 * The weight of one piece of evidence dated `date`: WEIGHT_UNIT × 2^(−age in months / half-life), rounded
 * to a whole unit and never below 1 (old evidence fades, it never vanishes). Full weight without a clock day
 * or with decay off.
 */
export function decayWeight(clock: Clock, date: string | null | undefined): number {
  const age = ageDays(clock, date);
  if (age === null || clock.halfLifeMonths <= 0 || age === 0) return WEIGHT_UNIT;
  const w = Math.round(WEIGHT_UNIT * Math.pow(2, -age / (clock.halfLifeMonths * DECAY.daysPerMonth)));
  return Math.max(1, Math.min(WEIGHT_UNIT, w));
}

/** The date a quote is aged by: when it was decided, else sent, else created. Never moved by its events. */
export function quoteDate(q: Pick<QuoteWithEvents, "decidedOn" | "sentOn" | "createdAt">): string {
  return (q.decidedOn ?? q.sentOn ?? q.createdAt ?? "").slice(0, 10);
}

// ---- the prior, and a criterion's score from its mass ----

/** The prior in mass units: PRIOR.strength pieces, PRIOR.score % of them good. */
export const PRIOR_TOTAL = PRIOR.strength * PIECE;
export const PRIOR_GOOD = (PRIOR.strength * PIECE * PRIOR.score) / 100;

/** score = 100 × (prior good + good) / (prior + good + bad), rounded once: 75 with no evidence, towards the evidence as it grows. */
export function shrunkScore(mass: Mass): number {
  return clampScore(divRound(100 * (PRIOR_GOOD + mass.good), PRIOR_TOTAL + mass.good + mass.bad));
}

/** Mass units → pieces, to 2 decimals (for display). */
export function pieces(units: number): number {
  return Math.round((units * 100) / PIECE) / 100;
}

/**
 * One criterion's result from its mass: unknown (null) with no evidence, else the shrunk score, with a
 * line saying so while the evidence weighs less than the prior.
 */
export function measured(key: CriterionKey, settings: Settings, mass: Mass, evidence: string[], evidenceCount: number): Measured {
  const total = mass.good + mass.bad;
  const known = evidenceCount > 0;
  const words = known && total < PRIOR_TOTAL ? [...evidence, smallSampleNote()] : evidence;
  return { criterion: criterion(key, settings, known ? shrunkScore(mass) : null, words, evidenceCount, pieces(total)), mass: known ? mass : { good: 0, bad: 0 } };
}

/** One criterion's result, with its label, weight and advice looked up so each scorer only supplies the numbers. */
export function criterion(key: CriterionKey, settings: Settings, score: number | null, evidence: string[], evidenceCount: number, evidenceWeight = 0): CriterionScore {
  const def = CRITERIA.find((c) => c.key === key)!;
  return { key, label: def.label, score, weight: weightOf(settings, def.weightField), evidence, improve: IMPROVE[key], evidenceCount, evidenceWeight };
}
