import { deleteService, getService, updateService } from "@/db/queries";
import { fieldErrors, upsertServiceSchema } from "@/lib/schemas";
import { HttpError, handler, parseBody, pathId, readJson } from "../../_lib/http";

type P = { id: string };
export const GET = handler<P>((_req, db, p) => getService(db, pathId(p.id, "service")));
export const PUT = handler<P>(async (req, db, p) => updateService(db, pathId(p.id, "service"), await parseBody(req, upsertServiceSchema)));
export const PATCH = handler<P>(async (req, db, p) => {
  const id = pathId(p.id, "service");
  const existing = getService(db, id);
  const body = await readJson(req);
  if (body === null || typeof body !== "object" || Array.isArray(body)) throw new HttpError(400, "Send a JSON object");
  const parsed = upsertServiceSchema.safeParse({ ...existing, ...body });
  if (!parsed.success) throw new HttpError(400, "Invalid input", fieldErrors(parsed.error));
  return updateService(db, id, parsed.data);
});
export const DELETE = handler<P>((_req, db, p) => {
  deleteService(db, pathId(p.id, "service"));
});
