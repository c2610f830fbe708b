/**
 * Time spent on a quote's work (the true hourly rate, lib/true-rate.ts): logged a day at a time, each
 * write one checked transaction. A person has one day: the time logged on a day across the whole book
 * never passes 24 h, and no time is logged for a day that has not come yet.
 */
import { writeTransaction, type DbOrTx } from "@/db/connection";
import { touchClient } from "@/db/clients";
import { updateQuoteRow } from "@/db/quotes";
import { deleteTimeEntryRow, findTimeEntry, insertTimeEntry, listClientTimeEntries, listTimeEntries, minutesLoggedOn } from "@/db/time-entries";
import type { TimeEntry } from "@/lib/domain";
import { invalidInput, notFound } from "@/lib/errors";
import { formatHours } from "@/lib/money";
import { MINUTES_IN_A_DAY, type CreateTimeEntry, type WorkDone } from "@/lib/time-and-money-schemas";
import { todayFor } from "./clock";
import { getQuote } from "./quotes";

export { listClientTimeEntries };

/** A quote's time entries, by day (not_found for an unknown quote). */
export function listQuoteTime(db: DbOrTx, quoteId: number): TimeEntry[] {
  getQuote(db, quoteId);
  return listTimeEntries(db, quoteId);
}

/** The checks every new entry passes, whatever its way in (form, API, import). Throws invalid_input. */
export function checkTimeEntry(db: DbOrTx, day: string, minutes: number, today: string, alreadyInThisWrite = 0): void {
  if (day > today) throw invalidInput("That day has not come yet", { occurredOn: [`Log time for today (${today}) or a day before`] });
  const logged = minutesLoggedOn(db, day) + alreadyInThisWrite;
  if (logged + minutes > MINUTES_IN_A_DAY)
    throw invalidInput("More than 24 hours on one day", {
      minutes: [`${formatHours(logged, "en-US")} is already logged on ${day}: a day has 24 hours, so at most ${formatHours(MINUTES_IN_A_DAY - logged, "en-US")} more`],
    });
}

export function addTimeEntry(db: DbOrTx, quoteId: number, input: CreateTimeEntry, today = todayFor(db)): TimeEntry {
  return writeTransaction(db, (tx) => {
    const quote = getQuote(tx, quoteId);
    const day = input.occurredOn ?? today;
    checkTimeEntry(tx, day, input.minutes, today);
    const id = insertTimeEntry(tx, { quoteId, occurredOn: day, minutes: input.minutes, note: input.note ?? null, billable: input.billable ?? null });
    touchClient(tx, quote.clientId);
    return findTimeEntry(tx, id)!;
  });
}

export function deleteTimeEntry(db: DbOrTx, quoteId: number, entryId: number): void {
  writeTransaction(db, (tx) => {
    const quote = getQuote(tx, quoteId);
    if (deleteTimeEntryRow(tx, quoteId, entryId) === 0) throw notFound("time entry", entryId);
    touchClient(tx, quote.clientId);
  });
}

/** Mark the job's work done on a day (its logged time is then the whole job), or not done (null). */
export function setWorkDone(db: DbOrTx, quoteId: number, input: WorkDone, today = todayFor(db)): void {
  writeTransaction(db, (tx) => {
    const quote = getQuote(tx, quoteId);
    if (input.workDoneOn && input.workDoneOn > today) throw invalidInput("That day has not come yet", { workDoneOn: [`The work is done today (${today}) or was done before`] });
    updateQuoteRow(tx, quoteId, { workDoneOn: input.workDoneOn });
    touchClient(tx, quote.clientId);
  });
}
