/**
 * zod schemas for everything that comes from outside (forms, API, import files), named for their use.
 * Money is integer minor units here; forms convert typed decimals before parsing (see lib/form.ts).
 */
import { z } from "@/lib/zod";
import { DATE_RANGE_MESSAGE, isDateInBounds } from "./dates";
import { renameAliases } from "./input-aliases";
import { isIsoCurrency, parseRate, RATE_MESSAGES } from "./currency-conversion";
import {
  ANSWERS,
  ASK_KINDS,
  CLIENT_STATUSES,
  GIVE_KINDS,
  LEAD_SOURCES,
  QUOTE_STATUSES,
  REJECTION_REASONS,
  TEMPLATE_KINDS,
  UNITS,
  DEFAULT_SETTINGS,
} from "./domain";

export { INPUT_ALIASES, renameAliases, type InputAlias } from "./input-aliases";

export const MAX_MONEY = 1_000_000_000_00; // a billion in major units: anything above is a typo
export const MAX_MINUTES = 60 * 10_000; // 10,000 hours on one quote

const trimmed = (max: number, what = "This") =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .max(max, `${what} must be at most ${max} characters`);

export const optionalText = (max: number, what?: string) =>
  z.preprocess((v) => (v === "" || v === undefined ? null : v), trimmed(max, what).nullable()).optional();

/** Money in minor units. Marked `form: "money"` so a form's typed decimal ("1,200.50") is converted for it. */
export const moneySchema = z
  .number({ error: "Enter an amount, e.g. 1200 or 1200.50" })
  .int("Use whole minor units (cents)")
  .min(0, "Amounts cannot be negative")
  .max(MAX_MONEY, "That amount is too large")
  .meta({ form: "money" });

export const positiveMoneySchema = moneySchema.refine((v) => v > 0, "Enter an amount above zero");

export const idSchema = z.coerce
  .number({ error: "Choose one" })
  .int("Choose one")
  .positive("Choose one")
  .max(Number.MAX_SAFE_INTEGER, "Unknown id");

/**
 * The one date rule: a real calendar day (YYYY-MM-DD; z.iso.date checks the calendar, so 2025-02-29
 * fails) within DATE_MIN … DATE_MAX (lib/dates.ts). Forms, API, import files and the dashboard's filters
 * all parse dates with it.
 */
export const isoDateSchema = z.iso
  .date({ error: "Use a real date (YYYY-MM-DD) between 1970 and 2100, like 2026-11-24", abort: true })
  .refine(isDateInBounds, DATE_RANGE_MESSAGE);

export const currencySchema = z
  .string({ error: "Currency is required" })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, "Use a three-letter currency code, e.g. USD or EUR")
  .refine((c) => {
    try {
      new Intl.NumberFormat("en", { style: "currency", currency: c });
      return true;
    } catch {
      return false;
    }
  }, "Unknown currency code");

export const localeSchema = z
  .string()
  .trim()
  .min(2, "Use a locale like en-US or de-DE")
  .max(35)
  .refine((l) => {
    try {
      return Intl.NumberFormat.supportedLocalesOf([l]).length > 0;
    } catch {
      return false;
    }
  }, "Unknown locale, use one like en-US or de-DE");

/** Time in whole minutes, as stored and as the API answers. Marked `form: "duration"` so a form's "10h", "1h30" or "1.5 days" is read for it. */
const durationSchema = z
  .number({ error: "Enter the time, e.g. 12 or 7.5 hours" })
  .int("Whole minutes")
  .min(1, "Enter a time above zero")
  .max(MAX_MINUTES, "That is more time than one quote can hold")
  .meta({ form: "duration" });

const withAliases = <S extends z.ZodType>(schema: S) => z.preprocess(renameAliases, schema);

