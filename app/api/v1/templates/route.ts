import { createTemplate, listTemplates } from "@/server/templates";
import { upsertTemplateSchema } from "@/lib/schemas";
import { handler, parseBody } from "../_lib/http";

export const GET = handler((_req, db) => ({ templates: listTemplates(db) }));
export const POST = handler(async (req, db) => createTemplate(db, await parseBody(req, upsertTemplateSchema)), { status: 201 });
