/**
 * Data access: small functions fn(db, params) that return plain objects.
 * Every write runs in one transaction; no SQL lives outside db/.
 */
import type Database from "better-sqlite3";
import { and, asc, Column, desc, eq, getTableColumns, or, sql, type SQL } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { IMMEDIATE, type DB } from "./connection";
import { ConflictError, InputError, NotFoundError } from "./errors";
import { clients, interactions, quoteEvents, quotes, services, settings, templates } from "./schema";
import {
  DEFAULT_SETTINGS,
  OPEN_QUOTE_STATUSES,
  type Client,
  type ClientHistory,
  type ClientStatus,
  type Interaction,
  type Quote,
  type QuoteEvent,
  type QuoteWithEvents,
  type Service,
  type Settings,
} from "@/lib/domain";
import { divRound } from "@/lib/money";
import { replayNegotiation } from "@/lib/negotiation";
import type {
  CreateInteraction,
  CreateQuoteEvent,
  QuoteOutcome,
  UpsertClient,
  UpsertQuote,
  UpsertService,
  UpsertTemplate,
} from "@/lib/schemas";


export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function isUniqueViolation(e: unknown): boolean {
  return e instanceof Error && /UNIQUE constraint failed/.test(e.message);
}

// ---------------- settings ----------------
export function getSettings(db: DB): Settings {
  const row = db.select().from(settings).where(eq(settings.id, 1)).get();
  if (!row) return { ...DEFAULT_SETTINGS };
  const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = row;
  return rest;
}

export function updateSettings(db: DB, input: Settings): Settings {
  db.insert(settings)
    .values({ id: 1, ...input })
    .onConflictDoUpdate({ target: settings.id, set: { ...input, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` } })
    .run();
  return getSettings(db);
}

// ---------------- services ----------------
const serviceColumns = {
  id: services.id,
  name: services.name,
  unit: services.unit,
  currency: services.currency,
  marketRate: services.marketRate,
  targetRate: services.targetRate,
  floorRate: services.floorRate,
};

export function listServices(db: DB): Service[] {
  return db.select(serviceColumns).from(services).orderBy(asc(services.name)).all();
}

export function getService(db: DB, id: number): Service {
  const row = db.select(serviceColumns).from(services).where(eq(services.id, id)).get();
  if (!row) throw new NotFoundError("service", id);
  return row;
}

export function createService(db: DB, input: UpsertService): Service {
  try {
    const row = db.insert(services).values(input).returning(serviceColumns).get();
    return row;
  } catch (e) {
    if (isUniqueViolation(e)) throw new ConflictError(`A service named "${input.name}" already exists`, { name: ["A service with this name already exists"] });
    throw e;
  }
}

export function updateService(db: DB, id: number, input: UpsertService): Service {
  getService(db, id);
  try {
    return db
      .update(services)
      .set({ ...input, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` })
      .where(eq(services.id, id))
      .returning(serviceColumns)
      .get()!;
  } catch (e) {
    if (isUniqueViolation(e)) throw new ConflictError(`A service named "${input.name}" already exists`, { name: ["A service with this name already exists"] });
    throw e;
  }
}

export function deleteService(db: DB, id: number): void {
  const res = db.delete(services).where(eq(services.id, id)).run();
  if (res.changes === 0) throw new NotFoundError("service", id);
}

// ---------------- clients ----------------
export interface ClientListParams {
  q?: string;
  status?: ClientStatus;
}

