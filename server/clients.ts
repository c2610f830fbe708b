import { writeTransaction, type DbOrTx } from "@/db/connection";
import { deleteClientRow, findClient, insertClient, isEmptyBook, listClients, updateClientRow } from "@/db/clients";
import type { Client } from "@/lib/domain";
import { notFound } from "@/lib/errors";
import type { UpsertClient } from "@/lib/schemas";

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
