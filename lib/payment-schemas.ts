/**
 * Inputs about a quote's payment: logging the payment, and the terms agreed on the quote. Forms and the
 * API parse them with these schemas (lib/schemas.ts conventions: field-level messages, minor units).
 */
import { z } from "@/lib/zod";
import { isoDateSchema, optionalText, paymentTermsSchema, positiveMoneySchema } from "./schemas";

/** The client paid: on a day (the book's today when absent), an amount (the agreed amount when absent). */
export const logPaymentSchema = z.object({
  paidOn: isoDateSchema.optional(),
  amount: positiveMoneySchema.optional(),
  note: optionalText(500, "Note"),
});
export type LogPayment = z.infer<typeof logPaymentSchema>;

/** The payment terms of one quote, in days after the work is done (0: on delivery). */
export const quotePaymentTermsSchema = z.object({
  paymentTermsDays: paymentTermsSchema,
});
export type QuotePaymentTerms = z.infer<typeof quotePaymentTermsSchema>;
