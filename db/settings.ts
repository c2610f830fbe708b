import { eq } from "drizzle-orm";
import type { DbOrTx } from "./connection";
import { now, settings } from "./schema";
import { DEFAULT_SETTINGS, type Settings } from "@/lib/domain";

export function getSettings(db: DbOrTx): Settings {
  const row = db.select().from(settings).where(eq(settings.id, 1)).get();
  if (!row) return { ...DEFAULT_SETTINGS };
  const { id: _id, createdAt: _c, updatedAt: _u, firstRunDone: _f, ...rest } = row;
  return rest;
}

export function saveSettings(db: DbOrTx, input: Settings): void {
  db.insert(settings)
    .values({ id: 1, ...input })
    .onConflictDoUpdate({ target: settings.id, set: { ...input, updatedAt: now } })
    .run();
}

/** Whether the first-run step (currency, time zone, empty or demo book) has been answered. */
export function isFirstRunDone(db: DbOrTx): boolean {
  return db.select({ done: settings.firstRunDone }).from(settings).where(eq(settings.id, 1)).get()?.done ?? false;
}

/** Record the first-run step as answered (the settings row is created with its defaults if missing). */
export function setFirstRunDone(db: DbOrTx): void {
  db.insert(settings)
    .values({ id: 1, firstRunDone: true })
    .onConflictDoUpdate({ target: settings.id, set: { firstRunDone: true, updatedAt: now } })
    .run();
}
