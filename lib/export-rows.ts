/**
 * One row of each table of the export file (lib/export-schema.ts), checked exactly as the API checks the
 * same record: each row schema is built from the API's own schema (fields, limits, the one date rule,
 * the cross-field rules) and extended with what only a stored row has (id, timestamps). Negotiation
 * steps and interactions are stored flat, one column per possible field: each row is handed to the
 * API's schema for its kind as the API would have received it, and a column its kind never carries
 * must be empty.
 */
import { z } from "@/lib/zod";
import { DATE_MAX, DATE_MIN, isDateInBounds } from "./dates";
import { ANSWERS, ASK_KINDS, EVENT_KINDS, GIVE_KINDS, INTERACTION_KINDS, OPTION_PRICE_SOURCES, PROPOSAL_DECLINE_REASONS, UNITS, type EventKind, type InteractionKind } from "./domain";
import { proposalItemSchema, proposalOptionSchema } from "./proposals/schemas";
import { createTimeEntrySchema, exchangeRateSchema, timeSpentSchema } from "./time-and-money-schemas";
import { serviceRatesChangeSchema } from "./rates";
import {
  createInteractionSchema,
  createQuoteEventSchema,
  isoCurrencySchema,
  isoDateSchema,
  paymentTermsSchema,
  positiveMoneySchema,
  moneySchema,
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

/** version 3: a client's own payment terms (none before) */
export const clientRowSchema = upsertClientSchema
  .safeExtend({ id: rowId, ...stamps })
  .transform((c) => ({ ...c, paymentTermsDays: c.paymentTermsDays ?? null }));

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
    // version 3: the payment terms agreed at acceptance (none: payment not tracked)
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

/** Version 3: a client's own rate for a service from a day on. */
export const clientRateRowSchema = z.object({
  id: rowId,
  clientId: rowId,
  serviceId: rowId,
  effectiveFrom: isoDateSchema,
  rate: positiveMoneySchema,
  ratePlanId: rowId.nullable().default(null),
  createdAt: timestamp,
});

/** Version 3: a planned rate increase and the client's answer. */
export const ratePlanRowSchema = z
  .object({
    id: rowId,
    clientId: rowId,
    serviceId: rowId,
    currency: isoCurrencySchema,
    currentRate: moneySchema,
    targetRate: positiveMoneySchema,
    newRate: positiveMoneySchema,
    noticeOn: isoDateSchema,
    effectiveFrom: isoDateSchema,
    letter: z.string({ error: "The letter is text" }).max(10_000, "At most 10000 characters"),
    outcome: z.enum(["accepted", "negotiated", "left"], { error: "Use accepted, negotiated or left" }).nullable().default(null),
    outcomeRate: positiveMoneySchema.nullable().default(null),
    outcomeOn: isoDateSchema.nullable().default(null),
    createdAt: timestamp,
  })
  .superRefine((p, ctx) => {
    if (p.effectiveFrom < p.noticeOn) ctx.addIssue({ code: "custom", path: ["effectiveFrom"], message: "The new rate cannot start before the notice was given" });
    if (p.outcome === "negotiated" && p.outcomeRate == null) ctx.addIssue({ code: "custom", path: ["outcomeRate"], message: "A negotiated raise has the rate agreed" });
    if (p.outcome == null && (p.outcomeRate != null || p.outcomeOn != null)) ctx.addIssue({ code: "custom", path: ["outcome"], message: "An answer's rate or day needs the answer" });
  });

/** Version 3: what the user said about a Today item (done / snoozed / not relevant), by its key. */
export const todayItemStateRowSchema = z.object({
  itemKey: z.string({ error: "An item key is text" }).min(1, "An item key is not empty").max(200, "At most 200 characters"),
  state: z.enum(["done", "snoozed", "not_relevant"], { error: "Use done, snoozed or not_relevant" }),
  fingerprint: z.string({ error: "A fingerprint is text" }).max(2_000, "At most 2000 characters"),
  snoozedUntil: isoDateSchema.nullable().default(null),
  createdAt: timestamp,
});

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


/**
 * What a proposal link's secret looks like when stored: 43 base64url characters (32 random bytes,
 * server/share-token.ts). A shorter or other secret is refused: it could be guessed.
 */
export const SHARE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const SHARE_TOKEN_MESSAGE = "A link's secret is 43 letters, digits, - or _ (256 random bits): anything shorter could be guessed";
const position = z.number({ error: "A position is a number" }).int("A position is a whole number").min(0, "A position is never negative").max(1_000, "At most 1000");

/**
 * Version 4: a quote's proposal (one per quote) with the pricing it was made with, its link's secret
 * (none: no link, or revoked), its sending and the client's answer: an option, or a decline with its
 * reason — the answer always has its day.
 */
export const proposalRowSchema = z
  .object({
    id: rowId,
    quoteId: rowId,
    currency: isoCurrencySchema,
    unit: z.enum(UNITS, { error: "Use hour or day" }),
    floorRate: moneySchema,
    targetRate: positiveMoneySchema,
    marketRate: positiveMoneySchema,
    rush: z.boolean({ error: "rush is true or false" }),
    rushMultiplierPct: z.number({ error: "Enter a percentage" }).int("A whole percentage").min(100, "Rush work is never cheaper: at least 100%").max(500, "At most 500%"),
    hoursPerDay: z.number({ error: "Enter hours" }).int("Whole hours").min(1, "At least 1 hour").max(24, "At most 24 hours"),
    minimumFee: moneySchema,
    belowFloorConfirmed: z.boolean({ error: "belowFloorConfirmed is true or false" }),
    intro: nullableText(2_000),
    terms: nullableText(4_000),
    expiresOn: isoDateSchema,
    sentOn: isoDateSchema.nullable().default(null),
    shareToken: z.string({ error: SHARE_TOKEN_MESSAGE }).regex(SHARE_TOKEN_PATTERN, SHARE_TOKEN_MESSAGE).nullable().default(null),
    chosenOptionId: rowId.nullable().default(null),
    declineReason: z.enum(PROPOSAL_DECLINE_REASONS, { error: "Use wrong_timing, wrong_fit, price or other" }).nullable().default(null),
    declineNote: nullableText(1_000),
    answeredOn: isoDateSchema.nullable().default(null),
    answeredAt: timestamp.nullable().default(null),
    ...stamps,
  })
  .superRefine((p, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (p.floorRate > p.targetRate) issue("floorRate", "The floor cannot be above the target");
    if (p.chosenOptionId != null && p.declineReason != null) issue("declineReason", "An answer is an option chosen or a decline, not both");
    if ((p.chosenOptionId != null || p.declineReason != null) && p.answeredOn == null) issue("answeredOn", "An answer has the day it came");
    if (p.answeredOn != null && p.chosenOptionId == null && p.declineReason == null) issue("answeredOn", "An answer's day needs the answer: an option chosen or a decline");
    if (p.answeredAt != null && p.answeredOn == null) issue("answeredAt", "An answer's time needs its day");
    if (p.declineNote != null && p.declineReason == null) issue("declineNote", "A decline's note needs the decline");
  });

/** Version 4: a proposal's scope item: the API's rules (a name, more than zero minutes), with its place. */
export const proposalItemRowSchema = proposalItemSchema.safeExtend({ id: rowId, proposalId: rowId, position });

/** Version 4: an option as offered: the API's name and summary, its minutes, the price offered and where it came from. */
export const proposalOptionRowSchema = proposalOptionSchema.pick({ name: true }).safeExtend({
  id: rowId,
  proposalId: rowId,
  position,
  summary: nullableText(300),
  minutes: z.number({ error: "Minutes are a number" }).int("Whole minutes").positive("An option takes more than zero minutes").max(Number.MAX_SAFE_INTEGER),
  price: moneySchema,
  priceSource: z.enum(OPTION_PRICE_SOURCES, { error: "Use rate_card, minimum_fee or custom" }),
  rateCardPrice: moneySchema,
});

/** Version 4: an item an option includes. */
export const proposalOptionItemRowSchema = z.object({ optionId: rowId, itemId: rowId });
