/**
 * Time spent on a quote and on a client's jobs, as numbers to show (lib/time-words.ts words them).
 * The judgement (which minutes the pay is judged on, the overrun, creep) is the model's: settling's
 * `time` (lib/settling.ts, lib/true-rate.ts) when the quote is accepted; the two rates are the same
 * arithmetic as settling (lib/money.ts effectiveRate) on the quote counted in the book's currency.
 * Pure: integers in (minutes, minor units, basis points), integers out.
 */
import type { Interaction, QuoteWithEvents, Service, Settings, Unit } from "./domain";
import { inBookCurrency, serviceInQuoteCurrency } from "./book-currency";
import { effectiveRate } from "./money";
import { isUnpaidAsk, askMinutes, safeReplay, type QuoteSettling } from "./settling";
import { judgeTime, pooledOverrun, type TimeJudgement } from "./true-rate";

/** Where a rate sits against the rates in force. */
export type RatePosition = "below_floor" | "below_target" | "below_market" | "at_market";

export function ratePosition(rate: number, rates: { floorRate: number; targetRate: number; marketRate: number }): RatePosition {
  if (rate < rates.floorRate) return "below_floor";
  if (rate < rates.targetRate) return "below_target";
  if (rate < rates.marketRate) return "below_market";
  return "at_market";
}

export interface TimeBar {
  /** basis points of the bar's width: logged time up to the estimate */
  withinBp: number;
  /** basis points of the bar's width: logged time past the estimate (the overrun) */
  overrunBp: number;
  /** where the estimate ends on the bar, basis points of its width (10000 when nothing ran over) */
  estimateAtBp: number;
}

export interface QuoteTimeView {
  time: TimeJudgement;
  /** the model judged it (accepted quote: settling's judgement); false: shown for information only */
  judged: boolean;
  /** the currency the rates are in (the book's for a converted quote) */
  currency: string;
  unit: Unit | null;
  /** agreed (or current) price ÷ estimate, per unit; null when not comparable or no estimate */
  estimateRate: number | null;
  /** agreed (or current) price ÷ time logged, per unit; null when not comparable or nothing logged */
  loggedRate: number | null;
  /** the rate the judgement uses (one of the two) */
  judgedRate: number | null;
  /** the service's rates in force, in `currency`; null when not comparable */
  rates: { floorRate: number; targetRate: number; marketRate: number } | null;
  bar: TimeBar;
  /** unpaid asks logged on this quote: how many and their minutes */
  unpaidAsks: { count: number; minutes: number };
}

/** The bar: logged time against the estimate; past the estimate, the overrun part. */
export function timeBar(estimateMinutes: number, actualMinutes: number): TimeBar {
  const estimate = Math.max(0, estimateMinutes);
  const actual = Math.max(0, actualMinutes);
  const whole = Math.max(estimate, actual);
  if (whole === 0) return { withinBp: 0, overrunBp: 0, estimateAtBp: 10000 };
  const within = Math.min(actual, estimate);
  const withinBp = Math.floor((within * 10000) / whole);
  const overrunBp = actual > estimate ? 10000 - Math.floor((estimate * 10000) / whole) : 0;
  return { withinBp, overrunBp, estimateAtBp: Math.floor((estimate * 10000) / whole) };
}

/** Unpaid asks logged against one quote (the likely cause of a creep). */
export function unpaidAsksOn(quoteId: number, interactions: readonly Interaction[]): { count: number; minutes: number } {
  let count = 0;
  let minutes = 0;
  for (const i of interactions) {
    if (i.quoteId !== quoteId || !isUnpaidAsk(i)) continue;
    count += 1;
    minutes += askMinutes(i);
  }
  return { count, minutes };
}

/**
 * A quote's time spent: the model's judgement (settling, when accepted), both rates against the rates in
 * force (`service`: the quote's service at its date's rates), the bar and the unpaid asks on it.
 */
export function quoteTimeView(
  quote: QuoteWithEvents,
  settling: QuoteSettling | undefined,
  service: Service | null | undefined,
  settings: Pick<Settings, "currency" | "hoursPerDay" | "creepThresholdPct">,
  interactions: readonly Interaction[] = [],
): QuoteTimeView {
  const q = inBookCurrency(quote, settings.currency);
  const neg = safeReplay(q);
  const judged = settling?.time != null;
  const time = settling?.time ?? judgeTime(quote, neg.currentMinutes, settings.creepThresholdPct ?? 20);
  const svc = service ? serviceInQuoteCurrency(service, q) : null;
  const comparable = svc != null && svc.currency === q.currency;
  const unit = comparable ? svc.unit : null;
  const rateOn = (minutes: number) => (comparable && minutes > 0 ? Math.max(0, effectiveRate(neg.currentPrice, minutes, svc.unit, settings.hoursPerDay)) : null);
  const estimateRate = time.estimateKnown ? rateOn(time.estimateMinutes) : null;
  const loggedRate = rateOn(time.actualMinutes);
  // the judged rate is settling's own number when the model judged the quote
  const judgedRate = judged && settling?.effectiveRate != null ? settling.effectiveRate : time.basis === "time_logged" ? loggedRate : estimateRate;
  return {
    time,
    judged,
    currency: q.currency,
    unit,
    estimateRate,
    loggedRate,
    judgedRate,
    rates: comparable ? { floorRate: svc.floorRate, targetRate: svc.targetRate, marketRate: svc.marketRate } : null,
    bar: timeBar(time.estimateKnown ? time.estimateMinutes : 0, time.actualMinutes),
    unpaidAsks: unpaidAsksOn(quote.id, interactions),
  };
}

export interface ClientCreep {
  /** accepted jobs whose logged time counts (done, or past the estimate) and that have an estimate of their own */
  jobs: number;
  /** of those, the ones that crept */
  crept: number;
  /** all of them together: total logged against total estimated, basis points; null when none */
  overrunBp: number | null;
}

/** How a client's jobs compare with their estimates, from settling's judgements (lib/settling.ts). */
export function clientCreep(settlings: readonly QuoteSettling[]): ClientCreep {
  const counted = settlings.flatMap((s) => (s.accepted && s.time && s.time.basis === "time_logged" && s.time.estimateKnown && s.time.estimateMinutes > 0 ? [s] : []));
  const pooled = pooledOverrun(counted.map((s) => ({ estimateMinutes: s.time!.estimateMinutes, actualMinutes: s.time!.actualMinutes })));
  return { jobs: pooled.jobs, crept: counted.filter((s) => s.crept).length, overrunBp: pooled.overrunBp };
}
