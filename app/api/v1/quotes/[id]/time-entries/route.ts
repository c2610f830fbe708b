import { getQuote } from "@/server/quotes";
import { addTimeEntry, listQuoteTime } from "@/server/time-entries";
import { createTimeEntrySchema } from "@/lib/time-and-money-schemas";
import { handler, parseBody, pathId } from "../../../_lib/http";

type P = { id: string };
/** The time logged on a quote, by day. */
export const GET = handler<P>((_req, db, p) => ({ timeEntries: listQuoteTime(db, pathId(p.id, "quote")) }));
/** Log time on a quote: { occurredOn?, minutes, note?, billable? }; more than 24 h on a day or a future day is a 400. */
export const POST = handler<P>(async (req, db, p) => {
  const id = pathId(p.id, "quote");
  getQuote(db, id);
  return addTimeEntry(db, id, await parseBody(req, createTimeEntrySchema));
}, { status: 201 });
