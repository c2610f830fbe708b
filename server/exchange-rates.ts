/**
 * The exchange rates the user keeps (Settings → Exchange rates): 1 `currency` = `rate` of the book's
 * currency, from `effectiveFrom` on. A quote in another currency takes the rate in force on its date
 * (server/quotes.ts resolveFxRate, lib/exchange-rates.ts rateInForce) unless one is typed on it.
 * "Change a rate from a date" is a new row with a later date; the same currency and day replaces its rate.
 */
import { writeTransaction, type DbOrTx } from "@/db/connection";
import { deleteExchangeRateRow, findExchangeRate, findExchangeRateOn, listExchangeRates, upsertExchangeRate } from "@/db/exchange-rates";
import { getSettings } from "@/db/settings";
import type { ExchangeRate } from "@/lib/domain";
import { invalidInput, notFound } from "@/lib/errors";
import type { ExchangeRateInput } from "@/lib/time-and-money-schemas";

/** Every kept rate to the book's current currency, by currency then date. */
export function listRates(db: DbOrTx): ExchangeRate[] {
  return listExchangeRates(db, getSettings(db).currency);
}

export function getRate(db: DbOrTx, id: number): ExchangeRate {
  const found = findExchangeRate(db, id);
  if (!found) throw notFound("exchange rate", id);
  return found;
}

/**
 * Keep a rate for a currency from a day on: a new row, or the same currency and day's rate replaced.
 * The book's own currency has no rate (1 EUR is 1 EUR): refused on the currency field.
 */
export function addRate(db: DbOrTx, input: ExchangeRateInput): ExchangeRate {
  return writeTransaction(db, (tx) => {
    const book = getSettings(tx).currency;
    if (input.currency === book)
      throw invalidInput("That is your book's own currency", { currency: [`${book} is your book's currency: choose the currency your client pays in`] });
    upsertExchangeRate(tx, { currency: input.currency, bookCurrency: book, effectiveFrom: input.effectiveFrom, rate: input.rate });
    return findExchangeRateOn(tx, input.currency, book, input.effectiveFrom)!;
  });
}

/** Remove a kept rate. Quotes that took it keep their own copy of it (a quote stores its rate). */
export function deleteRate(db: DbOrTx, id: number): void {
  writeTransaction(db, (tx) => {
    if (deleteExchangeRateRow(tx, id) === 0) throw notFound("exchange rate", id);
  });
}
