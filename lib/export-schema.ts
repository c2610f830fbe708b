/**
 * The whole-book export file: one versioned JSON document, parsed by zod before anything is written.
 * A row is checked exactly as the API checks the same record: each row schema is built from the API's
 * own schema in lib/schemas.ts (fields, limits, the one date rule and the cross-field rules), extended
 * with what only a stored row has (id, timestamps). Events and interactions are stored flat, one
 * column per possible field: each row is handed to the API's schema as the API would have received it,
 * and a column its kind never carries must be empty. References must point inside the file, so an
 * import never depends on what the target database holds; a quote priced in a currency other than its
 * service's is refused, as the API refuses it. Problems are named by row: `quotes[3].decidedOn`.
 *
 * `serviceRates` (the rate card's history) came later within version 1: it is optional, and a file
 * without it (or a service without rows in it) gets each service's rates as its history from 1970-01-01.
 *
 * Version 2 (time spent and money in other currencies) adds `timeEntries`, `exchangeRates`,
 * `importBatches` and `importRows` (the history imports, so one can still be undone after a restore),
 * the quotes' `fxRate`, `workDoneOn`, `estimateKnown` and `sourceKey`, and `settings.creepThresholdPct`.
 * A version 1 file still imports: the new lists are optional (none), the new columns take their
 * defaults (no rate, work not marked done, the estimate known, no source key; creep at 20%).
 */
import { z } from "zod";
import { DATE_MAX, DATE_MIN, isDateInBounds } from "./dates";
import { ANSWERS, ASK_KINDS, EVENT_KINDS, GIVE_KINDS, INTERACTION_KINDS, type EventKind, type InteractionKind } from "./domain";
import { createTimeEntrySchema, exchangeRateSchema, timeSpentSchema } from "./time-and-money-schemas";
import { serviceRatesChangeSchema } from "./rates";
import {
  createInteractionSchema,
  createQuoteEventSchema,
  isoCurrencySchema,
  isoDateSchema,
  quoteFields,
  quoteRules,
  settingsSchema,
  upsertClientSchema,
  upsertServiceSchema,
  upsertTemplateSchema,
  type FieldErrors,
} from "./schemas";

export const EXPORT_FORMAT = "walkaway-export";
export const EXPORT_VERSION = 2;
/** the versions this Walkaway reads: 1 (before time spent and other currencies) and the current one */
export const READABLE_VERSIONS = [1, 2] as const;
/** per table: far above a working life of negotiations, far below what would exhaust memory */
export const MAX_ROWS = 200_000;

const rowId = z.number({ error: "Ids are whole numbers" }).int("Ids are whole numbers").positive("Ids are positive").max(Number.MAX_SAFE_INTEGER, "Id too large");

/**
 * An instant (createdAt, updatedAt, exportedAt): ISO 8601 with its zone, as the export writes it
 * (2026-11-24T09:30:00.000Z: SQLite's strftime('%Y-%m-%dT%H:%M:%fZ') and Date.toISOString); a real
 * time on a real day, within the app's date bounds (lib/dates.ts).
 */
export const timestampSchema = z.iso
  .datetime({ offset: true, error: "Use an ISO-8601 timestamp with its zone, e.g. 2026-11-24T09:30:00.000Z", abort: true })
  .max(40, "Use an ISO-8601 timestamp with its zone, e.g. 2026-11-24T09:30:00.000Z")
  .refine(isDateInBounds, `Use a timestamp between ${DATE_MIN.slice(0, 4)} and ${DATE_MAX.slice(0, 4)}, e.g. 2026-11-24T09:30:00.000Z`);
const timestamp = timestampSchema;
const stamps = { createdAt: timestamp, updatedAt: timestamp };

export const serviceRowSchema = upsertServiceSchema.safeExtend({ id: rowId, ...stamps });

/** A service's rates from a day on: the API's rules for a rate change (POST /services/:id/rates), as stored. */
export const serviceRateRowSchema = serviceRatesChangeSchema.safeExtend({ id: rowId, serviceId: rowId, createdAt: timestamp });

export const clientRowSchema = upsertClientSchema.safeExtend({ id: rowId, ...stamps });

export const templateRowSchema = upsertTemplateSchema.safeExtend({ id: rowId, ...stamps });

