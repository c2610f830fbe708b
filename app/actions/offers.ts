"use server";
import type { z } from "zod";
import { offerCheckSchema, recordOfferSchema } from "@/lib/schemas";
import { isSignedIn } from "@/server/auth/state";
import { todayFor } from "@/server/clock";
import { readyDb } from "@/server/database";
import { checkOffer, recordOffer, type OfferActionState } from "@/server/offers";
import { errorState, formValues, notSignedInState, parseForm, revalidateEverything } from "./_lib/safe-action";


/** The offer check answers with a result, not just "Saved.": the same steps as the wrapper, by hand. */
async function parse<S extends typeof offerCheckSchema | typeof recordOfferSchema>(
  schema: S,
  formData: FormData,
): Promise<{ values: Record<string, string>; error: OfferActionState; data?: undefined } | { values: Record<string, string>; error?: undefined; data: z.output<S> }> {
  const values = formValues(formData);
  if (!(await isSignedIn())) return { values, error: notSignedInState(values) as OfferActionState };
  const parsed = parseForm(schema, values, (values.currency || "USD").toUpperCase());
  return "error" in parsed ? { values, error: parsed.error as OfferActionState } : { values, data: parsed.data as z.output<S> };
}

export async function checkOfferAction(_prev: OfferActionState, formData: FormData): Promise<OfferActionState> {
  const { values, error, data } = await parse(offerCheckSchema, formData);
  if (error) return error;
  try {
    return { status: "ok", result: checkOffer(await readyDb(), data!, todayFor(await readyDb())), values };
  } catch (e) {
    return errorState(e, values);
  }
}

export async function recordOfferAction(_prev: OfferActionState, formData: FormData): Promise<OfferActionState> {
  const { values, error, data } = await parse(recordOfferSchema, formData);
  if (error) return error;
  try {
    const input = recordOfferSchema.parse(data);
    const { quote, clientId } = recordOffer(await readyDb(), input, todayFor(await readyDb()));
    revalidateEverything();
    return { status: "ok", message: "Recorded.", recorded: { quoteId: quote.id, clientId, decision: input.decision }, values };
  } catch (e) {
    return errorState(e, values);
  }
}
