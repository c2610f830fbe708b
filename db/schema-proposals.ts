/**
 * Proposals: a quote offered as two or three options (good / better / best) built from scope items
 * with hours, priced from the rate card, shared with the client by an unguessable link and answered
 * once. What was offered is stored as it was offered (prices, rates in force, the minimum fee), so a
 * later change to the rate card never rewrites a proposal the client has seen.
 */
import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { OPTION_PRICE_SOURCES, PROPOSAL_DECLINE_REASONS, UNITS } from "@/lib/domain";
import { now } from "./schema-now";
import { quotes } from "./schema";

/** One proposal per quote. */
export const proposals = sqliteTable(
  "proposals",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    quoteId: integer("quote_id")
      .notNull()
      .references(() => quotes.id, { onDelete: "cascade" }),
    /** the quote's currency; prices and the rates below are in it */
    currency: text("currency").notNull(),
    /** the rate card's unit for the quote's service (hours are converted with the hours-per-day setting) */
    unit: text("unit", { enum: UNITS }).notNull().default("hour"),
    /** the rates in force when it was priced, per unit, in the proposal's currency (rush not applied) */
    floorRate: integer("floor_rate").notNull(),
    targetRate: integer("target_rate").notNull(),
    marketRate: integer("market_rate").notNull(),
    rush: integer("rush", { mode: "boolean" }).notNull().default(false),
    /** the rush multiplier then, in percent (150 = 1.5×) */
    rushMultiplierPct: integer("rush_multiplier_pct").notNull().default(100),
    hoursPerDay: integer("hours_per_day").notNull().default(8),
    /** the minimum engagement fee then, in the proposal's minor units (0: none) */
    minimumFee: integer("minimum_fee").notNull().default(0),
    /** the user said "I know" to an option priced below the floor */
    belowFloorConfirmed: integer("below_floor_confirmed", { mode: "boolean" }).notNull().default(false),
    intro: text("intro"),
    terms: text("terms"),
    /** ISO date: the last day the client can answer */
    expiresOn: text("expires_on").notNull(),
    /** the day it was given to the client (link turned on, or marked sent as a PDF); NULL: not yet */
    sentOn: text("sent_on"),
    /** the public link's secret (base64url, 256 bits); NULL: no link, or revoked */
    shareToken: text("share_token"),
    /** the client's answer: an option, or a decline with its reason */
    chosenOptionId: integer("chosen_option_id"),
    declineReason: text("decline_reason", { enum: PROPOSAL_DECLINE_REASONS }),
    declineNote: text("decline_note"),
    /** the calendar day (user's time zone) and the instant the answer came */
    answeredOn: text("answered_on"),
    answeredAt: text("answered_at"),
    createdAt: text("created_at").notNull().default(now),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [
    uniqueIndex("proposals_quote_unique").on(t.quoteId),
    uniqueIndex("proposals_share_token_unique").on(t.shareToken),
    check("proposals_rates_positive", sql`${t.floorRate} >= 0 AND ${t.targetRate} > 0 AND ${t.marketRate} > 0 AND ${t.minimumFee} >= 0`),
  ],
);

/** The scope items every option is built from, in order. */
export const proposalItems = sqliteTable(
  "proposal_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    minutes: integer("minutes").notNull(),
  },
  (t) => [index("proposal_items_proposal_idx").on(t.proposalId, t.position), check("proposal_items_minutes_positive", sql`${t.minutes} > 0`)],
);

/** The options (good / better / best), in order, with the price they were offered at. */
export const proposalOptions = sqliteTable(
  "proposal_options",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    summary: text("summary"),
    /** the sum of its items' minutes */
    minutes: integer("minutes").notNull(),
    /** the price offered, in the proposal's minor units */
    price: integer("price").notNull(),
    priceSource: text("price_source", { enum: OPTION_PRICE_SOURCES }).notNull(),
    /** the price the rate card gives (target, rush-adjusted), before the minimum fee or a typed price */
    rateCardPrice: integer("rate_card_price").notNull(),
  },
  (t) => [
    uniqueIndex("proposal_options_name_unique").on(t.proposalId, t.name),
    check("proposal_options_amounts", sql`${t.minutes} > 0 AND ${t.price} >= 0 AND ${t.rateCardPrice} >= 0`),
  ],
);

/** Which items each option includes. */
export const proposalOptionItems = sqliteTable(
  "proposal_option_items",
  {
    optionId: integer("option_id")
      .notNull()
      .references(() => proposalOptions.id, { onDelete: "cascade" }),
    itemId: integer("item_id")
      .notNull()
      .references(() => proposalItems.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.optionId, t.itemId] })],
);
