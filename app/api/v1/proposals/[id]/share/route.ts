import { shareProposalSchema } from "@/lib/proposals/schemas";
import { todayFor } from "@/server/clock";
import { shareProposal } from "@/server/proposals";
import { handler, parseBody, pathId } from "../../../_lib/http";

type P = { id: string };
/** { shared: true }: the client link on, with a new secret; { shared: false }: off (the old link is refused). */
export const PUT = handler<P>(async (req, db, p) => {
  const id = pathId(p.id, "proposal");
  return shareProposal(db, id, await parseBody(req, shareProposalSchema), todayFor(db));
});
