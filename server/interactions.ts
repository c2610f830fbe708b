/** What happened between me and a client outside a quote's price: asks, give-backs, follow-ups, payments. */
import { writeTransaction, type DbOrTx } from "@/db/connection";
import { touchClient } from "@/db/clients";
import { deleteInteractionRow, findInteraction, insertInteraction, listInteractions, updateInteractionRow } from "@/db/interactions";
import { findQuote } from "@/db/quotes";
import type { Interaction } from "@/lib/domain";
import { invalidInput, notFound } from "@/lib/errors";
import { interactionValues } from "@/lib/quote-lifecycle";
import type { CreateInteraction } from "@/lib/schemas";
import { todayFor } from "./clock";
import { getClient } from "./clients";
import { paymentOnQuote } from "./payments";

export { listInteractions };

/** An interaction may name a quote only of the same client. */
function checkQuoteRef(tx: DbOrTx, clientId: number, quoteId: number | null | undefined): void {
  if (quoteId != null && findQuote(tx, quoteId)?.clientId !== clientId)
    throw invalidInput("Unknown quote for this client", { quoteId: ["That quote does not belong to this client"] });
}

/** The client's interaction, or not_found (also when it belongs to another client). */
export function getInteraction(db: DbOrTx, clientId: number, interactionId: number): Interaction {
  const found = findInteraction(db, interactionId);
  if (!found || found.clientId !== clientId) throw notFound("interaction", interactionId);
  return found;
}

export function addInteraction(db: DbOrTx, clientId: number, input: CreateInteraction, today = todayFor(db)): Interaction {
  return writeTransaction(db, (tx) => {
    getClient(tx, clientId);
    checkQuoteRef(tx, clientId, input.quoteId);
    // a payment on a quote whose payment is tracked: its rules, its days late (server/payments.ts)
    const id = insertInteraction(tx, interactionValues(clientId, paymentOnQuote(tx, clientId, input, today), today));
    touchClient(tx, clientId);
    return findInteraction(tx, id)!;
  });
}

/** Correct a logged interaction: replaced as a whole by the input, checked as a new one would be. Without a date it keeps its own. */
export function updateInteraction(db: DbOrTx, clientId: number, interactionId: number, input: CreateInteraction, today = todayFor(db)): Interaction {
  return writeTransaction(db, (tx) => {
    getClient(tx, clientId);
    const existing = getInteraction(tx, clientId, interactionId);
    checkQuoteRef(tx, clientId, input.quoteId);
    const corrected = paymentOnQuote(tx, clientId, { ...input, occurredOn: input.occurredOn ?? existing.occurredOn }, today, interactionId);
    updateInteractionRow(tx, clientId, interactionId, interactionValues(clientId, corrected, today));
    touchClient(tx, clientId);
    return findInteraction(tx, interactionId)!;
  });
}

export function deleteInteraction(db: DbOrTx, clientId: number, interactionId: number): void {
  writeTransaction(db, (tx) => {
    if (deleteInteractionRow(tx, clientId, interactionId) === 0) throw notFound("interaction", interactionId);
  });
}
