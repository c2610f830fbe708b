import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import {
  ANSWERS,
  ASK_KINDS,
  CLIENT_STATUSES,
  EVENT_KINDS,
  GIVE_KINDS,
  INTERACTION_KINDS,
  LEAD_SOURCES,
  QUOTE_STATUSES,
  REJECTION_REASONS,
  UNITS,
  DEFAULT_SETTINGS,
} from "@/lib/domain";

const SUBTYPES = [...ASK_KINDS, ...GIVE_KINDS] as [(typeof ASK_KINDS)[number] | (typeof GIVE_KINDS)[number], ...((typeof ASK_KINDS)[number] | (typeof GIVE_KINDS)[number])[]];
import { now } from "./schema-now";
// the bookkeeping tables (imports, demo marks, sign-in state, Today's marks): db/schema-bookkeeping.ts
export * from "./schema-bookkeeping";
// proposals with good / better / best options, shared by link: db/schema-proposals.ts
export * from "./schema-proposals";
// what the user keeps to reuse (message templates, exchange rates): db/schema-kept.ts
export * from "./schema-kept";
export { now };
const timestamps = {
  createdAt: text("created_at").notNull().default(now),
  updatedAt: text("updated_at").notNull().default(now),
};

/** One row (id = 1): the user's money, time and scoring preferences. */
export const settings = sqliteTable(
  "settings",
  {
    id: integer("id").primaryKey(),
    currency: text("currency").notNull().default(DEFAULT_SETTINGS.currency),
    locale: text("locale").notNull().default(DEFAULT_SETTINGS.locale),
    hoursPerDay: integer("hours_per_day").notNull().default(DEFAULT_SETTINGS.hoursPerDay),
    weeklyCapacityHours: integer("weekly_capacity_hours").notNull().default(DEFAULT_SETTINGS.weeklyCapacityHours),
    weightPricePressure: integer("weight_price_pressure").notNull().default(DEFAULT_SETTINGS.weightPricePressure),
    weightReciprocity: integer("weight_reciprocity").notNull().default(DEFAULT_SETTINGS.weightReciprocity),
    weightPay: integer("weight_pay").notNull().default(DEFAULT_SETTINGS.weightPay),
    weightChasing: integer("weight_chasing").notNull().default(DEFAULT_SETTINGS.weightChasing),
    weightPayment: integer("weight_payment").notNull().default(DEFAULT_SETTINGS.weightPayment),
    /** fit score at or above this: keep */
    bandKeep: integer("band_keep").notNull().default(DEFAULT_SETTINGS.bandKeep),
    /** fit score below this: walk away */
    bandWalkAway: integer("band_walk_away").notNull().default(DEFAULT_SETTINGS.bandWalkAway),
    chaseThreshold: integer("chase_threshold").notNull().default(DEFAULT_SETTINGS.chaseThreshold),
    /** rush work multiplier, in percent (150 = 1.5x) */
    rushMultiplierPct: integer("rush_multiplier_pct").notNull().default(DEFAULT_SETTINGS.rushMultiplierPct),
    timeZone: text("time_zone").notNull().default(DEFAULT_SETTINGS.timeZone),
    halfLifeMonths: integer("half_life_months").notNull().default(DEFAULT_SETTINGS.halfLifeMonths),
    capVerdictOnRedFlag: integer("cap_verdict_on_red_flag", { mode: "boolean" }).notNull().default(DEFAULT_SETTINGS.capVerdictOnRedFlag),
    redFlagsForWalkAway: integer("red_flags_for_walk_away").notNull().default(DEFAULT_SETTINGS.redFlagsForWalkAway),
    /** the first-run step (currency, time zone, empty or demo book) was answered; not part of Settings */
    firstRunDone: integer("first_run_done", { mode: "boolean" }).notNull().default(false),
    /** a job whose logged time passes its estimate by more than this share (percent) has crept */
    creepThresholdPct: integer("creep_threshold_pct").notNull().default(DEFAULT_SETTINGS.creepThresholdPct),
    followUpAfterDays: integer("follow_up_after_days").notNull().default(DEFAULT_SETTINGS.followUpAfterDays),
    paymentTermsDays: integer("payment_terms_days").notNull().default(DEFAULT_SETTINGS.paymentTermsDays),
    raiseAfterMonths: integer("raise_after_months").notNull().default(DEFAULT_SETTINGS.raiseAfterMonths),
    raiseNoticeMonths: integer("raise_notice_months").notNull().default(DEFAULT_SETTINGS.raiseNoticeMonths),
    raiseByPct: integer("raise_by_pct").notNull().default(DEFAULT_SETTINGS.raiseByPct),
    /** proposals: no option is offered below this, in the book's minor units (0: no minimum) */
    minimumFee: integer("minimum_fee").notNull().default(DEFAULT_SETTINGS.minimumFee),
    /** the name proposals are signed with */
    businessName: text("business_name").notNull().default(DEFAULT_SETTINGS.businessName),
    ...timestamps,
  },
  (t) => [check("settings_singleton", sql`${t.id} = 1`)],
);

