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
