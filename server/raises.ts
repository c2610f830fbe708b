/**
 * Raising rates: a client's own rates, planning a raise with its notice letter, the client's answer,
 * and the "rates due a raise" items of Today (docs/today.md). The rules are pure (lib/raise/); this
 * file reads the book, checks what needs it (today, the floor in force, the client and service) and
 * writes in one checked transaction.
 */
import { writeTransaction, type DbOrTx } from "@/db/connection";
import { findClient } from "@/db/clients";
import {
  deleteClientRateRow,
  findClientRateFrom,
  findClientRateOfPlan,
  insertClientRate,
  listAllClientRates,
  listClientRates,
  updateClientRateRow,
} from "@/db/client-rates";
import { findRatePlan, insertRatePlan, listRatePlans, setRatePlanOutcome } from "@/db/rate-plans";
import { listAllServiceRates } from "@/db/service-rates";
import { findService, listServices } from "@/db/services";
import { getSettings } from "@/db/settings";
import { listTemplates } from "@/db/templates";
import type { Client, ClientHistory, ClientRate, QuoteWithEvents, RatePlan, Service, Settings } from "@/lib/domain";
import { daysBetween } from "@/lib/dates";
import { possessive } from "@/lib/text";
import { conflict, invalidInput, notFound } from "@/lib/errors";
import { formatDay } from "@/lib/format-date";
import {
  DEFAULT_RAISE_TEMPLATE,
  acceptedOfService,
  acceptedOn,
  checkLetter,
  clientRateOn,
  fillRaiseLetter,
  pendingPlan,
  raiseDue,
  raiseNotAbove,
  rateNow,
  rateWords,
  type RateNow,
} from "@/lib/raise";
import type { ClientRateInput, PlanRaiseInput, RaiseOutcomeInput } from "@/lib/raise-schemas";
import { ratesOf, ratesOn, type RatesFrom, type ServiceRates } from "@/lib/rates";
import type { TodayItem } from "@/lib/today/types";
import { findClientHistory, loadAllHistories, loadClientHistory } from "./history";

/** The service's rates in force on `day` (the services row when it has no history). */
export function ratesIn(history: readonly RatesFrom[], service: Service, day: string): ServiceRates {
  return ratesOn(history, service.id, day) ?? ratesOf(service);
}

function clientOr400(db: DbOrTx, id: number): Client {
  const client = findClient(db, id);
  if (!client) throw invalidInput("Unknown client", { clientId: [`No client with id ${id}`] });
  return client;
}

function serviceOr400(db: DbOrTx, id: number): Service {
  const service = findService(db, id);
  if (!service) throw invalidInput("Unknown service", { serviceId: [`No service with id ${id}`] });
  return service;
}

function clientOr404(db: DbOrTx, id: number): Client {
  const client = findClient(db, id);
  if (!client) throw notFound("client", id);
  return client;
}

/** A rate below the floor in force on its first day needs confirming: the field error, else null. */
function floorProblem(db: DbOrTx, service: Service, rate: number, from: string, confirmed: boolean, locale: string): string | null {
  const floor = ratesIn(listAllServiceRates(db), service, from).floorRate;
  return rate < floor && !confirmed ? `Below your floor of ${rateWords(floor, service.currency, service.unit, locale)}: confirm to set it anyway` : null;
}

function floorCheck(db: DbOrTx, service: Service, rate: number, from: string, confirmed: boolean, field: string, locale: string) {
  const problem = floorProblem(db, service, rate, from, confirmed, locale);
  if (problem) throw invalidInput("That rate is below your floor", { [field]: [problem] });
}

// ---- client rates ---------------------------------------------------------------------------------

export interface ClientRates {
  clientId: number;
  /** by service, oldest first */
  rates: ClientRate[];
}

/** GET /clients/:id/rates (not_found for an unknown client). */
export function getClientRates(db: DbOrTx, clientId: number): ClientRates {
  clientOr404(db, clientId);
  return { clientId, rates: listClientRates(db, clientId) };
}

/** The client's own rate for a service from a day on; a row already there from that day takes the new rate. */
export function setClientRate(db: DbOrTx, clientId: number, input: ClientRateInput): ClientRate {
  return writeTransaction(db, (tx) => {
    clientOr404(tx, clientId);
    const service = serviceOr400(tx, input.serviceId);
    floorCheck(tx, service, input.rate, input.effectiveFrom, input.confirmBelowFloor, "rate", getSettings(tx).locale);
    const same = findClientRateFrom(tx, clientId, service.id, input.effectiveFrom);
    if (same) updateClientRateRow(tx, same.id, { rate: input.rate, ratePlanId: null });
    else insertClientRate(tx, { clientId, serviceId: service.id, effectiveFrom: input.effectiveFrom, rate: input.rate });
    return findClientRateFrom(tx, clientId, service.id, input.effectiveFrom)!;
  });
}

