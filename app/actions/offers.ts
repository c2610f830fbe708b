"use server";
import { revalidatePath } from "next/cache";
import { readyDb } from "@/db/connection";
import { checkOffer, recordOffer, type OfferCheckResult } from "@/db/offers";
import { today } from "@/db/queries";
import { fieldErrors, offerCheckSchema, recordOfferSchema } from "@/lib/schemas";
import { formToInput, formValues } from "@/lib/form";
import { errorState } from "./run";
import type { ActionState } from "./state";

export interface OfferActionState extends ActionState {
  result?: OfferCheckResult;
  recorded?: { quoteId: number; clientId: number; decision: string };
}

const spec = {
  money: ["offeredAmount", "counterAmount"],
  numbers: ["scopeAmount", "clientId", "serviceId", "quoteId"],
  booleans: ["rush"],
  nullable: ["deadline", "serviceId", "quoteId", "counterAmount", "clientId"],
};

function toInput(formData: FormData) {
  const values = formValues(formData);
  const currency = (values.currency || "USD").toUpperCase();
  return { values, input: formToInput(values, spec, currency) };
}

export async function checkOfferAction(_prev: OfferActionState, formData: FormData): Promise<OfferActionState> {
  const { values, input } = toInput(formData);
  const parsed = offerCheckSchema.safeParse(input);
  if (!parsed.success) return { status: "error", message: "Please fix the highlighted fields.", fields: fieldErrors(parsed.error), values };
  try {
    const db = await readyDb();
    return { status: "ok", result: checkOffer(db, parsed.data, today()), values };
  } catch (e) {
    return errorState(e, values);
  }
}

export async function recordOfferAction(_prev: OfferActionState, formData: FormData): Promise<OfferActionState> {
  const { values, input } = toInput(formData);
  const parsed = recordOfferSchema.safeParse(input);
  if (!parsed.success) return { status: "error", message: "Please fix the highlighted fields.", fields: fieldErrors(parsed.error), values };
  try {
    const db = await readyDb();
    const { quote, clientId } = recordOffer(db, parsed.data, today());
    for (const p of ["/", "/clients", `/clients/${clientId}`, `/quotes/${quote.id}`]) revalidatePath(p);
    return { status: "ok", message: "Recorded.", recorded: { quoteId: quote.id, clientId, decision: parsed.data.decision }, values };
  } catch (e) {
    return errorState(e, values);
  }
}
