/**
 * The whole-book export file: one versioned JSON document, parsed by zod before anything is written.
 * Field rules come from lib/schemas.ts (the same limits the forms and API apply); stored-only
 * columns (ids, minutes, basis points, timestamps) get the database's own rules. References must
 * point inside the file, so an import never depends on what the target database holds.
 */
import { z } from "zod";
import {
  ANSWERS,
  ASK_KINDS,
  EVENT_KINDS,
  GIVE_KINDS,
  INTERACTION_KINDS,
  QUOTE_STATUSES,
  REJECTION_REASONS,
} from "./domain";
import {
  MAX_MINUTES,
  currencySchema,
  fieldErrors,
  isoDateSchema,
  moneySchema,
  positiveMoneySchema,
  settingsSchema,
  upsertClientSchema,
  upsertServiceSchema,
  upsertTemplateSchema,
  type FieldErrors,
} from "./schemas";

export const EXPORT_FORMAT = "walkaway-export";
export const EXPORT_VERSION = 1;
/** per table: far above a working life of negotiations, far below what would exhaust memory */
export const MAX_ROWS = 200_000;

const rowId = z.number({ error: "Ids are whole numbers" }).int("Ids are whole numbers").positive("Ids are positive").max(Number.MAX_SAFE_INTEGER, "Id too large");
const timestamp = z
  .string({ error: "Use an ISO-8601 timestamp" })
  .max(40)
  .regex(/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/, "Use an ISO-8601 timestamp, e.g. 2026-11-24T09:30:00.000Z");
const text = (max: number) => z.string({ error: "Must be text" }).max(max, `At most ${max} characters`);
const nullableText = (max: number) => text(max).nullable().default(null);

const stamps = { createdAt: timestamp, updatedAt: timestamp };

export const serviceRowSchema = upsertServiceSchema.safeExtend({ id: rowId, ...stamps });

export const clientRowSchema = upsertClientSchema.safeExtend({ id: rowId, ...stamps });

export const templateRowSchema = upsertTemplateSchema.safeExtend({ id: rowId, ...stamps });

export const quoteRowSchema = z.object({
  id: rowId,
  clientId: rowId,
  serviceId: rowId.nullable().default(null),
  title: text(200).trim().min(1, "Give the quote a title"),
  scope: nullableText(5_000),
  estimatedMinutes: z.number().int("Whole minutes").min(1, "At least 1 minute").max(MAX_MINUTES, "Too many minutes"),
  quotedAmount: positiveMoneySchema,
  currency: currencySchema,
  status: z.enum(QUOTE_STATUSES, { error: "Unknown quote status" }),
  agreedAmount: moneySchema.nullable().default(null),
  sentOn: isoDateSchema.nullable().default(null),
  decidedOn: isoDateSchema.nullable().default(null),
  rejectionReason: z.enum(REJECTION_REASONS, { error: "Unknown rejection reason" }).nullable().default(null),
  cameBackAtMyPrice: z.boolean().default(false),
  ...stamps,
});

export const quoteEventRowSchema = z
  .object({
    id: rowId,
    quoteId: rowId,
    kind: z.enum(EVENT_KINDS, { error: "Unknown negotiation event kind" }),
    answer: z.enum(ANSWERS, { error: "Unknown answer" }).nullable().default(null),
    /** basis points: 1 = 0.01% */
    percentBp: z.number().int("Whole basis points").min(1, "Above 0%").max(10_000, "At most 100%").nullable().default(null),
    amount: moneySchema.nullable().default(null),
    scopeMinutes: z.number().int("Whole minutes").min(1).max(MAX_MINUTES).nullable().default(null),
    note: nullableText(2_000),
    occurredOn: isoDateSchema,
    createdAt: timestamp,
  })
  .superRefine((e, ctx) => {
    if (e.kind === "discount_request" && (e.percentBp == null) === (e.amount == null))
      ctx.addIssue({ code: "custom", path: ["percentBp"], message: "A discount request has a percent or an amount off (one of them)" });
    if ((e.kind === "client_counter" || e.kind === "my_counter") && e.amount == null) ctx.addIssue({ code: "custom", path: ["amount"], message: "A counter-offer has an amount" });
    if (e.kind === "my_answer" && e.answer == null) ctx.addIssue({ code: "custom", path: ["answer"], message: "My answer needs the answer" });
  });

