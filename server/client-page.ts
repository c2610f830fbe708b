/**
 * Everything the client page shows, loaded in one place: history, score, timeline, rate card.
 *
 * A long history (client 742 of the bench book: hundreds of quotes, thousands of entries) is walked once
 * per data version, not per view: the timeline, each shown entry's edit form, the quote pickers and the
 * payments still owed are kept until the next write. A view then touches only what it shows: a page of 30
 * entries and one of 15 quotes (the latest first; older ones a page at a time, never all at once).
 */
import type { DbOrTx } from "@/db/connection";
import { getSettings } from "@/db/settings";
import { listProposals } from "@/db/proposals";
import { listServices } from "@/db/services";
import { clientTimeline, type TimelineEntry } from "@/lib/timeline";
import { OPEN_QUOTE_STATUSES, type ClientHistory, type Interaction, type Quote, type QuoteEvent } from "@/lib/domain";
import { interactionForm, quoteEventForm, type EntryForm } from "@/lib/entry-edit";
import { unpaidQuotes } from "@/lib/payment-terms";
import { usualServiceOf } from "@/lib/quote-lifecycle";
import { listPage } from "@/lib/client-list";
import { cachedRead } from "./cache";
import { todayFor } from "./clock";
import { loadClientHistory } from "./history";
import { scoreClient } from "./scores";

/** A long history shows its latest entries first; older ones a page at a time. */
export const TIMELINE_MAX = 30;
export const QUOTES_MAX = 15;

type QuoteOption = { id: number; title: string };

function timelineOf(db: DbOrTx, id: number, history: ClientHistory, currency: string, locale: string): TimelineEntry[] {
  return cachedRead(db, `timeline:${id}:${currency}:${locale}`, () => {
    // each quote with its proposal: sent, and the client's answer through the link
    const proposals = new Map(listProposals(db, { quoteIds: history.quotes.map((q) => q.id) }).map((p) => [p.quoteId, p] as const));
    const quotes = history.quotes.map((q) => ({ ...q, proposal: proposals.get(q.id) ?? null }));
    return clientTimeline({ ...history, quotes }, currency, locale);
  });
}

/** Each shown entry's edit form, pre-filled with what is stored (entries without one can only be removed). */
function entryForms(history: ClientHistory, shown: readonly TimelineEntry[], currency: string): Record<string, EntryForm> {
  const eventIds = new Set<number>();
  const interactionIds = new Set<number>();
  for (const t of shown) {
    if (t.source.type === "event") eventIds.add(t.source.id);
    else if (t.source.type === "interaction") interactionIds.add(t.source.id);
  }
  const events = new Map<number, { e: QuoteEvent; currency: string }>();
  if (eventIds.size) for (const q of history.quotes) for (const e of q.events) if (eventIds.has(e.id)) events.set(e.id, { e, currency: q.currency });
  const interactions = new Map<number, Interaction>();
  if (interactionIds.size) for (const i of history.interactions) if (interactionIds.has(i.id)) interactions.set(i.id, i);
  const forms: Record<string, EntryForm> = {};
  for (const t of shown) {
    const ev = t.source.type === "event" ? events.get(t.source.id) : undefined;
    const it = t.source.type === "interaction" ? interactions.get(t.source.id) : undefined;
    if (ev) forms[t.key] = quoteEventForm(ev.e, ev.currency);
    else if (it) forms[t.key] = interactionForm(it, currency);
  }
  return forms;
}

const option = (q: Pick<Quote, "id" | "title">): QuoteOption => ({ id: q.id, title: q.title });

/** Throws not_found for an unknown client. */
export function loadClientPage(db: DbOrTx, id: number, show: { timelinePage?: unknown; quotesPage?: unknown } = {}) {
  const history = loadClientHistory(db, id) as ClientHistory;
  const settings = getSettings(db);
  const today = todayFor(db);
  const timeline = timelineOf(db, id, history, settings.currency, settings.locale);
  const timelineAt = listPage(timeline.length, show.timelinePage, TIMELINE_MAX);
  const quotesAt = listPage(history.quotes.length, show.quotesPage, QUOTES_MAX);
  const view = cachedRead(db, `client-page:${id}:${today}:${settings.currency}:${settings.locale}:${timelineAt.page}:${quotesAt.page}`, () => {
    const shownTimeline = timeline.slice(timelineAt.start, timelineAt.end);
    const openQuotes = history.quotes.filter((q) => OPEN_QUOTE_STATUSES.includes(q.status));
    return {
      /** the whole timeline, newest first (kept until the next write; the page shows `shownTimeline`) */
      timeline,
      shownTimeline,
      forms: entryForms(history, shownTimeline, settings.currency),
      timelineAt,
      quotesTotal: history.quotes.length,
      quotesAt,
      shownQuotes: history.quotes.slice(quotesAt.start, quotesAt.end),
      hasOpenQuotes: openQuotes.length > 0,
      // pickers offer open quotes first, then the most recent ones
      quoteOptions: history.quotes.slice(0, QUOTES_MAX).map(option),
      openOptions: (openQuotes.length ? openQuotes : history.quotes).slice(0, QUOTES_MAX).map(option),
      // time is logged on work: accepted quotes first, then the rest (most recent first, as listed)
      timeOptions: [...history.quotes.filter((q) => q.status === "accepted"), ...history.quotes.filter((q) => q.status !== "accepted")].slice(0, QUOTES_MAX).map(option),
      // a payment is logged on the quote it pays: the accepted ones still owed, oldest due first
      payable: unpaidQuotes(history.quotes, history.interactions, today),
      usualServiceId: usualServiceOf(history.quotes),
    };
  });
  return { client: history.client, settings, today, services: listServices(db), assessment: scoreClient(db, id).assessment, ...view };
}
