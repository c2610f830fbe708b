import { todayFor } from "@/server/clock";
import { getToday } from "@/server/today";
import { handler } from "../_lib/http";

/** Today's list: open items in the order to do them, and the ones marked done / snoozed / not relevant. */
export const GET = handler((_req, db) => getToday(db, todayFor(db)));
