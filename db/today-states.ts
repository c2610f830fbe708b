/** Today's item states (done / snoozed / not relevant), one row per item key. Data access only. */
import { asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "./connection";
import { now, todayItemStates } from "./schema";
import type { TodayItemState } from "@/lib/domain";

export type TodayItemStateValues = Omit<TodayItemState, "createdAt">;

export function listTodayItemStates(db: DbOrTx): TodayItemState[] {
  return db.select().from(todayItemStates).orderBy(asc(todayItemStates.itemKey)).all();
}

export function findTodayItemState(db: DbOrTx, itemKey: string): TodayItemState | undefined {
  return db.select().from(todayItemStates).where(eq(todayItemStates.itemKey, itemKey)).get();
}

/** Insert or replace the item's state (a new mark starts now). The caller reads it back. */
export function upsertTodayItemState(db: DbOrTx, values: TodayItemStateValues): void {
  db.insert(todayItemStates)
    .values(values)
    .onConflictDoUpdate({ target: todayItemStates.itemKey, set: { state: values.state, fingerprint: values.fingerprint, snoozedUntil: values.snoozedUntil, createdAt: now } })
    .run();
}

/** Rows deleted (0: there was no state). */
export function deleteTodayItemStateRow(db: DbOrTx, itemKey: string): number {
  return db.delete(todayItemStates).where(eq(todayItemStates.itemKey, itemKey)).run().changes;
}

export function deleteTodayItemStateRows(db: DbOrTx, itemKeys: readonly string[]): number {
  return itemKeys.length ? db.delete(todayItemStates).where(inArray(todayItemStates.itemKey, [...itemKeys])).run().changes : 0;
}
