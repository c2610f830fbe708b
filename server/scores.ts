/**
 * Scores: the pure worth model (lib/worth) applied to stored histories.
 *
 * Always current, and cheap to read again: results are kept for one data version (server/cache.ts: the
 * key moves with every write on this connection, committed or not, and every commit by any other
 * connection; nothing is cached inside a transaction). So a logged event changes the score at once, and
 * between writes a page view costs two tiny queries instead of replaying the whole book.
 */
import type { DbOrTx } from "@/db/connection";
import { getSettings } from "@/db/settings";
import { listServices } from "@/db/services";
import type { Client, ClientHistory } from "@/lib/domain";
import { assessClient, type FitAssessment } from "@/lib/worth";
import { cachedRead, cachedValue, type Cached } from "./cache";
import { todayFor } from "./clock";
import { loadAllHistories, loadClientHistory } from "./history";

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

/** Every client's score, computed now (no cache): what the first request after a write pays. */
export function computeAllScores(db: DbOrTx, asOf = todayFor(db)): ClientScore[] {
  const services = listServices(db);
  const settings = getSettings(db);
  return loadAllHistories(db).map((h) => ({ client: h.client, assessment: assessClient(h, services, settings, { asOf }) }));
}

interface AllScores {
  list: ClientScore[];
  byId: Map<number, ClientScore>;
}
/** Scores age with the day: the cache keys name it, so a new day means a fresh score without any write. */
const ALL = (asOf: string) => `scores:all:${asOf}`;

/** The same assessment the client page shows; taken from the whole-book scores when they are current. */
export function scoreClient(db: DbOrTx, clientId: number): Cached<ClientScore> {
  const asOf = todayFor(db);
  const hit = cachedValue<AllScores>(db, ALL(asOf))?.byId.get(clientId);
  return hit ?? cachedRead(db, `scores:client:${clientId}:${asOf}`, () => computeClientScore(db, clientId, asOf));
}

/** Every client's score, clients by id. A new array each call (sort it freely); the scores themselves are shared, read-only. */
export function scoreAllClients(db: DbOrTx): Cached<ClientScore>[] {
  const asOf = todayFor(db);
  const all = cachedRead<AllScores>(db, ALL(asOf), () => {
    const list = computeAllScores(db, asOf);
    return { list, byId: new Map(list.map((s) => [s.client.id, s])) };
  });
  return [...all.list];
}

/** GET /api/v1/scores: every client's assessment, serialized once per data version (the costly part). */
export function allScoresJson(db: DbOrTx): string {
  return cachedRead(db, `api:scores:${todayFor(db)}`, () =>
    JSON.stringify({ scores: scoreAllClients(db).map(({ client, assessment }) => ({ client: { id: client.id, name: client.name }, ...assessment })) }),
  );
}
