"use server";
import { logPaymentFormSchema, quotePaymentTermsSchema, type LogPayment } from "@/lib/payment-schemas";
import { logPayment, setQuotePaymentTerms } from "@/server/payments";
import { getQuote } from "@/server/quotes";
import { withScoreChange } from "@/server/score-change";
import { formAction, formActionFor } from "./_lib/safe-action";

/** Log a quote's payment; the quote comes from the form (the quote page, Today). The answer says how the score moved. */
export const logPaymentAction = formAction({
  schema: logPaymentFormSchema,
  currency: (db, values) => getQuote(db, Number(values.quoteId)).currency,
  run: (db, { quoteId, ...input }) => withScoreChange(db, getQuote(db, quoteId).clientId, () => logPayment(db, quoteId, input as LogPayment)),
  okState: ({ scoreChange }) => ({ scoreChange }),
  message: "Payment logged.",
});

/** Set a quote's payment terms: `setPaymentTermsAction.bind(null, quoteId)`. */
export const setPaymentTermsAction = formActionFor({
  schema: quotePaymentTermsSchema,
  run: (db, input, quoteId) => setQuotePaymentTerms(db, quoteId, input),
  message: "Payment terms saved.",
});
