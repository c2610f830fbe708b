import { todayFor } from "@/server/clock";
import { followUpOnce } from "@/server/today-actions";
import { handler, pathId } from "../../../_lib/http";

type P = { id: string };
/** Log my follow-up on a sent quote today (their answer unknown yet): Today's "follow up once". */
export const POST = handler<P>((_req, db, p) => followUpOnce(db, pathId(p.id, "quote"), todayFor(db)), { status: 201 });
