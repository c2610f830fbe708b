import { getSettings, updateSettings } from "@/server/settings";
import { updateSettingsSchema } from "@/lib/schemas";
import { handler, parseMerged } from "../_lib/http";

export const GET = handler((_req, db) => getSettings(db));

/** PUT and PATCH both merge what is sent over the current settings, then validate the whole. */
export const PUT = handler(async (req, db) => updateSettings(db, await parseMerged(req, getSettings(db), updateSettingsSchema)));
export const PATCH = PUT;
