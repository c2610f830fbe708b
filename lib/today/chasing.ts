/**
 * Follow up once, then stop chasing. A quote still "sent" on which the client has said nothing gets one
 * item (key chase:quote:<id>) once settings.followUpAfterDays have passed since the last contact (the
 * sending, or my latest follow-up on it): "follow up once" while my unanswered follow-ups since the sending
 * are fewer than settings.chaseThreshold, "stop chasing" from then on. A follow-up they answered means they
 * replied: no item. Pure.
 */
import type { Client, Interaction, QuoteWithEvents, Settings } from "../domain";
import { fillTemplate } from "../offer-check/templates";
import { formatDay } from "../format-date";
import { formatMoney } from "../money";
import { clientAnswered } from "../worth/chasing";
import { daysSince, sentDayOf, todayKeys } from "./shared";
import type { TodayItem } from "./types";
import { DEFAULT_FOLLOW_UP_TEMPLATE, todayWords } from "./words";

export interface ChaseFacts {
  /** the day it was sent (or created) */
  sentDay: string;
  /** my follow-ups on the quote since the sending that were not answered (unknown yet, or no) */
  followUps: number;
  /** the latest of them, or null */
  lastFollowUp: string | null;
  /** the sending or the latest follow-up: the silence is counted from it */
  lastContact: string;
}

/** The chase's facts, or null when there is nothing to chase (not sent, or the client has answered). */
export function chaseFacts(quote: QuoteWithEvents, interactions: readonly Interaction[]): ChaseFacts | null {
  if (quote.status !== "sent" || clientAnswered(quote)) return null;
  const sentDay = sentDayOf(quote);
  const mine = interactions.filter((i) => i.kind === "follow_up" && i.quoteId === quote.id && i.occurredOn >= sentDay);
  if (mine.some((i) => i.answered === true)) return null;
  const lastFollowUp = mine.reduce<string | null>((last, i) => (last === null || i.occurredOn > last ? i.occurredOn : last), null);
  return { sentDay, followUps: mine.length, lastFollowUp, lastContact: lastFollowUp ?? sentDay };
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
  const base = {
    key: todayKeys.chase(quote.id),
    clientId: client.id,
    clientName: client.name,
    quoteId: quote.id,
    since: facts.sentDay,
    days: sentDays,
    fingerprint: `${quote.status}|${facts.followUps}|${facts.lastContact}`,
    amount: { value: quote.quotedAmount, currency: quote.currency },
  };
  if (stop)
    return {
      ...base,
      kind: "stop_chasing",
      title: todayWords.stopChasingTitle(client.name, quote.title),
      reason: todayWords.stopChasingReason(sentDays, facts.followUps),
      actions: [
        { type: "mark_expired", label: todayWords.markExpiredAction, quoteId: quote.id },
        { type: "client_walked_away", label: todayWords.walkedAwayAction, quoteId: quote.id },
      ],
      message: null,
    };
  const message = fillTemplate(opts.template?.trim() ? opts.template : DEFAULT_FOLLOW_UP_TEMPLATE, {
    client: client.name,
    quote: quote.title,
    price: formatMoney(quote.quotedAmount, quote.currency, locale),
    sentOn: formatDay(facts.sentDay, locale),
  });
  return {
    ...base,
    kind: "follow_up",
    title: todayWords.followUpTitle(client.name, quote.title),
    reason: todayWords.followUpReason(sentDays, facts.followUps, facts.lastFollowUp, threshold - facts.followUps, locale),
    actions: [
      { type: "follow_up", label: todayWords.followUpAction, quoteId: quote.id },
      { type: "link", label: todayWords.openQuote, href: `/quotes/${quote.id}` },
    ],
    message,
  };
}
