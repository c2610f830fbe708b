/**
 * Payment terms and when a job's money is due: pure rules on calendar days (lib/dates.ts), "today"
 * passed in. An accepted quote carries the terms agreed when it was accepted (the client's own, else the
 * book's); its invoice day is the day the work was done, else the day it was accepted; payment is due
 * that many days later. A payment interaction linked to the quote closes it.
 */
import { addDays, daysBetween } from "./dates";
import { formatDay } from "./format-date";
import { plural } from "./text";
import type { Interaction, Quote } from "./domain";

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysFrom(from: string, to: string): number {
  return daysBetween(from, to) - 1;
}

/**
 * The terms to store on a quote saved by this change, or null for none: a quote that is accepted now,
 * holds no terms yet and was not imported gets the client's own terms, else the book's.
 */
export function termsAtAcceptance(quote: Pick<Quote, "status" | "paymentTermsDays" | "sourceKey">, clientTerms: number | null | undefined, bookTerms: number): number | null {
  if (quote.status !== "accepted" || quote.paymentTermsDays != null || quote.sourceKey) return null;
  return clientTerms ?? bookTerms;
}

/** The day the job is invoiced: the day the work was done, else the day the quote was accepted (null: neither known). */
export function invoiceDay(quote: Pick<Quote, "workDoneOn" | "decidedOn">): string | null {
  return quote.workDoneOn || quote.decidedOn || null;
}

export function dueDay(invoiceOn: string, termsDays: number): string {
  return addDays(invoiceOn, termsDays);
}

/** Days late of a payment made on `paidOn` against `dueOn`: 0 when on time or early. */
export function daysLateFor(paidOn: string, dueOn: string): number {
  return Math.max(0, daysFrom(dueOn, paidOn));
}

/** The money of an accepted quote: the agreed amount (the quoted one when none was recorded). */
export function amountDue(quote: Pick<Quote, "agreedAmount" | "quotedAmount">): number {
  return quote.agreedAmount ?? quote.quotedAmount;
}

export type PaymentState =
  /** not accepted: nothing is owed */
  | { tracked: false; reason: "not_accepted" }
  /** accepted with no terms (imported, or accepted before terms existed): payment is not tracked */
  | { tracked: false; reason: "no_terms" }
  | {
      tracked: true;
      termsDays: number;
      /** what the due day counts from */
      basis: "work_done" | "accepted";
      invoiceOn: string;
      dueOn: string;
      amount: number;
      currency: string;
      /** the payment logged on the quote, or null */
      paid: { paidOn: string; daysLate: number; amount: number | null; interactionId: number } | null;
      /** not paid and today is past the due day */
      overdue: boolean;
      /** overdue: whole days past the due day; paid: how late it was; else 0 */
      daysLate: number;
    };

type QuoteFacts = Pick<Quote, "id" | "status" | "paymentTermsDays" | "workDoneOn" | "decidedOn" | "agreedAmount" | "quotedAmount" | "currency">;

/** The payment linked to the quote (the earliest, should there be more), or null. */
export function paymentOf(quoteId: number, interactions: readonly Interaction[]): Interaction | null {
  let found: Interaction | null = null;
  for (const i of interactions) {
    if (i.kind !== "payment" || i.quoteId !== quoteId) continue;
    if (!found || i.occurredOn < found.occurredOn || (i.occurredOn === found.occurredOn && i.id < found.id)) found = i;
  }
  return found;
}

/** Where a quote's payment stands on `today`, from the quote and its client's interactions. */
export function paymentState(quote: QuoteFacts, interactions: readonly Interaction[], today: string): PaymentState {
  if (quote.status !== "accepted") return { tracked: false, reason: "not_accepted" };
  const invoiceOn = invoiceDay(quote);
  if (quote.paymentTermsDays == null || invoiceOn == null) return { tracked: false, reason: "no_terms" };
  const dueOn = dueDay(invoiceOn, quote.paymentTermsDays);
  const payment = paymentOf(quote.id, interactions);
  const paid = payment ? { paidOn: payment.occurredOn, daysLate: payment.daysLate ?? daysLateFor(payment.occurredOn, dueOn), amount: payment.amount, interactionId: payment.id } : null;
  const late = paid ? paid.daysLate : Math.max(0, daysFrom(dueOn, today));
  return {
    tracked: true,
    termsDays: quote.paymentTermsDays,
    basis: quote.workDoneOn ? "work_done" : "accepted",
    invoiceOn,
    dueOn,
    amount: amountDue(quote),
    currency: quote.currency,
    paid,
    overdue: !paid && late > 0,
    daysLate: late,
  };
}

/**
 * What the due day counts from, without brackets inside brackets: "30 days after the work was done on
 * Oct 3, 2026", "30 days after you accepted it on Sep 5, 2026 (work not marked done)", "on delivery: the
 * day the work was done, Oct 3, 2026".
 */
export function dueReason(state: Pick<Extract<PaymentState, { tracked: true }>, "termsDays" | "basis" | "invoiceOn">, locale: string): string {
  const day = formatDay(state.invoiceOn, locale);
  if (state.termsDays === 0)
    return state.basis === "work_done" ? `on delivery: the day the work was done, ${day}` : `on delivery: the day you accepted it, ${day} (work not marked done)`;
  const terms = plural(state.termsDays, "day");
  return state.basis === "work_done" ? `${terms} after the work was done on ${day}` : `${terms} after you accepted it on ${day} (work not marked done)`;
}

/** "30-day terms", "on delivery" (0 days). */
export function termsWords(days: number): string {
  return days === 0 ? "payment on delivery" : `${days}-day terms`;
}

/** An accepted quote whose payment is tracked and not logged yet: what a payment form or a typed line can be linked to. */
export interface UnpaidQuote {
  quoteId: number;
  title: string;
  dueOn: string;
  /** the day the quote was accepted: a payment cannot be earlier */
  decidedOn: string | null;
  amount: number;
  currency: string;
  overdue: boolean;
  /** days past the due day on `today` (0 when not overdue) */
  daysLate: number;
}

/**
 * The client's accepted quotes with tracked payment and no payment logged, oldest due day first (then the
 * older quote): the first one is the one to link a payment to when it is overdue.
 */
export function unpaidQuotes(quotes: readonly (QuoteFacts & Pick<Quote, "title">)[], interactions: readonly Interaction[], today: string): UnpaidQuote[] {
  const out: UnpaidQuote[] = [];
  for (const q of quotes) {
    const s = paymentState(q, interactions, today);
    if (!s.tracked || s.paid) continue;
    out.push({ quoteId: q.id, title: q.title, dueOn: s.dueOn, decidedOn: q.decidedOn ?? null, amount: s.amount, currency: s.currency, overdue: s.overdue, daysLate: s.daysLate });
  }
  return out.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.quoteId - b.quoteId);
}

/**
 * The quote a payment with no quote named goes on: the only overdue one, else the oldest overdue (with
 * how many are overdue, so the words can say so), else none.
 */
export function overdueToLink(unpaid: readonly UnpaidQuote[]): { quote: UnpaidQuote; overdueCount: number } | null {
  const overdue = unpaid.filter((u) => u.overdue);
  return overdue.length ? { quote: overdue[0], overdueCount: overdue.length } : null;
}

/** What logging a payment answers: "Logged: paid 20 days late." / "Logged: paid on time." */
export function paymentLogged(daysLate: number | null): string {
  if (daysLate == null) return "Logged.";
  return daysLate > 0 ? `Logged: paid ${plural(daysLate, "day")} late.` : "Logged: paid on time.";
}
