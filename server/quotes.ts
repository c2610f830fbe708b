/** Quotes and their negotiation: saved in one transaction each, moved along by lib/quote-lifecycle.ts. */
import { writeTransaction, type DbOrTx } from "@/db/connection";
import { findClient, setClientStatus } from "@/db/clients";
import { deleteQuoteEventRow, insertQuoteEvent, updateQuoteEventRow } from "@/db/quote-events";
import { deleteQuoteRow, findQuote, insertQuote, listQuotes, updateQuoteRow } from "@/db/quotes";
import { findService } from "@/db/services";
import type { Quote, QuoteEvent, QuoteStatus, QuoteWithEvents } from "@/lib/domain";
import { invalidInput, notFound } from "@/lib/errors";
import { afterNegotiationStep, clientStatusAfter, completedAfterSave, datesProblem, outcomeChanges, quoteEventValues, quoteValues } from "@/lib/quote-lifecycle";
import type { CreateQuoteEvent, QuoteOutcome, UpsertQuote } from "@/lib/schemas";
import { todayFor } from "./clock";
import { getSettings } from "@/db/settings";
import { listExchangeRates } from "@/db/exchange-rates";
import { rateInForce } from "@/lib/exchange-rates";
import { termsAtAcceptance } from "@/lib/payment-terms";

export { listQuotes };

export function getQuote(db: DbOrTx, id: number): QuoteWithEvents {
  const quote = findQuote(db, id);
  if (!quote) throw notFound("quote", id);
  return quote;
}

/**
 * The rate that counts a quote in the book's currency (lib/book-currency.ts): none in the book's own
 * currency; else the one typed, else the rate kept in Settings in force on the quote's date. A quote in
 * another currency with no rate at all is refused with a field error: it would otherwise count for nothing.
 */
export function resolveFxRate(db: DbOrTx, input: Pick<UpsertQuote, "currency" | "fxRate" | "decidedOn" | "sentOn">, today: string): string | null {
  const book = getSettings(db).currency;
  if (input.currency === book) return null;
  if (input.fxRate) return input.fxRate;
  const kept = rateInForce(listExchangeRates(db, book), input.currency, input.decidedOn ?? input.sentOn ?? today);
  if (kept) return kept;
  throw invalidInput("Enter the exchange rate", {
    fxRate: [`This quote is in ${input.currency} and your book in ${book}: enter what 1 ${input.currency} is in ${book}, or keep a rate for ${input.currency} in Settings`],
  });
}

/**
 * The client must exist; the service, when named, must exist and price in the quote's currency, or in
 * the book's currency when the quote carries a rate to it.
 */
function checkQuoteRefs(db: DbOrTx, input: { clientId: number; serviceId?: number | null; currency: string }, fxRate: string | null = null) {
  if (!findClient(db, input.clientId)) throw invalidInput("Unknown client", { clientId: [`No client with id ${input.clientId}`] });
  if (input.serviceId == null) return;
  const service = findService(db, input.serviceId);
  if (!service) throw invalidInput("Unknown service", { serviceId: [`No service with id ${input.serviceId}`] });
  if (fxRate != null && service.currency === getSettings(db).currency) return;
  if (service.currency !== input.currency)
    throw invalidInput("Currency does not match the service", {
      currency: [`${service.name} is priced in ${service.currency}; quote in ${service.currency} or change the rate card`],
    });
}

/**
 * Fill in what a save implies (agreed amount, decision date, payment terms), then read the quote back. A prospect whose
 * quote *becomes* accepted with this save is now active; a status the user set by hand on the client is
 * never changed by re-saving a quote that was already accepted (`wasStatus`: the status before the save,
 * null for a new quote).
 */
function complete(tx: DbOrTx, id: number, today: string, wasStatus: QuoteStatus | null): QuoteWithEvents {
  const quote = getQuote(tx, id);
  const changes = completedAfterSave(quote, today);
  const client = wasStatus === "accepted" ? undefined : findClient(tx, quote.clientId);
  // accepted with this save: the payment terms agreed are the client's own, else the book's (lib/payment-terms.ts)
  const terms = client ? termsAtAcceptance(quote, client.paymentTermsDays, getSettings(tx).paymentTermsDays) : null;
  if (changes || terms != null) updateQuoteRow(tx, id, { ...changes, ...(terms != null ? { paymentTermsDays: terms } : {}) });
  const status = client ? clientStatusAfter(client.status, quote.status) : null;
  if (status) setClientStatus(tx, quote.clientId, status);
  return getQuote(tx, id);
}

