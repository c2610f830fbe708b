/**
 * Haggling: what the client asked for and, above all, what you gave away — on quotes the client answered.
 * A quote sent into silence shows no price pressure (it is chasing evidence, see chasing.ts).
 */
import type { QuoteWithEvents, Settings } from "../domain";
import { divRound } from "../money";
import { safeReplay } from "../settling";
import { BP, PRICE_PRESSURE } from "./rules";
import { decayWeight, measured, quoteDate, type Clock } from "./shared";
import type { CriterionScore, Measured } from "./types";
import { NO_EVIDENCE, pricePressureEvidence, type HaggleOutcome, type HaggleQuote } from "./words";

/** The bad share of one quote, in bp of a piece: the ask (mild, up to 25%) plus what you conceded (up to 75%). */
export function quoteHaggleBadBp(deepestAskBp: number, concededBp: number): number {
  const P = PRICE_PRESSURE;
  const depth = Math.min(BP, Math.max(0, deepestAskBp));
  const conceded = Math.min(BP, Math.max(0, concededBp));
  const ask = divRound(P.askBp * Math.min(depth, P.askCapBp), P.askCapBp);
  const gave = divRound(P.concededBp * Math.min(conceded, P.concededCapBp), P.concededCapBp);
  return Math.min(BP, ask + gave);
}

function outcomeOf(q: QuoteWithEvents, asks: number, concededBp: number, cutScope: boolean): HaggleOutcome {
  if (q.status === "accepted") {
    if (concededBp > 0) return "conceded";
    if (asks === 0) return "clean";
    return cutScope ? "traded_scope" : "paid_in_full";
  }
  if (concededBp > 0) return "conceded";
  if (q.status === "declined_by_me") return "declined";
  if (q.status === "rejected") return "rejected";
  return "open";
}

/** `quotes` must already be in a stable order (by id). */
export function measurePricePressure(quotes: QuoteWithEvents[], settings: Settings, clock: Clock): Measured {
  let good = 0;
  let bad = 0;
  const outcomes: HaggleQuote[] = [];
  for (const q of quotes) {
    // a job brought in from a time tracker or a sheet says what was paid, not how it was negotiated:
    // no evidence about haggling either way, until a negotiation step is logged on it
    if (q.sourceKey != null && q.events.length === 0) continue;
    const s = safeReplay(q);
    const badBp = quoteHaggleBadBp(s.deepestAskBp, s.concededBp);
    const accepted = q.status === "accepted";
    // Evidence: an accepted quote (a deal was made), or any quote that shows pressure (an ask, a concession).
    // Not accepted, it brings only its bad share: a declined lowball never counts for the client.
    if (!accepted && badBp === 0) continue;
    const w = decayWeight(clock, quoteDate(q));
    bad += w * badBp;
    if (accepted) good += w * (BP - badBp);
    outcomes.push({
      outcome: outcomeOf(q, s.asks, Math.max(0, s.concededBp), s.cutScope),
      askBp: s.asks > 0 ? Math.min(BP, Math.max(0, s.deepestAskBp)) : 0,
      concededBp: Math.min(BP, Math.max(0, s.concededBp)),
    });
  }
  if (outcomes.length === 0) return measured("pricePressure", settings, { good: 0, bad: 0 }, [NO_EVIDENCE.pricePressure], 0);
  return measured("pricePressure", settings, { good, bad }, pricePressureEvidence(outcomes, settings.locale), outcomes.length);
}

export function scorePricePressure(quotes: QuoteWithEvents[], settings: Settings, clock: Clock = { asOf: null, halfLifeMonths: 0 }): CriterionScore {
  return measurePricePressure(quotes, settings, clock).criterion;
}
