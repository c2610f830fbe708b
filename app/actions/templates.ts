"use server";
import { upsertTemplateSchema } from "@/lib/schemas";
import { createTemplate, deleteTemplate, updateTemplate } from "@/server/templates";
import { formAction, formActionFor, idAction } from "./_lib/safe-action";

export const createTemplateAction = formAction({ schema: upsertTemplateSchema, run: (db, input) => createTemplate(db, input) });

export const updateTemplateAction = formActionFor({ schema: upsertTemplateSchema, run: (db, input, id) => updateTemplate(db, id, input) });

export const deleteTemplateAction = idAction({ run: (db, id) => deleteTemplate(db, id), message: "Template deleted." });
