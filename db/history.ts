/**
 * The worth model's input: every client's history, read fast. These loaders read many rows (a ten-year
 * book: ~100,000), so they skip drizzle's per-row mapping: each table's columns come from the drizzle
 * schema (so a new column is picked up automatically), rows are read as arrays through a cached prepared
 * statement and turned into the same plain objects drizzle returns (same keys, same order, same decoded
 * values). docs/performance.md has the figures.
 *
 * Each quote comes with `rates`: its service's rates in force on the quote's date (lib/rates.ts), read
 * from the rate history in one more query and resolved here, so the worth model and settling judge a
 * quote by the rates of its time, never today's rate card.
 */
import type Database from "better-sqlite3";
import { Column, getTableColumns } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { sqliteOf, type DbOrTx } from "./connection";
import { clients, interactions, quoteEvents, quotes, serviceRates } from "./schema";
import { OPEN_QUOTE_STATUSES, type Client, type ClientHistory, type Interaction, type Quote, type QuoteEvent } from "@/lib/domain";
import { ratesForQuotes, type ServiceRateRow } from "@/lib/rates";


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
  rate: rowReader<ServiceRateRow>(serviceRates, "r"),
};

const rawStatements = new WeakMap<Database.Database, Map<string, Database.Statement>>();
/** A prepared statement in array mode, prepared once per connection. */
function rawStatement(db: DbOrTx, text: string): Database.Statement {
  const sqlite = sqliteOf(db);
  let cache = rawStatements.get(sqlite);
  if (!cache) rawStatements.set(sqlite, (cache = new Map()));
  let st = cache.get(text);
  if (!st) cache.set(text, (st = sqlite.prepare(text).raw(true)));
  return st;
}

function readAll<T>(db: DbOrTx, reader: RowReader<T>, text: string, ...params: unknown[]): T[] {
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
  // the history of the services this client's quotes name (a handful of rows)
  clientRates: `SELECT ${readers.rate.columns} FROM service_rates r WHERE r.service_id IN (SELECT service_id FROM quotes WHERE client_id = ? AND service_id IS NOT NULL)`,
  allClients: `SELECT ${readers.client.columns} FROM clients c ORDER BY c.id`,
  allQuotes: `SELECT ${readers.quote.columns} FROM quotes q ORDER BY q.id`,
  allEvents: `SELECT ${readers.event.columns} FROM quote_events e ORDER BY e.quote_id, e.occurred_on, e.id`,
  // (client_id, occurred_on) index read backwards: each client's interactions newest first, no sort step
  // (clients come out in descending order, which does not matter: they are grouped by id below)
  allInteractions: `SELECT ${readers.interaction.columns} FROM interactions i ORDER BY i.client_id DESC, i.occurred_on DESC, i.id DESC`,
  allRates: `SELECT ${readers.rate.columns} FROM service_rates r`,
  // the same, for the clients with ids in [?, ?]: each read off its client index
  rangeClients: `SELECT ${readers.client.columns} FROM clients c WHERE c.id BETWEEN ? AND ? ORDER BY c.id`,
  rangeQuotes: `SELECT ${readers.quote.columns} FROM quotes q WHERE q.client_id BETWEEN ? AND ? ORDER BY q.id`,
  rangeEvents: `SELECT ${readers.event.columns} FROM quote_events e WHERE e.quote_id IN (SELECT id FROM quotes WHERE client_id BETWEEN ? AND ?) ORDER BY e.quote_id, e.occurred_on, e.id`,
  rangeInteractions: `SELECT ${readers.interaction.columns} FROM interactions i WHERE i.client_id BETWEEN ? AND ? ORDER BY i.client_id DESC, i.occurred_on DESC, i.id DESC`,
  rangeTime: `SELECT t.quote_id, sum(t.minutes) FROM time_entries t WHERE t.quote_id IN (SELECT id FROM quotes WHERE client_id BETWEEN ? AND ?) GROUP BY t.quote_id`,
  clientIds: `SELECT id FROM clients ORDER BY id`,
  // time logged per quote (the true hourly rate, lib/true-rate.ts): one sum per quote, read off its index
  clientTime: `SELECT t.quote_id, sum(t.minutes) FROM time_entries t WHERE t.quote_id IN (SELECT id FROM quotes WHERE client_id = ?) GROUP BY t.quote_id`,
  allTime: `SELECT t.quote_id, sum(t.minutes) FROM time_entries t GROUP BY t.quote_id`,
};

/** quote id → minutes logged, from a (quote_id, sum) query. */
function minutesByQuote(db: DbOrTx, text: string, ...params: unknown[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const [id, m] of rawStatement(db, text).iterate(...params) as IterableIterator<[number, number]>) out.set(id, m);
  return out;
}

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
 * One client's history: quotes newest first (each with its events in date order and the rates in force on
 * its date, and the minutes logged on it), interactions newest first. Six indexed queries whatever the client's size; undefined when
 * there is no such client.
 */