/** a history import's key for the row it made (the same file imported twice adds nothing) */
const sourceKeySchema = z.string({ error: "A source key is text" }).min(1, "A source key is not empty").max(2_000, "At most 2000 characters").nullable().default(null);

/** A quote: the API's fields and cross-field rules (decided no earlier than sent, a reason only when rejected or declined), as stored. */
export const quoteRowSchema = quoteFields
  .safeExtend({
    id: rowId,
    ...stamps,
    // version 2: the day the work was finished, whether the estimate is the user's own, the history import's key
    workDoneOn: isoDateSchema.nullable().default(null),
    estimateKnown: z.boolean({ error: "estimateKnown is true or false" }).default(true),
    sourceKey: sourceKeySchema,
  })
  .superRefine(quoteRules)
  .transform((q) => ({
    ...q,
    serviceId: q.serviceId ?? null,
    scope: q.scope ?? null,
    agreedAmount: q.agreedAmount ?? null,
    sentOn: q.sentOn ?? null,
    decidedOn: q.decidedOn ?? null,
    rejectionReason: q.rejectionReason ?? null,
    cameBackAtMyPrice: q.cameBackAtMyPrice ?? false,
    fxRate: q.fxRate ?? null,
  }));

/** Time spent on a quote: the API's rules for a time entry (minutes 1..1440, a real day, a short note), as stored. */
export const timeEntryRowSchema = createTimeEntrySchema
  .safeExtend({ id: rowId, quoteId: rowId, occurredOn: isoDateSchema, minutes: timeSpentSchema, sourceKey: sourceKeySchema, createdAt: timestamp })
  .transform((e) => ({ ...e, note: e.note ?? null, billable: e.billable ?? null }));

/**
 * A rate kept in Settings: the API's rules (an ISO currency, a real day, an exact positive decimal), with
 * the book currency it converts to. A row of the book's own currency is useless but harmless (a later
 * change of the book's currency can leave one): a backup holding it must still restore.
 */
export const exchangeRateRowSchema = exchangeRateSchema.safeExtend({ id: rowId, bookCurrency: isoCurrencySchema, createdAt: timestamp });

/** The history import's sources and the tables its rows are in (db/schema.ts IMPORT_SOURCES, IMPORT_TABLES; db/book.ts checks they agree). */
export const HISTORY_SOURCES = ["toggl", "clockify", "harvest", "jobs"] as const;
export const HISTORY_TABLES = ["clients", "quotes", "time_entries"] as const;
const count = (what: string) => z.number({ error: `${what} is a number` }).int(`${what} is a whole number`).min(0, `${what} is never negative`).max(Number.MAX_SAFE_INTEGER);

/** One history import (a batch that can be undone as one). */
export const importBatchRowSchema = z.object({
  id: rowId,
  source: z.enum(HISTORY_SOURCES, { error: "Unknown import source" }),
  fileName: z.string({ error: "Must be text" }).max(1_000, "At most 1000 characters").nullable().default(null),
  clientsAdded: count("clientsAdded"),
  quotesAdded: count("quotesAdded"),
  timeEntriesAdded: count("timeEntriesAdded"),
  rowsSkipped: count("rowsSkipped"),
  undoneAt: timestamp.nullable().default(null),
  createdAt: timestamp,
});

/** A row one history import created (by table and id), so the batch can be undone. */
export const importRowRowSchema = z.object({
  batchId: rowId,
  tableName: z.enum(HISTORY_TABLES, { error: "Unknown table" }),
  rowId: rowId,
});

const text = (max: number) => z.string({ error: "Must be text" }).max(max, `At most ${max} characters`);
const nullableText = (max: number) => text(max).nullable().default(null);
/** a stored column's type only: its limits are the API's, checked per kind below */
const column = {
  number: (what: string) => z.number({ error: `${what} must be a number` }).nullable().default(null),
  boolean: (what: string) => z.boolean({ error: `${what} is true or false` }).nullable().default(null),
};

/** Add the API's issues for a row to the row's own, renaming fields the API names differently from the stored column. */
function apiIssues(result: z.ZodSafeParseResult<unknown>, ctx: z.RefinementCtx, rename: Record<string, string> = {}) {
  if (result.success) return;
  for (const issue of result.error.issues)
    ctx.addIssue({ code: "custom", path: issue.path.map((p) => (typeof p === "string" ? (rename[p] ?? p) : p)), message: issue.message });
}

