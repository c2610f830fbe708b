"use server";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { readyDb } from "@/db/connection";
import * as q from "@/db/queries";
import {
  fieldErrors,
  idSchema,
  createInteractionSchema,
  createQuoteEventSchema,
  quoteOutcomeSchema,
  updateSettingsSchema,
  upsertClientSchema,
  upsertQuoteSchema,
  upsertServiceSchema,
  upsertTemplateSchema,
} from "@/lib/schemas";
import { loadDemoBook } from "@/db/demo";
import { errorState, runFormAction } from "./run";
import type { ActionState } from "./state";
import { formValues } from "@/lib/form";
import { parseMoney } from "@/lib/money";

/** Bound ids come from our own pages, but an action is a public endpoint: never trust their type. */
function validId(...ids: unknown[]): boolean {
  return ids.every((id) => idSchema.safeParse(id).success);
}
const badId: ActionState = { status: "error", message: "That record does not exist (any more). Reload the page." };

const everywhere = ["/", "/clients", "/dashboard", "/rates", "/settings", "/offer"];

export async function createClientAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const db = await readyDb();
  const { state, result } = await runFormAction(formData, { schema: upsertClientSchema, currency: "USD", revalidate: everywhere }, (input) => q.createClient(db, input));
  if (result) redirect(`/clients/${result.id}`);
  return state;
}

export async function updateClientAction(id: number, _prev: ActionState, formData: FormData): Promise<ActionState> {
  if (!validId(id)) return badId;
  const db = await readyDb();
  const { state } = await runFormAction(formData, { schema: upsertClientSchema, currency: "USD", revalidate: everywhere }, (input) => q.updateClient(db, id, input));
  return state;
}

export async function deleteClientAction(id: number): Promise<ActionState> {
  if (!validId(id)) return badId;
  const db = await readyDb();
  try {
    q.deleteClient(db, id);
  } catch (e) {
    return errorState(e);
  }
  for (const p of everywhere) revalidatePath(p);
  redirect("/clients");
}

const serviceSpec = { money: ["marketRate", "targetRate", "floorRate"] };

export async function createServiceAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const db = await readyDb();
  const currency = String(formData.get("currency") ?? q.getSettings(db).currency).toUpperCase();
  const { state } = await runFormAction(formData, { schema: upsertServiceSchema, spec: serviceSpec, currency, revalidate: everywhere }, (input) => q.createService(db, input));
  return state;
}

export async function updateServiceAction(id: number, _prev: ActionState, formData: FormData): Promise<ActionState> {
  if (!validId(id)) return badId;
  const db = await readyDb();
  const currency = String(formData.get("currency") ?? q.getSettings(db).currency).toUpperCase();
  const { state } = await runFormAction(formData, { schema: upsertServiceSchema, spec: serviceSpec, currency, revalidate: everywhere }, (input) => q.updateService(db, id, input));
  return state;
}

export async function deleteServiceAction(id: number): Promise<void> {
  if (!validId(id)) return;
  const db = await readyDb();
  try {
    q.deleteService(db, id);
  } catch {
    // already gone: nothing to do
  }
  for (const p of everywhere) revalidatePath(p);
}

const quoteSpec = { money: ["quotedAmount", "agreedAmount"], numbers: ["estimatedHours", "serviceId", "clientId"], nullable: ["agreedAmount", "serviceId", "sentOn", "decidedOn", "rejectionReason", "scope"] };

export async function createQuoteAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const db = await readyDb();
  const currency = String(formData.get("currency") ?? q.getSettings(db).currency).toUpperCase();
  const { state, result } = await runFormAction(formData, { schema: upsertQuoteSchema, spec: quoteSpec, currency, revalidate: everywhere }, (input) => q.createQuote(db, input));
  if (result) redirect(`/quotes/${result.id}`);
  return state;
}

export async function updateQuoteAction(id: number, _prev: ActionState, formData: FormData): Promise<ActionState> {
  if (!validId(id)) return badId;
  const db = await readyDb();
  const currency = String(formData.get("currency") ?? q.getSettings(db).currency).toUpperCase();
  const { state } = await runFormAction(formData, { schema: upsertQuoteSchema, spec: quoteSpec, currency, revalidate: everywhere }, (input) => q.updateQuote(db, id, input));
  return state;
}

export async function setQuoteOutcomeAction(id: number, _prev: ActionState, formData: FormData): Promise<ActionState> {
  if (!validId(id)) return badId;
  const db = await readyDb();
  let currency = "USD";
  try {
    currency = q.getQuote(db, id).currency;
  } catch (e) {
    return errorState(e);
  }
  const { state } = await runFormAction(
    formData,
    { schema: quoteOutcomeSchema, spec: { money: ["agreedAmount"], booleans: ["cameBackAtMyPrice"], nullable: ["agreedAmount", "rejectionReason", "decidedOn"] }, currency, revalidate: everywhere },
    (input) => q.setQuoteOutcome(db, id, input),
  );
  return state;
}

