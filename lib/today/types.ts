/**
 * Today: the short list of what needs the user now. Every item is made by a pure rule from facts the
 * book holds (docs/today.md); its key names it, its fingerprint names the facts it was made from.
 */
export const TODAY_KINDS = ["answer_owed", "follow_up", "stop_chasing", "payment_overdue", "walk_away", "raise_due"] as const;
export type TodayKind = (typeof TODAY_KINDS)[number];

/** A one-click step the UI offers on an item: a link, or a write the server does for it. */
export type TodayAction =
  | { type: "link"; label: string; href: string }
  /** log my one follow-up on the quote (answer unknown yet), with the message to send */
  | { type: "follow_up"; label: string; quoteId: number }
  /** stop chasing: my unanswered follow-ups are recorded as unanswered, and the quote expires */
  | { type: "mark_expired"; label: string; quoteId: number }
  /** stop chasing: the client walked away (quote rejected without an answer) */
  | { type: "client_walked_away"; label: string; quoteId: number }
  /** log the payment of an overdue quote (paid today by default) */
  | { type: "log_payment"; label: string; quoteId: number }
  /** walk away from an active client (status walked away) */
  | { type: "walk_away_client"; label: string; clientId: number };

export interface TodayItem {
  /** stable identity across days: "<kind>:<quote|client>:<id>" (follow_up and stop_chasing share "chase:quote:<id>") */
  key: string;
  kind: TodayKind;
  clientId: number;
  clientName: string;
  quoteId: number | null;
  /** the item in a few words: "Answer Acme on “Website redesign”" */
  title: string;
  /** why, in plain words with the numbers: "They asked for 20% off on 3 Nov; waiting 4 days on your answer." */
  reason: string;
  /** the day the item's clock started (the ask, the send, the due day, …) */
  since: string;
  /** whole days from `since` to today (late days for a payment) */
  days: number;
  /** the facts the item was made from; a done / snoozed / not relevant mark holds while it is unchanged */
  fingerprint: string;
  /** the first action is the main one */
  actions: TodayAction[];
  /** a message to send (follow up once, stop chasing, the raise letter's opening): already filled in */
  message?: string | null;
  /** money at stake, in minor units of `currency` (the overdue amount, the offer, …) */
  amount?: { value: number; currency: string } | null;
}

/** Today's list as the page and GET /api/v1/today give it. */
export interface TodayList {
  today: string;
  /** open items, in the order to do them */
  items: TodayItem[];
  /** items marked done / snoozed / not relevant whose facts are unchanged (the page can show them folded) */
  hidden: { item: TodayItem; state: "done" | "snoozed" | "not_relevant"; snoozedUntil: string | null }[];
}
