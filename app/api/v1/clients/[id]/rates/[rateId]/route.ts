import { deleteClientRate } from "@/server/raises";
import { handler, pathId } from "../../../../_lib/http";

type P = { id: string; rateId: string };
export const DELETE = handler<P>((_req, db, p) => {
  deleteClientRate(db, pathId(p.id, "client"), pathId(p.rateId, "client rate"));
});