export function createQuote(db: DbOrTx, input: UpsertQuote, today = todayFor(db)): QuoteWithEvents {
  return writeTransaction(db, (tx) => {
    const fxRate = resolveFxRate(tx, input, today);
    checkQuoteRefs(tx, input, fxRate);
    const id = insertQuote(tx, { ...quoteValues(input, { isNew: true, today }), fxRate });
    return complete(tx, id, today, null);
  });
}

export function updateQuote(db: DbOrTx, id: number, input: UpsertQuote, today = todayFor(db)): QuoteWithEvents {
  return writeTransaction(db, (tx) => {
    const existing = getQuote(tx, id);
    // an edit that does not name a rate keeps the quote's own (it was agreed at that rate)
    const fxRate = resolveFxRate(tx, { ...input, fxRate: input.fxRate ?? (existing.currency === input.currency ? existing.fxRate : null) }, today);
    checkQuoteRefs(tx, input, fxRate);
    if (existing.clientId !== input.clientId) throw invalidInput("A quote cannot move to another client", { clientId: ["A quote cannot move to another client"] });
    updateQuoteRow(tx, id, { ...quoteValues(input, { isNew: false, today }), fxRate });
    return complete(tx, id, today, existing.status);
  });
}

export function setQuoteOutcome(db: DbOrTx, id: number, input: QuoteOutcome, today = todayFor(db)): QuoteWithEvents {
  return writeTransaction(db, (tx) => {
    const existing = getQuote(tx, id);
    const changes = outcomeChanges(existing, input, today);
    const problem = datesProblem({ sentOn: changes.sentOn ?? null, decidedOn: changes.decidedOn ?? null });
    if (problem) throw invalidInput(problem.message, { [problem.field]: [`${problem.message} (${changes.sentOn})`] });
    updateQuoteRow(tx, id, changes);
    return complete(tx, id, today, existing.status);
  });
}

export function deleteQuote(db: DbOrTx, id: number): void {
  writeTransaction(db, (tx) => {
    if (deleteQuoteRow(tx, id) === 0) throw notFound("quote", id);
  });
}

/** One step of the quote's negotiation, or not_found (also when it is on another quote). */
export function getQuoteEvent(db: DbOrTx, quoteId: number, eventId: number): QuoteEvent {
  const found = getQuote(db, quoteId).events.find((e) => e.id === eventId);
  if (!found) throw notFound("negotiation event", eventId);
  return found;
}

/** A negotiation step happens on a quote that was out by then: one dated before the sending is refused, on its date. */
function checkEventDate(quote: Quote, occurredOn: string): void {
  if (quote.sentOn && occurredOn < quote.sentOn)
    throw invalidInput("This happened before the quote was sent", {
      occurredOn: [`The quote was sent on ${quote.sentOn}: pick that day or later, or change the quote's sent date first`],
    });
}

/** Log a negotiation step; the quote's status follows (a first ask moves it to "negotiating"). */
export function addQuoteEvent(db: DbOrTx, quoteId: number, input: CreateQuoteEvent, today = todayFor(db)): QuoteEvent {
  return writeTransaction(db, (tx) => {
    const quote = getQuote(tx, quoteId);
    const values = quoteEventValues(quoteId, input, today);
    checkEventDate(quote, values.occurredOn);
    const id = insertQuoteEvent(tx, values);
    // the row touch keeps "recently changed" ordering honest even when the status does not move
    updateQuoteRow(tx, quoteId, afterNegotiationStep(quote, values.occurredOn) ?? {});
    return getQuote(tx, quoteId).events.find((e) => e.id === id)!;
  });
}

/**
 * Correct a logged negotiation step: the whole step is replaced by the input (its kind may change, e.g. a
 * % off becomes a lower price), checked as a new one would be. Without a date it keeps its own.
 */
export function updateQuoteEvent(db: DbOrTx, quoteId: number, eventId: number, input: CreateQuoteEvent, today = todayFor(db)): QuoteEvent {
  return writeTransaction(db, (tx) => {
    const quote = getQuote(tx, quoteId);
    const existing = getQuoteEvent(tx, quoteId, eventId);
    const values = quoteEventValues(quoteId, { ...input, occurredOn: input.occurredOn ?? existing.occurredOn }, today);
    checkEventDate(quote, values.occurredOn);
    updateQuoteEventRow(tx, quoteId, eventId, values);
    updateQuoteRow(tx, quoteId, afterNegotiationStep(quote, values.occurredOn) ?? {});
    return getQuote(tx, quoteId).events.find((e) => e.id === eventId)!;
  });
}

export function deleteQuoteEvent(db: DbOrTx, quoteId: number, eventId: number): void {
  writeTransaction(db, (tx) => {
    if (deleteQuoteEventRow(tx, quoteId, eventId) === 0) throw notFound("negotiation event", eventId);
  });
}
