import { createService, listServices } from "@/server/services";
import { upsertServiceSchema } from "@/lib/schemas";
import { handler, parseBody } from "../_lib/http";

export const GET = handler((_req, db) => ({ services: listServices(db) }));
export const POST = handler(async (req, db) => createService(db, await parseBody(req, upsertServiceSchema)), { status: 201 });
