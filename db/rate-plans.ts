/** Planned rate increases: the notice, the new rate from a day, the client's answer. */
import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "./connection";
import { ratePlans } from "./schema";
import type { RaiseOutcome, RatePlan } from "@/lib/domain";

const columns = {
  id: ratePlans.id,
  clientId: ratePlans.clientId,
  serviceId: ratePlans.serviceId,
  currency: ratePlans.currency,
  currentRate: ratePlans.currentRate,
  targetRate: ratePlans.targetRate,
  newRate: ratePlans.newRate,
  noticeOn: ratePlans.noticeOn,
  effectiveFrom: ratePlans.effectiveFrom,
  letter: ratePlans.letter,
  outcome: ratePlans.outcome,
  outcomeRate: ratePlans.outcomeRate,
  outcomeOn: ratePlans.outcomeOn,
  createdAt: ratePlans.createdAt,
};

/** Plans, newest first (notice day, then id); one client's or one client and service's when given. */
export function listRatePlans(db: DbOrTx, filter: { clientId?: number; serviceId?: number } = {}): RatePlan[] {
  const where = and(
    filter.clientId != null ? eq(ratePlans.clientId, filter.clientId) : undefined,
    filter.serviceId != null ? eq(ratePlans.serviceId, filter.serviceId) : undefined,
  );
  return db.select(columns).from(ratePlans).where(where).orderBy(desc(ratePlans.noticeOn), desc(ratePlans.id)).all();
}

export function findRatePlan(db: DbOrTx, id: number): RatePlan | undefined {
  return db.select(columns).from(ratePlans).where(eq(ratePlans.id, id)).get();
}

export type RatePlanValues = Omit<RatePlan, "id" | "createdAt" | "outcome" | "outcomeRate" | "outcomeOn">;

/** → id */
export function insertRatePlan(db: DbOrTx, values: RatePlanValues): number {
  return Number(db.insert(ratePlans).values(values).run().lastInsertRowid);
}

/** Rows changed. */
export function setRatePlanOutcome(db: DbOrTx, id: number, values: { outcome: RaiseOutcome; outcomeRate: number | null; outcomeOn: string }): number {
  return db.update(ratePlans).set(values).where(eq(ratePlans.id, id)).run().changes;
}
