import { writeTransaction, type DbOrTx } from "@/db/connection";
import { deleteClientRow, findClient, insertClient, isEmptyBook, listClientIds, listClients, updateClientRow, type ClientListParams } from "@/db/clients";
import { getSettings } from "@/db/settings";
import { clientListRow, clientOrder, findById, listPage, type ClientListRow, type ClientSort, type ListPage } from "@/lib/client-list";
import type { Client } from "@/lib/domain";
import { notFound } from "@/lib/errors";
import type { UpsertClient } from "@/lib/schemas";
import { cachedRead } from "./cache";
import { todayFor } from "./clock";
import { scoreAllClients } from "./scores";

export { isEmptyBook, listClients };

export function getClient(db: DbOrTx, id: number): Client {
  const client = findClient(db, id);
  if (!client) throw notFound("client", id);
  return client;
}

export function createClient(db: DbOrTx, input: UpsertClient): Client {
  return writeTransaction(db, (tx) => getClient(tx, insertClient(tx, input)));
}

export function updateClient(db: DbOrTx, id: number, input: UpsertClient): Client {
  return writeTransaction(db, (tx) => {
    if (updateClientRow(tx, id, input) === 0) throw notFound("client", id);
    return getClient(tx, id);
  });
}

export function deleteClient(db: DbOrTx, id: number): void {
  writeTransaction(db, (tx) => {
    if (deleteClientRow(tx, id) === 0) throw notFound("client", id);
  });
}

export interface ClientListPage extends ListPage {
  /** the shown rows only, in words */
  rows: ClientListRow[];
  /** clients the search and status filter match (all pages) */
  total: number;
}

/**
 * One page of the clients list: filtered in SQL (ids only), sorted over the scores already in memory (the
 * order is kept until the next write), and only the shown rows put into words. A page's cost does not
 * grow with the rows it does not show, beyond one pass to sort them after a write.
 */
export function clientListPage(db: DbOrTx, params: ClientListParams, sort: ClientSort, requestedPage: unknown): ClientListPage {
  const scores = scoreAllClients(db);
  const order = cachedRead(db, `clients:order:${todayFor(db)}:${sort}:${params.status ?? ""}:${params.q ?? ""}`, () => {
    if (!params.q && !params.status) return clientOrder(scores, sort);
    const matching = new Set(listClientIds(db, params));
    return clientOrder(scores.filter((s) => matching.has(s.client.id)), sort);
  });
  const at = listPage(order.length, requestedPage);
  const settings = getSettings(db);
  const rows: ClientListRow[] = [];
  for (const id of order.slice(at.start, at.end)) {
    const score = findById(scores, id);
    if (score) rows.push(clientListRow(score, settings));
  }
  return { ...at, rows, total: order.length };
}
