/**
 * A form's typed strings → the plain object its zod schema parses. The field types are read from the
 * schema itself (numbers, booleans, money marked `form: "money"`, times `form: "duration"`, percents
 * `form: "percent"`, what accepts null), so a form's input is declared once, in lib/schemas.ts.
 * Money, percents and times are read as people type them ("$1,200", "1.200,50 €", "20 %", "1h30",
 * "1.5 days": lib/typed-input.ts) in the user's locale. Anything unparseable is left as the typed string,
 * so the schema reports a field error (the parser's own message, from `readForm`) and the form keeps
 * what was typed.
 */
import { z } from "@/lib/zod";
import { INPUT_ALIASES, type FieldErrors } from "./schemas";
import { parseLocaleNumber, parseTyped, separatorsOf, type TypedInputOptions } from "./typed-input";

export { parseTyped, type TypedInputOptions };

export type FieldKind = "money" | "percent" | "duration" | "number" | "boolean" | "text";
export interface FormField {
  kind: FieldKind;
  /** "" means null (the field accepts null) */
  nullable: boolean;
  /**
   * percent and duration: how many stored units (basis points, minutes) the field's own number is.
   * 1 for the stored names; an old input name counts in its own unit (`estimatedHours`: 60 minutes,
   * `percent`: 100 bp), so a bare "10" in an hours field is ten hours.
   */
  per?: number;
}

type Def = { type: string; [k: string]: unknown };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The fields of an object schema, looking through preprocess, refinements, unions and intersections. */
function collect(schema: z.ZodType, out: Map<string, FormField>) {
  const def = defOf(schema);
  switch (def.type) {
    case "object":
      for (const [name, field] of Object.entries((def.shape as Record<string, z.ZodType>) ?? {})) {
        const known = out.get(name);
        const f = describe(field);
        out.set(name, known ? { kind: known.kind === "text" ? f.kind : known.kind, nullable: known.nullable || f.nullable } : f);
      }
      return;
    case "pipe":
      return collect(def.out as z.ZodType, out);
    case "union":
      for (const option of def.options as z.ZodType[]) collect(option, out);
      return;
    case "intersection":
      collect(def.left as z.ZodType, out);
      collect(def.right as z.ZodType, out);
      return;
  }
}

function describe(field: z.ZodType): FormField {
  let nullable = false;
  let s = field;
  for (;;) {
    const form = z.globalRegistry.get(s)?.form;
    if (form === "money") return { kind: "money", nullable };
    if (form === "duration" || form === "percent") return { kind: form, nullable, per: 1 };
    const def = defOf(s);
    if (def.type === "nullable") nullable = true;
    if (def.type === "optional" || def.type === "nullable" || def.type === "default" || def.type === "catch" || def.type === "readonly") s = def.innerType as z.ZodType;
    else if (def.type === "pipe") {
      // z.preprocess(v => "" → null, inner): the inner schema says what the field is
      const inner = def.out as z.ZodType;
      if (defOf(def.in as z.ZodType).type === "transform" && inner.safeParse(null).success) nullable = true;
      s = inner;
    } else break;
  }
  const type = defOf(s).type;
  return { kind: type === "number" ? "number" : type === "boolean" ? "boolean" : "text", nullable };
}

const fieldCache = new WeakMap<z.ZodType, Map<string, FormField>>();

/** Every field a form for `schema` may send, old input names (aliases) included. */
export function formFields(schema: z.ZodType): Map<string, FormField> {
  let fields = fieldCache.get(schema);
  if (!fields) {
    fields = new Map();
    collect(schema, fields);
    for (const [old, alias] of Object.entries(INPUT_ALIASES)) {
      const target = fields.get(alias.to);
      if (target) fields.set(old, target.kind === "duration" || target.kind === "percent" ? { kind: target.kind, nullable: target.nullable, per: alias.factor } : { kind: "number", nullable: target.nullable });
    }
    fieldCache.set(schema, fields);
  }
  return fields;
}

/**
 * Typed strings → input for `schema`, plus the reader's message for every field it could not read
 * (they replace the schema's generic "Enter an amount" for that field). Money in `currency`'s minor
 * units; checkboxes not sent are false.
 */
export function readForm(schema: z.ZodType, values: Record<string, string>, currency: string, opts: TypedInputOptions = {}): { input: Record<string, unknown>; errors: FieldErrors } {
  const fields = formFields(schema);
  const seps = separatorsOf(opts.locale ?? "en-US");
  const out: Record<string, unknown> = {};
  const errors: FieldErrors = {};
  for (const [k, raw] of Object.entries(values)) {
    const field = fields.get(k);
    const v = raw.trim();
    if (!field || field.kind === "text") out[k] = v === "" && field?.nullable ? null : raw;
    // a yes / no / not yet choice: empty is "not known" where the schema allows null (a follow-up's answer)
    else if (field.kind === "boolean") out[k] = v === "" && field.nullable ? null : v === "on" || v === "true" || v === "1" || v === "yes";
    else if (v === "") out[k] = field.nullable ? null : undefined;
    else if (field.kind === "number") out[k] = parseLocaleNumber(v, seps) ?? v;
    else {
      const per = field.per ?? 1;
      const parsed = parseTyped(field.kind, v, currency, { ...opts, per });
      if (parsed.ok) {
        // an old input name keeps its own unit (hours, percent); the alias turns it into minutes / basis points
        out[k] = per === 1 ? parsed.value : parsed.value / per;
      } else {
        out[k] = v;
        errors[k] = [parsed.error];
      }
    }
  }
  for (const [k, f] of fields) if (f.kind === "boolean" && !(k in out)) out[k] = false;
  return { input: out, errors };
}

/** Typed strings → input for `schema`; money in `currency`'s minor units. Checkboxes not sent are false. */
export function formInput(schema: z.ZodType, values: Record<string, string>, currency: string, opts: TypedInputOptions = {}): Record<string, unknown> {
  return readForm(schema, values, currency, opts).input;
}

/** Errors on a stored name are shown on the old name the input used (the form's "estimatedHours" field). */
export function errorsForSentNames(errors: FieldErrors, sent: object): FieldErrors {
  const out = { ...errors };
  for (const [old, alias] of Object.entries(INPUT_ALIASES)) {
    if (old in sent && !(alias.to in sent) && out[alias.to]) {
      out[old] = [...(out[old] ?? []), ...out[alias.to]];
      delete out[alias.to];
    }
  }
  return out;
}
