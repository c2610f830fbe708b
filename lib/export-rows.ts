/**
 * One row of each table of the export file (lib/export-schema.ts), checked exactly as the API checks the
 * same record: each row schema is built from the API's own schema (fields, limits, the one date rule,
 * the cross-field rules) and extended with what only a stored row has (id, timestamps). Negotiation
 * steps and interactions are stored flat, one column per possible field: each row is handed to the
 * API's schema for its kind as the API would have received it, and a column its kind never carries
 * must be empty.
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
  paymentTermsSchema,
  quoteFields,
  quoteRules,
  upsertClientSchema,
  upsertServiceSchema,
  upsertTemplateSchema,
} from "./schemas";

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
    // the payment terms agreed at acceptance (null: payment not tracked)
    paymentTermsDays: paymentTermsSchema.nullable().default(null),
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
            ? // null: a follow-up whose answer is not known yet (Today's "follow up once" logs it so)
              { ...base, answered: i.answered ?? false }
            : { ...base, daysLate: undef(i.daysLate), amount: i.amount };
    apiIssues(createInteractionSchema.safeParse(input), ctx);
  });
