/** My decline and counter-offer messages; one default per kind. */
import { writeTransaction, type DbOrTx } from "@/db/connection";
import { clearDefaultTemplate, deleteTemplateRow, findTemplate, insertTemplate, listTemplates, updateTemplateRow, type Template } from "@/db/templates";
import { notFound } from "@/lib/errors";
import type { UpsertTemplate } from "@/lib/schemas";

export { listTemplates, type Template };

export function getTemplate(db: DbOrTx, id: number): Template {
  const template = findTemplate(db, id);
  if (!template) throw notFound("template", id);
  return template;
}

export function createTemplate(db: DbOrTx, input: UpsertTemplate): Template {
  return writeTransaction(db, (tx) => {
    if (input.isDefault) clearDefaultTemplate(tx, input.kind);
    return getTemplate(tx, insertTemplate(tx, input));
  });
}

export function updateTemplate(db: DbOrTx, id: number, input: UpsertTemplate): Template {
  return writeTransaction(db, (tx) => {
    getTemplate(tx, id);
    if (input.isDefault) clearDefaultTemplate(tx, input.kind);
    updateTemplateRow(tx, id, input);
    return getTemplate(tx, id);
  });
}

export function deleteTemplate(db: DbOrTx, id: number): void {
  writeTransaction(db, (tx) => {
    if (deleteTemplateRow(tx, id) === 0) throw notFound("template", id);
  });
}
