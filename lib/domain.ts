/**
 * The product's vocabulary: every enum the database, the forms and the API share,
 * with the words a user sees. Pure data, no I/O.
 */

export const UNITS = ["hour", "day"] as const;
export type Unit = (typeof UNITS)[number];

export const LEAD_SOURCES = ["referral", "inbound", "platform", "cold_outreach", "repeat", "other"] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];

export const CLIENT_STATUSES = ["prospect", "active", "paused", "walked_away", "archived"] as const;
export type ClientStatus = (typeof CLIENT_STATUSES)[number];

export const QUOTE_STATUSES = [
  "draft",
  "sent",
  "negotiating",
  "accepted",
  "rejected",
  "declined_by_me",
  "withdrawn",
  "expired",
] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];
/** quotes still open: a decision has not been made */
export const OPEN_QUOTE_STATUSES: readonly QuoteStatus[] = ["draft", "sent", "negotiating"];

/** The essay's rejection reframe: "Wrong timing. Wrong fit. Wrong person." (plus price, other). */
export const REJECTION_REASONS = ["wrong_timing", "wrong_fit", "wrong_person", "price", "other"] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** A client declining a proposal says why (the essay's reframe, and price): stored on the quote as its rejection reason. */
export const PROPOSAL_DECLINE_REASONS = ["wrong_timing", "wrong_fit", "price", "other"] as const;
export type ProposalDeclineReason = (typeof PROPOSAL_DECLINE_REASONS)[number];

/** Where an option's price came from: the rate card at target, lifted to the minimum fee, or typed by the user. */
export const OPTION_PRICE_SOURCES = ["rate_card", "minimum_fee", "custom"] as const;
export type OptionPriceSource = (typeof OPTION_PRICE_SOURCES)[number];

export const EVENT_KINDS = ["discount_request", "client_counter", "my_answer", "my_counter"] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const ANSWERS = ["held_firm", "conceded", "met_halfway", "cut_scope"] as const;
export type Answer = (typeof ANSWERS)[number];

export const INTERACTION_KINDS = ["ask", "give", "follow_up", "payment"] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

/** One-way asks: "the friend who only calls when they need something". */
export const ASK_KINDS = ["unpaid_favour", "quick_question", "scope_creep", "rush_demand", "free_consult"] as const;
export type AskKind = (typeof ASK_KINDS)[number];

/** What the client gives back. */
export const GIVE_KINDS = ["referral", "testimonial", "repeat_work", "prompt_payment"] as const;
export type GiveKind = (typeof GIVE_KINDS)[number];

/** decline / counter: the offer check; follow_up_message: Today's "follow up once"; raise: the rate-increase notice letter. */
export const TEMPLATE_KINDS = ["decline", "counter", "follow_up_message", "raise"] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export const LABELS: Record<string, string> = {
  hour: "hour",
  day: "day",
  referral: "Referral",
  inbound: "Inbound",
  platform: "Platform",
  cold_outreach: "Cold outreach",
  repeat: "Repeat",
  other: "Other",
  prospect: "Prospect",
  active: "Active",
  paused: "Paused",
  walked_away: "Walked away",
  archived: "Archived",
  draft: "Draft",
  sent: "Sent",
  negotiating: "Negotiating",
  accepted: "Accepted",
  rejected: "Rejected",
  declined_by_me: "Declined by me",
  withdrawn: "Withdrawn",
  expired: "Expired",
  wrong_timing: "Wrong timing",
  wrong_fit: "Wrong fit",
  wrong_person: "Wrong person",
  price: "Price",
  discount_request: "Asked for a discount",
  client_counter: "Client counter-offer",
  my_answer: "My answer",
  my_counter: "My counter-offer",
  held_firm: "Held firm",
  conceded: "Conceded",
  met_halfway: "Met halfway",
  cut_scope: "Cut scope to fit budget",
  ask: "One-way ask",
  give: "Gave back",
  follow_up: "My follow-up",
  payment: "Payment",
  unpaid_favour: "Unpaid favour",
  quick_question: "\u201cQuick question\u201d",
  scope_creep: "Scope creep",
  rush_demand: "Rush demand",
  free_consult: "Free consult",
  testimonial: "Testimonial",
  repeat_work: "Repeat paid work",
  prompt_payment: "Prompt payment",
  decline: "Decline",
  counter: "Counter-offer",
  follow_up_message: "Follow-up message",
  raise: "Rate increase notice",
  negotiated: "Negotiated",
  left: "Left",
  done: "Done",
  snoozed: "Snoozed",
  not_relevant: "Not relevant",
};

export function label(value: string | null | undefined): string {
  if (!value) return "";
  return LABELS[value] ?? value.replace(/_/g, " ");
}

// ---- Plain domain records (what db/ query functions return and lib/ consumes) ----

export { DEFAULT_SETTINGS, type Settings } from "./settings-model";

export interface Service {
  id: number;
  name: string;
  unit: Unit;
  currency: string;
  /** minor units per unit */
  marketRate: number;
  targetRate: number;
  floorRate: number;
}

export interface Client {
  id: number;
  name: string;
  company: string | null;
  email: string | null;
  leadSource: LeadSource;
  status: ClientStatus;
  notes: string | null;
  /** their own payment terms in days (null: the book's setting) */
  paymentTermsDays?: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface QuoteEvent {
  id: number;
  quoteId: number;
  kind: EventKind;
  answer: Answer | null;
  percentBp: number | null;
  amount: number | null;
  scopeMinutes: number | null;
  note: string | null;
  /** ISO date YYYY-MM-DD */
  occurredOn: string;
  createdAt: string;
}

export interface Quote {
  id: number;
  clientId: number;
  serviceId: number | null;
  title: string;
  scope: string | null;
  estimatedMinutes: number;
  quotedAmount: number;
  currency: string;
  status: QuoteStatus;
  agreedAmount: number | null;
  sentOn: string | null;
  decidedOn: string | null;
  rejectionReason: RejectionReason | null;
  cameBackAtMyPrice: boolean;
  /** in another currency than the book's: book-currency units per 1 unit of `currency` (exact decimal string) */
  fxRate?: string | null;
  /** the day the work was finished (its logged time is then the whole job) */
  workDoneOn?: string | null;
  /** false: made from imported time, no estimate of its own (absent: true) */
  estimateKnown?: boolean;
  /** a quote created by a history import: the file row's key */
  sourceKey?: string | null;
  /**
   * the payment terms agreed when the quote was accepted (the client's, else the book's), in days after
   * the work is done (or, until then, after acceptance); null: not tracked (accepted before terms existed, imported)
   */
  paymentTermsDays?: number | null;
  createdAt: string;
  updatedAt: string;
}

/** Time actually spent on a quote's work. */
export interface TimeEntry {
  id: number;
  quoteId: number;
  /** ISO date YYYY-MM-DD */
  occurredOn: string;
  /** 1..1440 */
  minutes: number;
  note: string | null;
  billable: boolean | null;
  sourceKey: string | null;
  createdAt: string;
}

/** A rate the user keeps: 1 `currency` = `rate` `bookCurrency` from `effectiveFrom` on. */
export interface ExchangeRate {
  id: number;
  currency: string;
  bookCurrency: string;
  effectiveFrom: string;
  rate: string;
  createdAt: string;
}

export interface Interaction {
  id: number;
  clientId: number;
  quoteId: number | null;
  kind: InteractionKind;
  subtype: AskKind | GiveKind | null;
  minutes: number | null;
  paid: boolean | null;
  answered: boolean | null;
  daysLate: number | null;
  amount: number | null;
  initiatedBy: "me" | "client" | null;
  note: string | null;
  occurredOn: string;
  createdAt: string;
}

export interface QuoteWithEvents extends Quote {
  events: QuoteEvent[];
  /** the service's rates in force on the quote's date (lib/rates.ts), when the loader knows them */
  rates?: { marketRate: number; targetRate: number; floorRate: number } | null;
  /** minutes of time logged on the quote (time_entries), when the loader knows them; 0 or absent: none */
  actualMinutes?: number;
}

/** Everything recorded about one client: the input of the worth model. */
export interface ClientHistory {
  client: Client;
  quotes: QuoteWithEvents[];
  interactions: Interaction[];
}

/** A client's own rate for a service from a day on (until their next row): what they are charged, in the service's currency and unit. */
export interface ClientRate {
  id: number;
  clientId: number;
  serviceId: number;
  /** ISO date YYYY-MM-DD */
  effectiveFrom: string;
  /** minor units per the service's unit */
  rate: number;
  /** the rate plan that set it, if any */
  ratePlanId: number | null;
  createdAt: string;
}

export const RAISE_OUTCOMES = ["accepted", "negotiated", "left"] as const;
export type RaiseOutcome = (typeof RAISE_OUTCOMES)[number];

/** A planned rate increase: the letter sent, the new rate from a day, and what the client answered. */
export interface RatePlan {
  id: number;
  clientId: number;
  serviceId: number;
  currency: string;
  /** what they paid per unit when the raise was planned (minor units) */
  currentRate: number;
  /** the target in force on the planning day (minor units per unit), to say "paid 62% of target" */
  targetRate: number;
  newRate: number;
  /** the day the notice letter was given (the planning day) */
  noticeOn: string;
  /** the day the new rate starts */
  effectiveFrom: string;
  letter: string;
  outcome: RaiseOutcome | null;
  /** negotiated: the rate agreed */
  outcomeRate: number | null;
  outcomeOn: string | null;
  createdAt: string;
}

export const TODAY_STATES = ["done", "snoozed", "not_relevant"] as const;
export type TodayState = (typeof TODAY_STATES)[number];

/** What the user said about a Today item; it holds while the item's facts (fingerprint) are unchanged. */
export interface TodayItemState {
  itemKey: string;
  state: TodayState;
  fingerprint: string;
  /** snoozed: hidden until this day (it shows again on it) */
  snoozedUntil: string | null;
  createdAt: string;
}
