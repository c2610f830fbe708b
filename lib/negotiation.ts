/**
 * Replays a quote's negotiation events into prices: what was asked, what I answered,
 * and the price and scope on the table after each step. Pure and deterministic:
 * events are ordered by date, then id, whatever order they arrive in.
 */
import type { QuoteEvent, QuoteWithEvents } from "./domain";
import { applyDiscountBp, discountBp, divRound } from "./money";

export interface NegotiationStep {
  event: QuoteEvent;
  /** price on the table before this step */
  priceBefore: number;
  /** price on the table after this step */
  priceAfter: number;
  /** for a discount request or client counter: the price the client asked for */
  requestedPrice: number | null;
  /** the discount the client asked for, in basis points of the price before */
  requestedBp: number | null;
  minutesAfter: number;
}

export interface NegotiationSummary {
  steps: NegotiationStep[];
  /** price on the table now (agreed amount when the quote has one) */
  currentPrice: number;
  /** scope on the table now, in minutes */
  currentMinutes: number;
  /** number of discount requests and client counter-offers */
  asks: number;
  /** deepest ask, in basis points of the price it was asked against */
  deepestAskBp: number;
  /** what I gave away from the quoted price, in basis points (0 when I held firm or cut scope) */
  concededBp: number;
  /** I answered at least once by conceding or meeting halfway */
  conceded: boolean;
  /** I cut scope to fit the budget (trade, don't give) */
  cutScope: boolean;
  heldFirm: boolean;
}

export function sortEvents(events: readonly QuoteEvent[]): QuoteEvent[] {
  return [...events].sort((a, b) => (a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : a.id - b.id));
}

export function replayNegotiation(quote: Pick<QuoteWithEvents, "quotedAmount" | "estimatedMinutes" | "agreedAmount" | "events">): NegotiationSummary {
  let price = quote.quotedAmount;
  let minutes = quote.estimatedMinutes;
  let pendingRequest: number | null = null;
  let asks = 0;
  let deepestAskBp = 0;
  let conceded = false;
  let cutScope = false;
  let heldFirm = false;
  const steps: NegotiationStep[] = [];

  for (const event of sortEvents(quote.events)) {
    const before = price;
    let requestedPrice: number | null = null;
    let requestedBp: number | null = null;
    switch (event.kind) {
      case "discount_request": {
        if (event.percentBp != null) requestedPrice = applyDiscountBp(price, event.percentBp);
        else if (event.amount != null) requestedPrice = Math.max(0, price - event.amount);
        else requestedPrice = price;
        break;
      }
      case "client_counter":
        requestedPrice = event.amount ?? price;
        break;
      case "my_counter":
        if (event.amount != null) price = event.amount;
        break;
      case "my_answer": {
        const target = pendingRequest ?? price;
        if (event.answer === "held_firm") heldFirm = true;
        else if (event.answer === "conceded") {
          price = event.amount ?? target;
          conceded = conceded || price < before;
        } else if (event.answer === "met_halfway") {
          price = event.amount ?? divRound(before + target, 2);
          conceded = conceded || price < before;
        } else if (event.answer === "cut_scope") {
          price = event.amount ?? target;
          if (event.scopeMinutes != null && event.scopeMinutes > 0) minutes = event.scopeMinutes;
          cutScope = true;
        }
        pendingRequest = null;
        break;
      }
    }
    if (requestedPrice != null) {
      asks += 1;
      requestedBp = discountBp(before, requestedPrice);
      deepestAskBp = Math.max(deepestAskBp, requestedBp);
      pendingRequest = requestedPrice;
    }
    steps.push({ event, priceBefore: before, priceAfter: price, requestedPrice, requestedBp, minutesAfter: minutes });
  }

  const currentPrice = quote.agreedAmount ?? price;
  // Concession is measured against the price per minute, so cutting scope for a smaller budget is not "giving".
  let concededBp = 0;
  if (quote.quotedAmount > 0 && minutes > 0) {
    const quotedForScope = divRound(quote.quotedAmount * minutes, quote.estimatedMinutes);
    concededBp = Math.max(0, discountBp(quotedForScope, currentPrice));
  }
  return { steps, currentPrice, currentMinutes: minutes, asks, deepestAskBp, concededBp, conceded: conceded || concededBp > 0, cutScope, heldFirm };
}
