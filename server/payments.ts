/**
 * Payments of accepted work: where a quote's payment stands, the overdue ones for Today, logging a
 * payment (it feeds the payment criterion, lib/worth/payment.ts) and changing a quote's terms. The
 * rules are lib/payment-terms.ts; this file loads the facts and writes in one transaction.
 */
import { writeTransaction, type DbOrTx } from "@/db/connection";
import { findClient, listClients, touchClient } from "@/db/clients";
import { findInteraction, insertInteraction, listInteractions } from "@/db/interactions";
import { listQuotes, updateQuoteRow } from "@/db/quotes";
import type { Interaction, Quote, Settings } from "@/lib/domain";
import { conflict, invalidInput } from "@/lib/errors";
import { formatDay } from "@/lib/format-date";
import { formatMoney } from "@/lib/money";
import { amountDue, daysLateFor, dueReason, paymentState, type PaymentState } from "@/lib/payment-terms";
import type { LogPayment, QuotePaymentTerms } from "@/lib/payment-schemas";
import type { CreateInteraction } from "@/lib/schemas";
import { interactionValues } from "@/lib/quote-lifecycle";
import { plural, possessive } from "@/lib/text";
import type { TodayItem } from "@/lib/today/types";
import { todayFor } from "./clock";
import { getQuote } from "./quotes";

/** The most days late a payment records (the interaction schema's limit: ten years). */
const MAX_DAYS_LATE = 3650;

/** Where the quote's payment stands on `today` (throws not_found for an unknown quote). */
export function quotePayment(db: DbOrTx, quoteId: number, today = todayFor(db)): PaymentState {
  const quote = getQuote(db, quoteId);
  return paymentState(quote, listInteractions(db, quote.clientId), today);
}

/**
 * Today's "payments overdue": every accepted quote with terms, not paid, past its due day. Most days
 * late first (then the older due day, then the quote). Key `payment:quote:<id>`; fingerprint: the due
 * day and the amount, so a mark holds until the terms, the work-done day or the amount change.
 */
export function overduePaymentItems(db: DbOrTx, today: string, settings: Pick<Settings, "locale">, clientIds?: readonly number[]): TodayItem[] {
  // `clientIds`: only these clients' items (Today patches its list after a write: server/today.ts)
  const quotes = (clientIds ? clientIds.flatMap((clientId) => listQuotes(db, { clientId })) : listQuotes(db)).filter((q) => q.status === "accepted" && q.paymentTermsDays != null);
  if (!quotes.length) return [];
  const names = new Map((clientIds ? clientIds.flatMap((id) => findClient(db, id) ?? []) : listClients(db)).map((c) => [c.id, c.name] as const));
  const interactionsOf = new Map<number, Interaction[]>();
  const items: TodayItem[] = [];
  for (const quote of quotes) {
    let interactions = interactionsOf.get(quote.clientId);
    if (!interactions) interactionsOf.set(quote.clientId, (interactions = listInteractions(db, quote.clientId)));
    const state = paymentState(quote, interactions, today);
    if (!state.tracked || !state.overdue) continue;
    const clientName = names.get(quote.clientId) ?? "This client";
    const money = formatMoney(state.amount, state.currency, settings.locale);
    items.push({
      key: `payment:quote:${quote.id}`,
      kind: "payment_overdue",
      clientId: quote.clientId,
      clientName,
      quoteId: quote.id,
      title: `Chase ${possessive(clientName)} payment for “${quote.title}”`,
      reason: `${money} was due ${formatDay(state.dueOn, settings.locale)} — ${dueReason(state, settings.locale)}: ${plural(state.daysLate, "day")} late.`,
      since: state.dueOn,
      days: state.daysLate,
      fingerprint: `${state.dueOn}|${state.amount}`,
      actions: [
        { type: "log_payment", label: "Log the payment", quoteId: quote.id },
        { type: "link", label: "Open the quote", href: `/quotes/${quote.id}` },
      ],
      amount: { value: state.amount, currency: state.currency },
    });
  }
  return items.sort((a, b) => b.days - a.days || a.since.localeCompare(b.since) || a.quoteId! - b.quoteId!);
}

export interface LoggedPayment {
  interaction: Interaction;
  payment: PaymentState;
}

/** The input fields a payment's errors are named after: the payment route's `paidOn`, or an interaction's `occurredOn` and `quoteId`. */
interface PaymentFields {
  day: string;
  quote: string;
}
const PAYMENT_ROUTE_FIELDS: PaymentFields = { day: "paidOn", quote: "paidOn" };
const INTERACTION_FIELDS: PaymentFields = { day: "occurredOn", quote: "quoteId" };

