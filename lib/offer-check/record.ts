/**
 * Recording a decision on an offer, truthfully and once. Pure: given the quote as it stands (or none
 * yet) and the decision, what to write — or that it is already written, or that the quote was decided
 * otherwise. server/offers.ts applies the plan in one transaction. The rules are in docs/offer-check.md
 * ("Recording a decision").
 */
import { OPEN_QUOTE_STATUSES, type QuoteWithEvents } from "../domain";
import { replayNegotiation, sortEvents } from "../negotiation";
import type { OfferDecision } from "./schemas";

export interface RecordRequest {
  decision: OfferDecision;
  /** the client's offer, minor units */
  offeredAmount: number;
  /** my counter price (only for "countered") */
  counterAmount: number | null;
  /**
   * counter by tier: the option's minutes. The counter is then recorded as "cut scope to fit budget" at
   * the option's price and scope (less work, not a discount: never a concession), not as my counter
   */
  scopeMinutes?: number | null;
}

export type RecordPlan =
  | { kind: "already_recorded" }
  | { kind: "conflict"; message: string }
  | {
      kind: "write";
      /** log the offer as the client's counter (it is not already their standing ask) */
      clientOffer: boolean;
      /** log my counter at this price */
      myCounter: number | null;
      /** my "counter" is the price already on the table: log that I held firm, not a counter */
      holdFirm: boolean;
      /** counter by tier: log "cut scope to fit budget" at this price and scope (instead of my counter); absent otherwise */
      cutScope?: { amount: number; minutes: number };
      /** the outcome to set, if the decision is one */
      outcome: "accepted" | "declined_by_me" | null;
    };

type Quote = Pick<QuoteWithEvents, "quotedAmount" | "estimatedMinutes" | "agreedAmount" | "events" | "status">;

/**
 * The client's latest ask still stands at `amount`: their last discount request or counter asked for
 * exactly that, and I have not answered it since (a "held firm / conceded / met halfway / cut scope"
 * answers it; my counter does not — they have not moved).
 */
export function askStands(quote: Quote, amount: number): boolean {
  const steps = replayNegotiation(quote).steps;
  for (let i = steps.length - 1; i >= 0; i--) {
    const s = steps[i];
    if (s.event.kind === "my_answer") return false;
    if (s.requestedPrice != null) return s.requestedPrice === amount;
  }
  return false;
}

export const COUNTER_NOT_ABOVE_OFFER = "A counter must be above their offer; to take their price, accept it";

/**
 * Why a "countered" decision can't be recorded at this price, or null when it can: a counter is
 * always above their offer (at or below it, the honest record is an accept).
 */
export function counterAmountProblem(offeredAmount: number, counterAmount: number): string | null {
  return counterAmount <= offeredAmount ? COUNTER_NOT_ABOVE_OFFER : null;
}

/** The last logged step, in the negotiation's order. */
function lastEvent(quote: Quote) {
  const events = sortEvents(quote.events);
  return events[events.length - 1];
}

/** The quote already says exactly this decision about exactly this offer. */
export function alreadyRecorded(quote: Quote, req: RecordRequest): boolean {
  const neg = replayNegotiation(quote);
  if (req.decision === "accepted") return quote.status === "accepted" && (quote.agreedAmount ?? neg.currentPrice) === req.offeredAmount;
  if (req.decision === "declined") return quote.status === "declined_by_me" && (askStands(quote, req.offeredAmount) || neg.currentPrice === req.offeredAmount);
  const steps = neg.steps;
  const [prev, held] = steps.slice(-2);
  if (req.scopeMinutes != null) {
    return (
      OPEN_QUOTE_STATUSES.includes(quote.status) &&
      held?.event.kind === "my_answer" &&
      held.event.answer === "cut_scope" &&
      held.priceAfter === req.counterAmount &&
      held.minutesAfter === req.scopeMinutes &&
      prev?.requestedPrice === req.offeredAmount
    );
  }
  if (
    OPEN_QUOTE_STATUSES.includes(quote.status) &&
    held?.event.kind === "my_answer" &&
    held.event.answer === "held_firm" &&
    held.priceAfter === req.counterAmount &&
    prev?.requestedPrice === req.offeredAmount
  )
    return true;
  const last = lastEvent(quote);
  return (
    OPEN_QUOTE_STATUSES.includes(quote.status) &&
    last?.kind === "my_counter" &&
    last.amount === req.counterAmount &&
    askStands(quote, req.offeredAmount)
  );
}

/**
 * What to write for a decision on a quote. `startedFromOffer`: the quote was created just now from
 * this offer (its quoted price is their offer), so their offer is logged as the first step unless it
 * is simply accepted.
 */
export function planRecording(quote: Quote, req: RecordRequest, startedFromOffer: boolean): RecordPlan {
  if (!startedFromOffer && alreadyRecorded(quote, req)) return { kind: "already_recorded" };
  if (!OPEN_QUOTE_STATUSES.includes(quote.status)) {
    return { kind: "conflict", message: "This quote is already decided. Open it to change its outcome." };
  }
  const current = replayNegotiation(quote).currentPrice;
  // Accepting the price already on the table is no ask of theirs; an offer that is their standing ask is logged already.
  const clientOffer = startedFromOffer
    ? req.decision !== "accepted"
    : !askStands(quote, req.offeredAmount) && !(req.decision === "accepted" && req.offeredAmount === current);
  // "countering" at the price I already asked is holding firm: the record says so (the negotiation
  // criterion counts a held line, not a counter)
  const byTier = req.decision === "countered" && req.scopeMinutes != null && req.counterAmount != null;
  const holdFirm = !byTier && !startedFromOffer && req.decision === "countered" && req.counterAmount === current;
  return {
    kind: "write",
    clientOffer,
    myCounter: req.decision === "countered" && !holdFirm && !byTier ? req.counterAmount : null,
    holdFirm,
    ...(byTier ? { cutScope: { amount: req.counterAmount!, minutes: req.scopeMinutes! } } : {}),
    outcome: req.decision === "accepted" ? "accepted" : req.decision === "declined" ? "declined_by_me" : null,
  };
}
