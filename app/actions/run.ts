import "server-only";
import { ZodError, type ZodType } from "zod";
import { revalidatePath } from "next/cache";
import { ConflictError, InputError, NotFoundError } from "@/db/errors";
import { fieldErrors } from "@/lib/schemas";
import { formToInput, formValues, type FormSpec } from "@/lib/form";
import type { ActionState } from "./state";

/**
 * Shared body of every form action: FormData → zod → one db function.
 * Known failures become field errors with the typed values kept; anything else is logged and
 * reported without leaking internals.
 */
export async function runFormAction<S extends ZodType, R>(
  formData: FormData,
  opts: { schema: S; spec?: FormSpec; currency: string; extra?: Record<string, unknown>; revalidate?: string[] },
  write: (input: S["_output"]) => R,
): Promise<{ state: ActionState; result?: R }> {
  const values = formValues(formData);
  try {
    const input = { ...formToInput(values, opts.spec ?? {}, opts.currency), ...opts.extra };
    const parsed = opts.schema.safeParse(input);
    if (!parsed.success) return { state: { status: "error", message: "Please fix the highlighted fields.", fields: fieldErrors(parsed.error), values } };
    const result = write(parsed.data);
    for (const p of opts.revalidate ?? ["/", "/clients"]) revalidatePath(p);
    return { state: { status: "ok", message: "Saved.", okAt: Date.now() }, result };
  } catch (e) {
    return { state: errorState(e, values) };
  }
}

export function errorState(e: unknown, values: Record<string, string> = {}): ActionState {
  if (e instanceof ZodError) return { status: "error", message: "Please fix the highlighted fields.", fields: fieldErrors(e), values };
  if (e instanceof InputError || e instanceof ConflictError) return { status: "error", message: e.message, fields: e.fields, values };
  if (e instanceof NotFoundError) return { status: "error", message: e.message, values };
  console.error(e);
  return { status: "error", message: "Something went wrong while saving. Nothing was changed; please try again.", values };
}