export function listClients(db: DB, params: ClientListParams = {}): Client[] {
  const conds: SQL[] = [];
  if (params.q) {
    const pattern = `%${params.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(
      or(
        sql`${clients.name} LIKE ${pattern} ESCAPE '\\'`,
        sql`${clients.company} LIKE ${pattern} ESCAPE '\\'`,
        sql`${clients.email} LIKE ${pattern} ESCAPE '\\'`,
      )!,
    );
  }
  if (params.status) conds.push(eq(clients.status, params.status));
  return db
    .select()
    .from(clients)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(sql`${clients.name} COLLATE NOCASE`, asc(clients.id))
    .all();
}

export function getClient(db: DB, id: number): Client {
  const row = db.select().from(clients).where(eq(clients.id, id)).get();
  if (!row) throw new NotFoundError("client", id);
  return row;
}

export function createClient(db: DB, input: UpsertClient): Client {
  return db
    .insert(clients)
    .values({ ...input, company: input.company ?? null, email: input.email ?? null, notes: input.notes ?? null })
    .returning()
    .get();
}

export function updateClient(db: DB, id: number, input: UpsertClient): Client {
  getClient(db, id);
  return db
    .update(clients)
    .set({ ...input, company: input.company ?? null, email: input.email ?? null, notes: input.notes ?? null, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` })
    .where(eq(clients.id, id))
    .returning()
    .get()!;
}

export function deleteClient(db: DB, id: number): void {
  const res = db.delete(clients).where(eq(clients.id, id)).run();
  if (res.changes === 0) throw new NotFoundError("client", id);
}

// ---------------- quotes ----------------
function touchQuote(db: DB, id: number) {
  db.update(quotes).set({ updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` }).where(eq(quotes.id, id)).run();
}

function checkQuoteRefs(db: DB, input: { clientId: number; serviceId?: number | null; currency: string }) {
  const client = db.select({ id: clients.id }).from(clients).where(eq(clients.id, input.clientId)).get();
  if (!client) throw new InputError("Unknown client", { clientId: [`No client with id ${input.clientId}`] });
  if (input.serviceId != null) {
    const service = db.select(serviceColumns).from(services).where(eq(services.id, input.serviceId)).get();
    if (!service) throw new InputError("Unknown service", { serviceId: [`No service with id ${input.serviceId}`] });
    if (service.currency !== input.currency)
      throw new InputError("Currency does not match the service", {
        currency: [`${service.name} is priced in ${service.currency}; quote in ${service.currency} or change the rate card`],
      });
  }
}

function quoteValues(input: UpsertQuote) {
  const { estimatedHours, ...rest } = input;
  return {
    ...rest,
    serviceId: rest.serviceId ?? null,
    scope: rest.scope ?? null,
    agreedAmount: rest.agreedAmount ?? null,
    sentOn: rest.sentOn ?? null,
    decidedOn: rest.decidedOn ?? null,
    rejectionReason: rest.rejectionReason ?? null,
    cameBackAtMyPrice: rest.cameBackAtMyPrice ?? false,
    estimatedMinutes: Math.max(1, Math.round(estimatedHours * 60)),
  };
}

export function listQuotes(db: DB, params: { clientId?: number } = {}): Quote[] {
  return db
    .select()
    .from(quotes)
    .where(params.clientId != null ? eq(quotes.clientId, params.clientId) : undefined)
    .orderBy(desc(quotes.createdAt), desc(quotes.id))
    .all();
}

export function getQuote(db: DB, id: number): QuoteWithEvents {
  const row = db.select().from(quotes).where(eq(quotes.id, id)).get();
  if (!row) throw new NotFoundError("quote", id);
  const events = db.select().from(quoteEvents).where(eq(quoteEvents.quoteId, id)).orderBy(asc(quoteEvents.occurredOn), asc(quoteEvents.id)).all();
  return { ...row, events };
}

/** An accepted quote with no agreed amount agrees at the price on the table. */
function settleAgreedAmount(db: DB, id: number) {
  const q = getQuote(db, id);
  if (q.status === "accepted" && q.agreedAmount == null) {
    const { currentPrice } = replayNegotiation(q);
    db.update(quotes).set({ agreedAmount: currentPrice }).where(eq(quotes.id, id)).run();
  }
  if ((q.status === "accepted" || q.status === "rejected" || q.status === "declined_by_me" || q.status === "withdrawn" || q.status === "expired") && !q.decidedOn) {
    db.update(quotes).set({ decidedOn: today() }).where(eq(quotes.id, id)).run();
  }
}

export function createQuote(db: DB, input: UpsertQuote): QuoteWithEvents {
  return db.transaction((tx) => {
    const t = tx as unknown as DB;
    checkQuoteRefs(t, input);
    const values = quoteValues(input);
    if (values.status !== "draft" && !values.sentOn) values.sentOn = today();
    const row = t.insert(quotes).values(values).returning().get();
    settleAgreedAmount(t, row.id);
    return getQuote(t, row.id);
  }, IMMEDIATE);
}

export function updateQuote(db: DB, id: number, input: UpsertQuote): QuoteWithEvents {
  return db.transaction((tx) => {
    const t = tx as unknown as DB;
    const existing = getQuote(t, id);
    checkQuoteRefs(t, input);
    if (existing.clientId !== input.clientId) throw new InputError("A quote cannot move to another client", { clientId: ["A quote cannot move to another client"] });
    t.update(quotes)
      .set({ ...quoteValues(input), updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` })
      .where(eq(quotes.id, id))
      .run();
    settleAgreedAmount(t, id);
    return getQuote(t, id);
  }, IMMEDIATE);
}

