/**
 * The rate card: services with market, target and floor rates, and their history.
 *
 * Every service has a rate history (db/service-rates.ts): its rates from a calendar day on. A quote is
 * judged against the rates in force on its date (lib/rates.ts); the services row holds the rates in force
 * today, as of the last write, for what asks about now (the offer check, the forms).
 *   - creating a service writes its first history row, from the beginning (1970-01-01);
 *   - changing the rates of a service without a date (PUT/PATCH, the edit form, the floor calculator) is a
 *     correction: the history row in force today takes the new rates (past periods keep theirs);
 *   - "change rates from a date" (POST /services/:id/rates) adds a history row (or replaces the one from
 *     that very day); the services row follows what is in force today.
 */
import { isUniqueViolation, writeTransaction, type DbOrTx } from "@/db/connection";
import { countServiceQuotesNotIn } from "@/db/quotes";
import { findServiceRateFrom, insertServiceRate, listAllServiceRates, listServiceRates, updateServiceRateRow } from "@/db/service-rates";
import { deleteServiceRow, findService, insertService, listServices, updateServiceRow } from "@/db/services";
import type { Service } from "@/lib/domain";
import { conflict, notFound } from "@/lib/errors";
import { RATES_SINCE, ratesOf, ratesOn, rowOn, sameRates, type ServiceRateRow, type ServiceRates, type ServiceRatesChange } from "@/lib/rates";
import type { UpsertService } from "@/lib/schemas";
import { todayFor } from "./clock";

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
    let id: number;
    try {
      id = insertService(tx, input);
    } catch (e) {
      return nameTaken(e, input.name);
    }
    insertServiceRate(tx, id, RATES_SINCE, ratesOf(input));
    return getService(tx, id);
  });
}

/** The history row in force on `today` takes `rates` (a service without history gets its first row). */
function correctCurrentPeriod(tx: DbOrTx, id: number, rates: ServiceRates, today: string) {
  const current = rowOn(listServiceRates(tx, id), id, today);
  if (current) updateServiceRateRow(tx, current.id, rates);
  else insertServiceRate(tx, id, RATES_SINCE, rates);
}

/** Changed rates without a date are a correction of the current period: see the module comment. */
export function updateService(db: DbOrTx, id: number, input: UpsertService, today = todayFor(db)): Service {
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
    if (!sameRates(existing, input)) correctCurrentPeriod(tx, id, ratesOf(input), today);
    return getService(tx, id);
  });
}

export function deleteService(db: DbOrTx, id: number): void {
  writeTransaction(db, (tx) => {
    if (deleteServiceRow(tx, id) === 0) throw notFound("service", id);
  });
}

/** A service and its rate history, oldest first. */
export interface ServiceWithRates {
  service: Service;
  rates: ServiceRateRow[];
}

/** GET /services/:id/rates: the service's rate history, oldest first (not_found for an unknown service). */
export function getServiceRates(db: DbOrTx, id: number): ServiceWithRates {
  return { service: getService(db, id), rates: listServiceRates(db, id) };
}

/**
 * New rates from a day on: a history row from `change.effectiveFrom` (the row already there from that
 * day takes the new rates). Quotes dated before that day keep their judgement. The services row then
 * holds the rates in force `today` (a change dated later than today leaves it as it is).
 */
export function changeServiceRates(db: DbOrTx, id: number, change: ServiceRatesChange, today = todayFor(db)): ServiceWithRates {
  return writeTransaction(db, (tx) => {
    const service = getService(tx, id);
    const rates = ratesOf(change);
    if (listServiceRates(tx, id).length === 0 && change.effectiveFrom > RATES_SINCE) {
      // a service from before the history (written outside the app): what it had becomes its past
      insertServiceRate(tx, id, RATES_SINCE, ratesOf(service));
    }
    const same = findServiceRateFrom(tx, id, change.effectiveFrom);
    if (same) updateServiceRateRow(tx, same.id, rates);
    else insertServiceRate(tx, id, change.effectiveFrom, rates);
    const history = listServiceRates(tx, id);
    const current = ratesOn(history, id, today);
    if (current && !sameRates(service, current)) updateServiceRow(tx, id, { name: service.name, unit: service.unit, currency: service.currency, ...current });
    return { service: getService(tx, id), rates: history };
  });
}

/** The rate card page: every service (by name) with its history, oldest first. */
export function loadRateCard(db: DbOrTx): ServiceWithRates[] {
  const byService = new Map<number, ServiceRateRow[]>();
  for (const r of listAllServiceRates(db)) {
    const list = byService.get(r.serviceId);
    if (list) list.push(r);
    else byService.set(r.serviceId, [r]);
  }
  return listServices(db).map((service) => ({ service, rates: byService.get(service.id) ?? [] }));
}