export const interactionRowSchema = z
  .object({
    id: rowId,
    clientId: rowId,
    quoteId: rowId.nullable().default(null),
    kind: z.enum(INTERACTION_KINDS, { error: "Unknown interaction kind" }),
    subtype: z.enum([...ASK_KINDS, ...GIVE_KINDS], { error: "Unknown subtype" }).nullable().default(null),
    minutes: z.number().int("Whole minutes").min(1).max(MAX_MINUTES).nullable().default(null),
    paid: z.boolean().nullable().default(null),
    answered: z.boolean().nullable().default(null),
    daysLate: z.number().int("Whole days").min(0).max(3650).nullable().default(null),
    amount: moneySchema.nullable().default(null),
    initiatedBy: z.enum(["me", "client"]).nullable().default(null),
    note: nullableText(2_000),
    occurredOn: isoDateSchema,
    createdAt: timestamp,
  })
  .superRefine((i, ctx) => {
    const asks: readonly string[] = ASK_KINDS;
    const gives: readonly string[] = GIVE_KINDS;
    if (i.kind === "ask") {
      if (!i.subtype || !asks.includes(i.subtype)) ctx.addIssue({ code: "custom", path: ["subtype"], message: "An ask needs what they asked for" });
      if (i.minutes == null) ctx.addIssue({ code: "custom", path: ["minutes"], message: "An ask needs the minutes it took" });
    }
    if (i.kind === "give" && (!i.subtype || !gives.includes(i.subtype))) ctx.addIssue({ code: "custom", path: ["subtype"], message: "A give needs what they gave back" });
    if (i.kind === "follow_up" && i.answered == null) ctx.addIssue({ code: "custom", path: ["answered"], message: "A follow-up says whether they answered" });
    if (i.kind === "payment" && i.daysLate == null) ctx.addIssue({ code: "custom", path: ["daysLate"], message: "A payment says how many days late" });
  });

const rows = <T extends z.ZodType>(schema: T, what: string) => z.array(schema, { error: `${what} must be a list` }).max(MAX_ROWS, `At most ${MAX_ROWS} ${what}`);

