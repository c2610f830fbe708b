"use server";
import { logPaymentSchema, quotePaymentTermsSchema } from "@/lib/payment-schemas";
import { logPayment, setQuotePaymentTerms } from "@/server/payments";
import { getQuote } from "@/server/quotes";
import { withScoreChange } from "@/server/score-change";
import { formActionFor } from "./_lib/safe-action";

/**
 * Log a quote's payment: `logPaymentAction.bind(null, quoteId)` (the quote page, Today's log_payment).
 * Money is read in the quote's currency; the answer says how the client's score moved.
 */
export const logPaymentAction = formActionFor({
  schema: logPaymentSchema,
  currency: (db, _values, quoteId) => getQuote(db, quoteId).currency,
  run: (db, input, quoteId) => withScoreChange(db, getQuote(db, quoteId).clientId, () => logPayment(db, quoteId, input)),
  okState: ({ scoreChange }) => ({ scoreChange }),
  message: "Payment logged.",
});

/** Set a quote's payment terms: `setPaymentTermsAction.bind(null, quoteId)`. */
export const setPaymentTermsAction = formActionFor({
  schema: quotePaymentTermsSchema,
  run: (db, input, quoteId) => setQuotePaymentTerms(db, quoteId, input),
  message: "Payment terms saved.",
});
