import { deleteQuote, getQuote, updateQuote } from "@/server/quotes";
import { upsertQuoteSchema } from "@/lib/schemas";
import { quotePayment } from "@/server/payments";
import { handler, parseBody, parseMerged, pathId } from "../../_lib/http";

type P = { id: string };
/** The quote with its negotiation and where its payment stands (`payment`: lib/payment-terms.ts PaymentState). */
export const GET = handler<P>((_req, db, p) => {
  const id = pathId(p.id, "quote");
  return { ...getQuote(db, id), payment: quotePayment(db, id) };
});
export const PUT = handler<P>(async (req, db, p) => updateQuote(db, pathId(p.id, "quote"), await parseBody(req, upsertQuoteSchema)));
export const PATCH = handler<P>(async (req, db, p) => {
  const id = pathId(p.id, "quote");
  const { events: _events, ...existing } = getQuote(db, id);
  return updateQuote(db, id, await parseMerged(req, existing, upsertQuoteSchema));
});
export const DELETE = handler<P>((_req, db, p) => {
  deleteQuote(db, pathId(p.id, "quote"));
});