/** Columns no kind uses must stay empty: the API never stores them. */
function unusedColumns<R extends Record<string, unknown>>(row: R, carried: readonly string[], all: readonly string[], what: string, ctx: z.RefinementCtx) {
  for (const col of all) if (!carried.includes(col) && row[col] != null) ctx.addIssue({ code: "custom", path: [col], message: `${what} has no ${col}: leave it null` });
}

const undef = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

const EVENT_COLUMNS = ["answer", "percentBp", "amount", "scopeMinutes"] as const;
const EVENT_CARRIES: Record<EventKind, readonly (typeof EVENT_COLUMNS)[number][]> = {
  discount_request: ["percentBp", "amount"],
  client_counter: ["amount"],
  my_counter: ["amount"],
  my_answer: ["answer", "amount", "scopeMinutes"],
};

/** A negotiation step: checked by the API's schema for its kind (createQuoteEventSchema), as the API would have received it. */
export const quoteEventRowSchema = z
  .object({
    id: rowId,
    quoteId: rowId,
    kind: z.enum(EVENT_KINDS, { error: "Unknown negotiation event kind" }),
    answer: z.enum(ANSWERS, { error: "Unknown answer" }).nullable().default(null),
    /** basis points: 1 = 0.01% */
    percentBp: column.number("percentBp"),
    amount: column.number("amount"),
    scopeMinutes: column.number("scopeMinutes"),
    note: nullableText(2_000),
    occurredOn: isoDateSchema,
    createdAt: timestamp,
  })
  .superRefine((e, ctx) => {
    unusedColumns(e, EVENT_CARRIES[e.kind], EVENT_COLUMNS, `A ${e.kind.replace(/_/g, " ")}`, ctx);
    const base = { kind: e.kind, note: e.note, occurredOn: e.occurredOn };
    const input =
      e.kind === "discount_request"
        ? { ...base, percentBp: undef(e.percentBp), amountOff: undef(e.amount) }
        : e.kind === "my_answer"
          ? { ...base, answer: undef(e.answer), amount: undef(e.amount), scopeMinutes: undef(e.scopeMinutes) }
          : { ...base, amount: undef(e.amount) };
    // stored as `amount`, sent to the API as `amountOff` for a discount request
    apiIssues(createQuoteEventSchema.safeParse(input), ctx, { amountOff: "amount" });
  });

const INTERACTION_COLUMNS = ["subtype", "minutes", "paid", "answered", "daysLate", "amount"] as const;
const INTERACTION_CARRIES: Record<InteractionKind, readonly (typeof INTERACTION_COLUMNS)[number][]> = {
  ask: ["subtype", "minutes", "paid"],
  give: ["subtype", "amount"],
  follow_up: ["answered"],
  payment: ["daysLate", "amount"],
};

/** An ask, give-back, follow-up or payment: checked by the API's schema for its kind (createInteractionSchema). */
export const interactionRowSchema = z
  .object({
    id: rowId,
    clientId: rowId,
    quoteId: rowId.nullable().default(null),
    kind: z.enum(INTERACTION_KINDS, { error: "Unknown interaction kind" }),
    subtype: z.enum([...ASK_KINDS, ...GIVE_KINDS], { error: "Unknown subtype" }).nullable().default(null),
    minutes: column.number("minutes"),
    paid: column.boolean("paid"),
    answered: column.boolean("answered"),
    daysLate: column.number("daysLate"),
    amount: column.number("amount"),
    initiatedBy: z.enum(["me", "client"], { error: "Use me or client" }).nullable().default(null),
    note: nullableText(2_000),
    occurredOn: isoDateSchema,
    createdAt: timestamp,
  })
  .superRefine((i, ctx) => {
    unusedColumns(i, INTERACTION_CARRIES[i.kind], INTERACTION_COLUMNS, `A ${i.kind.replace(/_/g, " ")}`, ctx);
    const base = { kind: i.kind, note: i.note, occurredOn: i.occurredOn, quoteId: i.quoteId };
    const input =
      i.kind === "ask"
        ? { ...base, subtype: undef(i.subtype), minutes: undef(i.minutes), paid: undef(i.paid) }
        : i.kind === "give"
          ? { ...base, subtype: undef(i.subtype), amount: i.amount }
          : i.kind === "follow_up"
            ? { ...base, answered: undef(i.answered) }
            : { ...base, daysLate: undef(i.daysLate), amount: i.amount };
    apiIssues(createInteractionSchema.safeParse(input), ctx);
  });

