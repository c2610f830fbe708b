"use server";
import { z } from "zod";
import { timeZoneSchema, updateSettingsSchema } from "@/lib/schemas";
import { adoptTimeZone, updateSettings } from "@/server/settings";
import { formAction } from "./_lib/safe-action";

export const updateSettingsAction = formAction({ schema: updateSettingsSchema, run: (db, input) => updateSettings(db, input) });

/** Sent once by the first browser to open the app, with its own time zone (never replaces a chosen one). */
export const adoptTimeZoneAction = formAction({
  schema: z.object({ timeZone: timeZoneSchema }),
  run: (db, { timeZone }) => adoptTimeZone(db, timeZone),
  message: "Time zone set.",
});
