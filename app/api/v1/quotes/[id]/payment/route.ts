import { logPayment, quotePayment } from "@/server/payments";
import { logPaymentSchema } from "@/lib/payment-schemas";
import { handler, parseBody, pathId } from "../../../_lib/http";

type P = { id: string };
/** Where the quote's payment stands: terms, due day, paid or overdue (docs/api.md "Payments"). */
export const GET = handler<P>((_req, db, p) => quotePayment(db, pathId(p.id, "quote")));
/** The client paid: logs the payment interaction (days late from the due day) and closes the payment. */
export const POST = handler<P>(async (req, db, p) => logPayment(db, pathId(p.id, "quote"), await parseBody(req, logPaymentSchema)), { status: 201 });
