/**
 * The offer check against stored data: who the client is, what the rate card says, how full the
 * calendar is; and recording the decision as a quote in one transaction.
 */
import { usualServiceOf } from "@/lib/quote-lifecycle";
import { writeTransaction, type DbOrTx } from "@/db/connection";
import type { ActionState } from "@/lib/action-state";
import { listClients } from "@/db/clients";
import { findProposalForQuote } from "@/db/proposals";
import { findQuote, listQuotes } from "@/db/quotes";
import { listServiceRates } from "@/db/service-rates";
import { quoteRatesDate, ratesOn } from "@/lib/rates";
import { getSettings } from "@/db/settings";
import { listServices } from "@/db/services";
import { listTemplates } from "@/db/templates";
import type { Client, ClientHistory, QuoteWithEvents, Service, Settings } from "@/lib/domain";
import { addDays } from "@/lib/dates";
import { sortEvents } from "@/lib/negotiation";
import { conflict, invalidInput, isAppError } from "@/lib/errors";
import {
  DEFAULT_COUNTER_TEMPLATE,
  DEFAULT_DECLINE_TEMPLATE,
  acceptMessage,
  deadlineIsRush,
  evaluateOffer,
  fillTemplate,
  offerClientFrom,
  offerTemplateVars,
  pastOverrunOf,
  scopeToMinutes,
  tierCounterMessage,
  type OfferEvaluation,
  type OfferInput,
} from "@/lib/offer-check";
import { counterAmountProblem, planRecording } from "@/lib/offer-check/record";
import { type OfferCheckInput, type RecordOfferInput } from "@/lib/offer-check/schemas";
import { MAX_MINUTES } from "@/lib/schemas";
import type { FitAssessment } from "@/lib/worth";
import { createClient } from "./clients";
import { loadCapacity, loadClientHistory } from "./history";
import { addQuoteEvent, createQuote, getQuote, setQuoteOutcome } from "./quotes";
import { scoreClient } from "./scores";
import { clientRateInForce } from "./raises";

/** The offer check page's form state: the answer, or what was recorded. */
export interface OfferActionState extends ActionState {
  result?: OfferCheckResult;
  recorded?: { quoteId: number; clientId: number; decision: string; alreadyRecorded: boolean; heldFirm?: boolean };
}

export interface OfferMessage {
  templateId: number | null;
  name: string;
  isDefault: boolean;
  text: string;
}

export interface OfferCheckResult {
  evaluation: OfferEvaluation;
  client: { id: number | null; name: string; isNew: boolean; verdict: string; fitScore: number | null };
  service: Service | null;
  minutes: number;
  rush: boolean;
  /**
   * counter: empty when their offer already meets the target (nothing to counter: a counter is never at
   * or below their offer); accept: the yes to their price, with the conditions, when the answer is accept
   */
  messages: { decline: OfferMessage[]; counter: OfferMessage[]; accept: OfferMessage[] };
}

interface Context {
  settings: Settings;
  client: Client | null;
  service: Service | null;
  quote: QuoteWithEvents | null;
  offerInput: OfferInput;
}

