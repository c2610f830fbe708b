import { deleteQuoteEvent } from "@/server/quotes";
import { handler, pathId } from "../../../../_lib/http";

type P = { id: string; eventId: string };
export const DELETE = handler<P>((_req, db, p) => {
  deleteQuoteEvent(db, pathId(p.id, "quote"), pathId(p.eventId, "negotiation event"));
});
