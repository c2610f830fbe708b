import { asc, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "./connection";
import { now, templates } from "./schema";
import type { UpsertTemplate } from "@/lib/schemas";

export type Template = typeof templates.$inferSelect;

export function listTemplates(db: DbOrTx): Template[] {
  return db.select().from(templates).orderBy(asc(templates.kind), desc(templates.isDefault), asc(templates.name)).all();
}

export function findTemplate(db: DbOrTx, id: number): Template | undefined {
  return db.select().from(templates).where(eq(templates.id, id)).get();
}

export function insertTemplate(db: DbOrTx, input: UpsertTemplate): number {
  return Number(db.insert(templates).values(input).run().lastInsertRowid);
}

export function updateTemplateRow(db: DbOrTx, id: number, input: UpsertTemplate): number {
  return db.update(templates).set({ ...input, updatedAt: now }).where(eq(templates.id, id)).run().changes;
}

/** One default message per kind: clear the others before setting a new one. */
export function clearDefaultTemplate(db: DbOrTx, kind: Template["kind"]): void {
  db.update(templates).set({ isDefault: false }).where(eq(templates.kind, kind)).run();
}

export function deleteTemplateRow(db: DbOrTx, id: number): number {
  return db.delete(templates).where(eq(templates.id, id)).run().changes;
}
