import { scoreClient } from "@/server/scores";
import { handler, pathId } from "../../../_lib/http";

type P = { id: string };
/** The same assessment the client page shows. */
export const GET = handler<P>((_req, db, p) => {
  const { client, assessment } = scoreClient(db, pathId(p.id, "client"));
  return { client: { id: client.id, name: client.name }, ...assessment };
});
