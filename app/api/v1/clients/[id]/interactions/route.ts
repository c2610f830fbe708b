import { getClient } from "@/server/clients";
import { addInteraction, listInteractions } from "@/server/interactions";
import { createInteractionSchema } from "@/lib/schemas";
import { handler, parseBody, pathId } from "../../../_lib/http";

type P = { id: string };
export const GET = handler<P>((_req, db, p) => {
  const id = pathId(p.id, "client");
  getClient(db, id);
  return { interactions: listInteractions(db, id) };
});
export const POST = handler<P>(async (req, db, p) => {
  const id = pathId(p.id, "client");
  getClient(db, id);
  return addInteraction(db, id, await parseBody(req, createInteractionSchema));
}, { status: 201 });
