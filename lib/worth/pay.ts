/**
 * Pay: the effective rate of each accepted quote against the service's floor, target and market rates
 * in force when it was agreed (lib/rates.ts serviceForQuote), never today's rate card.
 */
import type { QuoteWithEvents, Service, Settings } from "../domain";
import { divRound } from "../money";
import { serviceForQuote } from "../rates";
import { safeReplay, type ClientSettling } from "../settling";
import { BP, PAY } from "./rules";
import { decayWeight, measured, quoteDate, type Clock } from "./shared";
import type { CriterionScore, Measured } from "./types";
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

/**
 * The good share of one quote as evidence, in bp: its points from the floor up (50..100 → 5000..10000),
 * 0 below the floor (your walk-away rate), capped at a whole piece (the market bonus is shown, not counted).
 */
export function quotePayGoodBp(centiPoints: number): number {
  return centiPoints < PAY.atFloor * 100 ? 0 : Math.min(BP, centiPoints);
}

/** How much of a piece one accepted quote is, in bp: minutes / 600, from a quarter to one piece. */
export function quoteSizeBp(minutes: number): number {
  return Math.min(BP, Math.max(PAY.minSizeBp, Math.round((Math.max(0, minutes) * BP) / PAY.referenceMinutes)));
}

/** `settling` gives each quote's effective rate; it must come from the same quotes and services. */
export function measurePay(quotes: QuoteWithEvents[], settling: ClientSettling, services: Service[], settings: Settings, clock: Clock): Measured {
  const locale = settings.locale;
  const serviceById = new Map(services.map((s) => [s.id, s] as const));
  const byId = new Map(settling.quotes.map((s) => [s.quoteId, s] as const));
  let good = 0;
  let bad = 0;
  let rated = 0;
  let belowFloor = 0;
  let belowTarget = 0;
  let atMarket = 0;
  let skippedCurrency = 0;
  let skippedNoService = 0;
  let lowest: { points: number; text: string } | null = null;
  for (const q of quotes) {
    if (q.status !== "accepted") continue;
    const svc = serviceForQuote(q, serviceById);
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
    const pts = quotePayCentiPoints(s.effectiveRate, svc);
    // a job weighs by the work agreed, or by the time it took when that was more (lib/true-rate.ts):
    // finishing early never makes a good job count for less
    const estimate = safeReplay(q).currentMinutes;
    const mass = decayWeight(clock, quoteDate(q)) * quoteSizeBp(Math.max(estimate, s.time?.basisMinutes ?? estimate));
    const g = divRound(mass * quotePayGoodBp(pts), BP);
    good += g;
    bad += mass - g;
    rated += 1;
    const isBelowFloor = s.effectiveRate < svc.floorRate;
    const isBelowTarget = s.effectiveRate < svc.targetRate;
    if (isBelowFloor) belowFloor += 1;
    else if (isBelowTarget) belowTarget += 1;
    if (svc.marketRate > 0 && s.effectiveRate >= svc.marketRate) atMarket += 1;
    if (isBelowTarget && (lowest === null || pts < lowest.points)) {
      lowest = { points: pts, text: lowestPayText(s.effectiveRate, q, svc, isBelowFloor, locale) };
    }
  }
  const skipped = paySkippedNotes(skippedCurrency, skippedNoService);
  if (rated === 0) return measured("pay", settings, { good: 0, bad: 0 }, [NO_EVIDENCE.pay, ...skipped], 0);
  const evidence = payEvidence({ rated, belowFloor, belowTarget, atMarket }, lowest?.text ?? null, skipped);
  return measured("pay", settings, { good, bad }, evidence, rated);
}

export function scorePay(
  quotes: QuoteWithEvents[],
  settling: ClientSettling,
  services: Service[],
  settings: Settings,
  clock: Clock = { asOf: null, halfLifeMonths: 0 },
): CriterionScore {
  return measurePay(quotes, settling, services, settings, clock).criterion;
}
