import { checkOffer } from "@/server/offers";
import { todayFor } from "@/server/clock";
import { offerCheckSchema } from "@/lib/offer-check/schemas";
import { handler, parseBody } from "../../_lib/http";

/** The offer check: accept, counter or walk away, with reasons, a counter-offer and messages. */
export const POST = handler(async (req, db) => checkOffer(db, await parseBody(req, offerCheckSchema), todayFor(db)));