/** The rate card: one row per service, rates in minor units per unit (hour or day). */
export const services = sqliteTable(
  "services",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    unit: text("unit", { enum: UNITS }).notNull().default("hour"),
    currency: text("currency").notNull(),
    marketRate: integer("market_rate").notNull(),
    targetRate: integer("target_rate").notNull(),
    floorRate: integer("floor_rate").notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("services_name_unique").on(t.name),
    check("services_floor_le_target", sql`${t.floorRate} <= ${t.targetRate}`),
    check("services_rates_positive", sql`${t.floorRate} >= 0 AND ${t.targetRate} > 0 AND ${t.marketRate} > 0`),
  ],
);

/**
 * The rate card's history: a service's rates from a calendar day on, until its next row. A quote is
 * judged against the row in force on its date (lib/rates.ts ratesOn); the services row keeps the rates
 * in force today (at the last write) for everything that asks about now (the offer check, forms).
 * Every service has a row from 1970-01-01 (migration 0004 backfilled the services there were).
 */
export const serviceRates = sqliteTable(
  "service_rates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    serviceId: integer("service_id")
      .notNull()
      .references(() => services.id, { onDelete: "cascade" }),
    /** ISO date YYYY-MM-DD: these rates apply to quotes dated this day or later (until the next row) */
    effectiveFrom: text("effective_from").notNull(),
    marketRate: integer("market_rate").notNull(),
    targetRate: integer("target_rate").notNull(),
    floorRate: integer("floor_rate").notNull(),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [
    uniqueIndex("service_rates_service_from_unique").on(t.serviceId, t.effectiveFrom),
    check("service_rates_floor_le_target", sql`${t.floorRate} <= ${t.targetRate}`),
    check("service_rates_positive", sql`${t.floorRate} >= 0 AND ${t.targetRate} > 0 AND ${t.marketRate} > 0`),
  ],
);

export const clients = sqliteTable(
  "clients",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    company: text("company"),
    email: text("email"),
    leadSource: text("lead_source", { enum: LEAD_SOURCES }).notNull().default("other"),
    status: text("status", { enum: CLIENT_STATUSES }).notNull().default("prospect"),
    notes: text("notes"),
    /** their own payment terms in days; NULL: the book's setting */
    paymentTermsDays: integer("payment_terms_days"),
    ...timestamps,
  },
  (t) => [index("clients_name_idx").on(t.name), index("clients_status_idx").on(t.status)],
);

export const quotes = sqliteTable(
  "quotes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    clientId: integer("client_id")
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    serviceId: integer("service_id").references(() => services.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    scope: text("scope"),
    /** estimated effort in minutes (hours × 60), so it stays an integer */
    estimatedMinutes: integer("estimated_minutes").notNull(),
    quotedAmount: integer("quoted_amount").notNull(),
    currency: text("currency").notNull(),
    status: text("status", { enum: QUOTE_STATUSES }).notNull().default("draft"),
    agreedAmount: integer("agreed_amount"),
    sentOn: text("sent_on"),
    decidedOn: text("decided_on"),
    rejectionReason: text("rejection_reason", { enum: REJECTION_REASONS }),
    /** a walked-away prospect came back and accepted my price */
    cameBackAtMyPrice: integer("came_back_at_my_price", { mode: "boolean" }).notNull().default(false),
    /**
     * A quote in another currency than the book's: book-currency units per 1 unit of the quote's currency
     * (a decimal string, parsed exactly by lib/currency-conversion.ts parseRate). NULL in the book's currency.
     */
    fxRate: text("fx_rate"),
    /** the day the work was finished: from then its logged time is the whole job (lib/true-rate.ts) */
    workDoneOn: text("work_done_on"),
    /** false for a quote made from imported time with no estimate of its own (estimatedMinutes = the time logged then) */
    estimateKnown: integer("estimate_known", { mode: "boolean" }).notNull().default(true),
    /** a quote created by a history import: the row's key, so the same file imported twice adds nothing */
    sourceKey: text("source_key"),
    /** payment terms agreed at acceptance (days after the work is done, or accepted); NULL: payment not tracked */
    paymentTermsDays: integer("payment_terms_days"),
    ...timestamps,
  },
  (t) => [
    // a client's quotes newest first (the client page, the offer check) without a sort step
    index("quotes_client_idx").on(t.clientId, t.createdAt),
    index("quotes_service_idx").on(t.serviceId),
    index("quotes_status_idx").on(t.status),
    // the offer check's capacity: accepted work not yet done, by the day it was agreed (db/history.ts
    // readCapacity), so it reads the last weeks' jobs and not every job ever accepted
    index("quotes_unfinished_idx")
      .on(sql`coalesce(${t.decidedOn}, substr(${t.createdAt}, 1, 10))`)
      .where(sql`${t.status} = 'accepted' AND ${t.workDoneOn} IS NULL`),
    check("quotes_amounts_nonneg", sql`${t.quotedAmount} >= 0 AND (${t.agreedAmount} IS NULL OR ${t.agreedAmount} >= 0)`),
    check("quotes_minutes_positive", sql`${t.estimatedMinutes} > 0`),
    uniqueIndex("quotes_source_key_unique").on(t.sourceKey),
  ],
);

