import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "./connection";
import { now, services } from "./schema";
import type { Service } from "@/lib/domain";
import type { UpsertService } from "@/lib/schemas";

const serviceColumns = {
  id: services.id,
  name: services.name,
  unit: services.unit,
  currency: services.currency,
  marketRate: services.marketRate,
  targetRate: services.targetRate,
  floorRate: services.floorRate,
};

export function listServices(db: DbOrTx): Service[] {
  return db.select(serviceColumns).from(services).orderBy(asc(services.name)).all();
}

export function findService(db: DbOrTx, id: number): Service | undefined {
  return db.select(serviceColumns).from(services).where(eq(services.id, id)).get();
}

/** Throws SQLite's UNIQUE error for a taken name (see isUniqueViolation). */
export function insertService(db: DbOrTx, input: UpsertService): number {
  return Number(db.insert(services).values(input).run().lastInsertRowid);
}

/** Rows changed: 0 when there is no such service. */
export function updateServiceRow(db: DbOrTx, id: number, input: UpsertService): number {
  return db.update(services).set({ ...input, updatedAt: now }).where(eq(services.id, id)).run().changes;
}

export function deleteServiceRow(db: DbOrTx, id: number): number {
  return db.delete(services).where(eq(services.id, id)).run().changes;
}
