"use server";
import { createInteractionSchema } from "@/lib/schemas";
import { addInteraction, deleteInteraction, updateInteraction } from "@/server/interactions";
import { withScoreChange } from "@/server/score-change";
import { getSettings } from "@/server/settings";
import { paymentLogged } from "@/lib/payment-terms";
import { childIdAction, formActionFor, formActionForChild } from "./_lib/safe-action";

/** Interaction amounts are in the book's currency. */
export const addInteractionAction = formActionFor({
  schema: createInteractionSchema,
  currency: (db) => getSettings(db).currency,
  run: (db, input, clientId) => withScoreChange(db, clientId, () => addInteraction(db, clientId, input)),
  // a payment says how late it was as stored (worked out from its quote's due day when it pays one)
  okState: ({ scoreChange, result }) => ({ scoreChange, ...(result.kind === "payment" ? { message: paymentLogged(result.daysLate) } : {}) }),
  message: "Logged.",
});

/** Correct a logged interaction: the same form and schema as logging it. */
export const updateInteractionAction = formActionForChild({
  schema: createInteractionSchema,
  currency: (db) => getSettings(db).currency,
  run: (db, input, clientId, interactionId) => withScoreChange(db, clientId, () => updateInteraction(db, clientId, interactionId, input)),
  okState: ({ scoreChange }) => ({ scoreChange }),
});

export const deleteInteractionAction = childIdAction({ run: (db, clientId, interactionId) => deleteInteraction(db, clientId, interactionId), message: "Removed." });
