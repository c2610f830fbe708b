"use server";
import { createInteractionSchema } from "@/lib/schemas";
import { addInteraction, deleteInteraction } from "@/server/interactions";
import { getSettings } from "@/server/settings";
import { childIdAction, formActionFor } from "./_lib/safe-action";

/** Interaction amounts are in the book's currency. */
export const addInteractionAction = formActionFor({
  schema: createInteractionSchema,
  currency: (db) => getSettings(db).currency,
  run: (db, input, clientId) => addInteraction(db, clientId, input),
});

export const deleteInteractionAction = childIdAction({ run: (db, clientId, interactionId) => deleteInteraction(db, clientId, interactionId), message: "Removed." });
