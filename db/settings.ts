import { eq } from "drizzle-orm";
import type { DbOrTx } from "./connection";
import { now, settings } from "./schema";
import { DEFAULT_SETTINGS, type Settings } from "@/lib/domain";

export function getSettings(db: DbOrTx): Settings {
  const row = db.select().from(settings).where(eq(settings.id, 1)).get();
  if (!row) return { ...DEFAULT_SETTINGS };
  const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = row;
  return rest;
}

export function saveSettings(db: DbOrTx, input: Settings): void {
  db.insert(settings)
    .values({ id: 1, ...input })
    .onConflictDoUpdate({ target: settings.id, set: { ...input, updatedAt: now } })
    .run();
}
