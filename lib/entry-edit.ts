/**
 * Editing a timeline entry starts from what is stored: a negotiation step or an interaction turned back
 * into the input its schema reads (lib/schemas.ts createQuoteEventSchema / createInteractionSchema). The
 * API's PATCH merges the fields sent over it; the edit forms are pre-filled from it. Pure.
 */
import type { Interaction, QuoteEvent } from "./domain";

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