export function setQuoteOutcome(db: DB, id: number, input: QuoteOutcome): QuoteWithEvents {
  return db.transaction((tx) => {
    const t = tx as unknown as DB;
    const existing = getQuote(t, id);
    const decided = !OPEN_QUOTE_STATUSES.includes(input.status);
    t.update(quotes)
      .set({
        status: input.status,
        agreedAmount: input.status === "accepted" ? (input.agreedAmount ?? existing.agreedAmount ?? null) : input.agreedAmount !== undefined ? input.agreedAmount : existing.agreedAmount,
        decidedOn: decided ? (input.decidedOn ?? existing.decidedOn ?? today()) : null,
        rejectionReason: input.status === "rejected" || input.status === "declined_by_me" ? (input.rejectionReason ?? existing.rejectionReason) : null,
        cameBackAtMyPrice: input.cameBackAtMyPrice ?? existing.cameBackAtMyPrice,
        sentOn: existing.sentOn ?? (input.status !== "draft" ? today() : null),
        updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`,
      })
      .where(eq(quotes.id, id))
      .run();
    settleAgreedAmount(t, id);
    return getQuote(t, id);
  }, IMMEDIATE);
}

export function deleteQuote(db: DB, id: number): void {
  const res = db.delete(quotes).where(eq(quotes.id, id)).run();
  if (res.changes === 0) throw new NotFoundError("quote", id);
}

// ---------------- negotiation events ----------------
export function addQuoteEvent(db: DB, quoteId: number, input: CreateQuoteEvent): QuoteEvent {
  return db.transaction((tx) => {
    const t = tx as unknown as DB;
    const quote = getQuote(t, quoteId);
    const base = { quoteId, kind: input.kind, note: input.note ?? null, occurredOn: input.occurredOn ?? today() };
    let values: typeof quoteEvents.$inferInsert;
    switch (input.kind) {
      case "discount_request":
        values = { ...base, percentBp: input.percent != null ? Math.round(input.percent * 100) : null, amount: input.amountOff ?? null };
        break;
      case "client_counter":
      case "my_counter":
        values = { ...base, amount: input.amount };
        break;
      case "my_answer":
        values = {
          ...base,
          answer: input.answer,
          amount: input.amount ?? null,
          scopeMinutes: input.scopeHours != null ? Math.max(1, Math.round(input.scopeHours * 60)) : null,
        };
        break;
    }
    const row = t.insert(quoteEvents).values(values).returning().get();
    // A negotiation has started: an open quote moves to "negotiating".
    if (quote.status === "draft" || quote.status === "sent") {
      t.update(quotes).set({ status: "negotiating", sentOn: quote.sentOn ?? row.occurredOn }).where(eq(quotes.id, quoteId)).run();
    }
    touchQuote(t, quoteId);
    return row;
  }, IMMEDIATE);
}

export function deleteQuoteEvent(db: DB, quoteId: number, eventId: number): void {
  const res = db.delete(quoteEvents).where(and(eq(quoteEvents.id, eventId), eq(quoteEvents.quoteId, quoteId))).run();
  if (res.changes === 0) throw new NotFoundError("negotiation event", eventId);
}

// ---------------- interactions ----------------
export function listInteractions(db: DB, clientId: number): Interaction[] {
  return db.select().from(interactions).where(eq(interactions.clientId, clientId)).orderBy(desc(interactions.occurredOn), desc(interactions.id)).all();
}

export function addInteraction(db: DB, clientId: number, input: CreateInteraction): Interaction {
  return db.transaction((tx) => {
    const t = tx as unknown as DB;
    getClient(t, clientId);
    if (input.quoteId != null) {
      const q = t.select({ clientId: quotes.clientId }).from(quotes).where(eq(quotes.id, input.quoteId)).get();
      if (!q || q.clientId !== clientId) throw new InputError("Unknown quote for this client", { quoteId: ["That quote does not belong to this client"] });
    }
    const base = { clientId, quoteId: input.quoteId ?? null, kind: input.kind, note: input.note ?? null, occurredOn: input.occurredOn ?? today() };
    let values: typeof interactions.$inferInsert;
    switch (input.kind) {
      case "ask":
        values = { ...base, subtype: input.subtype, minutes: input.minutes, paid: input.paid, initiatedBy: "client" };
        break;
      case "give":
        values = { ...base, subtype: input.subtype, amount: input.amount ?? null, initiatedBy: "client" };
        break;
      case "follow_up":
        values = { ...base, answered: input.answered, initiatedBy: "me" };
        break;
      case "payment":
        values = { ...base, daysLate: input.daysLate, amount: input.amount ?? null, initiatedBy: "client" };
        break;
    }
    const row = t.insert(interactions).values(values).returning().get();
    t.update(clients).set({ updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` }).where(eq(clients.id, clientId)).run();
    return row;
  }, IMMEDIATE);
}

