/**
 * Trend: is the client getting better or worse? The last 6 months and everything before are each scored
 * on their own (same model, no decay inside a window), and compared. Needs a clock day and enough
 * evidence on both sides; otherwise null, never a guess.
 */
import type { ClientHistory, Service, Settings } from "../domain";
import { measureHistory } from "./measure";
import { DECAY, TREND } from "./rules";
import { ageDays, quoteDate, type Clock } from "./shared";
import type { Trend } from "./types";

export interface TrendResult {
  trend: Trend | null;
  /** the score of the last 6 months and of before, each on its own; null when that window has too little */
  recent: number | null;
  before: number | null;
}

/** Evidence younger than TREND.recentMonths months (on or after the clock day counts as recent). */
function isRecent(clock: Clock, date: string | null | undefined): boolean {
  const age = ageDays(clock, date) ?? 0;
  return age < TREND.recentMonths * DECAY.daysPerMonth;
}

function windowOf(history: ClientHistory, keep: (date: string) => boolean): ClientHistory {
  return {
    client: history.client,
    quotes: history.quotes.filter((q) => keep(quoteDate(q))),
    interactions: history.interactions.filter((i) => keep(i.occurredOn)),
  };
}

export function trendOf(history: ClientHistory, services: Service[], settings: Settings, clock: Clock): TrendResult {
  if (clock.asOf === null) return { trend: null, recent: null, before: null };
  const flat: Clock = { asOf: clock.asOf, halfLifeMonths: 0 };
  const score = (h: ClientHistory) => {
    const m = measureHistory(h, services, settings, flat);
    return m.evidenceCount >= TREND.minEvidence ? m.score : null;
  };
  const recent = score(windowOf(history, (d) => isRecent(flat, d)));
  const before = score(windowOf(history, (d) => !isRecent(flat, d)));
  if (recent === null || before === null) return { trend: null, recent, before };
  const diff = recent - before;
  const trend: Trend = diff >= TREND.steadyWithin ? "better" : diff <= -TREND.steadyWithin ? "worse" : "steady";
  return { trend, recent, before };
}
