/**
 * One timeline of everything logged about a client (or one quote): quotes sent and decided,
 * every negotiation step, asks, gives, follow-ups and payments. Newest first; pure.
 */
import { label, type ClientHistory, type Interaction, type QuoteWithEvents } from "./domain";
import { formatHours, formatMoney, formatPercentBp } from "./money";
import { replayNegotiation } from "./negotiation";
import { openingOffer } from "./quote-lifecycle";
import { plural } from "./text";
import { chosenOption, proposalAnswerTitle, proposalSentTitle } from "./proposals/answer-words";
import { optionName } from "./proposals/tier-words";
import type { ProposalWithOptions } from "./proposals/types";

/** What the timeline tells of a quote's proposal: when it was sent, and the client's answer through it. */
export type TimelineProposal = Pick<ProposalWithOptions, "id" | "currency" | "options" | "sentOn" | "chosenOptionId" | "declineReason" | "declineNote" | "answeredOn" | "answeredAt" | "createdAt">;
/** A quote, with its proposal when it has one (server/quote-page.ts, server/client-page.ts load it). */
export type TimelineQuote = QuoteWithEvents & { proposal?: TimelineProposal | null };

export type TimelineTone = "neutral" | "good" | "warn" | "bad" | "info";
export interface TimelineEntry {
  key: string;
  date: string;
  title: string;
  detail: string | null;
  note: string | null;
  tone: TimelineTone;
  quoteId: number | null;
  quoteTitle: string | null;
  /** for deleting: which row this came from */
  source: { type: "event"; id: number; quoteId: number } | { type: "interaction"; id: number } | { type: "quote"; id: number };
  /** when it was written down (the row's created_at): orders entries of the same day */
  recordedAt: string;
  /**
   * within one quote on one day: sent (0), then its negotiation steps (1), then the client's answer
   * through its proposal (2), then the decision (3). One order on the quote page and the client page.
   */
  stage: 0 | 1 | 2 | 3;
}

/** The day the quote line stands on: sent, else created. */
function quoteDay(quote: TimelineQuote): string {
  return quote.sentOn ?? quote.createdAt.slice(0, 10);
}

/** The quote was offered as a proposal on the day it was quoted: one line says so, with the options. */
function quotedAsProposal(quote: TimelineQuote): boolean {
  return quote.proposal?.sentOn != null && quote.proposal.sentOn === quoteDay(quote);
}

/**
 * The proposal's own entries, as they happened (derived from its row, never a negotiation step): sent on
 * its sent day, with its options and prices (unless the quote line already says it: sent the day it was
 * quoted: then it is the quote line); chosen or declined on the day the client answered.
 */
function proposalEntries(quote: TimelineQuote, locale: string): TimelineEntry[] {
  const p = quote.proposal;
  if (!p) return [];
  const base = { quoteId: quote.id, quoteTitle: quote.title, note: null, detail: null, source: { type: "quote" as const, id: quote.id } };
  const out: TimelineEntry[] = [];
  if (p.sentOn && !quotedAsProposal(quote))
    out.push({ ...base, key: `p${p.id}-sent`, date: p.sentOn, title: proposalSentTitle(p, locale), tone: "info", recordedAt: p.createdAt, stage: 0 });
  const answer = proposalAnswerTitle(p, locale);
  if (answer && p.answeredOn)
    out.push({ ...base, key: `p${p.id}-answer`, date: p.answeredOn, title: answer, tone: p.chosenOptionId != null ? "good" : "neutral", recordedAt: p.answeredAt ?? p.createdAt, stage: 2 });
  return out;
}

/**
 * The quote line's words. Answered through a proposal, the quote's price and hours are the chosen
 * option's (right for scoring, wrong for history): the line says what happened instead.
 */
