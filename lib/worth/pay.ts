/** Pay: the effective rate of each accepted quote against the service's floor, target and market rates. */
import type { QuoteWithEvents, Service, Settings } from "../domain";
import { divRound } from "../money";
import { safeReplay, type ClientSettling } from "../settling";
import { PAY } from "./rules";
import { clampScore, criterion } from "./shared";
import type { CriterionScore } from "./types";
import { NO_EVIDENCE, lowestPayText, payEvidence, paySkippedNotes } from "./words";

/**
 * Pay score of one quote in hundredths of a point (0..11000), monotone in the rate:
 * below floor 0→30 (a cliff at the floor), floor→target 50→100, at/above target 100, at/above market 110.
 */
export function quotePayCentiPoints(rate: number, service: Pick<Service, "floorRate" | "targetRate" | "marketRate">): number {
  const r = Math.max(0, rate);
  if (r >= service.targetRate) {
    return PAY.atTarget * 100 + (service.marketRate > 0 && r >= service.marketRate ? PAY.marketBonus * 100 : 0);
  }
  if (r >= service.floorRate) {
    // floor <= r < target, so target − floor > 0
    return PAY.atFloor * 100 + divRound((PAY.atTarget - PAY.atFloor) * 100 * (r - service.floorRate), service.targetRate - service.floorRate);
  }
  // r < floor, so floor > 0
  return divRound(PAY.belowFloorMax * 100 * r, service.floorRate);
}

/** `settling` gives each quote's effective rate; it must come from the same quotes and services. */
export function scorePay(quotes: QuoteWithEvents[], settling: ClientSettling, services: Service[], settings: Settings): CriterionScore {
  const locale = settings.locale;
  const serviceById = new Map(services.map((s) => [s.id, s] as const));
  const byId = new Map(settling.quotes.map((s) => [s.quoteId, s] as const));
  let weighted = 0; // Σ minutes × centi-points
  let minutes = 0;
  let rated = 0;
  let belowFloor = 0;
  let belowTarget = 0;
  let atMarket = 0;
  let skippedCurrency = 0;
  let skippedNoService = 0;
  let lowest: { points: number; text: string } | null = null;
  for (const q of quotes) {
    if (q.status !== "accepted") continue;
    const svc = q.serviceId != null ? serviceById.get(q.serviceId) : undefined;
    if (!svc) {
      skippedNoService += 1;
      continue;
    }
    if (svc.currency !== q.currency) {
      skippedCurrency += 1;
      continue;
    }
    const s = byId.get(q.id);
    if (!s || s.effectiveRate == null) continue;
    const m = safeReplay(q).currentMinutes;
    const pts = quotePayCentiPoints(s.effectiveRate, svc);
    weighted += m * pts;
    minutes += m;
    rated += 1;
    if (s.belowFloor) belowFloor += 1;
    else if (s.belowTarget) belowTarget += 1;
    if (!s.belowMarket && svc.marketRate > 0) atMarket += 1;
    if (s.belowTarget && (lowest === null || pts < lowest.points)) {
      lowest = { points: pts, text: lowestPayText(s.effectiveRate, q, svc, s.belowFloor, locale) };
    }
  }
  const skipped = paySkippedNotes(skippedCurrency, skippedNoService);
  if (rated === 0) return criterion("pay", settings, null, [NO_EVIDENCE.pay, ...skipped], 0);

  // Weighted by minutes: a long job below floor matters more than a short one. Capped at 100 after the mean,
  // so pay above market can make up for a little pay under target elsewhere.
  const score = clampScore(divRound(weighted, minutes * 100));
  const evidence = payEvidence({ rated, belowFloor, belowTarget, atMarket }, lowest?.text ?? null, skipped);
  return criterion("pay", settings, score, evidence, rated);
}
