/**
 * The offer check's page makes the user choose: who (a client or a new prospect) and what (a service,
 * or explicitly "not on my rate card"). Nothing is preselected silently, so an empty choice is an error
 * there — while the API keeps `serviceId` optional (null = not on the rate card).
 */
import type { FieldErrors } from "../schemas";

/** The service select's explicit "Not on my rate card" choice (the empty value means "not chosen yet"). */
export const NO_SERVICE = "none";
/** The client select's "A new prospect…" choice. */
export const NEW_PROSPECT = "new";

export const CHOOSE_CLIENT = "Choose a client or a new prospect";
export const CHOOSE_SERVICE = "Choose a service, or “Not on my rate card”";

/**
 * The form's typed values → the values the schema parses (the explicit "no service" becomes empty),
 * and the field errors for a choice not made.
 */
export function offerFormChoices(values: Record<string, string>): { parse: Record<string, string>; fields: FieldErrors } {
  const fields: FieldErrors = {};
  if (!values.clientId) fields.clientId = [CHOOSE_CLIENT];
  if (!values.serviceId) fields.serviceId = [CHOOSE_SERVICE];
  const parse = { ...values, serviceId: values.serviceId === NO_SERVICE ? "" : (values.serviceId ?? "") };
  return { parse, fields };
}
