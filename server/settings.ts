import { writeTransaction, type DbOrTx } from "@/db/connection";
import { getSettings, saveSettings } from "@/db/settings";
import type { Settings } from "@/lib/domain";

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
