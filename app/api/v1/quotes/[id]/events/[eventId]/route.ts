import { deleteQuoteEvent, getQuoteEvent, updateQuoteEvent } from "@/server/quotes";
import { createQuoteEventSchema } from "@/lib/schemas";
import { quoteEventInput, withoutNulls } from "@/lib/entry-edit";
import { z } from "@/lib/zod";
import { handler, parseMerged, pathId } from "../../../../_lib/http";

type P = { id: string; eventId: string };
/** A field sent as null is cleared (e.g. `{"percentBp": null, "amountOff": 50000}` turns a % off into an amount off). */
const patchSchema = z.preprocess((v) => (v && typeof v === "object" ? withoutNulls(v as Record<string, unknown>) : v), createQuoteEventSchema);

export const GET = handler<P>((_req, db, p) => getQuoteEvent(db, pathId(p.id, "quote"), pathId(p.eventId, "negotiation event")));
/** Correct one step: the fields sent, merged over the stored step, checked as a new step would be. */
export const PATCH = handler<P>(async (req, db, p) => {
  const quoteId = pathId(p.id, "quote");
  const eventId = pathId(p.eventId, "negotiation event");
  const existing = getQuoteEvent(db, quoteId, eventId);
  return updateQuoteEvent(db, quoteId, eventId, await parseMerged(req, quoteEventInput(existing), patchSchema));
});
export const DELETE = handler<P>((_req, db, p) => {
  deleteQuoteEvent(db, pathId(p.id, "quote"), pathId(p.eventId, "negotiation event"));
});
