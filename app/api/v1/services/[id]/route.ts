import { deleteService, getService, updateService } from "@/server/services";
import { upsertServiceSchema } from "@/lib/schemas";
import { handler, parseBody, parseMerged, pathId } from "../../_lib/http";

type P = { id: string };
export const GET = handler<P>((_req, db, p) => getService(db, pathId(p.id, "service")));
export const PUT = handler<P>(async (req, db, p) => updateService(db, pathId(p.id, "service"), await parseBody(req, upsertServiceSchema)));
/** PATCH: only the fields sent change; the result is validated as a whole. */
export const PATCH = handler<P>(async (req, db, p) => {
  const id = pathId(p.id, "service");
  return updateService(db, id, await parseMerged(req, getService(db, id), upsertServiceSchema));
});
export const DELETE = handler<P>((_req, db, p) => {
  deleteService(db, pathId(p.id, "service"));
});
