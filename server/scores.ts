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
import { loadAllHistories, loadClientHistory } from "./history";

export interface ClientScore {
  client: Client;
  assessment: FitAssessment;
}

/** One client's score, computed now (no cache besides the history's). */
export function computeClientScore(db: DbOrTx, clientId: number): ClientScore {
  // the model only reads its input; the cached history is frozen outside production to prove it
  const history = loadClientHistory(db, clientId) as ClientHistory;
  return { client: history.client, assessment: assessClient(history, listServices(db), getSettings(db)) };
}

/** Every client's score, computed now (no cache): what the first request after a write pays. */
export function computeAllScores(db: DbOrTx): ClientScore[] {
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
export function scoreClient(db: DbOrTx, clientId: number): Cached<ClientScore> {
  const hit = cachedValue<AllScores>(db, ALL)?.byId.get(clientId);
  return hit ?? cachedRead(db, `scores:client:${clientId}`, () => computeClientScore(db, clientId));
}

/** Every client's score, clients by id. A new array each call (sort it freely); the scores themselves are shared, read-only. */
export function scoreAllClients(db: DbOrTx): Cached<ClientScore>[] {
  const all = cachedRead<AllScores>(db, ALL, () => {
    const list = computeAllScores(db);
    return { list, byId: new Map(list.map((s) => [s.client.id, s])) };
  });
  return [...all.list];
}

/** GET /api/v1/scores: every client's assessment, serialized once per data version (the costly part). */
export function allScoresJson(db: DbOrTx): string {
  return cachedRead(db, "api:scores", () =>
    JSON.stringify({ scores: scoreAllClients(db).map(({ client, assessment }) => ({ client: { id: client.id, name: client.name }, ...assessment })) }),
  );
}