/** The checks a payment must pass on this quote: accepted, tracked, not paid yet, on a day that fits. */
function checkPayment(quote: Quote, state: PaymentState, paidOn: string, today: string, fields: PaymentFields): asserts state is Extract<PaymentState, { tracked: true }> {
  if (!state.tracked && state.reason === "not_accepted") throw conflict("Only accepted work is paid: mark the quote accepted first", { [fields.quote]: ["This quote is not accepted"] });
  if (!state.tracked) throw conflict("Payment is not tracked on this quote: set its payment terms first", { [fields.quote]: ["Set the quote’s payment terms first"] });
  if (state.paid)
    throw conflict(`Already paid on ${state.paid.paidOn}`, {
      [fields.quote]: [fields.quote === "quoteId" ? `“${quote.title}” was already paid on ${state.paid.paidOn}` : `This quote was already paid on ${state.paid.paidOn}`],
    });
  if (paidOn > today) throw invalidInput("That day has not come yet", { [fields.day]: [`Pick today (${today}) or a day before`] });
  if (quote.decidedOn && paidOn < quote.decidedOn)
    throw invalidInput("Paid before the quote was accepted", { [fields.day]: [`The quote was accepted on ${quote.decidedOn}: pick that day or later`] });
}

/**
 * A payment interaction linked to a quote whose payment is tracked follows that quote's rules, however
 * it is logged (the client page's form, `POST/PATCH /clients/:id/interactions`, quick capture): paid on a
 * day that has come and not before the quote was accepted, once per quote (a second one is a 409 on
 * `quoteId`), and its days late worked out from the due day — a `daysLate` sent with it is replaced by
 * the computed one. Anything else (no quote, or a quote whose payment is not tracked) is returned as given.
 * `exceptId`: the payment being corrected, which does not count as the quote's payment.
 */
export function paymentOnQuote(tx: DbOrTx, clientId: number, input: CreateInteraction, today: string, exceptId?: number): CreateInteraction {
  if (input.kind !== "payment" || input.quoteId == null) return requireDaysLate(input);
  const quote = getQuote(tx, input.quoteId);
  if (quote.clientId !== clientId) return requireDaysLate(input);
  const state = paymentState(
    quote,
    listInteractions(tx, clientId).filter((i) => i.id !== exceptId),
    today,
  );
  if (!state.tracked) return requireDaysLate(input);
  const paidOn = input.occurredOn ?? today;
  checkPayment(quote, state, paidOn, today, INTERACTION_FIELDS);
  return { ...input, occurredOn: paidOn, daysLate: Math.min(MAX_DAYS_LATE, daysLateFor(paidOn, state.dueOn)), amount: input.amount ?? amountDue(quote) };
}

/** A payment with no tracked quote to work its lateness out from must say it. */
function requireDaysLate(input: CreateInteraction): CreateInteraction {
  if (input.kind === "payment" && input.daysLate == null) throw invalidInput("Enter how many days late they paid", { daysLate: ["Enter days late (0 if on time), or choose the quote it pays"] });
  return input;
}

/**
 * Log the client's payment of an accepted quote: one payment interaction on the client, linked to the
 * quote, paid on `paidOn` (today when absent), for the agreed amount unless another is given, with its
 * days late counted from the due day (0 when on time). A quote is paid once: a second payment is refused.
 */
export function logPayment(db: DbOrTx, quoteId: number, input: LogPayment, today = todayFor(db)): LoggedPayment {
  return writeTransaction(db, (tx) => {
    const quote = getQuote(tx, quoteId);
    const state = paymentState(quote, listInteractions(tx, quote.clientId), today);
    const paidOn = input.paidOn ?? today;
    checkPayment(quote, state, paidOn, today, PAYMENT_ROUTE_FIELDS);
    const daysLate = Math.min(MAX_DAYS_LATE, daysLateFor(paidOn, state.dueOn));
    const id = insertInteraction(
      tx,
      interactionValues(quote.clientId, { kind: "payment", quoteId, occurredOn: paidOn, daysLate, amount: input.amount ?? amountDue(quote), note: input.note ?? null }, today),
    );
    touchClient(tx, quote.clientId);
    const interaction = findInteraction(tx, id)!;
    return { interaction, payment: paymentState(quote, listInteractions(tx, quote.clientId), today) };
  });
}

/**
 * Set the payment terms of one quote (0 on delivery … 365 days): starts tracking an imported or older
 * quote, or corrects the terms agreed. A payment already logged keeps the days late it was logged with.
 */
export function setQuotePaymentTerms(db: DbOrTx, quoteId: number, input: QuotePaymentTerms, today = todayFor(db)): { quote: Quote; payment: PaymentState } {
  return writeTransaction(db, (tx) => {
    const before = getQuote(tx, quoteId);
    updateQuoteRow(tx, quoteId, { paymentTermsDays: input.paymentTermsDays });
    touchClient(tx, before.clientId);
    const { events: _events, actualMinutes: _minutes, ...quote } = getQuote(tx, quoteId);
    return { quote, payment: paymentState(quote, listInteractions(tx, quote.clientId), today) };
  });
}