const rows = <T extends z.ZodType>(schema: T, what: string) => z.array(schema, { error: `${what} must be a list` }).max(MAX_ROWS, `At most ${MAX_ROWS} ${what}`);

export const exportFileSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.union(READABLE_VERSIONS.map((v) => z.literal(v))),
    exportedAt: timestamp,
    settings: settingsSchema,
    services: rows(serviceRowSchema, "services"),
    // optional: files written before the rate card kept its history have none
    serviceRates: rows(serviceRateRowSchema, "service rates").optional(),
    templates: rows(templateRowSchema, "templates"),
    clients: rows(clientRowSchema, "clients"),
    quotes: rows(quoteRowSchema, "quotes"),
    quoteEvents: rows(quoteEventRowSchema, "negotiation events"),
    interactions: rows(interactionRowSchema, "interactions"),
    // version 2; optional so that version 1 files (which have none) still parse
    timeEntries: rows(timeEntryRowSchema, "time entries").optional(),
    exchangeRates: rows(exchangeRateRowSchema, "exchange rates").optional(),
    importBatches: rows(importBatchRowSchema, "import batches").optional(),
    importRows: rows(importRowRowSchema, "import rows").optional(),
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
    if (f.serviceRates) {
      unique(f.serviceRates, "serviceRates");
      const from = new Set<string>();
      f.serviceRates.forEach((r, i) => {
        if (!serviceIds.has(r.serviceId)) ctx.addIssue({ code: "custom", path: ["serviceRates", i, "serviceId"], message: `No service ${r.serviceId} in this file` });
        const key = `${r.serviceId}:${r.effectiveFrom}`;
        if (from.has(key)) ctx.addIssue({ code: "custom", path: ["serviceRates", i, "effectiveFrom"], message: `Service ${r.serviceId} has two rate rows from ${r.effectiveFrom}` });
        from.add(key);
      });
    }
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

    // a quote in the book's own currency is counted as it is: it carries no rate
    f.quotes.forEach((q, i) => {
      if (q.currency === f.settings.currency && q.fxRate != null)
        ctx.addIssue({ code: "custom", path: ["quotes", i, "fxRate"], message: `This quote is in the book's currency (${q.currency}): it has no exchange rate` });
    });
    // source keys are unique per table, as the database keeps them
    const uniqueKeys = (list: { sourceKey: string | null }[], table: string) => {
      const keys = new Set<string>();
      list.forEach((r, i) => {
        if (r.sourceKey == null) return;
        if (keys.has(r.sourceKey)) ctx.addIssue({ code: "custom", path: [table, i, "sourceKey"], message: "Two rows have this source key" });
        keys.add(r.sourceKey);
      });
    };
    uniqueKeys(f.quotes, "quotes");
    const timeEntries = f.timeEntries ?? [];
    unique(timeEntries, "timeEntries");
    uniqueKeys(timeEntries, "timeEntries");
    timeEntries.forEach((e, i) => {
      if (!quoteIds.has(e.quoteId)) ctx.addIssue({ code: "custom", path: ["timeEntries", i, "quoteId"], message: `No quote ${e.quoteId} in this file` });
    });
    const rates = f.exchangeRates ?? [];
    unique(rates, "exchangeRates");
    const pairs = new Set<string>();
    rates.forEach((r, i) => {
      const key = `${r.currency}:${r.bookCurrency}:${r.effectiveFrom}`;
      if (pairs.has(key)) ctx.addIssue({ code: "custom", path: ["exchangeRates", i, "effectiveFrom"], message: `Two rates for ${r.currency} in ${r.bookCurrency} from ${r.effectiveFrom}` });
      pairs.add(key);
    });
    const batchIds = unique(f.importBatches ?? [], "importBatches");
    const marked = new Set<string>();
    (f.importRows ?? []).forEach((r, i) => {
      if (!batchIds.has(r.batchId)) ctx.addIssue({ code: "custom", path: ["importRows", i, "batchId"], message: `No import batch ${r.batchId} in this file` });
      const key = `${r.tableName}:${r.rowId}`;
      if (marked.has(key)) ctx.addIssue({ code: "custom", path: ["importRows", i, "rowId"], message: `Row ${r.rowId} of ${r.tableName} is marked twice` });
      marked.add(key);
    });
  });