export function readClientHistory(db: DbOrTx, clientId: number): ClientHistory | undefined {
  const client = readAll(db, readers.client, HISTORY_SQL.client, clientId)[0];
  if (!client) return undefined;
  const qs = readAll(db, readers.quote, HISTORY_SQL.clientQuotes, clientId);
  const byQuote = qs.length ? groupEvents(readAll(db, readers.event, HISTORY_SQL.clientEvents, clientId)) : new Map<number, QuoteEvent[]>();
  const ratesOf = ratesForQuotes(qs.length ? readAll(db, readers.rate, HISTORY_SQL.clientRates, clientId) : []);
  const logged = qs.length ? minutesByQuote(db, HISTORY_SQL.clientTime, clientId) : new Map<number, number>();
  return {
    client,
    quotes: qs.map((q) => ({ ...q, events: byQuote.get(q.id) ?? [], rates: ratesOf(q), actualMinutes: logged.get(q.id) ?? 0 })),
    interactions: readAll(db, readers.interaction, HISTORY_SQL.clientInteractions, clientId),
  };
}

/** Every client's history in six queries (no N+1), for scoring the whole book; clients by id; rates as readClientHistory. */
export function readAllHistories(db: DbOrTx): ClientHistory[] {
  const cs = readAll(db, readers.client, HISTORY_SQL.allClients);
  const eventsByQuote = groupEvents(readAll(db, readers.event, HISTORY_SQL.allEvents));
  const ratesOf = ratesForQuotes(readAll(db, readers.rate, HISTORY_SQL.allRates));
  const logged = minutesByQuote(db, HISTORY_SQL.allTime);
  return assemble(cs, readAll(db, readers.quote, HISTORY_SQL.allQuotes), eventsByQuote, ratesOf, logged, readAll(db, readers.interaction, HISTORY_SQL.allInteractions));
}

function assemble(
  cs: Client[],
  qs: Quote[],
  eventsByQuote: Map<number, QuoteEvent[]>,
  ratesOf: ReturnType<typeof ratesForQuotes>,
  logged: Map<number, number>,
  is: Interaction[],
): ClientHistory[] {
  const histories = new Map<number, ClientHistory>(cs.map((c) => [c.id, { client: c, quotes: [], interactions: [] }]));
  for (const q of qs) histories.get(q.clientId)?.quotes.push({ ...q, events: eventsByQuote.get(q.id) ?? [], rates: ratesOf(q), actualMinutes: logged.get(q.id) ?? 0 });
  for (const i of is) histories.get(i.clientId)?.interactions.push(i);
  return [...histories.values()];
}

/**
 * Every client's history as readAllHistories gives it, handed out `clientsPerChunk` clients at a time (by
 * id), so scoring a large book never holds more than one chunk's rows: memory stays flat as the book grows.
 */
export function* readHistoriesInChunks(db: DbOrTx, clientsPerChunk = 500): Generator<ClientHistory[]> {
  const ids = rawStatement(db, HISTORY_SQL.clientIds).all() as [number][];
  const ratesOf = ratesForQuotes(readAll(db, readers.rate, HISTORY_SQL.allRates));
  for (let k = 0; k < ids.length; k += clientsPerChunk) {
    const from = ids[k][0];
    const to = ids[Math.min(ids.length, k + clientsPerChunk) - 1][0];
    yield assemble(
      readAll(db, readers.client, HISTORY_SQL.rangeClients, from, to),
      readAll(db, readers.quote, HISTORY_SQL.rangeQuotes, from, to),
      groupEvents(readAll(db, readers.event, HISTORY_SQL.rangeEvents, from, to)),
      ratesOf,
      minutesByQuote(db, HISTORY_SQL.rangeTime, from, to),
      readAll(db, readers.interaction, HISTORY_SQL.rangeInteractions, from, to),
    );
  }
}

export interface Capacity {
  committedMinutes: number;
  openPipelineCount: number;
  openPipelineValue: number;
}

/**
 * The offer check's capacity inputs: the work still to do on accepted quotes agreed since `since` — each
 * job's estimate less the time already logged on it, none once its work is marked done — and the open
 * pipeline. Read off the partial index of unfinished accepted work by day (migration 0009): the last weeks'
 * jobs, whatever the book's age (the planner, without statistics, would take the status index instead).
 */
export function readCapacity(db: DbOrTx, since: string): Capacity {
  const committed = rawStatement(
    db,
    `SELECT coalesce(sum(max(0, q.estimated_minutes - coalesce((SELECT sum(t.minutes) FROM time_entries t WHERE t.quote_id = q.id), 0))), 0)
     FROM quotes q INDEXED BY quotes_unfinished_idx WHERE q.status = 'accepted' AND q.work_done_on IS NULL AND coalesce(q.decided_on, substr(q.created_at, 1, 10)) >= ?`,
  ).get(since) as [number];
  const open = rawStatement(
    db,
    `SELECT count(*), coalesce(sum(quoted_amount), 0) FROM quotes WHERE status IN (${OPEN_QUOTE_STATUSES.map((st) => `'${st}'`).join(", ")})`,
  ).get() as [number, number];
  return { committedMinutes: committed[0], openPipelineCount: open[0], openPipelineValue: open[1] };
}
