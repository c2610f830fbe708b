/**
 * The one wrapper every server action goes through: session check, bound ids checked, FormData parsed
 * by the entity's zod schema (lib/form-input.ts reads the field types from it), one use case run, errors
 * mapped by code (lib/errors.ts), then one revalidation of every page. What the user typed comes back
 * with any error, so a form never loses it.
 */
import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z, ZodType } from "zod";
import type { DB } from "@/db/connection";
import { isAppError } from "@/lib/errors";
import { errorsForSentNames, readForm, type TypedInputOptions } from "@/lib/form-input";
import { fieldErrors, idSchema } from "@/lib/schemas";
import { isSignedIn } from "@/server/auth/state";
import { readyDb } from "@/server/database";
import { getSettings } from "@/server/settings";
import { toAppError } from "@/server/errors";
import type { ActionState } from "@/lib/action-state";

/** Every page shows scores or lists that a write can change: the root layout's revalidation covers them all. */
export function revalidateEverything() {
  revalidatePath("/", "layout");
}

export function formValues(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of formData.entries()) if (typeof v === "string" && !k.startsWith("$ACTION")) out[k] = v;
  return out;
}

export function errorState(e: unknown, values: Record<string, string> = {}): ActionState {
  const err = toAppError(e);
  // a person acting on a page that is out of date (another tab deleted it) gets words, not an id
  const message = err.code === "not_found" && err.entity ? `This ${err.entity} no longer exists: it may have been removed in another tab. The page now shows what is there.` : err.message;
  return { status: "error", message, fields: Object.keys(err.fields).length ? err.fields : undefined, values };
}

const badId: ActionState = { status: "error", message: "That record does not exist (any more). Reload the page." };
/** Bound ids come from our own pages, but an action is a public endpoint: never trust their type (no coercion: `true` is not 1). */
const validIds = (ids: unknown[]): ids is number[] => ids.every((id) => typeof id === "number" && idSchema.safeParse(id).success);

interface Spec<S extends ZodType, R, I extends number[]> {
  schema: S;
  /** the currency typed money is in (default: none of the form's fields is money) */
  currency?: (db: DB, values: Record<string, string>, ...ids: I) => string;
  run: (db: DB, input: z.output<S>, ...ids: I) => R;
  /** after the commit: a page to go to */
  redirectTo?: (result: R, ...ids: I) => string;
  message?: string;
  /** after the commit: more for the form to show (e.g. the score change the write made) */
  okState?: (result: R) => Pick<ActionState, "scoreChange">;
}

/**
 * Typed strings → the schema's input, parsed; an error state naming the fields as the form did. Money,
 * percents and times are read in the user's locale (`opts`, from settings); a value that cannot be read
 * says why ("This is in GBP; …") instead of the schema's generic message.
 */
export function parseForm<S extends ZodType>(schema: S, values: Record<string, string>, currency: string, opts: TypedInputOptions = {}): { data: z.output<S> } | { error: ActionState } {
  const { input, errors: unread } = readForm(schema, values, currency, opts);
  const parsed = schema.safeParse(input);
  if (parsed.success) return { data: parsed.data };
  const fields = { ...errorsForSentNames(fieldErrors(parsed.error), input), ...unread };
  return { error: { status: "error", message: "Please fix the highlighted fields.", fields, values } };
}

export const notSignedInState = (values: Record<string, string> = {}): ActionState => ({ status: "error", message: "Sign in first: your session has ended.", values });

async function runForm<S extends ZodType, R, I extends number[]>(spec: Spec<S, R, I>, ids: unknown[], formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  if (!(await isSignedIn())) return notSignedInState(values);
  if (!validIds(ids)) return badId;
  const bound = ids as I;
  let result: R;
  try {
    const db = await readyDb();
    const { locale, hoursPerDay } = getSettings(db);
    const parsed = parseForm(spec.schema, values, spec.currency?.(db, values, ...bound) ?? "USD", { locale, hoursPerDay });
    if ("error" in parsed) return parsed.error;
    result = spec.run(db, parsed.data, ...bound);
  } catch (e) {
    return errorState(e, values);
  }
  revalidateEverything();
  if (spec.redirectTo) redirect(spec.redirectTo(result, ...bound));
  return { status: "ok", message: spec.message ?? "Saved.", okAt: Date.now(), ...spec.okState?.(result) };
}

/** A form action: (previous state, form data) → state. */
export function formAction<S extends ZodType, R>(spec: Spec<S, R, []>) {
  return (_prev: ActionState, formData: FormData) => runForm(spec, [], formData);
}

/** A form action about one record, its id bound by the page: `action.bind(null, id)`. */
export function formActionFor<S extends ZodType, R>(spec: Spec<S, R, [number]>) {
  return (id: number, _prev: ActionState, formData: FormData) => runForm(spec, [id], formData);
}

/** A form action about a record inside another (a quote's negotiation step, a client's interaction): `action.bind(null, parentId, childId)`. */
export function formActionForChild<S extends ZodType, R>(spec: Spec<S, R, [number, number]>) {
  return (parentId: number, childId: number, _prev: ActionState, formData: FormData) => runForm(spec, [parentId, childId], formData);
}

async function runIds(ids: unknown[], run: (db: DB) => string | void, message = "Done."): Promise<ActionState> {
  if (!(await isSignedIn())) return notSignedInState();
  if (!validIds(ids)) return badId;
  let to: string | void;
  try {
    to = run(await readyDb());
  } catch (e) {
    // already gone: refresh the page so the stale entry disappears, and say what happened
    if (isAppError(e, "not_found")) revalidateEverything();
    return errorState(e);
  }
  revalidateEverything();
  if (to) redirect(to);
  return { status: "ok", message, okAt: Date.now() };
}

/**
 * An action with no form (delete, load the demo) about one record: id in, state out. A failure says so:
 * the button shows the message instead of pretending it worked. `run` may return a page to go to.
 */
export function idAction(spec: { run: (db: DB, id: number) => string | void; message?: string }) {
  return async (id: number): Promise<ActionState> => runIds([id], (db) => spec.run(db, id), spec.message);
}

/** The same for a record inside another (a quote's negotiation step, a client's interaction). */
export function childIdAction(spec: { run: (db: DB, parentId: number, childId: number) => string | void; message?: string }) {
  return async (parentId: number, childId: number): Promise<ActionState> => runIds([parentId, childId], (db) => spec.run(db, parentId, childId), spec.message);
}

/** An action with nothing to parse (load the demo book). */
export async function runAction(run: (db: DB) => string | void, message?: string): Promise<ActionState> {
  return runIds([], run, message);
}
