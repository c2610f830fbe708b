"use server";
import { updateSettingsSchema } from "@/lib/schemas";
import { updateSettings } from "@/server/settings";
import { formAction } from "./_lib/safe-action";

export const updateSettingsAction = formAction({ schema: updateSettingsSchema, run: (db, input) => updateSettings(db, input) });