function quotedTitle(quote: TimelineQuote, money: (n: number) => string, locale: string): { title: string; detail: string | null } {
  const p = quote.proposal;
  // sent as a proposal the day it was quoted: that is the quote line ("Proposal sent (3 options: …)")
  if (p && quotedAsProposal(quote)) return { title: proposalSentTitle(p, locale), detail: null };
  if (p?.sentOn && chosenOption(p)) return { title: "Quoted, then offered as a proposal", detail: null };
  return { title: `Quoted ${money(quote.quotedAmount)} for ${formatHours(quote.estimatedMinutes, locale)}`, detail: null };
}

export function quoteTimeline(quote: TimelineQuote, locale = "en-US"): TimelineEntry[] {
  const money = (n: number) => formatMoney(n, quote.currency, locale);
  const out: TimelineEntry[] = [];
  const base = { quoteId: quote.id, quoteTitle: quote.title };
  const summary = replayNegotiation(quote);
  const opener = openingOffer(quote);
  const quoted = quotedTitle(quote, money, locale);
  out.push({
    ...base,
    key: `q${quote.id}-sent`,
    date: quoteDay(quote),
    // a quote opened from the client's offer was never priced by me: say so, not "Quoted"
    title: opener
      ? `Opened from their offer, for ${formatHours(quote.estimatedMinutes, locale)}`
      : quote.sourceKey != null
        ? // brought in by a history import: what the file says, never a quote I sent
          `Imported: ${money(quote.quotedAmount)} for ${formatHours(quote.estimatedMinutes, locale)}${quote.estimateKnown === false ? " of work" : ""}`
        : quoted.title,
    detail: quote.sourceKey != null ? "From an imported file: how it was negotiated is not known" : opener ? null : quoted.detail,
    note: null,
    tone: "info",
    source: { type: "quote", id: quote.id },
    recordedAt: quote.createdAt,
    stage: 0,
  });
  for (const step of summary.steps) {
    const e = step.event;
    let title = label(e.kind);
    let tone: TimelineTone = "neutral";
    let detail: string | null = null;
    if (e.kind === "discount_request") {
      title = e.percentBp != null ? `They asked for ${formatPercentBp(e.percentBp, locale)} off` : `They asked for ${money(e.amount ?? 0)} off`;
      detail = `${money(step.priceBefore)} → ${money(step.requestedPrice ?? step.priceBefore)}`;
      tone = "warn";
    } else if (e.kind === "client_counter" && e.id === opener?.id) {
      title = `They offered ${money(e.amount ?? 0)}`;
      tone = "warn";
    } else if (e.kind === "client_counter") {
      title = `They countered at ${money(e.amount ?? 0)}`;
      detail = step.requestedBp ? `${formatPercentBp(step.requestedBp, locale)} below ${money(step.priceBefore)}` : null;
      tone = "warn";
    } else if (e.kind === "my_answer") {
      title = `I ${e.answer === "held_firm" ? "held firm" : e.answer === "conceded" ? "conceded" : e.answer === "met_halfway" ? "met them halfway" : "cut scope to fit the budget"}`;
      detail = step.priceAfter !== step.priceBefore ? `${money(step.priceBefore)} → ${money(step.priceAfter)}` : `Price stays ${money(step.priceAfter)}`;
      if (e.answer === "cut_scope") detail += ` · scope ${formatHours(step.minutesAfter, locale)}`;
      tone = e.answer === "held_firm" || e.answer === "cut_scope" ? "good" : "bad";
    } else if (e.kind === "my_counter") {
      title = `I countered at ${money(e.amount ?? 0)}`;
      tone = "info";
    }
    out.push({ ...base, key: `e${e.id}`, date: e.occurredOn, title, detail, note: e.note, tone, source: { type: "event", id: e.id, quoteId: quote.id }, recordedAt: e.createdAt, stage: 1 });
  }
  if (quote.decidedOn && !["draft", "sent", "negotiating"].includes(quote.status)) {
    const accepted = quote.status === "accepted";
    // accepted through the proposal: which option, at its price and hours
    const option = accepted && quote.proposal ? chosenOption(quote.proposal) : null;
    const agreed = money(quote.agreedAmount ?? summary.currentPrice);
    out.push({
      ...base,
      key: `q${quote.id}-decided`,
      date: quote.decidedOn,
      title: option ? `Accepted at ${agreed} for ${optionName(option.name)} (${formatHours(option.minutes, locale)})` : accepted ? `Accepted at ${agreed}` : label(quote.status),
      detail: quote.rejectionReason ? `Reason: ${label(quote.rejectionReason)}` : null,
      note: null,
      tone: accepted ? "good" : quote.status === "declined_by_me" ? "info" : "neutral",
      source: { type: "quote", id: quote.id },
      recordedAt: quote.updatedAt,
      stage: 3,
    });
  }
  // oldest first, like the rest (the quote page reverses it): each where it happened, by day then stage
  for (const entry of proposalEntries(quote, locale)) {
    const at = out.findIndex((e) => e.date > entry.date || (e.date === entry.date && e.stage > entry.stage));
    out.splice(at === -1 ? out.length : at, 0, entry);
  }
  return out;
}