export function deleteInteraction(db: DB, clientId: number, interactionId: number): void {
  const res = db.delete(interactions).where(and(eq(interactions.id, interactionId), eq(interactions.clientId, clientId))).run();
  if (res.changes === 0) throw new NotFoundError("interaction", interactionId);
}

// ---------------- the data-version cache ----------------
// Read results that are costly on a large book are kept per connection for one *data version*, a key
// that changes with every write that can reach this connection:
//   - its own writes: SQLite's total_changes() (rows inserted, updated or deleted on this connection,
//     committed or rolled back), so every write path (this file, db/offers.ts, db/demo.ts, an import,
//     raw SQL) moves it without having to remember to;
//   - writes by any other connection or process (a CLI script, a second handle): PRAGMA data_version.
// Nothing is cached or served from the cache inside a transaction (its writes may still roll back).
// Both parts only ever grow, so an old key never comes back: a cached value cannot go stale.

/** The better-sqlite3 handle under a database or a transaction (drizzle keeps it on the session). */
function sqliteOf(db: DB): Database.Database {
  return db.$client ?? (db as unknown as { session: { client: Database.Database } }).session.client;
}

const versionStatements = new WeakMap<Database.Database, { dataVersion: Database.Statement; totalChanges: Database.Statement }>();

/** A key that changes whenever the data may have changed; null inside a transaction (never cache there). */
export function dataVersion(db: DB): string | null {
  const sqlite = sqliteOf(db);
  if (sqlite.inTransaction) return null;
  let st = versionStatements.get(sqlite);
  if (!st) {
    st = { dataVersion: sqlite.prepare("PRAGMA data_version").pluck(), totalChanges: sqlite.prepare("SELECT total_changes()").pluck() };
    versionStatements.set(sqlite, st);
  }
  return `${st.dataVersion.get()}:${st.totalChanges.get()}`;
}