export const exportFileSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION),
    exportedAt: timestamp,
    settings: settingsSchema,
    services: rows(serviceRowSchema, "services"),
    templates: rows(templateRowSchema, "templates"),
    clients: rows(clientRowSchema, "clients"),
    quotes: rows(quoteRowSchema, "quotes"),
    quoteEvents: rows(quoteEventRowSchema, "negotiation events"),
    interactions: rows(interactionRowSchema, "interactions"),
  })
  .superRefine((f, ctx) => {
    const unique = (list: { id: number }[], table: string) => {
      const seen = new Set<number>();
      list.forEach((r, i) => {
        if (seen.has(r.id)) ctx.addIssue({ code: "custom", path: [table, i, "id"], message: `Duplicate id ${r.id}` });
        seen.add(r.id);
      });
      return seen;
    };
    const serviceIds = unique(f.services, "services");
    unique(f.templates, "templates");
    const clientIds = unique(f.clients, "clients");
    const quoteIds = unique(f.quotes, "quotes");
    unique(f.quoteEvents, "quoteEvents");
    unique(f.interactions, "interactions");

    const names = new Set<string>();
    f.services.forEach((s, i) => {
      if (names.has(s.name)) ctx.addIssue({ code: "custom", path: ["services", i, "name"], message: `Two services are named "${s.name}"` });
      names.add(s.name);
    });
    for (const kind of ["decline", "counter"] as const) {
      const defaults = f.templates.filter((t) => t.kind === kind && t.isDefault);
      if (defaults.length > 1) ctx.addIssue({ code: "custom", path: ["templates"], message: `More than one default ${kind} template` });
    }
    const quoteClient = new Map<number, number>();
    f.quotes.forEach((q, i) => {
      quoteClient.set(q.id, q.clientId);
      if (!clientIds.has(q.clientId)) ctx.addIssue({ code: "custom", path: ["quotes", i, "clientId"], message: `No client ${q.clientId} in this file` });
      if (q.serviceId != null && !serviceIds.has(q.serviceId)) ctx.addIssue({ code: "custom", path: ["quotes", i, "serviceId"], message: `No service ${q.serviceId} in this file` });
    });
    f.quoteEvents.forEach((e, i) => {
      if (!quoteIds.has(e.quoteId)) ctx.addIssue({ code: "custom", path: ["quoteEvents", i, "quoteId"], message: `No quote ${e.quoteId} in this file` });
    });
    f.interactions.forEach((it, i) => {
      if (!clientIds.has(it.clientId)) ctx.addIssue({ code: "custom", path: ["interactions", i, "clientId"], message: `No client ${it.clientId} in this file` });
      if (it.quoteId != null && quoteClient.get(it.quoteId) !== it.clientId)
        ctx.addIssue({ code: "custom", path: ["interactions", i, "quoteId"], message: `Quote ${it.quoteId} is not a quote of client ${it.clientId} in this file` });
    });
  });

export type ExportFile = z.infer<typeof exportFileSchema>;
export type ExportFileInput = z.input<typeof exportFileSchema>;

export const importModeSchema = z.enum(["merge", "replace"], { error: "Choose merge (add to your book) or replace (the file becomes your book)" });
export type ImportMode = z.infer<typeof importModeSchema>;

const MAX_REPORTED_ISSUES = 50;

export type ParsedExport = { ok: true; file: ExportFile } | { ok: false; message: string; fields: FieldErrors };

/** Parse an untrusted value as an export file, with one clear message first (not a file / wrong version). */
export function parseExportFile(value: unknown): ParsedExport {
  if (value === null || typeof value !== "object" || Array.isArray(value))
    return { ok: false, message: "This is not a Walkaway export file: expected a JSON object.", fields: { _file: ["Expected a JSON object"] } };
  const head = value as Record<string, unknown>;
  if (head.format !== EXPORT_FORMAT)
    return { ok: false, message: `This is not a Walkaway export file (no "format": "${EXPORT_FORMAT}").`, fields: { format: [`Expected "${EXPORT_FORMAT}"`] } };
  if (head.version !== EXPORT_VERSION) {
    const v = typeof head.version === "number" || typeof head.version === "string" ? String(head.version).slice(0, 20) : "missing";
    return {
      ok: false,
      message: `This file is format version ${v}; this Walkaway reads version ${EXPORT_VERSION}.${typeof head.version === "number" && head.version > EXPORT_VERSION ? " Update Walkaway to import it." : ""}`,
      fields: { version: [`Expected ${EXPORT_VERSION}`] },
    };
  }
  const parsed = exportFileSchema.safeParse(value);
  if (parsed.success) return { ok: true, file: parsed.data };
  const all = fieldErrors(parsed.error);
  const keys = Object.keys(all);
  const fields: FieldErrors = Object.fromEntries(keys.slice(0, MAX_REPORTED_ISSUES).map((k) => [k, all[k]]));
  if (keys.length > MAX_REPORTED_ISSUES) fields._more = [`…and ${keys.length - MAX_REPORTED_ISSUES} more problems`];
  const first = keys[0];
  return { ok: false, message: `The file was not imported: ${keys.length} problem${keys.length === 1 ? "" : "s"}, first at ${first}: ${all[first][0]}`, fields };
}
