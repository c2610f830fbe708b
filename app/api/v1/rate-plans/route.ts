import { listAllRatePlans, planRaise } from "@/server/raises";
import { todayFor } from "@/server/clock";
import { planRaiseSchema } from "@/lib/raise-schemas";
import { handler, parseBody, searchParams } from "../_lib/http";

/** Every rate plan, newest first (?clientId= for one client's). */
export const GET = handler((req, db) => {
  const raw = searchParams(req).clientId;
  const clientId = raw != null && /^\d{1,15}$/.test(raw) ? Number(raw) : undefined;
  return listAllRatePlans(db, { clientId });
});
/** Plan a raise: the plan and the client's rate from effectiveFrom, in one transaction. */
export const POST = handler(async (req, db) => planRaise(db, await parseBody(req, planRaiseSchema), todayFor(db)), { status: 201 });
