"use server";
import { z } from "zod";
import { todayItemKeySchema, todayItemStateSchema } from "@/lib/today/schemas";
import { todayFor } from "@/server/clock";
import { clearTodayItemState, followUpOnce, setTodayItemState, stopChasing, walkAwayFromClient } from "@/server/today-actions";
import { isAppError } from "@/lib/errors";
import { formAction, idAction, revalidateEverything } from "./_lib/safe-action";

/** The item is named by its key (a hidden field of the page's form); what the user chose, by the schema. */
const itemKeyForm = z.object({ key: todayItemKeySchema });
const itemStateForm = z.intersection(itemKeyForm, todayItemStateSchema);

/** An item no longer listed (its facts moved on in another tab): say so, and show the list as it is now. */
function refreshIfGone<T>(run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (isAppError(e, "not_found")) revalidateEverything();
    throw e;
  }
}

/** Done / snoozed (a week, or until a day after today) / not relevant: the mark holds while the item's facts do. */
export const setTodayItemStateAction = formAction({
  schema: itemStateForm,
  run: (db, { key, ...input }) => refreshIfGone(() => setTodayItemState(db, key, input, todayFor(db))),
  message: "Put away.",
});

/** "Bring back": the item is open again. */
export const clearTodayItemStateAction = formAction({
  schema: itemKeyForm,
  run: (db, { key }) => refreshIfGone(() => clearTodayItemState(db, key)),
  message: "Brought back.",
});

/** Log my one follow-up on a quote today (their answer unknown yet). */
export const followUpOnceAction = idAction({ run: (db, quoteId) => void followUpOnce(db, quoteId, todayFor(db)), message: "Follow-up logged." });

/** Stop chasing: the quote expires; my follow-ups on it count as unanswered. */
export const markQuoteExpiredAction = idAction({ run: (db, quoteId) => void stopChasing(db, quoteId, "expired", todayFor(db)), message: "Marked expired." });

/** Stop chasing: the client walked away (the quote is rejected, no reason given). */
export const clientWalkedAwayAction = idAction({ run: (db, quoteId) => void stopChasing(db, quoteId, "walked_away", todayFor(db)), message: "Recorded: they walked away." });

/** Walk away from an active client: their status becomes "walked away". */
export const walkAwayFromClientAction = idAction({ run: (db, clientId) => void walkAwayFromClient(db, clientId, todayFor(db)), message: "You walked away." });
