import { sql } from "drizzle-orm";

/** The time stamp SQLite writes for created_at / updated_at (also used by updates). */
export const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;
