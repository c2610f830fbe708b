"use server";
import { createInteractionSchema } from "@/lib/schemas";
import { addInteraction, deleteInteraction } from "@/server/interactions";
import { getSettings } from "@/server/settings";
import { formActionFor, idAction } from "./_lib/safe-action";

/** Interaction amounts are in the book's currency. */
export const addInteractionAction = formActionFor({
  schema: createInteractionSchema,
  currency: (db) => getSettings(db).currency,
  run: (db, input, clientId) => addInteraction(db, clientId, input),
});

export const deleteInteractionAction = idAction({ run: (db, clientId: number, interactionId: number) => deleteInteraction(db, clientId, interactionId), message: "Removed." });