/**
 * A client's own rate for a service from a day on, until their next row (what they are charged; the
 * rate card's target is what everyone else is quoted). In the service's currency and unit.
 */
export const clientRates = sqliteTable(
  "client_rates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    clientId: integer("client_id")
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    serviceId: integer("service_id")
      .notNull()
      .references(() => services.id, { onDelete: "cascade" }),
    /** ISO date YYYY-MM-DD */
    effectiveFrom: text("effective_from").notNull(),
    rate: integer("rate").notNull(),
    /** the rate plan that set it (the plan is kept when the rate row is deleted) */
    ratePlanId: integer("rate_plan_id"),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [
    uniqueIndex("client_rates_client_service_from_unique").on(t.clientId, t.serviceId, t.effectiveFrom),
    check("client_rates_positive", sql`${t.rate} > 0`),
  ],
);

export const RAISE_OUTCOME_VALUES = ["accepted", "negotiated", "left"] as const;
/** A planned rate increase: notice given, new rate from a day, the client's answer. */
export const ratePlans = sqliteTable(
  "rate_plans",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    clientId: integer("client_id")
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    serviceId: integer("service_id")
      .notNull()
      .references(() => services.id, { onDelete: "cascade" }),
    currency: text("currency").notNull(),
    currentRate: integer("current_rate").notNull(),
    targetRate: integer("target_rate").notNull(),
    newRate: integer("new_rate").notNull(),
    noticeOn: text("notice_on").notNull(),
    effectiveFrom: text("effective_from").notNull(),
    letter: text("letter").notNull(),
    outcome: text("outcome", { enum: RAISE_OUTCOME_VALUES }),
    outcomeRate: integer("outcome_rate"),
    outcomeOn: text("outcome_on"),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [
    index("rate_plans_client_idx").on(t.clientId, t.effectiveFrom),
    check("rate_plans_rates_positive", sql`${t.currentRate} >= 0 AND ${t.targetRate} > 0 AND ${t.newRate} > 0`),
  ],
);

/** Time actually spent on a quote's work, a day at a time (never more than a day's 24 h in one entry). */
export const timeEntries = sqliteTable(
  "time_entries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    quoteId: integer("quote_id")
      .notNull()
      .references(() => quotes.id, { onDelete: "cascade" }),
    /** ISO date YYYY-MM-DD */
    occurredOn: text("occurred_on").notNull(),
    minutes: integer("minutes").notNull(),
    note: text("note"),
    /** as the time tracker said; NULL when not known */
    billable: integer("billable", { mode: "boolean" }),
    /** an imported entry's key, so the same file imported twice adds nothing */
    sourceKey: text("source_key"),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [
    index("time_entries_quote_idx").on(t.quoteId, t.occurredOn),
    index("time_entries_day_idx").on(t.occurredOn),
    uniqueIndex("time_entries_source_key_unique").on(t.sourceKey),
    check("time_entries_minutes_in_a_day", sql`${t.minutes} > 0 AND ${t.minutes} <= 1440`),
  ],
);

/** Every step of a negotiation on a quote, in order. */
export const quoteEvents = sqliteTable(
  "quote_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    quoteId: integer("quote_id")
      .notNull()
      .references(() => quotes.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: EVENT_KINDS }).notNull(),
    /** my_answer only */
    answer: text("answer", { enum: ANSWERS }),
    /** discount_request: percent off, in basis points (1500 = 15%) */
    percentBp: integer("percent_bp"),
    /** discount_request: amount off; counters / answers: the price proposed or agreed */
    amount: integer("amount"),
    /** cut_scope: the reduced estimate, in minutes */
    scopeMinutes: integer("scope_minutes"),
    note: text("note"),
    occurredOn: text("occurred_on").notNull(),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [index("quote_events_quote_idx").on(t.quoteId, t.occurredOn)],
);

/** Everything else that happens with a client: one-way asks, what they give back, my follow-ups, payments. */
export const interactions = sqliteTable(
  "interactions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    clientId: integer("client_id")
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    quoteId: integer("quote_id").references(() => quotes.id, { onDelete: "set null" }),
    kind: text("kind", { enum: INTERACTION_KINDS }).notNull(),
    /** ask: one of ASK_KINDS; give: one of GIVE_KINDS */
    subtype: text("subtype", { enum: SUBTYPES }),
    minutes: integer("minutes"),
    paid: integer("paid", { mode: "boolean" }),
    answered: integer("answered", { mode: "boolean" }),
    daysLate: integer("days_late"),
    amount: integer("amount"),
    initiatedBy: text("initiated_by", { enum: ["me", "client"] }),
    note: text("note"),
    occurredOn: text("occurred_on").notNull(),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [
    index("interactions_client_idx").on(t.clientId, t.occurredOn),
    // the dashboard: asks / follow-ups of a period, and everything of a period
    index("interactions_kind_idx").on(t.kind, t.occurredOn),
    index("interactions_occurred_idx").on(t.occurredOn),
  ],
);
