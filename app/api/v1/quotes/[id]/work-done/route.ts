import { getQuote } from "@/server/quotes";
import { setWorkDone } from "@/server/time-entries";
import { workDoneSchema } from "@/lib/time-and-money-schemas";
import { handler, parseBody, pathId } from "../../../_lib/http";

type P = { id: string };
/** Mark the job's work done on a day ({ "workDoneOn": "2026-11-30" }) or not done ({ "workDoneOn": null }); answers the quote. */
export const PUT = handler<P>(async (req, db, p) => {
  const id = pathId(p.id, "quote");
  getQuote(db, id);
  setWorkDone(db, id, await parseBody(req, workDoneSchema));
  return getQuote(db, id);
});
