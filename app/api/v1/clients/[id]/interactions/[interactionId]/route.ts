import { deleteInteraction } from "@/server/interactions";
import { handler, pathId } from "../../../../_lib/http";

type P = { id: string; interactionId: string };
export const DELETE = handler<P>((_req, db, p) => {
  deleteInteraction(db, pathId(p.id, "client"), pathId(p.interactionId, "interaction"));
});