export async function deleteQuoteAction(id: number, clientId: number): Promise<void> {
  if (!validId(id, clientId)) return;
  const db = await readyDb();
  try {
    q.deleteQuote(db, id);
  } catch {
    // already gone
  }
  for (const p of everywhere) revalidatePath(p);
  redirect(`/clients/${clientId}`);
}

/** The quote comes from the form (hidden on the quote page, a picker on the client page). */
export async function addQuoteEventAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const db = await readyDb();
  const quoteId = idSchema.safeParse(formData.get("quoteId"));
  if (!quoteId.success) return { status: "error", message: "Choose the quote this was about.", fields: { quoteId: ["Choose a quote"] }, values: formValues(formData) };
  let currency = "USD";
  try {
    currency = q.getQuote(db, quoteId.data).currency;
  } catch (e) {
    return errorState(e, formValues(formData));
  }
  const { state } = await runFormAction(
    formData,
    { schema: createQuoteEventSchema, spec: { money: ["amount", "amountOff"], numbers: ["percent", "scopeHours"] }, currency, revalidate: everywhere },
    (input) => q.addQuoteEvent(db, quoteId.data, input),
  );
  return state;
}

export async function deleteQuoteEventAction(quoteId: number, eventId: number): Promise<void> {
  if (!validId(quoteId, eventId)) return;
  const db = await readyDb();
  try {
    q.deleteQuoteEvent(db, quoteId, eventId);
  } catch {
    // already gone
  }
  for (const p of everywhere) revalidatePath(p);
}

export async function addInteractionAction(clientId: number, _prev: ActionState, formData: FormData): Promise<ActionState> {
  if (!validId(clientId)) return badId;
  const db = await readyDb();
  const currency = q.getSettings(db).currency;
  const { state } = await runFormAction(
    formData,
    { schema: createInteractionSchema, spec: { money: ["amount"], numbers: ["minutes", "daysLate", "quoteId"], booleans: ["paid", "answered"], nullable: ["quoteId", "amount"] }, currency, revalidate: everywhere },
    (input) => q.addInteraction(db, clientId, input),
  );
  return state;
}

export async function deleteInteractionAction(clientId: number, interactionId: number): Promise<void> {
  if (!validId(clientId, interactionId)) return;
  const db = await readyDb();
  try {
    q.deleteInteraction(db, clientId, interactionId);
  } catch {
    // already gone
  }
  for (const p of everywhere) revalidatePath(p);
}

export async function updateSettingsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const db = await readyDb();
  const current = q.getSettings(db);
  const numbers = ["hoursPerDay", "weeklyCapacityHours", "weightPricePressure", "weightReciprocity", "weightPay", "weightChasing", "weightPayment", "bandKeep", "bandWalkAway", "chaseThreshold", "rushMultiplierPct"];
  const { state } = await runFormAction(formData, { schema: updateSettingsSchema, spec: { numbers }, currency: current.currency, revalidate: everywhere }, (input) =>
    q.updateSettings(db, input),
  );
  return state;
}

export async function saveTemplateAction(id: number | null, _prev: ActionState, formData: FormData): Promise<ActionState> {
  if (id !== null && !validId(id)) return badId;
  const db = await readyDb();
  const { state } = await runFormAction(formData, { schema: upsertTemplateSchema, spec: { booleans: ["isDefault"] }, currency: "USD", revalidate: everywhere }, (input) =>
    id == null ? q.createTemplate(db, input) : q.updateTemplate(db, id, input),
  );
  return state;
}

export async function deleteTemplateAction(id: number): Promise<void> {
  if (!validId(id)) return;
  const db = await readyDb();
  try {
    q.deleteTemplate(db, id);
  } catch {
    // already gone
  }
  for (const p of everywhere) revalidatePath(p);
}

export async function loadDemoAction(): Promise<void> {
  const db = await readyDb();
  loadDemoBook(db);
  for (const p of everywhere) revalidatePath(p);
  redirect("/");
}

/** The floor-rate calculator's "apply": sets one service's floor, refused when it would exceed the target. */
export async function applyFloorRateAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const db = await readyDb();
  const serviceId = idSchema.safeParse(formData.get("serviceId"));
  if (!serviceId.success) return { status: "error", message: "Choose a service.", fields: { serviceId: ["Choose a service"] } };
  try {
    const s = q.getService(db, serviceId.data);
    const floor = parseMoney(String(formData.get("floorRate") ?? ""), s.currency);
    const parsed = upsertServiceSchema.safeParse({ ...s, floorRate: floor });
    if (!parsed.success) {
      const f = fieldErrors(parsed.error);
      return { status: "error", message: (f.floorRate ?? f._form ?? ["That floor cannot be applied."]).join(" ") + " Raise the target rate first, or lower your goals.", fields: f };
    }
    q.updateService(db, s.id, parsed.data);
  } catch (e) {
    return errorState(e);
  }
  for (const p of everywhere) revalidatePath(p);
  return { status: "ok", message: "Floor applied.", okAt: Date.now() };
}
