import { addQuoteEvent, getQuote } from "@/server/quotes";
import { createQuoteEventSchema } from "@/lib/schemas";
import { handler, parseBody, pathId } from "../../../_lib/http";

type P = { id: string };
export const GET = handler<P>((_req, db, p) => ({ events: getQuote(db, pathId(p.id, "quote")).events }));
export const POST = handler<P>(async (req, db, p) => {
  const id = pathId(p.id, "quote");
  getQuote(db, id);
  return addQuoteEvent(db, id, await parseBody(req, createQuoteEventSchema));
}, { status: 201 });
