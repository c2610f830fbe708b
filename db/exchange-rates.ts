/** The exchange rates the user keeps (Settings): rows in, plain objects out. Which rate applies is lib/exchange-rates.ts. */
import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "./connection";
import { exchangeRates } from "./schema";
import type { ExchangeRate } from "@/lib/domain";

/** Every rate to this book currency, by currency then date. */
export function listExchangeRates(db: DbOrTx, bookCurrency: string): ExchangeRate[] {
  return db
    .select()
    .from(exchangeRates)
    .where(eq(exchangeRates.bookCurrency, bookCurrency))
    .orderBy(asc(exchangeRates.currency), asc(exchangeRates.effectiveFrom))
    .all();
}

export function findExchangeRate(db: DbOrTx, id: number): ExchangeRate | undefined {
  return db.select().from(exchangeRates).where(eq(exchangeRates.id, id)).get();
}

/** Insert, or replace the rate of the same currency pair and day; returns the row's id. */
export function upsertExchangeRate(db: DbOrTx, values: { currency: string; bookCurrency: string; effectiveFrom: string; rate: string }): number {
  const row = db
    .insert(exchangeRates)
    .values(values)
    .onConflictDoUpdate({ target: [exchangeRates.currency, exchangeRates.bookCurrency, exchangeRates.effectiveFrom], set: { rate: values.rate } })
    .returning({ id: exchangeRates.id })
    .all();
  return row[0].id;
}

export function deleteExchangeRateRow(db: DbOrTx, id: number): number {
  return db.delete(exchangeRates).where(eq(exchangeRates.id, id)).run().changes;
}

export function findExchangeRateOn(db: DbOrTx, currency: string, bookCurrency: string, effectiveFrom: string): ExchangeRate | undefined {
  return db
    .select()
    .from(exchangeRates)
    .where(and(eq(exchangeRates.currency, currency), eq(exchangeRates.bookCurrency, bookCurrency), eq(exchangeRates.effectiveFrom, effectiveFrom)))
    .get();
}
