"use server";
import { z } from "@/lib/zod";
import { createQuoteEventSchema, idSchema, quoteOutcomeSchema, upsertQuoteSchema } from "@/lib/schemas";
import { addQuoteEvent, createQuote, deleteQuote, deleteQuoteEvent, getQuote, setQuoteOutcome, updateQuote, updateQuoteEvent } from "@/server/quotes";
import { withScoreChange } from "@/server/score-change";
import { getSettings } from "@/server/settings";
import type { DB } from "@/db/connection";
import { childIdAction, formAction, formActionFor, formActionForChild, idAction } from "./_lib/safe-action";

const formCurrency = (db: DB, values: Record<string, string>) => (values.currency || getSettings(db).currency).toUpperCase();
/** Amounts about an existing quote are in the quote's currency. */
const quoteCurrency = (db: DB, id: number) => getQuote(db, id).currency;

export const createQuoteAction = formAction({
  schema: upsertQuoteSchema,
  currency: formCurrency,
  run: (db, input) => createQuote(db, input),
  redirectTo: (quote) => `/quotes/${quote.id}`,
});

export const updateQuoteAction = formActionFor({ schema: upsertQuoteSchema, currency: formCurrency, run: (db, input, id) => updateQuote(db, id, input) });

export const setQuoteOutcomeAction = formActionFor({
  schema: quoteOutcomeSchema,
  currency: (db, _values, id) => quoteCurrency(db, id),
  run: (db, input, id) => withScoreChange(db, getQuote(db, id).clientId, () => setQuoteOutcome(db, id, input)),
  okState: ({ scoreChange }) => ({ scoreChange }),
});

export const deleteQuoteAction = idAction({
  run: (db, id) => {
    const { clientId } = getQuote(db, id);
    deleteQuote(db, id);
    return `/clients/${clientId}`;
  },
});

/** The quote comes from the form (hidden on the quote page, a picker on the client page). */
const quoteEventFormSchema = z.intersection(z.object({ quoteId: idSchema }), createQuoteEventSchema);

export const addQuoteEventAction = formAction({
  schema: quoteEventFormSchema,
  currency: (db, values) => {
    const id = idSchema.safeParse(values.quoteId);
    return id.success ? quoteCurrency(db, id.data) : "USD";
  },
  run: (db, { quoteId, ...event }) => withScoreChange(db, getQuote(db, quoteId).clientId, () => addQuoteEvent(db, quoteId, event as z.output<typeof createQuoteEventSchema>)),
  okState: ({ scoreChange }) => ({ scoreChange }),
  message: "Logged.",
});

/** Correct a logged negotiation step: the same form and schema as logging it; the quote is bound, not typed. */
export const updateQuoteEventAction = formActionForChild({
  schema: createQuoteEventSchema,
  currency: (db, _values, quoteId) => quoteCurrency(db, quoteId),
  run: (db, input, quoteId, eventId) => withScoreChange(db, getQuote(db, quoteId).clientId, () => updateQuoteEvent(db, quoteId, eventId, input)),
  okState: ({ scoreChange }) => ({ scoreChange }),
});

export const deleteQuoteEventAction = childIdAction({ run: (db, quoteId, eventId) => deleteQuoteEvent(db, quoteId, eventId), message: "Removed." });