/**
 * What an import also refuses in a version 1 file, beyond the rules every stored row keeps: a quote
 * priced in another currency than its service's (the API refuses to save one; server/quotes.ts
 * checkQuoteRefs), which no book of that version could hold.
 *
 * Not in version 2: a quote in another currency may use a rate card in the book's currency at its own
 * rate, and once the book's currency changes with "keep" (server/currency.ts) that rate card is in
 * neither the quote's currency nor the book's. Such a book must still restore from its own export.
 */
export const importFileSchema = exportFileSchema.superRefine((f, ctx) => {
  if (f.version !== 1) return;
  const serviceCurrency = new Map(f.services.map((s) => [s.id, { name: s.name, currency: s.currency }] as const));
  f.quotes.forEach((q, i) => {
    const service = q.serviceId == null ? undefined : serviceCurrency.get(q.serviceId);
    if (service && service.currency !== q.currency)
      ctx.addIssue({
        code: "custom",
        path: ["quotes", i, "currency"],
        message: `${service.name} is priced in ${service.currency}; this quote is in ${q.currency}. Quote in ${service.currency} or change the rate card`,
      });
  });
});

export type ExportFile = z.infer<typeof exportFileSchema>;
export type ExportFileInput = z.input<typeof exportFileSchema>;

export const importModeSchema = z.enum(["merge", "replace"], { error: "Choose merge (add to your book) or replace (the file becomes your book)" });
export type ImportMode = z.infer<typeof importModeSchema>;

const MAX_REPORTED_ISSUES = 50;

/** A problem's place in the file, as a reader finds it: `quotes[3].decidedOn`, `settings.locale`, `_file` for the whole file. */
export function filePath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : `${out ? "." : ""}${String(p)}`;
  return out || "_file";
}

/** zod issues → { "quotes[3].decidedOn": [messages] }. */
function fileFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const list = (out[filePath(issue.path)] ??= []);
    if (!list.includes(issue.message)) list.push(issue.message);
  }
  return out;
}

export type ParsedExport = { ok: true; file: ExportFile } | { ok: false; message: string; fields: FieldErrors };

/** Parse an untrusted value as an export file, with one clear message first (not a file / wrong version). */
export function parseExportFile(value: unknown): ParsedExport {
  if (value === null || typeof value !== "object" || Array.isArray(value))
    return { ok: false, message: "This is not a Walkaway export file: expected a JSON object.", fields: { _file: ["Expected a JSON object"] } };
  const head = value as Record<string, unknown>;
  if (head.format !== EXPORT_FORMAT)
    return { ok: false, message: `This is not a Walkaway export file (no "format": "${EXPORT_FORMAT}").`, fields: { format: [`Expected "${EXPORT_FORMAT}"`] } };
  if (!(READABLE_VERSIONS as readonly unknown[]).includes(head.version)) {
    const v = typeof head.version === "number" || typeof head.version === "string" ? String(head.version).slice(0, 20) : "missing";
    return {
      ok: false,
      message: `This file is format version ${v}; this Walkaway reads versions ${READABLE_VERSIONS.join(" and ")}.${typeof head.version === "number" && head.version > EXPORT_VERSION ? " Update Walkaway to import it." : ""}`,
      fields: { version: [`Expected ${READABLE_VERSIONS.join(" or ")}`] },
    };
  }
  const parsed = importFileSchema.safeParse(value);
  if (parsed.success) return { ok: true, file: parsed.data };
  const all = fileFieldErrors(parsed.error);
  const keys = Object.keys(all);
  const fields: FieldErrors = Object.fromEntries(keys.slice(0, MAX_REPORTED_ISSUES).map((k) => [k, all[k]]));
  if (keys.length > MAX_REPORTED_ISSUES) fields._more = [`…and ${keys.length - MAX_REPORTED_ISSUES} more problems`];
  const first = keys[0];
  return { ok: false, message: `The file was not imported: ${keys.length} problem${keys.length === 1 ? "" : "s"}, first at ${first}: ${all[first][0]}`, fields };
}