function loadContext(db: DbOrTx, input: OfferCheckInput, today: string): Context {
  const settings = getSettings(db);
  const services = listServices(db);
  let client: Client | null = null;
  let history: ClientHistory | null = null;
  if (input.clientId != null) {
    try {
      // read only: the cached history is frozen outside production
      history = loadClientHistory(db, input.clientId) as ClientHistory;
    } catch (e) {
      if (isAppError(e, "not_found")) throw invalidInput("Unknown client", { clientId: [`No client with id ${input.clientId}`] });
      throw e;
    }
    client = history.client;
  }
  let service: Service | null = null;
  if (input.serviceId != null) {
    service = services.find((s) => s.id === input.serviceId) ?? null;
    if (!service) throw invalidInput("Unknown service", { serviceId: [`No service with id ${input.serviceId}`] });
    if (service.currency !== input.currency)
      throw invalidInput("Currency does not match the service", { currency: [`${service.name} is priced in ${service.currency}; enter the offer in ${service.currency}`] });
  }
  let quote: QuoteWithEvents | null = null;
  if (input.quoteId != null) {
    quote = findQuote(db, input.quoteId) ?? null;
    if (!quote) throw invalidInput("Unknown quote", { quoteId: [`No quote with id ${input.quoteId}`] });
    // what is asked on a quote already sent is judged at the rates in force when it was sent, as its page shows
    if (service && quote.serviceId === service.id) service = { ...service, ...(ratesOn(listServiceRates(db, service.id), service.id, quoteRatesDate(quote)) ?? {}) };
    if (!client || quote.clientId !== client.id) throw invalidInput("That quote belongs to another client", { quoteId: ["That quote belongs to another client"] });
    // the offer is recorded on this quote: it must be about the same work
    if (quote.serviceId !== (service?.id ?? null)) throw invalidInput("That quote is for another service", { serviceId: ["Choose the quote's own service: the offer is recorded on that quote"] });
  }
  // the client's own rate (server/raises.ts) replaces the target for them, never below the floor (docs/offer-check.md)
  const ownRate = client && service ? clientRateInForce(db, client.id, service.id, quote ? quoteRatesDate(quote) : today) : undefined;
  if (service && ownRate) service = { ...service, targetRate: Math.max(ownRate.rate, service.floorRate) };
  // the cached whole-book assessment when nothing changed since (computed fresh inside a transaction)
  const assessment = history ? (scoreClient(db, history.client.id).assessment as FitAssessment) : null;
  const minutes = scopeToMinutes(input.scopeAmount, input.scopeUnit, settings.hoursPerDay);
  // days × hours per day can exceed what one quote may hold
  if (minutes > MAX_MINUTES) throw invalidInput("That scope is too large for one offer", { scopeAmount: [`At most ${MAX_MINUTES / 60} hours in one offer`] });
  const cap = loadCapacity(db, addDays(today, -28));
  const offerInput: OfferInput = {
    offeredAmount: input.offeredAmount,
    currency: input.currency,
    minutes,
    rush: input.rush || deadlineIsRush(input.deadline, today, minutes, settings.weeklyCapacityHours),
    scopeUnit: input.scopeUnit,
    service,
    // their past jobs against their estimates: the warning "price the overrun in" (lib/offer-check/overrun.ts)
    client: { ...offerClientFrom(history, assessment, input.newClientName), pastOverrun: history ? pastOverrunOf(history.quotes, settings.creepThresholdPct) : null },
    capacity: { weeklyCapacityHours: settings.weeklyCapacityHours, committedMinutesNext4Weeks: cap.committedMinutes, openPipelineCount: cap.openPipelineCount, openPipelineValue: cap.openPipelineValue },
    settings,
    clientRate: ownRate ? { rate: ownRate.rate, effectiveFrom: ownRate.effectiveFrom } : null,
    // counter by tier: the quote's proposal, when it has one (lib/offer-check/tiers.ts)
    proposal: quote ? (findProposalForQuote(db, quote.id) ?? null) : null,
  };
  return { settings, client, service, quote, offerInput };
}

function messages(db: DbOrTx, offerInput: OfferInput, evaluation: OfferEvaluation): OfferCheckResult["messages"] {
  const vars = offerTemplateVars(offerInput, evaluation);
  const templates = listTemplates(db);
  const of = (kind: "decline" | "counter", fallback: string): OfferMessage[] => {
    const mine = templates.filter((t) => t.kind === kind).map((t) => ({ templateId: t.id, name: t.name, isDefault: t.isDefault, text: fillTemplate(t.body, vars) }));
    if (mine.length) return mine.sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
    return [{ templateId: null, name: kind === "decline" ? "The essay's line" : "Trade, don't give", isDefault: true, text: fillTemplate(fallback, vars) }];
  };
  // with a rate card and no counter price, their offer meets the target: no counter message to send
  const noCounter = evaluation.rates != null && evaluation.counter.counterPrice == null;
  const yes = acceptMessage(offerInput, evaluation);
  // counter by tier: the option their budget buys comes first, then the usual counters
  const tier = tierCounterMessage(offerInput, evaluation);
  const byTier: OfferMessage[] = tier ? [{ templateId: null, name: "The option their budget buys", isDefault: true, text: tier }] : [];
  return {
    decline: of("decline", DEFAULT_DECLINE_TEMPLATE),
    counter: noCounter && !tier ? [] : [...byTier, ...(noCounter ? [] : of("counter", DEFAULT_COUNTER_TEMPLATE).map((m) => (tier ? { ...m, isDefault: false } : m)))],
    accept: yes ? [{ templateId: null, name: "Yes, on your terms", isDefault: true, text: yes }] : [],
  };
}

