import { saveProposalSchema } from "@/lib/proposals/schemas";
import { todayFor } from "@/server/clock";
import { deleteQuoteProposal, saveProposal } from "@/server/proposals";
import { getProposalView } from "@/server/proposal-views";
import { handler, parseBody, pathId } from "../../../_lib/http";

type P = { id: string };
/** The quote's proposal with each option's price, minutes, effective rate and standing (404 when it has none). */
export const GET = handler<P>((_req, db, p) => getProposalView(db, pathId(p.id, "quote"), todayFor(db)));
/** Builds or replaces the whole proposal (the link and the day sent are kept). */
export const PUT = handler<P>(async (req, db, p) => {
  const id = pathId(p.id, "quote");
  return saveProposal(db, id, await parseBody(req, saveProposalSchema), todayFor(db));
});
export const DELETE = handler<P>((_req, db, p) => {
  deleteQuoteProposal(db, pathId(p.id, "quote"));
});
