/**
 * The book's bookkeeping tables, apart from the user's records (db/schema.ts re-exports them): what a
 * history import added (so it can be undone), the rows the demo book wrote (so they can be removed),
 * the sign-in state, and what the user said about Today's items. None points at a record's table by a
 * foreign key: they name rows by table and id, or by a Today item's key.
 */
import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { now } from "./schema-now";

export const IMPORT_SOURCES = ["toggl", "clockify", "harvest", "jobs"] as const;
/** One history import: what it added (import_rows), so it can be undone as one batch. */
export const importBatches = sqliteTable("import_batches", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  source: text("source", { enum: IMPORT_SOURCES }).notNull(),
  fileName: text("file_name"),
  clientsAdded: integer("clients_added").notNull().default(0),
  quotesAdded: integer("quotes_added").notNull().default(0),
  timeEntriesAdded: integer("time_entries_added").notNull().default(0),
  rowsSkipped: integer("rows_skipped").notNull().default(0),
  undoneAt: text("undone_at"),
  createdAt: text("created_at").notNull().default(now),
});

export const IMPORT_TABLES = ["clients", "quotes", "time_entries"] as const;
export type ImportTable = (typeof IMPORT_TABLES)[number];
/** The rows one import created, by table and id (AUTOINCREMENT ids are never reused). */
export const importRows = sqliteTable(
  "import_rows",
  {
    batchId: integer("batch_id")
      .notNull()
      .references(() => importBatches.id, { onDelete: "cascade" }),
    tableName: text("table_name", { enum: IMPORT_TABLES }).notNull(),
    rowId: integer("row_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tableName, t.rowId] }), index("import_rows_batch_idx").on(t.batchId)],
);

/**
 * What the user said about a Today item (done / snoozed / not relevant), by the item's key. It holds
 * while the item's facts are those it was said about (fingerprint); new facts bring the item back.
 */
export const todayItemStates = sqliteTable("today_item_states", {
  itemKey: text("item_key").primaryKey(),
  state: text("state", { enum: ["done", "snoozed", "not_relevant"] }).notNull(),
  fingerprint: text("fingerprint").notNull(),
  snoozedUntil: text("snoozed_until"),
  createdAt: text("created_at").notNull().default(now),
});

/**
 * The rows the demo book created, by table and id, so "Remove demo data" removes exactly those and
 * nothing the user added. Ids are AUTOINCREMENT (never reused), so an entry whose row the user already
 * deleted simply matches nothing.
 */
export const DEMO_TABLES = ["clients", "quotes", "quote_events", "interactions", "services", "service_rates", "templates", "time_entries", "client_rates", "rate_plans", "proposals"] as const;
export type DemoTable = (typeof DEMO_TABLES)[number];
export const demoRows = sqliteTable(
  "demo_rows",
  {
    tableName: text("table_name", { enum: DEMO_TABLES }).notNull(),
    rowId: integer("row_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tableName, t.rowId] })],
);

/**
 * One row (id = 1): sign-in state that must outlive the process. Every session cookie carries the
 * epoch it was issued under and is refused once the epoch moves on (sign-out, a changed password).
 * password_fingerprint is a salted scrypt of WALKAWAY_PASSWORD ("scrypt1$salt$hash", never the
 * password; NULL while sign-in is off), so a changed password is noticed at start.
 */
export const authState = sqliteTable(
  "auth_state",
  {
    id: integer("id").primaryKey(),
    sessionEpoch: integer("session_epoch").notNull().default(1),
    passwordFingerprint: text("password_fingerprint"),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [check("auth_state_singleton", sql`${t.id} = 1`), check("auth_state_epoch_positive", sql`${t.sessionEpoch} >= 1`)],
);

/**
 * Which clients' scores a write changed, for incremental scoring (server/scores.ts). Filled only by the
 * triggers of migration 0009 (every write path, raw SQL and other processes included, so none can forget
 * to): a row per client whose history, or a rate it depends on, changed; client_id NULL means every
 * client (a setting changed). seq only grows (AUTOINCREMENT); old rows are pruned when nothing needs them.
 */
export const scoreChanges = sqliteTable("score_changes", {
  seq: integer("seq").primaryKey({ autoIncrement: true }),
  clientId: integer("client_id"),
});
