"use server";
import type { z } from "zod";
import { offerFormChoices } from "@/lib/offer-check/form";
import { offerCheckSchema, recordOfferSchema } from "@/lib/offer-check/schemas";
import { isSignedIn } from "@/server/auth/state";
import { todayFor } from "@/server/clock";
import { readyDb } from "@/server/database";
import { checkOffer, recordOffer, type OfferActionState } from "@/server/offers";
import { getSettings } from "@/server/settings";
import { errorState, formValues, notSignedInState, parseForm, revalidateEverything } from "./_lib/safe-action";

const FIX = "Please fix the highlighted fields.";

const sameValues = (a: Record<string, string> | undefined, b: Record<string, string>) => JSON.stringify(Object.entries(a ?? {}).sort()) === JSON.stringify(Object.entries(b).sort());

/**
 * The offer check answers with a result, not just "Saved.": the same steps as the wrapper, by hand.
 * The page's form must choose a client and a service (nothing preselected): a choice not made is a
 * field error, reported with the schema's own.
 */
async function parse<S extends typeof offerCheckSchema | typeof recordOfferSchema>(
  schema: S,
  formData: FormData,
): Promise<{ values: Record<string, string>; error: OfferActionState; data?: undefined } | { values: Record<string, string>; error?: undefined; data: z.output<S> }> {
  const values = formValues(formData);
  if (!(await isSignedIn())) return { values, error: notSignedInState(values) as OfferActionState };
  const choices = offerFormChoices(values);
  // amounts are read as the person types them, in their locale ("1.200,50 €")
  let typing;
  try {
    const { locale, hoursPerDay } = getSettings(await readyDb());
    typing = { locale, hoursPerDay };
  } catch (e) {
    return { values, error: errorState(e, values) as OfferActionState };
  }
  const parsed = parseForm(schema, choices.parse, (values.currency || "USD").toUpperCase(), typing);
  const fields = { ...("error" in parsed ? parsed.error.fields : undefined), ...choices.fields };
  // no client chosen: say so on the client select, not on the prospect's name (not shown then)
  if (choices.fields.clientId) delete fields.newClientName;
  if ("error" in parsed || Object.keys(fields).length) return { values, error: { status: "error", message: FIX, fields, values } };
  return { values, data: parsed.data as z.output<S> };
}

export async function checkOfferAction(_prev: OfferActionState, formData: FormData): Promise<OfferActionState> {
  const { values, error, data } = await parse(offerCheckSchema, formData);
  if (error) return error;
  try {
    const db = await readyDb();
    return { status: "ok", result: checkOffer(db, data, todayFor(db)), values };
  } catch (e) {
    return errorState(e, values);
  }
}

export async function recordOfferAction(prev: OfferActionState, formData: FormData): Promise<OfferActionState> {
  const { values, error, data } = await parse(recordOfferSchema, formData);
  if (error) return error;
  try {
    const db = await readyDb();
    const { quote, clientId, alreadyRecorded: already, heldFirm } = recordOffer(db, data, todayFor(db));
    if (!already) revalidateEverything();
    // a double click: the second submission found what the first just wrote — still "Recorded" to the user
    const same = prev.recorded && !prev.recorded.alreadyRecorded && prev.recorded.quoteId === quote.id && prev.recorded.decision === data.decision && sameValues(prev.values, values);
    const alreadyRecorded = already && !same;
    return {
      status: "ok",
      message: alreadyRecorded ? "Already recorded." : "Recorded.",
      recorded: { quoteId: quote.id, clientId, decision: data.decision, alreadyRecorded, heldFirm },
      values,
    };
  } catch (e) {
    return errorState(e, values);
  }
}
