/**
 * A form's typed strings → the plain object its zod schema parses. The field types are read from the
 * schema itself (numbers, booleans, money marked `form: "money"`, what accepts null), so a form's input
 * is declared once, in lib/schemas.ts. Anything unparseable is left as the typed string, so the schema
 * reports a field error and the form keeps what was typed.
 */
import { z } from "zod";
import { parseMoney } from "./money";
import { INPUT_ALIASES, type FieldErrors } from "./schemas";

export type FieldKind = "money" | "number" | "boolean" | "text";
export interface FormField {
  kind: FieldKind;
  /** "" means null (the field accepts null) */
  nullable: boolean;
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
    if (z.globalRegistry.get(s)?.form === "money") return { kind: "money", nullable };
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
      if (target) fields.set(old, { kind: "number", nullable: target.nullable });
    }
    fieldCache.set(schema, fields);
  }
  return fields;
}

/** Typed strings → input for `schema`; money in `currency`'s minor units. Checkboxes not sent are false. */
export function formInput(schema: z.ZodType, values: Record<string, string>, currency: string): Record<string, unknown> {
  const fields = formFields(schema);
  const out: Record<string, unknown> = {};
  for (const [k, raw] of Object.entries(values)) {
    const field = fields.get(k);
    const v = raw.trim();
    if (!field || field.kind === "text") out[k] = v === "" && field?.nullable ? null : raw;
    else if (field.kind === "boolean") out[k] = v === "on" || v === "true" || v === "1" || v === "yes";
    else if (v === "") out[k] = field.nullable ? null : undefined;
    else if (field.kind === "money") out[k] = parseMoney(v, currency) ?? v;
    else {
      const n = Number(v.replace(",", "."));
      out[k] = Number.isFinite(n) ? n : v;
    }
  }
  for (const [k, f] of fields) if (f.kind === "boolean" && !(k in out)) out[k] = false;
  return out;
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
