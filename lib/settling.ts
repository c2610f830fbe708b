/**
 * Settling: where the user accepts less than they are worth.
 *
 * "Every time you settle for less than you deserve, you're training yourself and others to see you as worth less."
 *
 * An accepted quote settles when
 *   - its effective rate is below the user's target for that service (it "settles hard" below the floor), or
 *   - the user conceded a discount without cutting scope to match, or
 *   - the user did unpaid work linked to that quote (unpaid asks with interaction.quoteId).
 * Money left on the table = what the work is worth at target rate − what was agreed, never negative; the
 * work is the agreed scope's estimate, or the time really spent once logged time counts (lib/true-rate.ts).
 * A quote in another currency is counted in the book's through its own rate (lib/book-currency.ts).
 * The rates are those in force on the quote's date (lib/rates.ts serviceForQuote): raising your rates today
 * never turns last year's work into settling.
 *
 * Pure and deterministic: no I/O, no clock; quotes come out sorted by id whatever order they arrive in.
 * See docs/worth-model.md for the reasoning and worked examples.
 */
import type { ClientHistory, Interaction, QuoteWithEvents, Service, Settings, Unit } from "./domain";
import { effectiveRate, formatHours, formatMoney, formatPercentBp, valueAtRate } from "./money";
import { replayNegotiation, type NegotiationSummary } from "./negotiation";
import { serviceForQuote } from "./rates";
import { judgeTime, type TimeJudgement } from "./true-rate";
import { inBookCurrency } from "./book-currency";

export interface QuoteSettling {
  quoteId: number;
  accepted: boolean;
  /**
   * minor units per `unit`, on the minutes the pay is judged on (`time.basisMinutes`: the time logged
   * once it counts, else the estimate); null when not accepted, no service, currency mismatch or no time estimate
   */
  effectiveRate: number | null;
  /** the agreed price over the estimate (what the quote promised), when time logged changed the basis */
  estimateRate: number | null;
  /** estimate, time logged and which of them the rate is judged on (lib/true-rate.ts); null when not accepted */
  time: TimeJudgement | null;
  /** the job ran over its estimate by more than the creep threshold */
  crept: boolean;
  unit: Unit | null;
  belowTarget: boolean;
  belowFloor: boolean;
  belowMarket: boolean;
  /** a net discount off the price per minute (concededBp > 0): money given away, not traded for scope */
  concededWithoutScopeCut: boolean;
  unpaidExtraMinutes: number;
  settles: boolean;
  /** settles below the floor (walk-away) rate */
  settlesHard: boolean;
  /** value of the agreed scope at the target rate, in the quote's currency; null when not comparable */
  valueAtTarget: number | null;
  /** >= 0, minor units of the quote's currency */
  moneyLeftOnTable: number;
  reasons: string[];
}

export interface ClientSettling {
  /** every quote of the client, sorted by id */
  quotes: QuoteSettling[];
  acceptedCount: number;
  settledCount: number;
  belowTargetCount: number;
  belowFloorCount: number;
  /** sum over accepted quotes priced in settings.currency (other currencies are not added up) */
  moneyLeftOnTable: number;
  /** all unpaid ask minutes for the client, linked to a quote or not */
  unpaidMinutes: number;
}

/** An ask logged without minutes still took time: a "quick question" is never free. */
export const ASK_DEFAULT_MINUTES = 15;

/** Minutes an ask counts for: the logged minutes, or ASK_DEFAULT_MINUTES when none (or zero) were logged. */
export function askMinutes(interaction: Pick<Interaction, "minutes">): number {
  const m = interaction.minutes;
  return m != null && Number.isFinite(m) && m > 0 ? Math.round(m) : ASK_DEFAULT_MINUTES;
}

/** An ask the client did not pay for (paid is false or not recorded). */
export function isUnpaidAsk(interaction: Pick<Interaction, "kind" | "paid">): boolean {
  return interaction.kind === "ask" && interaction.paid !== true;
}

/**
 * replayNegotiation divides by estimatedMinutes once scope is cut; a quote without a time estimate
 * cannot be replayed that way, so its scope changes are ignored (its rate is unknown anyway).
 */
export function safeReplay(quote: QuoteWithEvents): NegotiationSummary {
  if (quote.estimatedMinutes > 0) return replayNegotiation(quote);
  return replayNegotiation({ ...quote, events: quote.events.map((e) => ({ ...e, scopeMinutes: null })) });
}

function rateText(rate: number, currency: string, unit: Unit, locale: string): string {
  return `${formatMoney(rate, currency, locale)}/${unit}`;
}

