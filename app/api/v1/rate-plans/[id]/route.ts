import { getRatePlan } from "@/server/raises";
import { handler, pathId } from "../../_lib/http";

type P = { id: string };
export const GET = handler<P>((_req, db, p) => getRatePlan(db, pathId(p.id, "rate plan")));
