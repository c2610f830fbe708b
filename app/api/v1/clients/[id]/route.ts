import { deleteClient, getClient, updateClient } from "@/server/clients";
import { upsertClientSchema } from "@/lib/schemas";
import { handler, parseBody, parseMerged, pathId } from "../../_lib/http";

type P = { id: string };
export const GET = handler<P>((_req, db, p) => getClient(db, pathId(p.id, "client")));
export const PUT = handler<P>(async (req, db, p) => updateClient(db, pathId(p.id, "client"), await parseBody(req, upsertClientSchema)));
/** PATCH: only the fields sent change; the result is validated as a whole. */
/** PATCH: only the fields sent change; the result is validated as a whole. */
export const PATCH = handler<P>(async (req, db, p) => {
  const id = pathId(p.id, "client");
  return updateClient(db, id, await parseMerged(req, getClient(db, id), upsertClientSchema));
});
export const DELETE = handler<P>((_req, db, p) => {
  deleteClient(db, pathId(p.id, "client"));
});
