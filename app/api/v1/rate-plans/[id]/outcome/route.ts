import { setRaiseOutcome } from "@/server/raises";
import { todayFor } from "@/server/clock";
import { raiseOutcomeSchema } from "@/lib/raise-schemas";
import { handler, parseBody, pathId } from "../../../_lib/http";

type P = { id: string };
/** The client's answer: { outcome: accepted | negotiated | left, outcomeRate? (negotiated), outcomeOn? (default today) }. */
export const PUT = handler<P>(async (req, db, p) => setRaiseOutcome(db, pathId(p.id, "rate plan"), await parseBody(req, raiseOutcomeSchema), todayFor(db)));
