import { deleteQuote, getQuote, updateQuote } from "@/db/queries";
import { fieldErrors, upsertQuoteSchema } from "@/lib/schemas";
import { HttpError, handler, parseBody, pathId, readJson } from "../../_lib/http";

type P = { id: string };
export const GET = handler<P>((_req, db, p) => getQuote(db, pathId(p.id, "quote")));
export const PUT = handler<P>(async (req, db, p) => updateQuote(db, pathId(p.id, "quote"), await parseBody(req, upsertQuoteSchema)));
export const PATCH = handler<P>(async (req, db, p) => {
  const id = pathId(p.id, "quote");
  const { events: _events, estimatedMinutes, ...existing } = getQuote(db, id);
  const body = await readJson(req);
  if (body === null || typeof body !== "object" || Array.isArray(body)) throw new HttpError(400, "Send a JSON object");
  const parsed = upsertQuoteSchema.safeParse({ ...existing, estimatedHours: estimatedMinutes / 60, ...body });
  if (!parsed.success) throw new HttpError(400, "Invalid input", fieldErrors(parsed.error));
  return updateQuote(db, id, parsed.data);
});
export const DELETE = handler<P>((_req, db, p) => {
  deleteQuote(db, pathId(p.id, "quote"));
});