interface CacheSlot {
  version: string;
  entries: Map<string, unknown>;
}
const caches = new WeakMap<Database.Database, CacheSlot>();
/** Entries kept per data version (whole-book scores, client histories, dashboard filter sets…): oldest out first. */
const MAX_CACHE_ENTRIES = 200;

function cacheSlot(db: DB, version: string): CacheSlot {
  const sqlite = sqliteOf(db);
  let slot = caches.get(sqlite);
  if (!slot || slot.version !== version) caches.set(sqlite, (slot = { version, entries: new Map() }));
  return slot;
}

/** The cached value for `key` if there is one for the current data version (never inside a transaction). */
export function cachedValue<T>(db: DB, key: string): T | undefined {
  const version = dataVersion(db);
  return version === null ? undefined : (cacheSlot(db, version).entries.get(key) as T | undefined);
}

/**
 * Read-through cache for a pure function of the database's contents: `compute()` runs again after any
 * write. `key` must name everything else the result depends on (ids, filters, today's date).
 * The value is shared between callers: treat it as read-only.
 */
export function cachedRead<T>(db: DB, key: string, compute: () => T): T {
  const version = dataVersion(db);
  if (version === null) return compute();
  const slot = cacheSlot(db, version);
  if (slot.entries.has(key)) return slot.entries.get(key) as T;
  const value = compute();
  // compute() only reads; keep its result only if nothing was written meanwhile
  if (dataVersion(db) === version) {
    if (slot.entries.size >= MAX_CACHE_ENTRIES) slot.entries.delete(slot.entries.keys().next().value!);
    slot.entries.set(key, value);
  }
  return value;
}

// ---------------- history (input of the worth model) ----------------
// These loaders read many rows (a ten-year book: ~100,000), so they skip drizzle's per-row mapping:
// each table's columns come from the drizzle schema (so a new column is picked up automatically),
// rows are read as arrays through a cached prepared statement and turned into the same plain objects
// drizzle returns (same keys, same order, same decoded values). docs/performance.md has the figures.

type Row = unknown[];
interface RowReader<T> {
  /** the table's columns, in schema order, for a SELECT list (qualified with `alias`) */
  columns: string;
  read: (row: Row) => T;
}

const identityDecoder = Column.prototype.mapFromDriverValue;

const sqlString = (v: string) => `'${v.replace(/'/g, "''")}'`;

function rowReader<T>(table: SQLiteTable, alias: string): RowReader<T> {
  const cols = Object.entries(getTableColumns(table)).map(([key, col]) => {
    const column = col as Column;
    const ref = `${alias}."${column.name}"`;
    // An enum column comes back as its index in the enum (a number is cheaper to hand over than a new
    // string per row) and is turned back into the very same string; anything else comes back as stored.
    const values = column.columnType === "SQLiteText" && column.enumValues?.length ? column.enumValues : null;
    const select = values ? `CASE ${ref} ${values.map((v, k) => `WHEN ${sqlString(v)} THEN ${k}`).join(" ")} ELSE ${ref} END` : ref;
    return { key, select, values, decoder: column.mapFromDriverValue === identityDecoder ? null : column };
  });
  const n = cols.length;
  const keys = cols.map((c) => c.key);
  const enums = cols.map((c) => c.values);
  // only columns with a real decoder (boolean mode) pay for a call; text and integer are taken as they come
  const decoders = cols.map((c) => c.decoder);
  return {
    columns: cols.map((c) => c.select).join(", "),
    read: (row) => {
      const o: Record<string, unknown> = {};
      for (let i = 0; i < n; i++) {
        const v = row[i];
        const e = enums[i];
        const d = decoders[i];
        o[keys[i]] = v === null ? null : e !== null && typeof v === "number" ? e[v] : d === null ? v : d.mapFromDriverValue(v);
      }
      return o as T;
    },
  };
}

