import { getSettings, updateSettings } from "@/db/queries";
import { fieldErrors, updateSettingsSchema } from "@/lib/schemas";
import { HttpError, handler, readJson } from "../_lib/http";

export const GET = handler((_req, db) => getSettings(db));

/** PUT and PATCH both merge what is sent over the current settings, then validate the whole. */
async function save(req: Request, db: Parameters<typeof getSettings>[0]) {
  const body = await readJson(req);
  if (body === null || typeof body !== "object" || Array.isArray(body)) throw new HttpError(400, "Send a JSON object");
  const parsed = updateSettingsSchema.safeParse({ ...getSettings(db), ...body });
  if (!parsed.success) throw new HttpError(400, "Invalid input", fieldErrors(parsed.error));
  return updateSettings(db, parsed.data);
}
export const PUT = handler((req, db) => save(req, db));
export const PATCH = handler((req, db) => save(req, db));
