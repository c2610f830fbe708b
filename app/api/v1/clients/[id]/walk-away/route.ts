import { todayFor } from "@/server/clock";
import { walkAwayFromClient } from "@/server/today-actions";
import { handler, pathId } from "../../../_lib/http";

type P = { id: string };
/** Walk away from a client: their status becomes "walked away". */
export const POST = handler<P>((_req, db, p) => walkAwayFromClient(db, pathId(p.id, "client"), todayFor(db)));
