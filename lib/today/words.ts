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

const quoted = (title: string) => `\u201c${title}\u201d`;
const waited = (days: number) => (days === 0 ? "since today" : plural(days, "day"));

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
    const day = formatDay(a.on, a.locale);
    const ask =
      a.kind === "client_counter"
        ? `They countered at ${money} on ${day}`
        : a.percentBp != null
          ? `They asked for ${formatPercentBp(a.percentBp, a.locale)} off (\u2212${money}) on ${day}`
          : `They asked for ${money} off on ${day}`;
    return `${ask}; waiting ${waited(a.days)} on your answer.`;
  },
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
