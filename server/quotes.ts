/** Quotes and their negotiation: saved in one transaction each, moved along by lib/quote-lifecycle.ts. */
import { writeTransaction, type DbOrTx } from "@/db/connection";
import { findClient, setClientStatus } from "@/db/clients";
import { deleteQuoteEventRow, insertQuoteEvent } from "@/db/quote-events";
import { deleteQuoteRow, findQuote, insertQuote, listQuotes, updateQuoteRow } from "@/db/quotes";
import { findService } from "@/db/services";
import type { QuoteEvent, QuoteWithEvents } from "@/lib/domain";
import { invalidInput, notFound } from "@/lib/errors";
import { afterNegotiationStep, clientStatusAfter, completedAfterSave, datesProblem, outcomeChanges, quoteEventValues, quoteValues } from "@/lib/quote-lifecycle";
import type { CreateQuoteEvent, QuoteOutcome, UpsertQuote } from "@/lib/schemas";
import { todayFor } from "./clock";

export { listQuotes };

export function getQuote(db: DbOrTx, id: number): QuoteWithEvents {
  const quote = findQuote(db, id);
  if (!quote) throw notFound("quote", id);
  return quote;
}

/** The client must exist; the service, when named, must exist and price in the quote's currency. */
function checkQuoteRefs(db: DbOrTx, input: { clientId: number; serviceId?: number | null; currency: string }) {
  if (!findClient(db, input.clientId)) throw invalidInput("Unknown client", { clientId: [`No client with id ${input.clientId}`] });
  if (input.serviceId == null) return;
  const service = findService(db, input.serviceId);
  if (!service) throw invalidInput("Unknown service", { serviceId: [`No service with id ${input.serviceId}`] });
  if (service.currency !== input.currency)
    throw invalidInput("Currency does not match the service", {
      currency: [`${service.name} is priced in ${service.currency}; quote in ${service.currency} or change the rate card`],
    });
}

/** Fill in what a save implies (agreed amount, decision date; an accepted prospect is now active), then read the quote back. */
function complete(tx: DbOrTx, id: number, today: string): QuoteWithEvents {
  const quote = getQuote(tx, id);
  const changes = completedAfterSave(quote, today);
  if (changes) updateQuoteRow(tx, id, changes);
  const client = findClient(tx, quote.clientId);
  const status = client ? clientStatusAfter(client.status, quote.status) : null;
  if (status) setClientStatus(tx, quote.clientId, status);
  return getQuote(tx, id);
}

export function createQuote(db: DbOrTx, input: UpsertQuote, today = todayFor(db)): QuoteWithEvents {
  return writeTransaction(db, (tx) => {
    checkQuoteRefs(tx, input);
    const id = insertQuote(tx, quoteValues(input, { isNew: true, today }));
    return complete(tx, id, today);
  });
}

export function updateQuote(db: DbOrTx, id: number, input: UpsertQuote, today = todayFor(db)): QuoteWithEvents {
  return writeTransaction(db, (tx) => {
    const existing = getQuote(tx, id);
    checkQuoteRefs(tx, input);
    if (existing.clientId !== input.clientId) throw invalidInput("A quote cannot move to another client", { clientId: ["A quote cannot move to another client"] });
    updateQuoteRow(tx, id, quoteValues(input, { isNew: false, today }));
    return complete(tx, id, today);
  });
}

export function setQuoteOutcome(db: DbOrTx, id: number, input: QuoteOutcome, today = todayFor(db)): QuoteWithEvents {
  return writeTransaction(db, (tx) => {
    const changes = outcomeChanges(getQuote(tx, id), input, today);
    const problem = datesProblem({ sentOn: changes.sentOn ?? null, decidedOn: changes.decidedOn ?? null });
    if (problem) throw invalidInput(problem.message, { [problem.field]: [`${problem.message} (${changes.sentOn})`] });
    updateQuoteRow(tx, id, changes);
    return complete(tx, id, today);
  });
}

export function deleteQuote(db: DbOrTx, id: number): void {
  writeTransaction(db, (tx) => {
    if (deleteQuoteRow(tx, id) === 0) throw notFound("quote", id);
  });
}

/** Log a negotiation step; the quote's status follows (a first ask moves it to "negotiating"). */
export function addQuoteEvent(db: DbOrTx, quoteId: number, input: CreateQuoteEvent, today = todayFor(db)): QuoteEvent {
  return writeTransaction(db, (tx) => {
    const quote = getQuote(tx, quoteId);
    const values = quoteEventValues(quoteId, input, today);
    const id = insertQuoteEvent(tx, values);
    // the row touch keeps "recently changed" ordering honest even when the status does not move
    updateQuoteRow(tx, quoteId, afterNegotiationStep(quote, values.occurredOn) ?? {});
    return getQuote(tx, quoteId).events.find((e) => e.id === id)!;
  });
}

export function deleteQuoteEvent(db: DbOrTx, quoteId: number, eventId: number): void {
  writeTransaction(db, (tx) => {
    if (deleteQuoteEventRow(tx, quoteId, eventId) === 0) throw notFound("negotiation event", eventId);
  });
}
