/**
 * Scores read from the database: the pure worth model applied to stored rows.
 *
 * Always current, and cheap to read again: results are kept for one data version (db/queries.ts
 * cachedRead: the key moves with every write on this connection, committed or not, and every commit by
 * any other connection; nothing is cached inside a transaction). So a logged event changes the score at
 * once, and between writes a page view costs two tiny queries instead of replaying the whole book.
 */
import type { DB } from "./connection";
import { cachedRead, cachedValue, getSettings, listServices, loadAllHistories, loadClientHistory } from "./queries";
import { assessClient, type FitAssessment } from "@/lib/worth";
import type { Client } from "@/lib/domain";

export { cachedRead, dataVersion } from "./queries";

export interface ClientScore {
  client: Client;
  assessment: FitAssessment;
}

/** One client's score, computed now (no cache besides the history's). */
export function computeClientScore(db: DB, clientId: number): ClientScore {
  const history = loadClientHistory(db, clientId);
  return { client: history.client, assessment: assessClient(history, listServices(db), getSettings(db)) };
}

/** Every client's score, computed now (no cache): what the first request after a write pays. */
export function computeAllScores(db: DB): ClientScore[] {
  const services = listServices(db);
  const settings = getSettings(db);
  return loadAllHistories(db).map((h) => ({ client: h.client, assessment: assessClient(h, services, settings) }));
}

interface AllScores {
  list: ClientScore[];
  byId: Map<number, ClientScore>;
}
const ALL = "scores:all";

/** The same assessment the client page shows; taken from the whole-book scores when they are current. */
export function scoreClient(db: DB, clientId: number): ClientScore {
  const hit = cachedValue<AllScores>(db, ALL)?.byId.get(clientId);
  return hit ?? cachedRead(db, `scores:client:${clientId}`, () => computeClientScore(db, clientId));
}

/** Every client's score, clients by id. A new array each call (sort it freely); the scores themselves are shared, read-only. */
export function scoreAllClients(db: DB): ClientScore[] {
  const all = cachedRead<AllScores>(db, ALL, () => {
    const list = computeAllScores(db);
    return { list, byId: new Map(list.map((s) => [s.client.id, s])) };
  });
  return [...all.list];
}
