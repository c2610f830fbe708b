"use server";
import { z } from "@/lib/zod";
import { idSchema } from "@/lib/schemas";
import { createTimeEntrySchema, workDoneSchema, type CreateTimeEntry } from "@/lib/time-and-money-schemas";
import { getQuote } from "@/server/quotes";
import { withScoreChange } from "@/server/score-change";
import { addTimeEntry, deleteTimeEntry, setWorkDone } from "@/server/time-entries";
import { childIdAction, formAction, formActionFor } from "./_lib/safe-action";

/** The quote comes from the form (hidden on the quote page, a picker on the client page). */
const logTimeFormSchema = z.intersection(z.object({ quoteId: idSchema }), createTimeEntrySchema);

/** Log time spent on a quote; the answer says how it moved the client's score. */
export const logTimeAction = formAction({
  schema: logTimeFormSchema,
  run: (db, { quoteId, ...entry }) => withScoreChange(db, getQuote(db, quoteId).clientId, () => addTimeEntry(db, quoteId, entry as CreateTimeEntry)),
  okState: ({ scoreChange }) => ({ scoreChange }),
  message: "Time logged.",
});

/** Remove a time entry logged by mistake: (quote id, entry id). */
export const deleteTimeEntryAction = childIdAction({ run: (db, quoteId, entryId) => deleteTimeEntry(db, quoteId, entryId), message: "Removed." });

/** Mark the job's work done on a day, or not done yet (an empty day). */
export const setWorkDoneAction = formActionFor({
  schema: workDoneSchema,
  run: (db, input, quoteId) => withScoreChange(db, getQuote(db, quoteId).clientId, () => setWorkDone(db, quoteId, input)),
  okState: ({ scoreChange }) => ({ scoreChange }),
});
