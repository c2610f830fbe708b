import { getSettings } from "@/server/settings";
import { changeSettings } from "@/server/currency";
import { backupDir } from "@/server/env";
import { settingsChangeSchema } from "@/lib/book-setup-schemas";
import { handler, parseMerged } from "../_lib/http";

export const GET = handler((_req, db) => getSettings(db));

/**
 * PUT and PATCH both merge what is sent over the current settings, then validate the whole. A new
 * currency while the book holds quotes or services in the old one needs `currencyChange`: "keep" (they
 * stay in the old currency) or "convert" with `rate` (1 old = rate new; backup, then one transaction).
 * The answer is the settings, plus `reexpressed` (what was converted) after a conversion.
 */
export const PUT = handler(async (req, db) => {
  const { settings, reexpressed } = await changeSettings(db, await parseMerged(req, getSettings(db), settingsChangeSchema), backupDir());
  return reexpressed ? { ...settings, reexpressed } : settings;
});
export const PATCH = PUT;
