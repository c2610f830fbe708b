import { deleteInteraction, getInteraction, updateInteraction } from "@/server/interactions";
import { createInteractionSchema } from "@/lib/schemas";
import { interactionInput, withoutNulls } from "@/lib/entry-edit";
import { z } from "@/lib/zod";
import { handler, parseMerged, pathId } from "../../../../_lib/http";

type P = { id: string; interactionId: string };
/** A field sent as null is cleared (e.g. `{"quoteId": null}` unties it from its quote). */
const patchSchema = z.preprocess((v) => (v && typeof v === "object" ? withoutNulls(v as Record<string, unknown>) : v), createInteractionSchema);

export const GET = handler<P>((_req, db, p) => getInteraction(db, pathId(p.id, "client"), pathId(p.interactionId, "interaction")));
/** Correct one interaction: the fields sent, merged over the stored one, checked as a new one would be. */
export const PATCH = handler<P>(async (req, db, p) => {
  const clientId = pathId(p.id, "client");
  const interactionId = pathId(p.interactionId, "interaction");
  const existing = getInteraction(db, clientId, interactionId);
  return updateInteraction(db, clientId, interactionId, await parseMerged(req, interactionInput(existing), patchSchema));
});
export const DELETE = handler<P>((_req, db, p) => {
  deleteInteraction(db, pathId(p.id, "client"), pathId(p.interactionId, "interaction"));
});