function interactionEntry(i: Interaction, currency: string, locale: string, quoteTitles: Map<number, string>): TimelineEntry {
  let title = label(i.kind);
  let detail: string | null = null;
  let tone: TimelineTone = "neutral";
  if (i.kind === "ask") {
    title = `${label(i.subtype)}: ${formatHours(i.minutes ?? 0, locale)}${i.paid ? " (paid)" : " unpaid"}`;
    tone = i.paid ? "neutral" : "bad";
  } else if (i.kind === "give") {
    title = `They gave back: ${label(i.subtype)}`;
    tone = "good";
  } else if (i.kind === "follow_up") {
    title = i.answered == null ? "I followed up, waiting for their answer" : i.answered ? "I followed up, they answered" : "I followed up, no answer";
    tone = i.answered === false ? "warn" : "neutral";
  } else if (i.kind === "payment") {
    title = i.daysLate ? `Paid ${plural(i.daysLate, "day")} late` : "Paid on time";
    tone = (i.daysLate ?? 0) > 0 ? "warn" : "good";
    if (i.amount != null) detail = formatMoney(i.amount, currency, locale);
  }
  return {
    key: `i${i.id}`,
    date: i.occurredOn,
    title,
    detail,
    note: i.note,
    tone,
    quoteId: i.quoteId,
    quoteTitle: i.quoteId != null ? (quoteTitles.get(i.quoteId) ?? null) : null,
    source: { type: "interaction", id: i.id },
    recordedAt: i.createdAt,
    stage: 1,
  };
}

/**
 * Newest first. On the same day: within one quote, its decision above the client's answer through its
 * proposal above its negotiation steps above its sending (and steps in the order they were replayed); otherwise what was written down later is newer;
 * then the higher id. Never a string sort of keys ("e9" above "e10", "Quoted" above "Accepted").
 */
export function newestFirst(a: TimelineEntry, b: TimelineEntry): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  const sameQuote = a.source.type !== "interaction" && b.source.type !== "interaction" && a.quoteId === b.quoteId;
  if (sameQuote && a.stage !== b.stage) return b.stage - a.stage;
  if (!sameQuote && a.recordedAt !== b.recordedAt) return a.recordedAt < b.recordedAt ? 1 : -1;
  return b.source.id - a.source.id || (a.key < b.key ? 1 : a.key > b.key ? -1 : 0);
}

export function clientTimeline(history: ClientHistory & { quotes: TimelineQuote[] }, currency: string, locale = "en-US"): TimelineEntry[] {
  const titles = new Map(history.quotes.map((q) => [q.id, q.title]));
  const entries = [...history.quotes.flatMap((q) => quoteTimeline(q, locale)), ...history.interactions.map((i) => interactionEntry(i, currency, locale, titles))];
  return entries.sort(newestFirst);
}
