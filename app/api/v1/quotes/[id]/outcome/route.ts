import { setQuoteOutcome } from "@/server/quotes";
import { quoteOutcomeSchema } from "@/lib/schemas";
import { handler, parseBody, pathId } from "../../../_lib/http";

type P = { id: string };
/** Mark how a quote ended (accepted at a price, rejected or declined with a reason). */
export const POST = handler<P>(async (req, db, p) => setQuoteOutcome(db, pathId(p.id, "quote"), await parseBody(req, quoteOutcomeSchema)));
