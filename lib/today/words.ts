/**
 * Today's sentences, apart from the numbers the rules compute. Pure: numbers and names in, words out.
 */
import { formatDay } from "../format-date";
import { formatMoney, formatPercentBp } from "../money";
import { lowerFirst, plural } from "../text";

/** The essay's line, said when chasing has stopped paying. */
export const PURSUIT_LINE = "Pursuit without reciprocity creates the opposite of attraction.";

/**
 * The built-in follow-up, used when there is no default "Follow-up message" template: short, one ask, no
 * pleading and no discount. Placeholders: {client}, {quote}, {price}, {sentOn}.
 */
export const DEFAULT_FOLLOW_UP_TEMPLATE =
  "Hi {client}, following up on my quote for {quote} ({price}), sent on {sentOn}. Are you still planning to go ahead? If the timing has changed, a quick no is fine too.";

/**
 * The built-in follow-up after my answer (my price, or my counter) met silence: the same spirit. {price} is
 * the price my answer left on the table, {sentOn} the day I answered.
 */
export const DEFAULT_ANSWER_FOLLOW_UP_TEMPLATE =
  "Hi {client}, following up on my answer about {quote} ({price}, on {sentOn}). Shall we go ahead? If not, a quick no is fine too.";

const quoted = (title: string) => `\u201c${title}\u201d`;

export interface AskWords {
  kind: "discount_request" | "client_counter";
  /** the discount asked, in basis points, when they asked in percent */
  percentBp: number | null;
  /** the money off (discount) or the price they offered (counter) */
  amount: number;
  currency: string;
  on: string;
  days: number;
  locale: string;
}

export const todayWords = {
  answerTitle: (client: string, title: string) => `Answer ${client} on ${quoted(title)}`,
  /** "They asked for 20% off (−$800) on Nov 3, 2026; waiting 4 days on your answer." */
  answerReason(a: AskWords): string {
    const money = formatMoney(a.amount, a.currency, a.locale);
    const day = a.days === 0 ? "today" : `on ${formatDay(a.on, a.locale)}`;
    const ask =
      a.kind === "client_counter"
        ? `They countered at ${money} ${day}`
        : a.percentBp != null
          ? `They asked for ${formatPercentBp(a.percentBp, a.locale)} off (\u2212${money}) ${day}`
          : `They asked for ${money} off ${day}`;
    return a.days === 0 ? `${ask}; waiting on your answer.` : `${ask}; waiting ${plural(a.days, "day")} on your answer.`;
  },
  /** added to an answer owed when the client is in the walk-away band: " Fit 28/100: walk-away band — consider declining." */
  walkAwayNote: (score: number) => `Fit ${score}/100: walk-away band \u2014 consider declining.`,
  answerAction: "Check their offer",
  openQuote: "Open the quote",

  followUpTitle: (client: string, title: string) => `Follow up with ${client} on ${quoted(title)}`,
  stopChasingTitle: (client: string, title: string) => `Stop chasing ${client} on ${quoted(title)}`,
  /** "Sent 9 days ago, no reply: follow up once." / "Sent 16 days ago and followed up on Nov 12, 2026, no reply: follow up one last time." */
  followUpReason(sentDays: number, followUps: number, lastFollowUp: string | null, left: number, locale: string): string {
    const sent = sentDays === 0 ? "Sent today" : `Sent ${plural(sentDays, "day")} ago`;
    if (followUps === 0 || !lastFollowUp) return `${sent}, no reply: follow up once.`;
    const more = left <= 1 ? "follow up one last time" : "follow up once more";
    return `${sent} and followed up on ${formatDay(lastFollowUp, locale)}, no reply: ${more}.`;
  },
  /** "You answered on Nov 3, 2026 ($4,000.00); no reply in 8 days: follow up once." */
  followUpAfterAnswerReason(answered: { on: string; price: string }, days: number, followUps: number, lastFollowUp: string | null, left: number, locale: string): string {
    const mine = `You answered on ${formatDay(answered.on, locale)} (${answered.price})`;
    if (followUps === 0 || !lastFollowUp) return `${mine}; no reply in ${plural(days, "day")}: follow up once.`;
    const more = left <= 1 ? "follow up one last time" : "follow up once more";
    return `${mine} and followed up on ${formatDay(lastFollowUp, locale)}, no reply: ${more}.`;
  },
  /** "You answered on Nov 3, 2026 ($4,000.00); 2 follow-ups since, no reply. Pursuit without … Stop chasing: …" */
  stopChasingAfterAnswerReason(answered: { on: string; price: string }, followUps: number, locale: string): string {
    return `You answered on ${formatDay(answered.on, locale)} (${answered.price}); ${plural(followUps, "follow-up")} since, no reply. ${PURSUIT_LINE} Stop chasing: mark the quote expired, or record that they walked away.`;
  },
  /** "Sent 23 days ago; 2 follow-ups since, no reply. Pursuit without … Stop chasing: …" */
  stopChasingReason(sentDays: number, followUps: number): string {
    const sent = sentDays === 0 ? "Sent today" : `Sent ${plural(sentDays, "day")} ago`;
    return `${sent}; ${plural(followUps, "follow-up")} since, no reply. ${PURSUIT_LINE} Stop chasing: mark the quote expired, or record that they walked away.`;
  },
  followUpAction: "Log my follow-up",
  markExpiredAction: "Mark it expired",
  walkedAwayAction: "They walked away",

  walkAwayTitle: (client: string) => `Walk away from ${client}`,
  /** "Fit 28/100 — asked for a discount on 4 of 5 quotes." */
  walkAwayReason(score: number, mainReason: string | null): string {
    const reason = mainReason ? lowerFirst(mainReason.trim()).replace(/\.?$/, ".") : "their score is in the walk-away band.";
    return `Fit ${score}/100 \u2014 ${reason}`;
  },
  seeWhyAction: "See why",
  walkAwayAction: "Walk away",
};

/** Said only when nothing at all is open or marked: every kind of item Today knows, in plain words. */
export const EVERYTHING_CLEAR =
  "No answer is owed, no quote needs a follow-up, no payment is overdue, no active client is in the walk-away band and no rate is due a raise.";

/** "3 items you marked done, snoozed or not relevant are below." */
export const markedBelow = (marked: number) => `${plural(marked, "item")} you marked done, snoozed or not relevant ${marked === 1 ? "is" : "are"} below.`;

/**
 * Today's one-line summary: "Dec 1, 2026: 4 things to do, most pressing first." — and when nothing is open
 * but some items are marked, it says so instead of claiming nothing is owed: "Dec 1, 2026: nothing open —
 * 3 items you marked done, snoozed or not relevant are below."
 */
export function todaySummary(today: string, open: number, marked: number, locale: string): string {
  const day = formatDay(today, locale);
  if (open === 0) return marked ? `${day}: nothing open \u2014 ${markedBelow(marked)}` : `${day}: nothing open.`;
  return `${day}: ${plural(open, "thing")} to do, most pressing first.${marked ? ` ${markedBelow(marked)}` : ""}`;
}
