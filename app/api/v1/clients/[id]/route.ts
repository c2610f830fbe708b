import { deleteClient, getClient, updateClient } from "@/db/queries";
import { upsertClientSchema } from "@/lib/schemas";
import { handler, parseBody, pathId, readJson, HttpError } from "../../_lib/http";
import { fieldErrors } from "@/lib/schemas";

type P = { id: string };
export const GET = handler<P>((_req, db, p) => getClient(db, pathId(p.id, "client")));
export const PUT = handler<P>(async (req, db, p) => updateClient(db, pathId(p.id, "client"), await parseBody(req, upsertClientSchema)));
/** PATCH: only the fields sent change; the result is validated as a whole. */
export const PATCH = handler<P>(async (req, db, p) => {
  const id = pathId(p.id, "client");
  const existing = getClient(db, id);
  const body = await readJson(req);
  if (body === null || typeof body !== "object" || Array.isArray(body)) throw new HttpError(400, "Send a JSON object");
  const parsed = upsertClientSchema.safeParse({ ...existing, ...body });
  if (!parsed.success) throw new HttpError(400, "Invalid input", fieldErrors(parsed.error));
  return updateClient(db, id, parsed.data);
});
export const DELETE = handler<P>((_req, db, p) => {
  deleteClient(db, pathId(p.id, "client"));
});