/** Evaluate an offer: the same answer for the page and POST /api/v1/offers/evaluate. */
export function checkOffer(db: DbOrTx, input: OfferCheckInput, today: string): OfferCheckResult {
  const ctx = loadContext(db, input, today);
  const evaluation = evaluateOffer(ctx.offerInput);
  return {
    evaluation,
    client: { id: ctx.client?.id ?? null, name: ctx.offerInput.client.name, isNew: ctx.client == null, verdict: ctx.offerInput.client.verdict, fitScore: ctx.offerInput.client.fitScore },
    service: ctx.service,
    minutes: ctx.offerInput.minutes,
    rush: ctx.offerInput.rush,
    messages: messages(db, ctx.offerInput, evaluation),
  };
}

/** What a recording did: the quote as it now stands, and whether this exact decision was already there. */
export interface RecordedOffer {
  quote: QuoteWithEvents;
  clientId: number;
  /** true: the quote already said this decision about this offer, nothing was written */
  alreadyRecorded: boolean;
  /** a "counter" at the price already on the table was recorded as holding firm */
  heldFirm: boolean;
}

/** The quote's latest step is "I held firm". */
function lastHeldFirm(quote: QuoteWithEvents): boolean {
  const last = sortEvents(quote.events).at(-1);
  return last?.kind === "my_answer" && last.answer === "held_firm";
}

/**
 * A quote this same offer already started today (a double submission, or the same decision sent
 * again): same client, service, title, scope, currency and price, sent today. The newest one.
 */
function quoteFromSameOffer(db: DbOrTx, clientId: number, spec: { serviceId: number | null; title: string; minutes: number; offeredAmount: number; currency: string; today: string }) {
  const match = listQuotes(db, { clientId }).find(
    (q) =>
      q.serviceId === spec.serviceId &&
      q.title === spec.title &&
      q.estimatedMinutes === spec.minutes &&
      q.quotedAmount === spec.offeredAmount &&
      q.currency === spec.currency &&
      q.sentOn === spec.today,
  );
  return match ? getQuote(db, match.id) : null;
}

/** A new prospect typed again (a double submission): the prospect created by the first one, if any. */
function sameNamedClient(db: DbOrTx, name: string | null | undefined): Client | null {
  const wanted = name?.trim().toLowerCase();
  if (!wanted) return null;
  return listClients(db).find((c) => c.name.trim().toLowerCase() === wanted) ?? null;
}

/**
 * Record the decision in one transaction, truthfully and once (docs/offer-check.md, "Recording a
 * decision"):
 * - a new quote's quoted price is the client's offer (the only price on the table), never a target
 *   price nobody named; declining or countering logs their offer as their first step;
 * - on an existing quote the offer is logged as the client's counter only when it is not already their
 *   standing ask;
 * - declined = the outcome "declined by me" with the reason (no invented "I held firm");
 *   countered = my counter logged; accepted = the outcome "accepted" at their offer;
 * - the same decision about the same offer again writes nothing and says so (`alreadyRecorded`).
 */