const readers = {
  client: rowReader<Client>(clients, "c"),
  quote: rowReader<Quote>(quotes, "q"),
  event: rowReader<QuoteEvent>(quoteEvents, "e"),
  interaction: rowReader<Interaction>(interactions, "i"),
};

const rawStatements = new WeakMap<Database.Database, Map<string, Database.Statement>>();
/** A prepared statement in array mode, prepared once per connection. */
function rawStatement(db: DB, text: string): Database.Statement {
  const sqlite = sqliteOf(db);
  let cache = rawStatements.get(sqlite);
  if (!cache) rawStatements.set(sqlite, (cache = new Map()));
  let st = cache.get(text);
  if (!st) cache.set(text, (st = sqlite.prepare(text).raw(true)));
  return st;
}

function readAll<T>(db: DB, reader: RowReader<T>, text: string, ...params: unknown[]): T[] {
  const out: T[] = [];
  for (const row of rawStatement(db, text).iterate(...params) as IterableIterator<Row>) out.push(reader.read(row));
  return out;
}

const HISTORY_SQL = {
  client: `SELECT ${readers.client.columns} FROM clients c WHERE c.id = ?`,
  // (client_id, created_at) index read backwards: newest first, no sort step
  clientQuotes: `SELECT ${readers.quote.columns} FROM quotes q WHERE q.client_id = ? ORDER BY q.created_at DESC, q.id DESC`,
  clientEvents: `SELECT ${readers.event.columns} FROM quote_events e WHERE e.quote_id IN (SELECT id FROM quotes WHERE client_id = ?) ORDER BY e.occurred_on, e.id`,
  clientInteractions: `SELECT ${readers.interaction.columns} FROM interactions i WHERE i.client_id = ? ORDER BY i.occurred_on DESC, i.id DESC`,
  allClients: `SELECT ${readers.client.columns} FROM clients c ORDER BY c.id`,
  allQuotes: `SELECT ${readers.quote.columns} FROM quotes q ORDER BY q.id`,
  allEvents: `SELECT ${readers.event.columns} FROM quote_events e ORDER BY e.quote_id, e.occurred_on, e.id`,
  // (client_id, occurred_on) index read backwards: each client's interactions newest first, no sort step
  // (clients come out in descending order, which does not matter: they are grouped by id below)
  allInteractions: `SELECT ${readers.interaction.columns} FROM interactions i ORDER BY i.client_id DESC, i.occurred_on DESC, i.id DESC`,
};

function groupEvents(events: QuoteEvent[]): Map<number, QuoteEvent[]> {
  const byQuote = new Map<number, QuoteEvent[]>();
  for (const e of events) {
    const list = byQuote.get(e.quoteId);
    if (list) list.push(e);
    else byQuote.set(e.quoteId, [e]);
  }
  return byQuote;
}

/**
 * One client's history: quotes newest first (each with its events in date order), interactions newest first.
 * Four indexed queries whatever the client's size; kept until the next write (shared: read-only).
 */
export function loadClientHistory(db: DB, clientId: number): ClientHistory {
  return cachedRead(db, `history:${clientId}`, () => readClientHistory(db, clientId));
}

function readClientHistory(db: DB, clientId: number): ClientHistory {
  const client = readAll(db, readers.client, HISTORY_SQL.client, clientId)[0];
  if (!client) throw new NotFoundError("client", clientId);
  const qs = readAll(db, readers.quote, HISTORY_SQL.clientQuotes, clientId);
  const byQuote = qs.length ? groupEvents(readAll(db, readers.event, HISTORY_SQL.clientEvents, clientId)) : new Map<number, QuoteEvent[]>();
  return {
    client,
    quotes: qs.map((q) => ({ ...q, events: byQuote.get(q.id) ?? [] })),
    interactions: readAll(db, readers.interaction, HISTORY_SQL.clientInteractions, clientId),
  };
}

