import { firstRunSchema } from "@/lib/book-setup-schemas";
import { completeFirstRun, needsFirstRun } from "@/server/settings";
import { handler, parseBody } from "../_lib/http";

/** GET /api/v1/first-run: whether the first-run questions are still to be answered. */
export const GET = handler((_req, db) => ({ needed: needsFirstRun(db) }));

/**
 * POST /api/v1/first-run {currency, timeZone, locale, start: "empty" | "demo"}: save the answers and
 * start the book (201). 409 once the book has data.
 */
export const POST = handler(async (req, db) => completeFirstRun(db, await parseBody(req, firstRunSchema)), { status: 201 });
