/** Haggling: how often the client asks for a discount, how deep, and how much you gave away. */
import type { QuoteWithEvents, Settings } from "../domain";
import { divRound } from "../money";
import { safeReplay } from "../settling";
import { PRICE_PRESSURE } from "./rules";
import { clampScore, criterion } from "./shared";
import type { CriterionScore } from "./types";
import { NO_EVIDENCE, pricePressureEvidence } from "./words";

/** Quotes that can show haggling: sent or decided, or with negotiation events. A silent draft is not evidence. */
function isPricedQuote(q: QuoteWithEvents): boolean {
  return q.events.length > 0 || q.status !== "draft";
}

/** `quotes` must already be in a stable order (by id). */
export function scorePricePressure(quotes: QuoteWithEvents[], settings: Settings): CriterionScore {
  const priced = quotes.filter(isPricedQuote);
  const n = priced.length;
  if (n === 0) return criterion("pricePressure", settings, null, [NO_EVIDENCE.pricePressure], 0);

  let haggled = 0;
  let concededOn = 0;
  let depthSum = 0; // Σ deepest ask per quote, bp (0 when no ask)
  let concededSum = 0; // Σ concession per quote, bp
  let deepest = 0;
  for (const q of priced) {
    const s = safeReplay(q);
    const depth = Math.min(10000, Math.max(0, s.deepestAskBp));
    const conceded = Math.min(10000, Math.max(0, s.concededBp));
    if (s.asks > 0) haggled += 1;
    if (conceded > 0) concededOn += 1;
    depthSum += depth;
    concededSum += conceded;
    deepest = Math.max(deepest, depth);
  }
  // score = 100 − 30·h/n − 30·min(1, avgDepth/30%) − 40·min(1, avgConceded/25%), on the common denominator 15000·n.
  const P = PRICE_PRESSURE;
  const den = 15000 * n;
  const penalty =
    P.sharePts * 15000 * haggled +
    ((P.depthPts * 15000) / P.depthCapBp) * Math.min(depthSum, P.depthCapBp * n) +
    ((P.concededPts * 15000) / P.concededCapBp) * Math.min(concededSum, P.concededCapBp * n);
  const score = clampScore(divRound(100 * den - penalty, den));

  const evidence = pricePressureEvidence(
    { n, haggled, concededOn, deepestBp: deepest, depthSumBp: depthSum, concededSumBp: concededSum },
    settings.locale,
  );
  return criterion("pricePressure", settings, score, evidence, n);
}
