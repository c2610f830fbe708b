/**
 * FormData → plain object for the zod schemas: typed decimals become minor units,
 * numbers become numbers, checkboxes become booleans. Anything unparseable is left as
 * the typed string so the schema reports a field error and the form keeps what was typed.
 */
import { parseMoney } from "./money";

export interface FormSpec {
  money?: string[];
  numbers?: string[];
  booleans?: string[];
  /** fields that are sent as "" when empty and mean null */
  nullable?: string[];
}

export function formValues(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of formData.entries()) if (typeof v === "string" && !k.startsWith("$ACTION")) out[k] = v;
  return out;
}

export function formToInput(values: Record<string, string>, spec: FormSpec, currency: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, raw] of Object.entries(values)) {
    const v = raw.trim();
    if (spec.money?.includes(k)) {
      if (v === "") out[k] = spec.nullable?.includes(k) ? null : undefined;
      else out[k] = parseMoney(v, currency) ?? v;
    } else if (spec.numbers?.includes(k)) {
      if (v === "") out[k] = spec.nullable?.includes(k) ? null : undefined;
      else {
        const n = Number(v.replace(",", "."));
        out[k] = Number.isFinite(n) ? n : v;
      }
    } else if (spec.booleans?.includes(k)) {
      out[k] = v === "on" || v === "true" || v === "1" || v === "yes";
    } else if (v === "" && spec.nullable?.includes(k)) {
      out[k] = null;
    } else {
      out[k] = raw;
    }
  }
  for (const b of spec.booleans ?? []) if (!(b in out)) out[b] = false;
  return out;
}
