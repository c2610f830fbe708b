/**
 * Scores: the pure worth model (lib/worth) applied to stored histories.
 *
 * Always current, and cheap after a write. The whole book's scores are kept per connection for a day
 * (evidence ages with the day: a new day rescores the book once) and patched after each write: the
 * change log (db/score-changes.ts, filled by triggers on every table a score reads) names the clients a
 * write touched, and only those are rescored. A setting change, or a log pruned past the cached point,
 * rescores the whole book. Nothing is cached or patched inside a transaction (its writes may still roll
 * back). docs/performance.md has the figures; tests/integration/incremental-scores.test.ts checks the
 * patched scores equal a full recompute after random writes.
 */
import { sqliteOf, type DbOrTx } from "@/db/connection";
import { connectionKey } from "@/db/data-version";
import { latestScoreChange, scoreChangesSince } from "@/db/score-changes";
import { getSettings } from "@/db/settings";
import { listServices } from "@/db/services";
import type { Client, ClientHistory } from "@/lib/domain";
import { assessClient, type FitAssessment } from "@/lib/worth";
import { cachedRead, freezeShared, processWide, type Cached } from "./cache";
import { todayFor } from "./clock";
import { findClientHistory, loadClientHistory, loadHistoriesInChunks } from "./history";

export interface ClientScore {
  client: Client;
  assessment: FitAssessment;
}

/**
 * One client's score, computed now (no cache besides the history's). Evidence ages (lib/worth decay), so
 * a score is for a day: `asOf`, today in the book's time zone unless given.
 */
export function computeClientScore(db: DbOrTx, clientId: number, asOf = todayFor(db)): ClientScore {
  // the model only reads its input; the cached history is frozen outside production to prove it
  const history = loadClientHistory(db, clientId) as ClientHistory;
  return { client: history.client, assessment: assessClient(history, listServices(db), getSettings(db), { asOf }) };
}

/**
 * Every client's score, computed now (no cache): what a new day, or a changed setting, pays once. The
 * histories are read a chunk of clients at a time and dropped once scored, so memory does not grow with
 * the book's rows, only with its clients.
 */
export function computeAllScores(db: DbOrTx, asOf = todayFor(db)): ClientScore[] {
  const services = listServices(db);
  const settings = getSettings(db);
  const out: ClientScore[] = [];
  for (const chunk of loadHistoriesInChunks(db)) for (const h of chunk) out.push({ client: h.client, assessment: assessClient(h, services, settings, { asOf }) });
  return out;
}

/** The whole book's scores on one connection, for one day, as of one point of the change log. */
interface BookScores {
  asOf: string;
  /** the change log's seq these scores include */
  seq: number;
  byId: Map<number, Cached<ClientScore>>;
  /** by client id; null after a patch until someone asks */
  list: Cached<ClientScore>[] | null;
}
const books = processWide("bookScores", () => new WeakMap<object, BookScores>());

/** Past this share of the book, one full pass is cheaper than rescoring client by client. */
const PATCH_SHARE = 0.25;

/** Rescore the clients the log names since `book.seq`; false when only a full rescore will do. */
function patch(db: DbOrTx, book: BookScores, maxClients: number): boolean {
  const changes = scoreChangesSince(db, book.seq);
  if (changes.all || changes.clientIds.length > maxClients) return false;
  if (changes.clientIds.length) {
    const services = listServices(db);
    const settings = getSettings(db);
    for (const id of changes.clientIds) {
      const history = findClientHistory(db, id) as ClientHistory | undefined;
      if (history) book.byId.set(id, freezeShared({ client: history.client, assessment: assessClient(history, services, settings, { asOf: book.asOf }) }));
      else book.byId.delete(id);
    }
    book.list = null;
  }
  book.seq = changes.latest;
  return true;
}

function rescoreBook(db: DbOrTx, asOf: string): BookScores {
  // the log's point first: a write landing while the book is read is rescored again next time, never missed
  const seq = latestScoreChange(db);
  const list = computeAllScores(db, asOf).map(freezeShared);
  const book = { asOf, seq, byId: new Map(list.map((s) => [s.client.id, s])), list };
  books.set(connectionKey(db), book);
  return book;
}

/** The book's scores brought up to date: patched when a few clients changed, rescored on a new day. Never in a transaction. */
function currentBook(db: DbOrTx): BookScores {
  const asOf = todayFor(db);
  const book = books.get(connectionKey(db));
  if (book && book.asOf === asOf && patch(db, book, Math.max(1, Math.floor(book.byId.size * PATCH_SHARE)))) return book;
  return rescoreBook(db, asOf);
}

/** A client's score when only that client is asked for: never rescores the whole book. */
const SINGLE_PATCH_LIMIT = 16;

/** The same assessment the client page shows: from the whole-book scores when they can be brought up to date cheaply. */
export function scoreClient(db: DbOrTx, clientId: number): Cached<ClientScore> {
  const asOf = todayFor(db);
  if (sqliteOf(db).inTransaction) return computeClientScore(db, clientId, asOf);
  const book = books.get(connectionKey(db));
  if (book && book.asOf === asOf && patch(db, book, SINGLE_PATCH_LIMIT)) {
    const hit = book.byId.get(clientId);
    if (hit) return hit;
  }
  // no book for today yet, or too much changed: this client alone (kept until the next write)
  return cachedRead(db, `scores:client:${clientId}:${asOf}`, () => computeClientScore(db, clientId, asOf));
}

/** Every client's score, clients by id. A new array each call (sort it freely); the scores themselves are shared, read-only. */
export function scoreAllClients(db: DbOrTx): Cached<ClientScore>[] {
  if (sqliteOf(db).inTransaction) return computeAllScores(db);
  const book = currentBook(db);
  if (!book.list) book.list = [...book.byId.values()].sort((a, b) => a.client.id - b.client.id);
  return [...book.list];
}

/**
 * Score the whole book for today without holding the server: a few clients per turn of the event loop,
 * so requests keep being answered meanwhile (server/score-schedule.ts runs it when the day turns). The
 * change log's point is read first: a write landing between two turns is patched on the next read. False
 * when there was nothing to do, or a reader scored the book first.
 */
export async function warmBookScores(db: DbOrTx, clientsPerTurn = 25): Promise<boolean> {
  const asOf = todayFor(db);
  if (holdsBookScores(db, asOf) || sqliteOf(db).inTransaction) return false;
  const seq = latestScoreChange(db);
  const services = listServices(db);
  const settings = getSettings(db);
  const byId = new Map<number, Cached<ClientScore>>();
  for (const chunk of loadHistoriesInChunks(db, clientsPerTurn)) {
    for (const h of chunk) byId.set(h.client.id, freezeShared({ client: h.client, assessment: assessClient(h, services, settings, { asOf }) }));
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (holdsBookScores(db, asOf) || todayFor(db) !== asOf) return false;
  books.set(connectionKey(db), { asOf, seq, byId, list: null });
  return true;
}

/** Whether the whole-book scores of this connection are held for `asOf`. */
export function holdsBookScores(db: DbOrTx, asOf = todayFor(db)): boolean {
  return books.get(connectionKey(db))?.asOf === asOf;
}
