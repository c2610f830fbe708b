/**
 * The offer check against stored data: who the client is, what the rate card says, how full the
 * calendar is; and recording the decision as a quote in one transaction.
 */
import { writeTransaction, type DbOrTx } from "@/db/connection";
import type { ActionState } from "@/lib/action-state";
import { findQuote } from "@/db/quotes";
import { listServiceRates } from "@/db/service-rates";
import { quoteRatesDate, ratesOn } from "@/lib/rates";
import { getSettings } from "@/db/settings";
import { listServices } from "@/db/services";
import { listTemplates } from "@/db/templates";
import type { Client, ClientHistory, QuoteWithEvents, Service, Settings } from "@/lib/domain";
import { addDays } from "@/lib/dates";
import { invalidInput, isAppError } from "@/lib/errors";
import { replayNegotiation } from "@/lib/negotiation";
import {
  DEFAULT_COUNTER_TEMPLATE,
  DEFAULT_DECLINE_TEMPLATE,
  deadlineIsRush,
  evaluateOffer,
  fillTemplate,
  offerClientFrom,
  offerTemplateVars,
  scopeToMinutes,
  type OfferEvaluation,
  type OfferInput,
} from "@/lib/offer-check";
import { MAX_MINUTES, type OfferCheckInput, type RecordOfferInput } from "@/lib/schemas";
import type { FitAssessment } from "@/lib/worth";
import { createClient } from "./clients";
import { loadCapacity, loadClientHistory } from "./history";
import { addQuoteEvent, createQuote, getQuote, setQuoteOutcome } from "./quotes";
import { scoreClient } from "./scores";

/** The offer check page's form state: the answer, or what was recorded. */
export interface OfferActionState extends ActionState {
  result?: OfferCheckResult;
  recorded?: { quoteId: number; clientId: number; decision: string };
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
  messages: { decline: OfferMessage[]; counter: OfferMessage[] };
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
  }
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
    service,
    client: offerClientFrom(history, assessment, input.newClientName),
    capacity: { weeklyCapacityHours: settings.weeklyCapacityHours, committedMinutesNext4Weeks: cap.committedMinutes, openPipelineCount: cap.openPipelineCount, openPipelineValue: cap.openPipelineValue },
    settings,
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
  return { decline: of("decline", DEFAULT_DECLINE_TEMPLATE), counter: of("counter", DEFAULT_COUNTER_TEMPLATE) };
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

/**
 * Record the decision in one transaction: the client (a new prospect keeps its row), the quote with
 * the offer as the client's counter, and the outcome (declined by me / my counter / accepted).
 */
export function recordOffer(db: DbOrTx, input: RecordOfferInput, today: string): { quote: QuoteWithEvents; clientId: number } {
  return writeTransaction(db, (t) => {
    const ctx = loadContext(t, input, today);
    const evaluation = evaluateOffer(ctx.offerInput);
    const client =
      ctx.client ??
      createClient(t, { name: input.newClientName ?? "New prospect", leadSource: input.leadSource, status: input.decision === "declined" ? "walked_away" : "prospect" });
    const myPrice = evaluation.counter.priceAtTarget;
    const counterPrice = input.counterAmount ?? myPrice ?? input.offeredAmount;
    const note = input.note ?? null;

    let quote = ctx.quote;
    if (!quote) {
      const quotedAmount = input.decision === "accepted" ? input.offeredAmount : input.decision === "countered" ? counterPrice : Math.max(input.offeredAmount, myPrice ?? input.offeredAmount);
      quote = createQuote(t, {
        clientId: client.id,
        serviceId: ctx.service?.id ?? null,
        title: input.title ?? `${ctx.service?.name ?? "Work"}: offer of ${today}`,
        scope: null,
        estimatedMinutes: ctx.offerInput.minutes,
        quotedAmount: Math.max(1, quotedAmount),
        currency: input.currency,
        status: "sent",
        sentOn: today,
      }, today);
    }
    const current = replayNegotiation(quote).currentPrice;
    if (input.offeredAmount !== current || input.decision !== "accepted") {
      addQuoteEvent(t, quote.id, { kind: "client_counter", amount: input.offeredAmount, occurredOn: today, note }, today);
    }
    if (input.decision === "accepted") {
      quote = setQuoteOutcome(t, quote.id, { status: "accepted", agreedAmount: input.offeredAmount, decidedOn: today }, today);
    } else if (input.decision === "declined") {
      addQuoteEvent(t, quote.id, { kind: "my_answer", answer: "held_firm", occurredOn: today, note: "Walked away" }, today);
      quote = setQuoteOutcome(t, quote.id, { status: "declined_by_me", rejectionReason: input.reason, decidedOn: today }, today);
    } else {
      addQuoteEvent(t, quote.id, { kind: "my_counter", amount: counterPrice, occurredOn: today }, today);
      quote = getQuote(t, quote.id);
    }
    return { quote, clientId: client.id };
  });
}
