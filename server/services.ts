/** The rate card: services with market, target and floor rates. */
import { isUniqueViolation, writeTransaction, type DbOrTx } from "@/db/connection";
import { countServiceQuotesNotIn } from "@/db/quotes";
import { deleteServiceRow, findService, insertService, listServices, updateServiceRow } from "@/db/services";
import type { Service } from "@/lib/domain";
import { conflict, notFound } from "@/lib/errors";
import type { UpsertService } from "@/lib/schemas";

export { listServices };

export function getService(db: DbOrTx, id: number): Service {
  const service = findService(db, id);
  if (!service) throw notFound("service", id);
  return service;
}

function nameTaken(e: unknown, name: string): never {
  if (isUniqueViolation(e) && /services\.name/.test((e as Error).message)) throw conflict(`A service named "${name}" already exists`, { name: ["A service with this name already exists"] });
  throw e;
}

export function createService(db: DbOrTx, input: UpsertService): Service {
  return writeTransaction(db, (tx) => {
    try {
      return getService(tx, insertService(tx, input));
    } catch (e) {
      return nameTaken(e, input.name);
    }
  });
}

export function updateService(db: DbOrTx, id: number, input: UpsertService): Service {
  return writeTransaction(db, (tx) => {
    const existing = getService(tx, id);
    // a quote is priced in its service's currency: changing it under them would make their rates meaningless
    const priced = existing.currency === input.currency ? 0 : countServiceQuotesNotIn(tx, id, input.currency);
    if (priced > 0)
      throw conflict(`${existing.name} has ${priced} quote${priced === 1 ? "" : "s"} priced in ${existing.currency}`, {
        currency: [`${priced} quote${priced === 1 ? " is" : "s are"} priced in ${existing.currency} on this service: add a new service for ${input.currency} instead`],
      });
    try {
      updateServiceRow(tx, id, input);
    } catch (e) {
      nameTaken(e, input.name);
    }
    return getService(tx, id);
  });
}

export function deleteService(db: DbOrTx, id: number): void {
  writeTransaction(db, (tx) => {
    if (deleteServiceRow(tx, id) === 0) throw notFound("service", id);
  });
}
