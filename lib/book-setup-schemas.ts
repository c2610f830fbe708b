/**
 * Setting a book up and changing its money: the first-run step, a change of the book's currency (convert
 * or keep) and re-expressing amounts at a typed rate. Built from the entity rules in lib/schemas.ts.
 */
import { z } from "@/lib/zod";
import { parseRate, RATE_MESSAGES } from "./currency-conversion";
import { currencySchema, isoCurrencySchema, localeSchema, settingsSchema, timeZoneSchema } from "./schemas";

/** The first-run step: the book's currency, time zone and locale, then an empty book or the demo book. */
export const FIRST_RUN_STARTS = ["empty", "demo"] as const;
export const firstRunSchema = z.object({
  currency: isoCurrencySchema,
  timeZone: timeZoneSchema.refine((tz) => tz !== "", "Choose a time zone"),
  locale: localeSchema,
  start: z.enum(FIRST_RUN_STARTS, { error: "Choose an empty book or the demo book" }),
});
export type FirstRun = z.infer<typeof firstRunSchema>;

/** An exchange rate typed as a decimal ("0.79"), checked exactly (lib/currency-conversion.ts parseRate). */
export const rateSchema = z.string({ error: RATE_MESSAGES.empty }).superRefine((v, ctx) => {
  const r = parseRate(v);
  if (!r.ok) ctx.addIssue({ code: "custom", message: RATE_MESSAGES[r.error] });
});

/** What to do with the book's amounts when its currency changes: convert them at a rate, or keep them in the old currency. */
export const CURRENCY_CHANGES = ["convert", "keep"] as const;
export type CurrencyChange = (typeof CURRENCY_CHANGES)[number];

/** The settings form: the settings, plus (when the currency changes and the book holds money in the old one) the choice and the rate. */
export const settingsChangeSchema = z.intersection(
  settingsSchema,
  z
    .object({
      currencyChange: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.enum(CURRENCY_CHANGES, { error: "Choose: convert the amounts, or keep them as they are" }).optional()),
      rate: z.preprocess((v) => (v === null ? undefined : v), z.string().optional()),
    })
    .superRefine((c, ctx) => {
      if (c.currencyChange !== "convert") return;
      const r = parseRate(c.rate ?? "");
      if (!r.ok) ctx.addIssue({ code: "custom", path: ["rate"], message: RATE_MESSAGES[r.error] });
    }),
);
export type SettingsChange = z.infer<typeof settingsChangeSchema>;

/** Re-express every amount in `from` in `to` at `rate` (1 from = rate to). */
export const reexpressSchema = z
  .object({
    from: currencySchema,
    to: isoCurrencySchema,
    rate: rateSchema,
  })
  .superRefine((r, ctx) => {
    if (r.from === r.to) ctx.addIssue({ code: "custom", path: ["to"], message: "Choose a different currency to convert into" });
  });
export type Reexpress = z.infer<typeof reexpressSchema>;
