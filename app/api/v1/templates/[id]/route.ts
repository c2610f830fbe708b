import { deleteTemplate, getTemplate, updateTemplate } from "@/server/templates";
import { upsertTemplateSchema } from "@/lib/schemas";
import { handler, parseBody, pathId } from "../../_lib/http";

type P = { id: string };
export const GET = handler<P>((_req, db, p) => getTemplate(db, pathId(p.id, "template")));
export const PUT = handler<P>(async (req, db, p) => updateTemplate(db, pathId(p.id, "template"), await parseBody(req, upsertTemplateSchema)));
export const DELETE = handler<P>((_req, db, p) => {
  deleteTemplate(db, pathId(p.id, "template"));
});
