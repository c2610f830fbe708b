/**
 * What the user keeps to reuse, apart from the book's records (db/schema.ts re-exports them): the decline
 * and counter-offer message templates, and the exchange rates for quoting in other currencies. Neither
 * points at another table.
 */
import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { TEMPLATE_KINDS } from "@/lib/domain";
import { now } from "./schema-now";

/** Decline and counter-offer messages the user keeps. */
export const templates = sqliteTable("templates", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  kind: text("kind", { enum: TEMPLATE_KINDS }).notNull(),
  name: text("name").notNull(),
  body: text("body").notNull(),
  isDefault: integer("is_default", { mode: "boolean" }).notNull().default(false),
  createdAt: text("created_at").notNull().default(now),
  updatedAt: text("updated_at").notNull().default(now),
});

/**
 * The rates the user keeps for quoting in other currencies (no network): 1 unit of `currency` is
 * `rate` units of `bookCurrency` from `effectiveFrom` on, until the next row. A quote in that currency
 * takes the rate in force on its date as its default.
 */
export const exchangeRates = sqliteTable(
  "exchange_rates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    currency: text("currency").notNull(),
    bookCurrency: text("book_currency").notNull(),
    /** ISO date YYYY-MM-DD */
    effectiveFrom: text("effective_from").notNull(),
    /** a positive decimal string ("0.92"), exact */
    rate: text("rate").notNull(),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [uniqueIndex("exchange_rates_pair_from_unique").on(t.currency, t.bookCurrency, t.effectiveFrom)],
);
