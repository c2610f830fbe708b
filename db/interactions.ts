import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "./connection";
import { interactions } from "./schema";
import type { Interaction } from "@/lib/domain";
import type { InteractionValues } from "@/lib/quote-lifecycle";

export function listInteractions(db: DbOrTx, clientId: number): Interaction[] {
  return db.select().from(interactions).where(eq(interactions.clientId, clientId)).orderBy(desc(interactions.occurredOn), desc(interactions.id)).all();
}

export function findInteraction(db: DbOrTx, id: number): Interaction | undefined {
  return db.select().from(interactions).where(eq(interactions.id, id)).get();
}

export function insertInteraction(db: DbOrTx, values: InteractionValues): number {
  return Number(db.insert(interactions).values(values).run().lastInsertRowid);
}

/** Rows deleted: 0 when the interaction is not the client's. */
export function deleteInteractionRow(db: DbOrTx, clientId: number, interactionId: number): number {
  return db.delete(interactions).where(and(eq(interactions.id, interactionId), eq(interactions.clientId, clientId))).run().changes;
}

/** Rows changed: 0 when the interaction is not the client's. The caller reads it back. */
export function updateInteractionRow(db: DbOrTx, clientId: number, interactionId: number, values: InteractionValues): number {
  return db.update(interactions).set(values).where(and(eq(interactions.id, interactionId), eq(interactions.clientId, clientId))).run().changes;
}