export function deleteClientRate(db: DbOrTx, clientId: number, rateId: number): void {
  writeTransaction(db, (tx) => {
    clientOr404(tx, clientId);
    if (deleteClientRateRow(tx, clientId, rateId) === 0) throw notFound("client rate", rateId);
  });
}

// ---- the rate they pay now --------------------------------------------------------------------------

export function rateNowFor(history: ClientHistory, service: Service, clientRates: readonly ClientRate[], settings: Settings, today: string): RateNow | null {
  return rateNow({ clientId: history.client.id, service, today, clientRates, quotes: history.quotes, settings });
}

/** The user's default raise letter (templates of kind "raise"), else the built-in one. */
export function raiseTemplate(db: DbOrTx): { id: number | null; name: string; body: string } {
  const mine = listTemplates(db).filter((t) => t.kind === "raise");
  const t = mine.find((x) => x.isDefault) ?? mine[0];
  return t ? { id: t.id, name: t.name, body: t.body } : { id: null, name: "Built-in notice", body: DEFAULT_RAISE_TEMPLATE };
}

// ---- planning a raise and its answer ----------------------------------------------------------------

export function getRatePlan(db: DbOrTx, id: number): RatePlan {
  const plan = findRatePlan(db, id);
  if (!plan) throw notFound("rate plan", id);
  return plan;
}

export function listAllRatePlans(db: DbOrTx, filter: { clientId?: number } = {}): RatePlan[] {
  return listRatePlans(db, filter);
}

/**
 * Record a raise: the plan (notice today, the rate they pay now, the target in force today, the new rate
 * from its day, the letter as sent) and the client's rate at the new rate from that day, in one
 * transaction. Refused with field errors, nothing written: an unknown client or service, a start before
 * today, a new rate not above what they pay now (when that is known), a new rate below the floor in force
 * on its first day without confirming, a letter given that does not say the new rate (lib/raise/plan.ts
 * checkLetter: the day is not required), a raise already planned for them on that service (409).
 */
export function planRaise(db: DbOrTx, input: PlanRaiseInput, today: string): RatePlan {
  return writeTransaction(db, (tx) => {
    const settings = getSettings(tx);
    const client = clientOr400(tx, input.clientId);
    const service = serviceOr400(tx, input.serviceId);
    const clientRates = listClientRates(tx, client.id);
    const now = rateNowFor(loadClientHistory(tx, client.id) as ClientHistory, service, clientRates, settings, today);
    const facts = {
      client: client.name,
      service: service.name,
      currency: service.currency,
      unit: service.unit,
      currentRate: now?.rate ?? null,
      newRate: input.newRate,
      effectiveFrom: input.effectiveFrom,
      locale: settings.locale,
    };
    const fields: Record<string, string[]> = {};
    if (input.effectiveFrom < today) fields.effectiveFrom = ["The new rate cannot start before today"];
    const rateProblem = raiseNotAbove(facts) ?? floorProblem(tx, service, input.newRate, input.effectiveFrom, input.confirmBelowFloor, settings.locale);
    if (rateProblem) fields.newRate = [rateProblem];
    const letterProblem = input.letter != null ? checkLetter(input.letter, facts).rateProblem : null;
    if (letterProblem) fields.letter = [letterProblem];
    if (Object.keys(fields).length)
      throw invalidInput(fields.effectiveFrom ? "The new rate starts in the past" : fields.newRate ? "That new rate cannot be recorded" : "The letter does not match the new rate", fields);
    const plans = listRatePlans(tx, { clientId: client.id, serviceId: service.id });
    const pending = pendingPlan(plans, today);
    if (pending)
      throw conflict(`A raise for ${client.name} is already planned`, {
        effectiveFrom: [`A raise from ${formatDay(pending.effectiveFrom, settings.locale)} is already planned: record their answer first`],
      });
    const target = ratesIn(listAllServiceRates(tx), service, today).targetRate;
    const letter = input.letter ?? fillRaiseLetter(raiseTemplate(tx).body, facts);
    const planId = insertRatePlan(tx, {
      clientId: client.id,
      serviceId: service.id,
      currency: service.currency,
      currentRate: now?.rate ?? 0,
      targetRate: target,
      newRate: input.newRate,
      noticeOn: today,
      effectiveFrom: input.effectiveFrom,
      letter,
    });
    const same = findClientRateFrom(tx, client.id, service.id, input.effectiveFrom);
    if (same) updateClientRateRow(tx, same.id, { rate: input.newRate, ratePlanId: planId });
    else insertClientRate(tx, { clientId: client.id, serviceId: service.id, effectiveFrom: input.effectiveFrom, rate: input.newRate, ratePlanId: planId });
    return getRatePlan(tx, planId);
  });
}