/** An IANA time zone the runtime knows ("Europe/Paris"), or "" for "not chosen yet" (UTC until then). */
export const timeZoneSchema = z
  .string({ error: "Choose a time zone" })
  .trim()
  .max(64)
  .refine((tz) => {
    if (tz === "") return true;
    try {
      new Intl.DateTimeFormat("en", { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, "Unknown time zone: use one like Europe/Paris or America/New_York");

/** An exchange rate as typed ("0.92", "1,1650"): kept as its exact decimal text, checked by parseRate. */
export const fxRateSchema = z
  .string({ error: RATE_MESSAGES.empty })
  .trim()
  .superRefine((v, ctx) => {
    const r = parseRate(v);
    if (!r.ok) ctx.addIssue({ code: "custom", message: RATE_MESSAGES[r.error] });
  })
  .transform((v) => v.replace(",", "."));

/** Payment terms in whole days after the work is done: 0 (on delivery) to a year. */
export const paymentTermsSchema = z
  .number({ error: "Enter days, e.g. 30" })
  .int("Whole days")
  .min(0, "Payment terms cannot be negative: 0 means on delivery")
  .max(365, "At most 365 days");

// ---- settings ----
/** A book's currency: an ISO 4217 code from the list (Intl formats any three letters; "ABC" is no currency). */
export const isoCurrencySchema = currencySchema.refine(isIsoCurrency, "Choose a currency from the list: an ISO 4217 code like USD, EUR or GBP");

export const settingsSchema = z
  .object({
    currency: isoCurrencySchema,
    locale: localeSchema,
    hoursPerDay: z.number({ error: "Enter hours" }).int("Whole hours").min(1, "At least 1 hour").max(24, "At most 24 hours"),
    weeklyCapacityHours: z.number({ error: "Enter hours" }).int("Whole hours").min(1, "At least 1 hour").max(168, "A week has 168 hours"),
    weightPricePressure: z.number().int().min(0, "Weights cannot be negative").max(100, "At most 100"),
    weightReciprocity: z.number().int().min(0, "Weights cannot be negative").max(100, "At most 100"),
    weightPay: z.number().int().min(0, "Weights cannot be negative").max(100, "At most 100"),
    weightChasing: z.number().int().min(0, "Weights cannot be negative").max(100, "At most 100"),
    weightPayment: z.number().int().min(0, "Weights cannot be negative").max(100, "At most 100"),
    bandKeep: z.number().int().min(1).max(100),
    bandWalkAway: z.number().int().min(0).max(99),
    chaseThreshold: z.number().int().min(1, "At least 1 follow-up").max(20, "At most 20"),
    rushMultiplierPct: z.number().int().min(100, "Rush work is never cheaper: at least 100%").max(500, "At most 500%"),
    // added later: files and API calls from before them still parse, with the defaults
    timeZone: timeZoneSchema.default(DEFAULT_SETTINGS.timeZone),
    halfLifeMonths: z.number({ error: "Enter months" }).int("Whole months").min(0, "0 turns decay off").max(120, "At most 120 months").default(DEFAULT_SETTINGS.halfLifeMonths),
    capVerdictOnRedFlag: z.boolean().default(DEFAULT_SETTINGS.capVerdictOnRedFlag),
    redFlagsForWalkAway: z.number({ error: "Enter a number" }).int("A whole number").min(0, "0: red flags never mean walk away on their own").max(5, "There are 5 criteria").default(DEFAULT_SETTINGS.redFlagsForWalkAway),
    creepThresholdPct: z
      .number({ error: "Enter a percentage" })
      .int("A whole percentage")
      .min(0, "0: any overrun is creep")
      .max(500, "At most 500%")
      .default(DEFAULT_SETTINGS.creepThresholdPct),
    followUpAfterDays: z.number({ error: "Enter days" }).int("Whole days").min(1, "At least 1 day").max(90, "At most 90 days").default(DEFAULT_SETTINGS.followUpAfterDays),
    paymentTermsDays: paymentTermsSchema.default(DEFAULT_SETTINGS.paymentTermsDays),
    raiseAfterMonths: z.number({ error: "Enter months" }).int("Whole months").min(1, "At least 1 month").max(60, "At most 60 months").default(DEFAULT_SETTINGS.raiseAfterMonths),
    raiseNoticeMonths: z.number({ error: "Enter months" }).int("Whole months").min(0, "0: the new rate starts the day you tell them").max(24, "At most 24 months").default(DEFAULT_SETTINGS.raiseNoticeMonths),
    raiseByPct: z.number({ error: "Enter a percentage" }).int("A whole percentage").min(1, "At least 1%").max(100, "At most 100%").default(DEFAULT_SETTINGS.raiseByPct),
    minimumFee: moneySchema.default(DEFAULT_SETTINGS.minimumFee),
    businessName: z.string({ error: "Your name must be text" }).trim().max(120, "At most 120 characters").default(DEFAULT_SETTINGS.businessName),
  })
  .superRefine((s, ctx) => {
    if (s.weightPricePressure + s.weightReciprocity + s.weightPay + s.weightChasing + s.weightPayment === 0)
      ctx.addIssue({ code: "custom", path: ["weightPay"], message: "At least one weight must be above zero" });
    if (s.bandWalkAway >= s.bandKeep)
      ctx.addIssue({ code: "custom", path: ["bandWalkAway"], message: "The walk-away band must be below the keep band" });
  });
export const updateSettingsSchema = settingsSchema;


// ---- services (rate card) ----
const serviceFields = z.object({
  name: trimmed(100, "Name").min(1, "Give the service a name"),
  unit: z.enum(UNITS, { error: "Choose hour or day" }),
  currency: currencySchema,
  marketRate: positiveMoneySchema,
  targetRate: positiveMoneySchema,
  floorRate: moneySchema,
});
export const upsertServiceSchema = serviceFields.superRefine((s, ctx) => {
  if (s.floorRate > s.targetRate)
    ctx.addIssue({ code: "custom", path: ["floorRate"], message: "Your floor (walk-away) rate cannot be above your target rate" });
});
export type UpsertService = z.infer<typeof upsertServiceSchema>;

// ---- clients ----
export const upsertClientSchema = z.object({
  name: trimmed(200, "Name").min(1, "Give the client a name"),
  company: optionalText(200, "Company"),
  email: z.preprocess((v) => (v === "" || v === undefined ? null : v), z.email("Enter a valid email address").max(320).nullable()).optional(),
  leadSource: z.enum(LEAD_SOURCES, { error: "Choose a lead source" }).default("other"),
  status: z.enum(CLIENT_STATUSES, { error: "Choose a status" }).default("prospect"),
  notes: optionalText(10_000, "Notes"),
  /** their own payment terms; empty: the book's setting */
  paymentTermsDays: z.preprocess((v) => (v === "" || v === undefined ? null : v), paymentTermsSchema.nullable()).optional(),
});
export type UpsertClient = z.infer<typeof upsertClientSchema>;
export const clientListQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  status: z.enum(CLIENT_STATUSES).optional().catch(undefined),
});

// ---- quotes ----
/** A quote's fields as the API reads them, before the cross-field rules (quoteRules); the importer extends them. */
export const quoteFields = z.object({
  clientId: idSchema,
  serviceId: z.preprocess((v) => (v === "" || v === undefined ? null : v), idSchema.nullable()).optional(),
  title: trimmed(200, "Title").min(1, "Give the quote a title"),
  scope: optionalText(5_000, "Scope"),
  estimatedMinutes: durationSchema,
  quotedAmount: positiveMoneySchema,
  currency: currencySchema,
  status: z.enum(QUOTE_STATUSES, { error: "Choose a status" }).default("draft"),
  agreedAmount: moneySchema.nullable().optional(),
  sentOn: isoDateSchema.nullable().optional(),
  decidedOn: isoDateSchema.nullable().optional(),
  rejectionReason: z.enum(REJECTION_REASONS, { error: "Choose a reason" }).nullable().optional(),
  cameBackAtMyPrice: z.boolean().optional(),
  /** in another currency than the book's: 1 unit of `currency` in the book's currency (server/quotes.ts defaults it from Settings) */
  fxRate: z.preprocess((v) => (v === "" || v === undefined ? null : v), fxRateSchema.nullable()).optional(),
});

/** A reason is kept only for a quote that was rejected or that I declined. */
export function rejectionReasonRule(q: { status: string; rejectionReason?: string | null }, ctx: z.RefinementCtx): void {
  if (q.rejectionReason && q.status !== "rejected" && q.status !== "declined_by_me")
    ctx.addIssue({ code: "custom", path: ["rejectionReason"], message: "A reason only applies to rejected or declined quotes" });
}

/** The quote's cross-field rules, shared by the API and the importer: decided no earlier than sent; a reason only when rejected or declined. */
export function quoteRules(q: { status: string; sentOn?: string | null; decidedOn?: string | null; rejectionReason?: string | null }, ctx: z.RefinementCtx): void {
  if (q.sentOn && q.decidedOn && q.decidedOn < q.sentOn)
    ctx.addIssue({ code: "custom", path: ["decidedOn"], message: "The decision cannot come before the quote was sent" });
  rejectionReasonRule(q, ctx);
}

export const upsertQuoteSchema = withAliases(quoteFields.superRefine(quoteRules));
export type UpsertQuote = z.infer<typeof upsertQuoteSchema>;

/** Changing only a quote's status (the outcome), e.g. accepted with the agreed amount. */
export const quoteOutcomeSchema = z
  .object({
    status: z.enum(QUOTE_STATUSES, { error: "Choose a status" }),
    agreedAmount: moneySchema.nullable().optional(),
    decidedOn: isoDateSchema.nullable().optional(),
    rejectionReason: z.enum(REJECTION_REASONS, { error: "Choose a reason" }).nullable().optional(),
    cameBackAtMyPrice: z.boolean().optional(),
  })
  .superRefine(rejectionReasonRule);
export type QuoteOutcome = z.infer<typeof quoteOutcomeSchema>;

// ---- negotiation events ----
const eventBase = { occurredOn: isoDateSchema.optional(), note: optionalText(2_000, "Note") };
const quoteEventUnion = z.discriminatedUnion(
  "kind",
  [
    z
      .object({
        kind: z.literal("discount_request"),
        percentBp: z.number({ error: "Enter a percent, e.g. 15" }).int("At most two decimals, e.g. 12.5").min(1, "At least 0.01%").max(10_000, "At most 100%").meta({ form: "percent" }).optional(),
        amountOff: positiveMoneySchema.optional(),
        ...eventBase,
      })
      .refine((e) => (e.percentBp == null) !== (e.amountOff == null), { path: ["percentBp"], message: "Enter the percent off or the amount off (one of them)" }),
    z.object({ kind: z.literal("client_counter"), amount: moneySchema, ...eventBase }),
    z.object({
      kind: z.literal("my_answer"),
      answer: z.enum(ANSWERS, { error: "Choose your answer" }),
      amount: moneySchema.optional(),
      scopeMinutes: durationSchema.optional(),
      ...eventBase,
    }),
    z.object({ kind: z.literal("my_counter"), amount: moneySchema, ...eventBase }),
  ],
  { error: "Choose what happened: discount_request, client_counter, my_answer or my_counter" },
);
export const createQuoteEventSchema = withAliases(quoteEventUnion);
export type CreateQuoteEvent = z.infer<typeof createQuoteEventSchema>;

// ---- interactions ----
const interactionBase = {
  occurredOn: isoDateSchema.optional(),
  note: optionalText(2_000, "Note"),
  quoteId: z.preprocess((v) => (v === "" || v === undefined ? null : v), idSchema.nullable()).optional(),
};
const minutesSchema = z.number({ error: "Enter minutes" }).int("Whole minutes").min(1, "At least 1 minute").max(MAX_MINUTES, "Too many minutes").meta({ form: "duration" });
export const createInteractionSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({
      kind: z.literal("ask"),
      subtype: z.enum(ASK_KINDS, { error: "Choose what they asked for" }),
      minutes: minutesSchema,
      paid: z.boolean().default(false),
      ...interactionBase,
    }),
    z.object({
      kind: z.literal("give"),
      subtype: z.enum(GIVE_KINDS, { error: "Choose what they gave back" }),
      amount: moneySchema.nullable().optional(),
      ...interactionBase,
    }),
    z.object({
      kind: z.literal("follow_up"),
      // null / absent: no answer yet (Today's "follow up once" logs it so; Today asks again after the follow-up days)
      answered: z.boolean({ error: "Say whether they answered: true, false, or null for not yet" }).nullable().optional(),
      ...interactionBase,
    }),
    z.object({
      kind: z.literal("payment"),
      // optional only for a quote whose payment is tracked: its days late are worked out (server/payments.ts)
      daysLate: z.number({ error: "Enter days late (0 if on time)" }).int("Whole days").min(0, "0 if on time").max(3650, "At most 10 years").optional(),
      amount: moneySchema.nullable().optional(),
      ...interactionBase,
    }),
  ],
  { error: "Choose what happened: ask, give, follow_up or payment" },
);
export type CreateInteraction = z.infer<typeof createInteractionSchema>;

// ---- templates ----
export const upsertTemplateSchema = z.object({
  kind: z.enum(TEMPLATE_KINDS, { error: "Choose decline, counter, follow-up message or rate increase notice" }),
  name: trimmed(100, "Name").min(1, "Give the template a name"),
  body: trimmed(5_000, "Message").min(1, "Write the message"),
  isDefault: z.boolean().default(false),
});
export type UpsertTemplate = z.infer<typeof upsertTemplateSchema>;

// ---- errors ----
export interface FieldErrors {
  [field: string]: string[];
}

/** zod issues → { field: [messages] } for forms and the API's 400 body. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
