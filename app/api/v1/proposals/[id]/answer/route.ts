import { answerProposal } from "@/server/proposal-answers";
import { getQuote } from "@/server/quotes";
import { todayFor } from "@/server/clock";
import { proposalAnswerSchema } from "@/lib/proposals/schemas";
import { handler, parseBody, pathId } from "../../../_lib/http";

type P = { id: string };
/**
 * Record the client's answer they gave another way (email, a call): choose an option (the quote is
 * accepted at its price) or decline with a reason. 409 once answered (the first answer stands), 410 once expired.
 */
export const POST = handler<P>(async (req, db, p) => {
  const id = pathId(p.id, "proposal");
  const input = await parseBody(req, proposalAnswerSchema);
  const proposal = answerProposal(db, { proposalId: id }, input, todayFor(db), new Date().toISOString());
  return { proposal, quote: getQuote(db, proposal.quoteId) };
});