/** Every client's history in four queries (no N+1), for scoring the whole book; clients by id. */
export function loadAllHistories(db: DB): ClientHistory[] {
  const cs = readAll(db, readers.client, HISTORY_SQL.allClients);
  const eventsByQuote = groupEvents(readAll(db, readers.event, HISTORY_SQL.allEvents));
  const histories = new Map<number, ClientHistory>(cs.map((c) => [c.id, { client: c, quotes: [], interactions: [] }]));
  for (const q of readAll(db, readers.quote, HISTORY_SQL.allQuotes)) histories.get(q.clientId)?.quotes.push({ ...q, events: eventsByQuote.get(q.id) ?? [] });
  for (const i of readAll(db, readers.interaction, HISTORY_SQL.allInteractions)) histories.get(i.clientId)?.interactions.push(i);
  return [...histories.values()];
}

/** Minutes of accepted, still-open work and the open pipeline: the offer check's capacity inputs. */
export function loadCapacity(db: DB, since: string): { committedMinutes: number; openPipelineCount: number; openPipelineValue: number } {
  return { ...cachedRead(db, `capacity:${since}`, () => readCapacity(db, since)) };
}

function readCapacity(db: DB, since: string): { committedMinutes: number; openPipelineCount: number; openPipelineValue: number } {
  const committed = rawStatement(
    db,
    "SELECT coalesce(sum(estimated_minutes), 0) FROM quotes WHERE status = 'accepted' AND coalesce(decided_on, substr(created_at, 1, 10)) >= ?",
  ).get(since) as [number];
  const open = rawStatement(
    db,
    `SELECT count(*), coalesce(sum(quoted_amount), 0) FROM quotes WHERE status IN (${OPEN_QUOTE_STATUSES.map((st) => `'${st}'`).join(", ")})`,
  ).get() as [number, number];
  return { committedMinutes: committed[0], openPipelineCount: open[0], openPipelineValue: open[1] };
}

// ---------------- templates ----------------
export type Template = typeof templates.$inferSelect;

export function listTemplates(db: DB): Template[] {
  return db.select().from(templates).orderBy(asc(templates.kind), desc(templates.isDefault), asc(templates.name)).all();
}

export function getTemplate(db: DB, id: number): Template {
  const row = db.select().from(templates).where(eq(templates.id, id)).get();
  if (!row) throw new NotFoundError("template", id);
  return row;
}

export function createTemplate(db: DB, input: UpsertTemplate): Template {
  return db.transaction((tx) => {
    if (input.isDefault) tx.update(templates).set({ isDefault: false }).where(eq(templates.kind, input.kind)).run();
    return tx.insert(templates).values(input).returning().get();
  }, IMMEDIATE);
}

export function updateTemplate(db: DB, id: number, input: UpsertTemplate): Template {
  return db.transaction((tx) => {
    getTemplate(tx as unknown as DB, id);
    if (input.isDefault) tx.update(templates).set({ isDefault: false }).where(eq(templates.kind, input.kind)).run();
    return tx.update(templates).set({ ...input, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` }).where(eq(templates.id, id)).returning().get()!;
  }, IMMEDIATE);
}

export function deleteTemplate(db: DB, id: number): void {
  const res = db.delete(templates).where(eq(templates.id, id)).run();
  if (res.changes === 0) throw new NotFoundError("template", id);
}

export function isEmptyBook(db: DB): boolean {
  const row = db.select({ n: sql<number>`count(*)` }).from(clients).get();
  const s = db.select({ n: sql<number>`count(*)` }).from(services).get();
  return (row?.n ?? 0) === 0 && (s?.n ?? 0) === 0;
}

export { divRound };
