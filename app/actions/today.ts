"use server";
import { z } from "@/lib/zod";
import { todayItemKeySchema, todayItemStateSchema } from "@/lib/today/schemas";
import { logPaymentSchema } from "@/lib/payment-schemas";
import type { ActionState } from "@/lib/action-state";
import type { TodayActionState, TodayDone } from "@/lib/today";
import { todayFor } from "@/server/clock";
import { getQuote } from "@/server/quotes";
import {
  clearMarkFromToday,
  followUpFromToday,
  logPaymentFromToday,
  markFromToday,
  stopChasingFromToday,
  undoFollowUp,
  walkAwayFromToday,
} from "@/server/today-actions";
import { isAppError } from "@/lib/errors";
import { childIdAction, formAction, formActionFor, idAction, revalidateEverything } from "./_lib/safe-action";

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

/**
 * Every Today action says what it did: the use case's sentence replaces the wrapper's generic message,
 * and its undo rides along. `run` is given a setter for what the use case answered (per call).
 */
async function confirmed(call: (done: (d: TodayDone) => void) => Promise<ActionState>): Promise<TodayActionState> {
  let answer: TodayDone | undefined;
  const state = await call((d) => {
    answer = d;
  });
  return state.status === "ok" && answer ? { ...state, message: answer.message, undo: answer.undo } : state;
}

/** Done / snoozed (a week, or until a day after today) / not relevant: the mark holds while the item's facts do. */
export async function setTodayItemStateAction(prev: ActionState, formData: FormData): Promise<TodayActionState> {
  return confirmed((done) =>
    formAction({ schema: itemStateForm, run: (db, { key, ...input }) => refreshIfGone(() => done(markFromToday(db, key, input, todayFor(db)))) })(prev, formData),
  );
}

/** "Bring back" (and the undo of a mark): the item is open again. */
export async function clearTodayItemStateAction(prev: ActionState, formData: FormData): Promise<TodayActionState> {
  return confirmed((done) => formAction({ schema: itemKeyForm, run: (db, { key }) => refreshIfGone(() => done(clearMarkFromToday(db, key, todayFor(db)))) })(prev, formData));
}

/** Log my one follow-up on a quote today (their answer unknown yet). */
export async function followUpOnceAction(quoteId: number): Promise<TodayActionState> {
  return confirmed((done) => idAction({ run: (db, id) => done(followUpFromToday(db, id, todayFor(db))) })(quoteId));
}

/** Undo "Log my follow-up": the follow-up just logged (answer still unknown) is deleted. */
export async function undoFollowUpAction(quoteId: number, interactionId: number): Promise<TodayActionState> {
  return confirmed((done) => childIdAction({ run: (db, qid, iid) => done(undoFollowUp(db, qid, iid)) })(quoteId, interactionId));
}

/** Stop chasing: the quote expires; my follow-ups on it count as unanswered. */
export async function markQuoteExpiredAction(quoteId: number): Promise<TodayActionState> {
  return confirmed((done) => idAction({ run: (db, id) => done(stopChasingFromToday(db, id, "expired", todayFor(db))) })(quoteId));
}

/** Stop chasing: the client walked away (the quote is rejected, no reason given). */
export async function clientWalkedAwayAction(quoteId: number): Promise<TodayActionState> {
  return confirmed((done) => idAction({ run: (db, id) => done(stopChasingFromToday(db, id, "walked_away", todayFor(db))) })(quoteId));
}

/** Walk away from an active client: their status becomes "walked away". */
export async function walkAwayFromClientAction(clientId: number): Promise<TodayActionState> {
  return confirmed((done) => idAction({ run: (db, id) => done(walkAwayFromToday(db, id, todayFor(db))) })(clientId));
}

/**
 * Log an overdue payment from Today: `logPaymentFromTodayAction.bind(null, quoteId)`. Money is read in the
 * quote's currency; the answer says how late it was and how the client's score moved.
 */
export async function logPaymentFromTodayAction(quoteId: number, prev: ActionState, formData: FormData): Promise<TodayActionState> {
  return confirmed((done) =>
    formActionFor({
      schema: logPaymentSchema,
      currency: (db, _values, id) => getQuote(db, id).currency,
      run: (db, input, id) => {
        const answer = logPaymentFromToday(db, id, input, todayFor(db));
        done(answer);
        return answer;
      },
      okState: ({ scoreChange }) => ({ scoreChange }),
    })(quoteId, prev, formData),
  );
}