/**
 * The client's answer to a raise: accepted (their rate from the plan's day is the new rate), negotiated
 * (it is the rate agreed), left (recorded; they never paid the new rate, so the plan's client rate is
 * removed; the client's status is left as it is). An answer can be changed: the rate follows it.
 */
export function setRaiseOutcome(db: DbOrTx, planId: number, input: RaiseOutcomeInput, today: string): RatePlan {
  return writeTransaction(db, (tx) => {
    const plan = getRatePlan(tx, planId);
    const outcomeOn = input.outcomeOn ?? today;
    if (outcomeOn < plan.noticeOn)
      throw invalidInput("The answer cannot come before the notice", { outcomeOn: [`The answer cannot come before the notice (${formatDay(plan.noticeOn, getSettings(tx).locale)})`] });
    const outcomeRate = input.outcome === "negotiated" ? (input.outcomeRate ?? null) : null;
    setRatePlanOutcome(tx, plan.id, { outcome: input.outcome, outcomeRate, outcomeOn });
    const row = findClientRateOfPlan(tx, plan.id);
    if (input.outcome === "left") {
      if (row) deleteClientRateRow(tx, plan.clientId, row.id);
    } else {
      const rate = outcomeRate ?? plan.newRate;
      if (row) updateClientRateRow(tx, row.id, { rate, ratePlanId: plan.id });
      else {
        const same = findClientRateFrom(tx, plan.clientId, plan.serviceId, plan.effectiveFrom);
        if (same) updateClientRateRow(tx, same.id, { rate, ratePlanId: plan.id });
        else insertClientRate(tx, { clientId: plan.clientId, serviceId: plan.serviceId, effectiveFrom: plan.effectiveFrom, rate, ratePlanId: plan.id });
      }
    }
    return getRatePlan(tx, plan.id);
  });
}


function firstAccepted(quotes: readonly QuoteWithEvents[], serviceId: number): string | null {
  const list = acceptedOfService(quotes, serviceId);
  return list.length ? acceptedOn(list[list.length - 1]) : null;
}

// ---- Today: rates due a raise ------------------------------------------------------------------------

/**
 * Today's "rates due a raise": one item per active client and service they have accepted work on, when
 * lib/raise/due.ts raiseDue says so. Key `raise:client:<clientId>:<serviceId>`; the fingerprint is the
 * rate now, the day the raise clock started and the target, so a mark holds until one of them changes.
 */
export function raiseDueItems(db: DbOrTx, today: string, settings: Settings = getSettings(db), clientIds?: readonly number[]): TodayItem[] {
  const services = listServices(db);
  const rateHistory = listAllServiceRates(db);
  // `clientIds`: only these clients' items (Today patches its list after a write: server/today.ts)
  const allRates = clientIds ? clientIds.flatMap((id) => listClientRates(db, id)) : listAllClientRates(db);
  const allPlans = clientIds ? clientIds.flatMap((id) => listRatePlans(db, { clientId: id })) : listRatePlans(db);
  const histories = clientIds ? clientIds.flatMap((id) => findClientHistory(db, id) ?? []) : loadAllHistories(db);
  const items: TodayItem[] = [];
  for (const history of histories) {
    const { client } = history;
    if (client.status !== "active") continue;
    const clientRates = allRates.filter((r) => r.clientId === client.id);
    for (const service of services) {
      const first = firstAccepted(history.quotes, service.id);
      if (first == null) continue;
      const now = rateNowFor(history, service, clientRates, settings, today);
      const target = ratesIn(rateHistory, service, today).targetRate;
      const due = raiseDue({
        today,
        settings,
        clientStatus: client.status,
        firstAcceptedOn: first,
        plans: allPlans.filter((p) => p.clientId === client.id && p.serviceId === service.id),
        rateNow: now,
        targetRate: target,
      });
      if (!due) continue;
      items.push({
        key: `raise:client:${client.id}:${service.id}`,
        kind: "raise_due",
        clientId: client.id,
        clientName: client.name,
        quoteId: null,
        title: `Raise ${possessive(client.name)} rate for ${service.name}`,
        // the rate they pay is in the reason ("Pays $80.00/h, …"): `amount` is money, not a rate per unit
        reason: due.reason,
        since: due.since,
        days: Math.max(0, daysBetween(due.since, today) - 1),
        fingerprint: due.fingerprint,
        actions: [{ type: "link", label: "Plan the raise", href: `/clients/${client.id}/raise?serviceId=${service.id}` }],
        message: null,
        amount: null,
      });
    }
  }
  return items;
}

/** The client's rate in force on `day` for the offer check (server/offers.ts). */
export function clientRateInForce(db: DbOrTx, clientId: number, serviceId: number, day: string): ClientRate | undefined {
  return clientRateOn(listClientRates(db, clientId), clientId, serviceId, day);
}
