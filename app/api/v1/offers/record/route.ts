import { recordOffer } from "@/server/offers";
import { todayFor } from "@/server/clock";
import { recordOfferSchema } from "@/lib/schemas";
import { handler, parseBody } from "../../_lib/http";

/** Record the decision on an offer: creates or updates the quote (declined by me / my counter / accepted). */
export const POST = handler(async (req, db) => recordOffer(db, await parseBody(req, recordOfferSchema), todayFor(db)), { status: 201 });
