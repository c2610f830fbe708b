import { recordOffer } from "@/server/offers";
import { todayFor } from "@/server/clock";
import { recordOfferSchema } from "@/lib/offer-check/schemas";
import { handler, parseBody } from "../../_lib/http";

/**
 * Record the decision on an offer: creates or updates the quote (declined by me / my counter / accepted).
 * 201 when written; 200 with `alreadyRecorded: true` when the quote already said exactly this.
 */
export const POST = handler(async (req, db) => {
  const recorded = recordOffer(db, await parseBody(req, recordOfferSchema), todayFor(db));
  return Response.json(recorded, { status: recorded.alreadyRecorded ? 200 : 201 });
});
