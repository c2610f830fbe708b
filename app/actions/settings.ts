"use server";
import { z } from "@/lib/zod";
import type { ActionState } from "@/lib/action-state";
import { firstRunSchema, reexpressSchema, settingsChangeSchema } from "@/lib/book-setup-schemas";
import { timeZoneSchema } from "@/lib/schemas";
import { isSignedIn } from "@/server/auth/state";
import { changeSettings, describeUse, reexpressBook, type ReexpressResult } from "@/server/currency";
import { readyDb } from "@/server/database";
import { backupDir } from "@/server/env";
import { adoptTimeZone, completeFirstRun, getSettings } from "@/server/settings";
import { errorState, formAction, formValues, notSignedInState, parseForm, revalidateEverything } from "./_lib/safe-action";

/** "24 quotes and 4 services converted to GBP (1 USD = 0.79 GBP). A backup was taken first." */
function convertedMessage(r: ReexpressResult): string {
  const what = describeUse({ quotes: r.converted.quotes, services: r.converted.services }) || "Nothing";
  return `${what} converted to ${r.to} (1 ${r.from} = ${r.rate} ${r.to}).${r.backup ? " A backup was taken first." : ""}`;
}

/**
 * The same steps as every form action (safe-action's formAction: session, schema, one use case, errors
 * mapped, every page revalidated), for a use case that awaits a backup before its transaction.
 */
async function runAsyncForm<S extends z.ZodType>(schema: S, formData: FormData, run: (db: Awaited<ReturnType<typeof readyDb>>, input: z.output<S>) => Promise<string>): Promise<ActionState> {
  const values = formValues(formData);
  if (!(await isSignedIn())) return notSignedInState(values);
  let message: string;
  try {
    const db = await readyDb();
    // money (the minimum fee) is typed in the book's currency, read in the user's locale
    const { currency, locale, hoursPerDay } = getSettings(db);
    const parsed = parseForm(schema, values, currency, { locale, hoursPerDay });
    if ("error" in parsed) return parsed.error;
    message = await run(db, parsed.data);
  } catch (e) {
    return errorState(e, values);
  }
  revalidateEverything();
  return { status: "ok", message, okAt: Date.now() };
}

/** Settings; a new currency while the book holds money in the old one also says: convert (at a rate) or keep. */
export async function updateSettingsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAsyncForm(settingsChangeSchema, formData, async (db, input) => {
    const { reexpressed } = await changeSettings(db, input, backupDir());
    return reexpressed ? `Saved. ${convertedMessage(reexpressed)}` : "Saved.";
  });
}

/** Settings' "Amounts in other currencies": convert one currency's amounts into the book's. */
export async function reexpressAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAsyncForm(reexpressSchema, formData, async (db, input) => convertedMessage(await reexpressBook(db, input, backupDir())));
}

/** Sent once by the first browser to open the app, with its own time zone (never replaces a chosen one). */
export const adoptTimeZoneAction = formAction({
  schema: z.object({ timeZone: timeZoneSchema }),
  run: (db, { timeZone }) => adoptTimeZone(db, timeZone),
  message: "Time zone set.",
});

/** The home page's first-run step: currency, time zone, locale, then an empty book or the demo book. */
export const firstRunAction = formAction({
  schema: firstRunSchema,
  run: (db, input) => completeFirstRun(db, input),
  redirectTo: () => "/",
});
