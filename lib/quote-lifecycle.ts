/**
 * How a quote moves: what a saved quote, an outcome or a negotiation step changes on it. Pure rules;
 * server/quotes.ts applies them inside one transaction.
 */
import { OPEN_QUOTE_STATUSES, QUOTE_STATUSES, type ClientStatus, type Interaction, type Quote, type QuoteEvent, type QuoteStatus, type QuoteWithEvents } from "./domain";
import { replayNegotiation, sortEvents } from "./negotiation";
import type { CreateInteraction, CreateQuoteEvent, QuoteOutcome, UpsertQuote } from "./schemas";

/** The stored columns of a quote (no id, no timestamps). */
export type QuoteValues = Omit<Quote, "id" | "createdAt" | "updatedAt">;
export type QuoteEventValues = Omit<QuoteEvent, "id" | "createdAt">;
export type InteractionValues = Omit<Interaction, "id" | "createdAt">;

/** A decision was made: accepted, rejected, declined by me, withdrawn or expired. */
export const DECIDED_QUOTE_STATUSES: readonly QuoteStatus[] = QUOTE_STATUSES.filter((s) => !OPEN_QUOTE_STATUSES.includes(s));

export function isDecided(status: QuoteStatus): boolean {
  return !OPEN_QUOTE_STATUSES.includes(status);
}

const hasReason = (status: QuoteStatus) => status === "rejected" || status === "declined_by_me";

/** A quote form's input as stored. A new quote that is no longer a draft was sent today unless it says when… */
export function quoteValues(input: UpsertQuote, opts: { isNew: boolean; today: string }): QuoteValues {
  const values: QuoteValues = {
    clientId: input.clientId,
    serviceId: input.serviceId ?? null,
    title: input.title,
    scope: input.scope ?? null,
    estimatedMinutes: input.estimatedMinutes,
    quotedAmount: input.quotedAmount,
    currency: input.currency,
    status: input.status,
    agreedAmount: input.agreedAmount ?? null,
    sentOn: input.sentOn ?? null,
    decidedOn: input.decidedOn ?? null,
    rejectionReason: input.rejectionReason ?? null,
    cameBackAtMyPrice: input.cameBackAtMyPrice ?? false,
    fxRate: input.fxRate ?? null,
  };
  // …and by the day it was decided, when that was earlier (a past deal logged today was not sent after it)
  if (opts.isNew && values.status !== "draft" && !values.sentOn) values.sentOn = earlier(opts.today, values.decidedOn);
  return values;
}

const later = (a: string, b: string | null) => (b != null && b > a ? b : a);
const earlier = (a: string, b: string | null) => (b != null && b < a ? b : a);

/**
 * Setting the outcome: what changes, keeping what the user did not say. A decision with no date was
 * made today, or on the day it was sent if that is later; a quote never sent before was sent by the
 * day it was decided. (A decision dated before the sending is refused: see outcomeProblem.)
 */
export function outcomeChanges(existing: Quote, input: QuoteOutcome, today: string): Partial<QuoteValues> {
  const decidedOn = isDecided(input.status) ? (input.decidedOn ?? existing.decidedOn ?? later(today, existing.sentOn)) : null;
  return {
    status: input.status,
    agreedAmount: input.status === "accepted" ? (input.agreedAmount ?? existing.agreedAmount ?? null) : input.agreedAmount !== undefined ? input.agreedAmount : existing.agreedAmount,
    decidedOn,
    rejectionReason: hasReason(input.status) ? (input.rejectionReason ?? existing.rejectionReason) : null,
    cameBackAtMyPrice: input.cameBackAtMyPrice ?? existing.cameBackAtMyPrice,
    sentOn: existing.sentOn ?? (input.status !== "draft" ? earlier(today, decidedOn) : null),
  };
}

/** What would make a saved quote's dates impossible: the field and the words, or null. */
export function datesProblem(quote: Pick<Quote, "sentOn" | "decidedOn">): { field: "decidedOn"; message: string } | null {
  if (quote.sentOn && quote.decidedOn && quote.decidedOn < quote.sentOn) return { field: "decidedOn", message: "The decision cannot come before the quote was sent" };
  return null;
}

/**
 * After any save: an accepted quote with no agreed amount agrees at the price on the table (the
 * negotiation's replay), and a decided quote with no decision date was decided today. Null: nothing to fill in.
 */
