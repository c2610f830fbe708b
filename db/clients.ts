import { and, asc, eq, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "./connection";
import { clients, now, services } from "./schema";
import type { Client, ClientStatus } from "@/lib/domain";
import type { UpsertClient } from "@/lib/schemas";

export interface ClientListParams {
  q?: string;
  status?: ClientStatus;
}

/** The list's search (name, company or email contains it) and status filter. */
function listWhere(params: ClientListParams): SQL | undefined {
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
  return conds.length ? and(...conds) : undefined;
}

export function listClients(db: DbOrTx, params: ClientListParams = {}): Client[] {
  return db
    .select()
    .from(clients)
    .where(listWhere(params))
    .orderBy(sql`${clients.name} COLLATE NOCASE`, asc(clients.id))
    .all();
}

/** Only the ids of the clients a search and status filter match (the list sorts and pages the scores it already holds). */
export function listClientIds(db: DbOrTx, params: ClientListParams): number[] {
  return db
    .select({ id: clients.id })
    .from(clients)
    .where(listWhere(params))
    .all()
    .map((r) => r.id);
}

export function findClient(db: DbOrTx, id: number): Client | undefined {
  return db.select().from(clients).where(eq(clients.id, id)).get();
}

function clientValues(input: UpsertClient) {
  return { ...input, company: input.company ?? null, email: input.email ?? null, notes: input.notes ?? null };
}

export function insertClient(db: DbOrTx, input: UpsertClient): number {
  return Number(db.insert(clients).values(clientValues(input)).run().lastInsertRowid);
}

export function updateClientRow(db: DbOrTx, id: number, input: UpsertClient): number {
  return db.update(clients).set({ ...clientValues(input), updatedAt: now }).where(eq(clients.id, id)).run().changes;
}

export function setClientStatus(db: DbOrTx, id: number, status: ClientStatus): number {
  return db.update(clients).set({ status, updatedAt: now }).where(eq(clients.id, id)).run().changes;
}

/** Something was logged about the client: its list order by "recently touched" follows. */
export function touchClient(db: DbOrTx, id: number): void {
  db.update(clients).set({ updatedAt: now }).where(eq(clients.id, id)).run();
}

export function deleteClientRow(db: DbOrTx, id: number): number {
  return db.delete(clients).where(eq(clients.id, id)).run().changes;
}

/** Nothing of the user's yet: no client and no service. */
export function isEmptyBook(db: DbOrTx): boolean {
  const c = db.select({ n: sql<number>`count(*)` }).from(clients).get();
  const s = db.select({ n: sql<number>`count(*)` }).from(services).get();
  return (c?.n ?? 0) === 0 && (s?.n ?? 0) === 0;
}
