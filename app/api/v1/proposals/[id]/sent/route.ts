import { todayFor } from "@/server/clock";
import { markProposalSent } from "@/server/proposals";
import { handler, pathId } from "../../../_lib/http";

type P = { id: string };
/** "I sent the PDF myself": sent today (a draft quote becomes sent). */
export const POST = handler<P>((_req, db, p) => markProposalSent(db, pathId(p.id, "proposal"), todayFor(db)));
