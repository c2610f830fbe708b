/**
 * Client histories (the worth model's input) and capacity, read through the cache. Each quote carries
 * `rates`, its service's rates in force on its date (db/history.ts, lib/rates.ts): judge it through
 * serviceForQuote, never against today's rate card.
 */
import { readAllHistories, readCapacity, readClientHistory, readHistoriesInChunks, type Capacity } from "@/db/history";
import type { DbOrTx } from "@/db/connection";
import { notFound } from "@/lib/errors";
import type { ClientHistory } from "@/lib/domain";
import { cachedRead, type Cached } from "./cache";

/** One client's history, kept until the next write (shared: read-only). */
export function loadClientHistory(db: DbOrTx, clientId: number): Cached<ClientHistory> {
  const history = findClientHistory(db, clientId);
  if (!history) throw notFound("client", clientId);
  return history;
}

/** One client's history, or undefined when there is no such client (a deleted one); cached as loadClientHistory. */
export function findClientHistory(db: DbOrTx, clientId: number): Cached<ClientHistory> | undefined {
  return cachedRead(db, `history:${clientId}`, () => readClientHistory(db, clientId) ?? null) ?? undefined;
}

/** Every client's history in five queries, clients by id (not cached: the whole-book scores are). */
export function loadAllHistories(db: DbOrTx): ClientHistory[] {
  return readAllHistories(db);
}

/** Every client's history, a chunk of clients at a time (clients by id): for scoring the whole book in flat memory. */
export function loadHistoriesInChunks(db: DbOrTx, clientsPerChunk?: number): Generator<ClientHistory[]> {
  return readHistoriesInChunks(db, clientsPerChunk);
}

/** Accepted work agreed since `since` and the open pipeline: the offer check's capacity inputs. */
export function loadCapacity(db: DbOrTx, since: string): Capacity {
  return { ...cachedRead(db, `capacity:${since}`, () => readCapacity(db, since)) };
}