export function completedAfterSave(quote: QuoteWithEvents, today: string): Partial<QuoteValues> | null {
  const changes: Partial<QuoteValues> = {};
  if (quote.status === "accepted" && quote.agreedAmount == null) changes.agreedAmount = replayNegotiation(quote).currentPrice;
  if (isDecided(quote.status) && !quote.decidedOn) changes.decidedOn = later(today, quote.sentOn);
  return Object.keys(changes).length ? changes : null;
}

/** A prospect whose quote is accepted has become a client you work with: "active". Other statuses are the user's call. */
export function clientStatusAfter(clientStatus: ClientStatus, quoteStatus: QuoteStatus): ClientStatus | null {
  return quoteStatus === "accepted" && clientStatus === "prospect" ? "active" : null;
}

/** A negotiation step has been logged: an open quote not yet negotiating now is, and it was sent by then. */
export function afterNegotiationStep(quote: Quote, occurredOn: string): Partial<QuoteValues> | null {
  if (quote.status !== "draft" && quote.status !== "sent") return null;
  return { status: "negotiating", sentOn: quote.sentOn ?? occurredOn };
}

/** A negotiation step's input as stored. */
export function quoteEventValues(quoteId: number, input: CreateQuoteEvent, today: string): QuoteEventValues {
  const base = { quoteId, kind: input.kind, note: input.note ?? null, occurredOn: input.occurredOn ?? today, answer: null, percentBp: null, amount: null, scopeMinutes: null };
  switch (input.kind) {
    case "discount_request":
      return { ...base, percentBp: input.percentBp ?? null, amount: input.amountOff ?? null };
    case "client_counter":
    case "my_counter":
      return { ...base, amount: input.amount };
    case "my_answer":
      return { ...base, answer: input.answer, amount: input.amount ?? null, scopeMinutes: input.scopeMinutes ?? null };
  }
}

/** An interaction's input as stored; who started it follows from what it is. */
export function interactionValues(clientId: number, input: CreateInteraction, today: string): InteractionValues {
  const base = {
    clientId,
    quoteId: input.quoteId ?? null,
    kind: input.kind,
    note: input.note ?? null,
    occurredOn: input.occurredOn ?? today,
    subtype: null,
    minutes: null,
    paid: null,
    answered: null,
    daysLate: null,
    amount: null,
  };
  switch (input.kind) {
    case "ask":
      return { ...base, subtype: input.subtype, minutes: input.minutes, paid: input.paid, initiatedBy: "client" };
    case "give":
      return { ...base, subtype: input.subtype, amount: input.amount ?? null, initiatedBy: "client" };
    case "follow_up":
      return { ...base, answered: input.answered ?? null, initiatedBy: "me" };
    case "payment":
      return { ...base, daysLate: input.daysLate ?? null, amount: input.amount ?? null, initiatedBy: "client" };
  }
}

/**
 * The offer check opens a quote at the client's offer when no quote of mine existed (server/offers.ts):
 * its first step is their offer, at the quoted price, on the day it was opened. That step, or null for a
 * quote I priced myself.
 */
export function openingOffer(quote: Pick<QuoteWithEvents, "quotedAmount" | "sentOn" | "createdAt" | "events">): QuoteEvent | null {
  const first = sortEvents(quote.events)[0];
  if (!first || first.kind !== "client_counter" || first.amount !== quote.quotedAmount) return null;
  return first.occurredOn === (quote.sentOn ?? quote.createdAt.slice(0, 10)) ? first : null;
}

/** Did I ever name a price on this quote: I quoted it, or countered on one opened from their offer. */
export function namedMyPrice(quote: Pick<QuoteWithEvents, "quotedAmount" | "sentOn" | "createdAt" | "events">): boolean {
  return !openingOffer(quote) || quote.events.some((e) => e.kind === "my_counter");
}

/** A client's usual service: the one of their latest quote that names one (by sending day, then id), else null. */
export function usualServiceOf(quotes: readonly Pick<Quote, "id" | "serviceId" | "sentOn" | "createdAt">[]): number | null {
  let best: (typeof quotes)[number] | null = null;
  for (const q of quotes) {
    if (q.serviceId == null) continue;
    const day = q.sentOn ?? q.createdAt;
    const bestDay = best ? (best.sentOn ?? best.createdAt) : "";
    if (!best || day > bestDay || (day === bestDay && q.id > best.id)) best = q;
  }
  return best?.serviceId ?? null;
}
