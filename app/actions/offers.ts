"use server";
import { formInput, errorsForSentNames } from "@/lib/form-input";
import { fieldErrors, offerCheckSchema, recordOfferSchema } from "@/lib/schemas";
import { isSignedIn } from "@/server/auth/state";
import { todayFor } from "@/server/clock";
import { readyDb } from "@/server/database";
import { checkOffer, recordOffer, type OfferActionState } from "@/server/offers";
import { errorState, formValues, revalidateEverything } from "./_lib/safe-action";


/** The offer check answers with a result, not just "Saved.", so it parses through the same steps by hand. */
async function parse<S extends typeof offerCheckSchema | typeof recordOfferSchema>(schema: S, formData: FormData) {
  const values = formValues(formData);
  if (!(await isSignedIn())) return { values, error: { status: "error", message: "Sign in first: your session has ended.", values } as OfferActionState };
  const input = formInput(schema, values, (values.currency || "USD").toUpperCase());
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { values, error: { status: "error", message: "Please fix the highlighted fields.", fields: errorsForSentNames(fieldErrors(parsed.error), input), values } as OfferActionState };
  return { values, data: parsed.data };
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
