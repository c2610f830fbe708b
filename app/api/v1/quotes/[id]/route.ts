import { deleteQuote, getQuote, updateQuote } from "@/server/quotes";
import { upsertQuoteSchema } from "@/lib/schemas";
import { handler, parseBody, parseMerged, pathId } from "../../_lib/http";

type P = { id: string };
export const GET = handler<P>((_req, db, p) => getQuote(db, pathId(p.id, "quote")));
export const PUT = handler<P>(async (req, db, p) => updateQuote(db, pathId(p.id, "quote"), await parseBody(req, upsertQuoteSchema)));
export const PATCH = handler<P>(async (req, db, p) => {
  const id = pathId(p.id, "quote");
  const { events: _events, ...existing } = getQuote(db, id);
  return updateQuote(db, id, await parseMerged(req, existing, upsertQuoteSchema));
});
export const DELETE = handler<P>((_req, db, p) => {
  deleteQuote(db, pathId(p.id, "quote"));
});