export function recordOffer(db: DbOrTx, input: RecordOfferInput, today: string): RecordedOffer {
  return writeTransaction(db, (t) => {
    const ctx = loadContext(t, input, today);
    const evaluation = evaluateOffer(ctx.offerInput);
    const counterAmount = input.decision === "countered" ? (input.counterAmount ?? evaluation.counter.counterPrice) : null;
    if (input.decision === "countered") {
      if (counterAmount == null || counterAmount <= 0) {
        const why = evaluation.rates
          ? "Their offer already meets your target: to take their price, accept it; to counter, enter a price above their offer"
          : "Enter the price you countered with: there is no rate card to work it out";
        throw invalidInput("Enter your counter price", { counterAmount: [why] });
      }
    }
    // counter by tier: the option at its own price and scope (it may be at or below their offer: less work, not a discount)
    const tier = input.decision === "countered" && evaluation.counter.tier?.price === counterAmount ? evaluation.counter.tier : null;
    if (input.decision === "countered" && !tier) {
      // a counter is always above their offer: never record one at or below it
      const problem = counterAmountProblem(input.offeredAmount, counterAmount!);
      if (problem) throw invalidInput(problem, { counterAmount: [problem] });
    }
    const req = { decision: input.decision, offeredAmount: input.offeredAmount, counterAmount, scopeMinutes: tier?.minutes ?? null };
    const title = input.title ?? `${ctx.service?.name ?? "Work"}: offer of ${today}`;
    const minutes = ctx.offerInput.minutes;
    const serviceId = ctx.service?.id ?? null;
    const sameOffer = { serviceId, title, minutes, offeredAmount: input.offeredAmount, currency: input.currency, today };

    let client = ctx.client;
    let quote = ctx.quote;
    let startedFromOffer = false;
    if (!quote) {
      // sent twice: the first submission's prospect and quote, not a second of each
      const earlier = client ?? sameNamedClient(t, input.newClientName);
      const previous = earlier ? quoteFromSameOffer(t, earlier.id, sameOffer) : null;
      if (previous && earlier) {
        client = earlier;
        quote = previous;
      }
    }
    if (!client) {
      client = createClient(t, { name: input.newClientName ?? "New prospect", leadSource: input.leadSource, status: input.decision === "declined" ? "walked_away" : "prospect" });
    }
    if (!quote) {
      // the price on the table is their offer: what was named, not my target
      quote = createQuote(
        t,
        { clientId: client.id, serviceId, title, scope: null, estimatedMinutes: minutes, quotedAmount: input.offeredAmount, currency: input.currency, status: "sent", sentOn: today },
        today,
      );
      startedFromOffer = true;
    }

    const plan = planRecording(quote, req, startedFromOffer);
    if (plan.kind === "already_recorded") return { quote, clientId: client.id, alreadyRecorded: true, heldFirm: lastHeldFirm(quote) };
    if (plan.kind === "conflict") throw conflict(plan.message);
    const note = input.note ?? null;
    if (plan.clientOffer) addQuoteEvent(t, quote.id, { kind: "client_counter", amount: input.offeredAmount, occurredOn: today, note }, today);
    if (plan.holdFirm) addQuoteEvent(t, quote.id, { kind: "my_answer", answer: "held_firm", occurredOn: today, note: plan.clientOffer ? null : note }, today);
    if (plan.cutScope && tier) {
      const tierNote = `Counter by tier: the ${tier.optionName} option (${tier.included.join(", ")})`;
      addQuoteEvent(t, quote.id, { kind: "my_answer", answer: "cut_scope", amount: plan.cutScope.amount, scopeMinutes: plan.cutScope.minutes, occurredOn: today, note: plan.clientOffer || !note ? tierNote : `${tierNote}. ${note}` }, today);
    }
    if (plan.myCounter != null) addQuoteEvent(t, quote.id, { kind: "my_counter", amount: plan.myCounter, occurredOn: today, note: plan.clientOffer ? null : note }, today);
    if (plan.outcome === "accepted") setQuoteOutcome(t, quote.id, { status: "accepted", agreedAmount: input.offeredAmount, decidedOn: today }, today);
    if (plan.outcome === "declined_by_me") setQuoteOutcome(t, quote.id, { status: "declined_by_me", rejectionReason: input.reason, decidedOn: today }, today);
    return { quote: getQuote(t, quote.id), clientId: client.id, alreadyRecorded: false, heldFirm: plan.holdFirm };
  });
}

/**
 * The offer check opened from a client: the service of their latest quote that names one (their usual
 * service), else none — never the first service of the list.
 */
export function usualServiceId(db: DbOrTx, clientId: number): number | null {
  return usualServiceOf(listQuotes(db, { clientId }));
}
