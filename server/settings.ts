import { writeTransaction, type DbOrTx } from "@/db/connection";
import { isEmptyBook } from "@/db/clients";
import { getSettings, isFirstRunDone, saveSettings, setFirstRunDone } from "@/db/settings";
import type { Settings } from "@/lib/domain";
import { conflict } from "@/lib/errors";
import type { FirstRun } from "@/lib/book-setup-schemas";
import { loadDemoBook } from "./demo";

export { getSettings };

export function updateSettings(db: DbOrTx, input: Settings): Settings {
  return writeTransaction(db, (tx) => {
    saveSettings(tx, input);
    return getSettings(tx);
  });
}

/** The first browser that opens the app lends it its time zone; a zone the user chose is never replaced. */
export function adoptTimeZone(db: DbOrTx, timeZone: string): Settings {
  return writeTransaction(db, (tx) => {
    const current = getSettings(tx);
    if (current.timeZone === "" && timeZone !== "") saveSettings(tx, { ...current, timeZone });
    return getSettings(tx);
  });
}

/** The home page asks the first-run questions while the book is empty and they were never answered. */
export function needsFirstRun(db: DbOrTx): boolean {
  return !isFirstRunDone(db) && isEmptyBook(db);
}

/**
 * The first-run answers, in one transaction: the currency, time zone and locale are saved, the step is
 * recorded as done, and the demo book is loaded when asked for (in the chosen currency). Refused once
 * the book has data (a second click, another tab): Settings changes the currency from then on.
 */
export function completeFirstRun(db: DbOrTx, input: FirstRun, now = new Date()): { settings: Settings; demo: ReturnType<typeof loadDemoBook> | null } {
  return writeTransaction(db, (tx) => {
    if (!isEmptyBook(tx)) throw conflict("Your book already has data: change the currency and time zone in Settings.");
    saveSettings(tx, { ...getSettings(tx), currency: input.currency, timeZone: input.timeZone, locale: input.locale });
    setFirstRunDone(tx);
    const demo = input.start === "demo" ? loadDemoBook(tx, now) : null;
    return { settings: getSettings(tx), demo };
  });
}
