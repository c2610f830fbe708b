/** The rate card's history: a service's rates from a calendar day on (see lib/rates.ts ratesOn). */
import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "./connection";
import { serviceRates } from "./schema";
import type { ServiceRateRow, ServiceRates } from "@/lib/rates";

const rateColumns = {
  id: serviceRates.id,
  serviceId: serviceRates.serviceId,
  effectiveFrom: serviceRates.effectiveFrom,
  marketRate: serviceRates.marketRate,
  targetRate: serviceRates.targetRate,
  floorRate: serviceRates.floorRate,
  createdAt: serviceRates.createdAt,
};

/** One service's history, oldest first. */
export function listServiceRates(db: DbOrTx, serviceId: number): ServiceRateRow[] {
  return db.select(rateColumns).from(serviceRates).where(eq(serviceRates.serviceId, serviceId)).orderBy(asc(serviceRates.effectiveFrom)).all();
}

/** Every service's history, by service then oldest first (a small table: a few rows per service). */
export function listAllServiceRates(db: DbOrTx): ServiceRateRow[] {
  return db.select(rateColumns).from(serviceRates).orderBy(asc(serviceRates.serviceId), asc(serviceRates.effectiveFrom)).all();
}

export function findServiceRate(db: DbOrTx, id: number): ServiceRateRow | undefined {
  return db.select(rateColumns).from(serviceRates).where(eq(serviceRates.id, id)).get();
}

export function findServiceRateFrom(db: DbOrTx, serviceId: number, effectiveFrom: string): ServiceRateRow | undefined {
  return db
    .select(rateColumns)
    .from(serviceRates)
    .where(and(eq(serviceRates.serviceId, serviceId), eq(serviceRates.effectiveFrom, effectiveFrom)))
    .get();
}

/** A new history row (→ id). Throws SQLite's UNIQUE error when the service already has a row from that day. */
export function insertServiceRate(db: DbOrTx, serviceId: number, effectiveFrom: string, rates: ServiceRates): number {
  return Number(
    db
      .insert(serviceRates)
      .values({ serviceId, effectiveFrom, marketRate: rates.marketRate, targetRate: rates.targetRate, floorRate: rates.floorRate })
      .run().lastInsertRowid,
  );
}

/** Rows changed: 0 when there is no such row. */
export function updateServiceRateRow(db: DbOrTx, id: number, rates: ServiceRates): number {
  return db
    .update(serviceRates)
    .set({ marketRate: rates.marketRate, targetRate: rates.targetRate, floorRate: rates.floorRate })
    .where(eq(serviceRates.id, id))
    .run().changes;
}
