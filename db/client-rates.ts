/** A client's own rates: per service, from a calendar day on (lib/raise/rates.ts clientRateOn). */
import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "./connection";
import { clientRates } from "./schema";
import type { ClientRate } from "@/lib/domain";

const columns = {
  id: clientRates.id,
  clientId: clientRates.clientId,
  serviceId: clientRates.serviceId,
  effectiveFrom: clientRates.effectiveFrom,
  rate: clientRates.rate,
  ratePlanId: clientRates.ratePlanId,
  createdAt: clientRates.createdAt,
};

/** One client's rates, by service then oldest first. */
export function listClientRates(db: DbOrTx, clientId: number): ClientRate[] {
  return db.select(columns).from(clientRates).where(eq(clientRates.clientId, clientId)).orderBy(asc(clientRates.serviceId), asc(clientRates.effectiveFrom)).all();
}

/** Every client's rates (a small table). */
export function listAllClientRates(db: DbOrTx): ClientRate[] {
  return db.select(columns).from(clientRates).orderBy(asc(clientRates.clientId), asc(clientRates.serviceId), asc(clientRates.effectiveFrom)).all();
}

export function findClientRate(db: DbOrTx, id: number): ClientRate | undefined {
  return db.select(columns).from(clientRates).where(eq(clientRates.id, id)).get();
}

export function findClientRateFrom(db: DbOrTx, clientId: number, serviceId: number, effectiveFrom: string): ClientRate | undefined {
  return db
    .select(columns)
    .from(clientRates)
    .where(and(eq(clientRates.clientId, clientId), eq(clientRates.serviceId, serviceId), eq(clientRates.effectiveFrom, effectiveFrom)))
    .get();
}

export function findClientRateOfPlan(db: DbOrTx, ratePlanId: number): ClientRate | undefined {
  return db.select(columns).from(clientRates).where(eq(clientRates.ratePlanId, ratePlanId)).get();
}

/** → id. Throws SQLite's UNIQUE error when the client already has a rate for the service from that day. */
export function insertClientRate(db: DbOrTx, values: { clientId: number; serviceId: number; effectiveFrom: string; rate: number; ratePlanId?: number | null }): number {
  return Number(db.insert(clientRates).values({ ...values, ratePlanId: values.ratePlanId ?? null }).run().lastInsertRowid);
}

/** Rows changed. */
export function updateClientRateRow(db: DbOrTx, id: number, values: { rate: number; ratePlanId?: number | null }): number {
  return db.update(clientRates).set(values).where(eq(clientRates.id, id)).run().changes;
}

/** Rows deleted (0: no such row of that client). */
export function deleteClientRateRow(db: DbOrTx, clientId: number, id: number): number {
  return db.delete(clientRates).where(and(eq(clientRates.id, id), eq(clientRates.clientId, clientId))).run().changes;
}