export function settleQuote(quote: QuoteWithEvents, service: Service | undefined, settings: Settings, unpaidExtraMinutes = 0): QuoteSettling {
  const unpaid = Math.max(0, Math.round(unpaidExtraMinutes));
  const base: QuoteSettling = {
    quoteId: quote.id,
    accepted: false,
    effectiveRate: null,
    estimateRate: null,
    time: null,
    crept: false,
    unit: null,
    belowTarget: false,
    belowFloor: false,
    belowMarket: false,
    concededWithoutScopeCut: false,
    unpaidExtraMinutes: unpaid,
    settles: false,
    settlesHard: false,
    valueAtTarget: null,
    moneyLeftOnTable: 0,
    reasons: [],
  };
  // Only accepted work can settle: an open or rejected quote has not cost anything yet.
  if (quote.status !== "accepted") return base;

  const locale = settings.locale;
  const summary = safeReplay(quote);
  const reasons: string[] = [];
  const time = judgeTime(quote, summary.currentMinutes, settings.creepThresholdPct ?? 20);
  const result: QuoteSettling = { ...base, accepted: true, time, crept: time.crept };

  if (!service) {
    reasons.push("No service linked: rate not compared with your rates");
  } else if (service.currency !== quote.currency) {
    reasons.push(`Priced in ${quote.currency} but the service is priced in ${service.currency}: rate not compared`);
  } else if (time.basisMinutes <= 0) {
    reasons.push("No time estimate: rate not compared");
  } else {
    const rate = Math.max(0, effectiveRate(summary.currentPrice, time.basisMinutes, service.unit, settings.hoursPerDay));
    result.effectiveRate = rate;
    if (time.basis === "time_logged" && time.estimateMinutes > 0 && time.estimateKnown) {
      result.estimateRate = Math.max(0, effectiveRate(summary.currentPrice, time.estimateMinutes, service.unit, settings.hoursPerDay));
    }
    result.unit = service.unit;
    result.belowTarget = rate < service.targetRate;
    result.belowFloor = rate < service.floorRate;
    result.belowMarket = rate < service.marketRate;
    const value = valueAtRate(service.targetRate, time.basisMinutes, service.unit, settings.hoursPerDay);
    result.valueAtTarget = value;
    result.moneyLeftOnTable = Math.max(0, value - summary.currentPrice);
    const shown = rateText(rate, quote.currency, service.unit, locale);
    if (time.crept && time.overrunBp != null) {
      reasons.push(
        `Ran ${formatPercentBp(time.overrunBp, locale)} over its estimate (${formatHours(time.actualMinutes, locale)} logged against ${formatHours(time.estimateMinutes, locale)} estimated)`,
      );
    }
    const which = time.basis === "time_logged" ? "True rate" : "Rate";
    if (result.belowFloor) {
      reasons.push(`${which} ${shown} is below your floor of ${rateText(service.floorRate, quote.currency, service.unit, locale)}`);
    } else if (result.belowTarget) {
      reasons.push(`${which} ${shown} is below your target of ${rateText(service.targetRate, quote.currency, service.unit, locale)}`);
    }
  }

  // concededBp is measured per minute of scope, so trading scope for budget is not counted as giving.
  if (summary.concededBp > 0) {
    result.concededWithoutScopeCut = true;
    reasons.push(`You gave away ${formatPercentBp(Math.min(10000, summary.concededBp), locale)} without cutting scope`);
  }
  if (unpaid > 0) reasons.push(`${formatHours(unpaid, locale)} of unpaid extra work on this quote`);

  result.settles = result.belowTarget || result.concededWithoutScopeCut || unpaid > 0;
  result.settlesHard = result.belowFloor;
  if (result.moneyLeftOnTable > 0) {
    reasons.push(`${formatMoney(result.moneyLeftOnTable, quote.currency, locale)} left on the table against your target rate`);
  }
  result.reasons = reasons;
  return result;
}

export function settleClient(history: ClientHistory, services: Service[], settings: Settings): ClientSettling {
  const serviceById = new Map(services.map((s) => [s.id, s] as const));
  // every quote counted in the book's currency (lib/book-currency.ts): a quote with its rate is converted
  const quotes = [...history.quotes].sort((a, b) => a.id - b.id).map((q) => inBookCurrency(q, settings.currency));
  const quoteIds = new Set(quotes.map((q) => q.id));

  // Unpaid asks linked to one of this client's quotes count against that quote; the rest only at client level.
  const linked = new Map<number, number>();
  let unpaidMinutes = 0;
  for (const i of history.interactions) {
    if (!isUnpaidAsk(i)) continue;
    const m = askMinutes(i);
    unpaidMinutes += m;
    if (i.quoteId != null && quoteIds.has(i.quoteId)) linked.set(i.quoteId, (linked.get(i.quoteId) ?? 0) + m);
  }

  // each quote against its service's rates in force on its date (quote.rates), never today's rate card
  const settled = quotes.map((q) => settleQuote(q, serviceForQuote(q, serviceById), settings, linked.get(q.id) ?? 0));

  let acceptedCount = 0;
  let settledCount = 0;
  let belowTargetCount = 0;
  let belowFloorCount = 0;
  let moneyLeftOnTable = 0;
  settled.forEach((s, idx) => {
    if (!s.accepted) return;
    acceptedCount += 1;
    if (s.settles) settledCount += 1;
    if (s.belowTarget) belowTargetCount += 1;
    if (s.belowFloor) belowFloorCount += 1;
    // Never add up different currencies: the client total is in the user's own currency.
    if (quotes[idx].currency === settings.currency) moneyLeftOnTable += s.moneyLeftOnTable;
  });

  return { quotes: settled, acceptedCount, settledCount, belowTargetCount, belowFloorCount, moneyLeftOnTable, unpaidMinutes };
}
