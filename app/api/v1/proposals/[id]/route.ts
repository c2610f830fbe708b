import { todayFor } from "@/server/clock";
import { getProposalById } from "@/server/proposal-views";
import { handler, pathId } from "../../_lib/http";

type P = { id: string };
export const GET = handler<P>((_req, db, p) => getProposalById(db, pathId(p.id, "proposal"), todayFor(db)));
