/**
 * Follow up once, then stop chasing. A quote still "sent" on which the client has said nothing — or an open
 * quote whose latest negotiation step is mine (my answer or my counter) with nothing from them since — gets
 * one item (key chase:quote:<id>) once settings.followUpAfterDays have passed since the last contact (the
 * sending or my answer, or my latest follow-up since): "follow up once" while my unanswered follow-ups
 * since then are fewer than settings.chaseThreshold, "stop chasing" from then on. A follow-up they
 * answered means they replied: no item. Pure.
 */
import type { Client, Interaction, QuoteWithEvents, Settings } from "../domain";
import { fillTemplate } from "../offer-check/templates";
import { formatDay } from "../format-date";
import { formatMoney } from "../money";
import { replayNegotiation } from "../negotiation";
import { clientAnswered } from "../worth/chasing";
import { daysSince, sentDayOf, todayKeys } from "./shared";
import type { TodayItem } from "./types";
import { DEFAULT_ANSWER_FOLLOW_UP_TEMPLATE, DEFAULT_FOLLOW_UP_TEMPLATE, todayWords } from "./words";

export interface ChaseFacts {
  /** the day it was sent (or created) */
  sentDay: string;
  /** when the latest step is mine (my answer or my counter): that step's id, day and the price it left on the table; else null */
  myAnswer: { eventId: number; on: string; price: number } | null;
  /** my follow-ups on the quote since the sending (or my answer) that were not answered (unknown yet, or no) */
  followUps: number;
  /** the latest of them, or null */
  lastFollowUp: string | null;
  /** the sending (or my answer) or the latest follow-up: the silence is counted from it */
  lastContact: string;
}

/** My latest step when it is the last one of the negotiation (my answer or my counter), else null. */
function myLastStep(quote: QuoteWithEvents): ChaseFacts["myAnswer"] {
  const steps = replayNegotiation(quote).steps;
  const last = steps[steps.length - 1];
  if (!last || (last.event.kind !== "my_answer" && last.event.kind !== "my_counter")) return null;
  return { eventId: last.event.id, on: last.event.occurredOn, price: last.priceAfter };
}

/**
 * The chase's facts, or null when there is nothing to chase: not open, the client's step is the last one
 * (an answer is owed instead), or they answered a follow-up since the sending / my answer.
 */
export function chaseFacts(quote: QuoteWithEvents, interactions: readonly Interaction[]): ChaseFacts | null {
  if (quote.status !== "sent" && quote.status !== "negotiating") return null;
  const sentDay = sentDayOf(quote);
  let myAnswer: ChaseFacts["myAnswer"] = null;
  if (quote.status === "negotiating" || clientAnswered(quote)) {
    myAnswer = myLastStep(quote);
    if (!myAnswer) return null;
  }
  const from = myAnswer?.on ?? sentDay;
  const mine = interactions.filter((i) => i.kind === "follow_up" && i.quoteId === quote.id && i.occurredOn >= from);
  if (mine.some((i) => i.answered === true)) return null;
  const lastFollowUp = mine.reduce<string | null>((last, i) => (last === null || i.occurredOn > last ? i.occurredOn : last), null);
  return { sentDay, myAnswer, followUps: mine.length, lastFollowUp, lastContact: lastFollowUp ?? from };
}

/** A threshold below 1 would say "stop" before any follow-up: it is read as 1 (as the worth model does). */
export const chaseThresholdOf = (settings: Pick<Settings, "chaseThreshold">) => Math.max(1, Math.round(settings.chaseThreshold));

export interface ChaseOptions {
  /** the user's default "Follow-up message" template body, if any */
  template?: string | null;
  locale?: string;
}

export function chaseItem(
  quote: QuoteWithEvents,
  client: Pick<Client, "id" | "name">,
  interactions: readonly Interaction[],
  settings: Pick<Settings, "chaseThreshold" | "followUpAfterDays">,
  today: string,
  opts: ChaseOptions = {},
): TodayItem | null {
  const facts = chaseFacts(quote, interactions);
  if (!facts) return null;
  if (daysSince(facts.lastContact, today) < settings.followUpAfterDays) return null;
  const locale = opts.locale ?? "en-US";
  const threshold = chaseThresholdOf(settings);
  const sentDays = daysSince(facts.sentDay, today);
  const stop = facts.followUps >= threshold;
  const answer = facts.myAnswer;
  const since = answer?.on ?? facts.sentDay;
  const days = daysSince(since, today);
  const price = answer?.price ?? quote.quotedAmount;
  const answered = answer ? { on: answer.on, price: formatMoney(price, quote.currency, locale) } : null;
  const base = {
    key: todayKeys.chase(quote.id),
    clientId: client.id,
    clientName: client.name,
    quoteId: quote.id,
    since,
    days,
    // after my answer, the answer is part of the facts: a new answer of mine starts a new chase
    fingerprint: `${quote.status}|${facts.followUps}|${facts.lastContact}${answer ? `|event:${answer.eventId}` : ""}`,
    amount: { value: price, currency: quote.currency },
  };
  if (stop)
    return {
      ...base,
      kind: "stop_chasing",
      title: todayWords.stopChasingTitle(client.name, quote.title),
      reason: answered ? todayWords.stopChasingAfterAnswerReason(answered, facts.followUps, locale) : todayWords.stopChasingReason(sentDays, facts.followUps),
      actions: [
        { type: "mark_expired", label: todayWords.markExpiredAction, quoteId: quote.id },
        { type: "client_walked_away", label: todayWords.walkedAwayAction, quoteId: quote.id },
      ],
      message: null,
    };
  const message = fillTemplate(opts.template?.trim() ? opts.template : answer ? DEFAULT_ANSWER_FOLLOW_UP_TEMPLATE : DEFAULT_FOLLOW_UP_TEMPLATE, {
    client: client.name,
    quote: quote.title,
    price: formatMoney(price, quote.currency, locale),
    sentOn: formatDay(since, locale),
  });
  return {
    ...base,
    kind: "follow_up",
    title: todayWords.followUpTitle(client.name, quote.title),
    reason: answered
      ? todayWords.followUpAfterAnswerReason(answered, days, facts.followUps, facts.lastFollowUp, threshold - facts.followUps, locale)
      : todayWords.followUpReason(sentDays, facts.followUps, facts.lastFollowUp, threshold - facts.followUps, locale),
    actions: [
      { type: "follow_up", label: todayWords.followUpAction, quoteId: quote.id },
      { type: "link", label: todayWords.openQuote, href: `/quotes/${quote.id}` },
    ],
    message,
  };
}
