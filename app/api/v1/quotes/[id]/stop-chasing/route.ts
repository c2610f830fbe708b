import { stopChasingSchema } from "@/lib/today/schemas";
import { todayFor } from "@/server/clock";
import { stopChasing } from "@/server/today-actions";
import { handler, parseBody, pathId } from "../../../_lib/http";

type P = { id: string };
/** Stop chasing a quote: {how: "expired" | "walked_away"}; my open follow-ups on it are recorded as unanswered. */
export const POST = handler<P>(async (req, db, p) => {
  const id = pathId(p.id, "quote");
  const { how } = await parseBody(req, stopChasingSchema);
  return stopChasing(db, id, how, todayFor(db));
});
