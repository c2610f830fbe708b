import { setQuotePaymentTerms } from "@/server/payments";
import { quotePaymentTermsSchema } from "@/lib/payment-schemas";
import { handler, parseBody, pathId } from "../../../../_lib/http";

type P = { id: string };
/** Set the quote's payment terms (0..365 days): starts tracking an untracked quote or corrects the terms. */
export const PUT = handler<P>(async (req, db, p) => setQuotePaymentTerms(db, pathId(p.id, "quote"), await parseBody(req, quotePaymentTermsSchema)));
