/**
 * Editing a timeline entry starts from what is stored: a negotiation step or an interaction turned back
 * into the input its schema reads (lib/schemas.ts createQuoteEventSchema / createInteractionSchema). The
 * API's PATCH merges the fields sent over it; the edit forms are pre-filled from it. Pure.
 */
import type { Interaction, QuoteEvent } from "./domain";
import { toDecimalString } from "./money";

/** Keys whose value is null or undefined are left out: "not set" for the schema's optional fields. */
export function withoutNulls(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null && v !== undefined));
}

/** A stored negotiation step as createQuoteEventSchema's input (a discount's amount is its `amountOff`). */
export function quoteEventInput(e: QuoteEvent): Record<string, unknown> {
  const base = { kind: e.kind, occurredOn: e.occurredOn, note: e.note };
  switch (e.kind) {
    case "discount_request":
      return withoutNulls({ ...base, percentBp: e.percentBp, amountOff: e.amount });
    case "client_counter":
    case "my_counter":
      return withoutNulls({ ...base, amount: e.amount });
    case "my_answer":
      return withoutNulls({ ...base, answer: e.answer, amount: e.amount, scopeMinutes: e.scopeMinutes });
    default:
      return withoutNulls(base);
  }
}

/** A stored interaction as createInteractionSchema's input. */
export function interactionInput(i: Interaction): Record<string, unknown> {
  const base = { kind: i.kind, occurredOn: i.occurredOn, note: i.note, quoteId: i.quoteId };
  switch (i.kind) {
    case "ask":
      return withoutNulls({ ...base, subtype: i.subtype, minutes: i.minutes, paid: i.paid ?? false });
    case "give":
      return withoutNulls({ ...base, subtype: i.subtype, amount: i.amount });
    case "follow_up":
      return withoutNulls({ ...base, answered: i.answered });
    case "payment":
      return withoutNulls({ ...base, daysLate: i.daysLate, amount: i.amount });
    default:
      return withoutNulls(base);
  }
}

/** What an edit form of the client and quote pages shows: which form, pre-filled as the user would have typed it. */
export interface EntryForm {
  kind: QuoteEvent["kind"] | Interaction["kind"];
  values: Record<string, string>;
}

const text = (v: string | number | boolean | null | undefined): string => (v == null ? "" : String(v));

/** A stored negotiation step as its form's typed values (percent as typed: 2000 bp → "20"; money as decimals). */
export function quoteEventForm(e: QuoteEvent, currency: string): EntryForm {
  const money = (n: number | null) => (n == null ? "" : toDecimalString(n, currency));
  const base = { quoteId: String(e.quoteId), note: text(e.note), occurredOn: e.occurredOn };
  switch (e.kind) {
    case "discount_request":
      return e.percentBp != null
        ? { kind: e.kind, values: { ...base, mode: "percent", percent: String(e.percentBp / 100) } }
        : { kind: e.kind, values: { ...base, mode: "amountOff", amountOff: money(e.amount) } };
    case "client_counter":
      return { kind: e.kind, values: { ...base, mode: "counter", amount: money(e.amount) } };
    case "my_counter":
      return { kind: e.kind, values: { ...base, answer: "my_counter", amount: money(e.amount) } };
    case "my_answer":
      return { kind: e.kind, values: { ...base, answer: text(e.answer), amount: money(e.amount), scopeHours: e.scopeMinutes == null ? "" : String(e.scopeMinutes / 60) } };
  }
}

/** A stored interaction as its form's typed values. */
export function interactionForm(i: Interaction, currency: string): EntryForm {
  const base = { note: text(i.note), occurredOn: i.occurredOn, quoteId: text(i.quoteId), amount: i.amount == null ? "" : toDecimalString(i.amount, currency) };
  switch (i.kind) {
    case "ask":
      return { kind: i.kind, values: { ...base, subtype: text(i.subtype), minutes: text(i.minutes), paid: i.paid ? "on" : "" } };
    case "give":
      return { kind: i.kind, values: { ...base, subtype: text(i.subtype) } };
    case "follow_up":
      return { kind: i.kind, values: { ...base, answered: i.answered == null ? "" : i.answered ? "true" : "false" } };
    case "payment":
      return { kind: i.kind, values: { ...base, daysLate: text(i.daysLate ?? 0) } };
  }
}
