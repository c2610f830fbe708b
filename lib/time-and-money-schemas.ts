/**
 * Inputs of time spent and money in other currencies: a time entry on a quote, marking a job's work
 * done, and the exchange rates the user keeps. Forms, the API and the history import parse them with
 * these schemas (lib/schemas.ts conventions: field-level messages, integers for money and minutes).
 */
import { z } from "@/lib/zod";
import { fxRateSchema, isoCurrencySchema, isoDateSchema, optionalText } from "./schemas";

/** A day has 24 hours: one entry is at most that (the days' totals are checked where entries are written). */
export const MINUTES_IN_A_DAY = 24 * 60;

/** Minutes spent on one day. Marked `form: "duration"` so a form's "2h", "1h30" or "90 min" is read for it. */
export const timeSpentSchema = z
  .number({ error: "Enter the time spent, e.g. 2h or 1h30" })
  .int("Whole minutes")
  .min(1, "Enter a time above zero")
  .max(MINUTES_IN_A_DAY, "A day has 24 hours: log at most 24 h in one entry")
  .meta({ form: "duration" });

export const createTimeEntrySchema = z.object({
  /** the day the time was spent; the book's today when absent */
  occurredOn: isoDateSchema.optional(),
  minutes: timeSpentSchema,
  note: optionalText(500, "Note"),
  billable: z.boolean().nullable().optional(),
});
export type CreateTimeEntry = z.infer<typeof createTimeEntrySchema>;

/** The day a job's work was finished (null: not finished, it is still going). */
export const workDoneSchema = z.object({
  workDoneOn: isoDateSchema.nullable(),
});
export type WorkDone = z.infer<typeof workDoneSchema>;

/** A rate the user keeps in Settings: 1 `currency` = `rate` of the book's currency, from `effectiveFrom` on. */
export const exchangeRateSchema = z.object({
  currency: isoCurrencySchema,
  effectiveFrom: isoDateSchema,
  rate: fxRateSchema,
});
export type ExchangeRateInput = z.infer<typeof exchangeRateSchema>;
