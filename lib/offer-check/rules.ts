/** The offer check's thresholds and how its answers rank. */
import type { OfferAnswer } from "./types";

/** Thresholds of the rules; exported so the docs, the tests and the UI quote the same numbers. */
export const OFFER_RULES = {
  /** a client haggles when they asked for less on at least half of their decided quotes */
  haggleShareNumerator: 1,
  haggleShareDenominator: 2,
  /** …on at least this many quotes: one polite ask is an ask, not a pattern */
  haggleMinQuotes: 2,
  /** a client pays late when payments are this many days late on average */
  lateDays: 14,
  /** unpaid asks at or above this many minutes attach "extra asks are billed" to a yes */
  unpaidAskMinutes: 120,
  /** capacity is counted over this many weeks */
  capacityWeeks: 4,
  /** below this utilisation the check mentions the room (never lowering the bar) */
  lowUtilisationPct: 50,
  /** fewer open quotes than this is a thin pipeline */
  thinPipelineCount: 2,
  /** the deposit asked of a late payer */
  depositPct: 50,
} as const;

/** At or above this utilisation (and not full) the calendar is "nearly full". */
export const NEARLY_FULL_PCT = 80;

const ANSWER_RANK: Record<OfferAnswer, number> = { walk_away: 0, counter: 1, accept: 2 };

/** walk_away < counter < accept: how far an answer leans towards "yes". */
export function answerRank(answer: OfferAnswer): number {
  return ANSWER_RANK[answer];
}
