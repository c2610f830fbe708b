/** What happened between me and a client outside a quote's price: asks, give-backs, follow-ups, payments. */
import { writeTransaction, type DbOrTx } from "@/db/connection";
import { touchClient } from "@/db/clients";
import { deleteInteractionRow, findInteraction, insertInteraction, listInteractions } from "@/db/interactions";
import { findQuote } from "@/db/quotes";
import type { Interaction } from "@/lib/domain";
import { invalidInput, notFound } from "@/lib/errors";
import { interactionValues } from "@/lib/quote-lifecycle";
import type { CreateInteraction } from "@/lib/schemas";
import { todayFor } from "./clock";
import { getClient } from "./clients";

export { listInteractions };

export function addInteraction(db: DbOrTx, clientId: number, input: CreateInteraction, today = todayFor(db)): Interaction {
  return writeTransaction(db, (tx) => {
    getClient(tx, clientId);
    if (input.quoteId != null && findQuote(tx, input.quoteId)?.clientId !== clientId)
      throw invalidInput("Unknown quote for this client", { quoteId: ["That quote does not belong to this client"] });
    const id = insertInteraction(tx, interactionValues(clientId, input, today));
    touchClient(tx, clientId);
    return findInteraction(tx, id)!;
  });
}

export function deleteInteraction(db: DbOrTx, clientId: number, interactionId: number): void {
  writeTransaction(db, (tx) => {
    if (deleteInteractionRow(tx, clientId, interactionId) === 0) throw notFound("interaction", interactionId);
  });
}
