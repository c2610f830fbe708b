/**
 * The fit dashboard's inputs: the plain rows db/dashboard.ts reads and the per-quote / per-client values
 * the arithmetic in this folder works on (./types.ts has the result, Dashboard). Money is integer minor
 * units; shares are basis points.
 */
import type { Client, LeadSource, QuoteWithEvents, RejectionReason, Service } from "../domain";
import type { FitAssessment } from "../worth";
import type { NegotiationResponse } from "./types";

/** A quote in the filters, with its negotiation events and what the period and the breakdowns need. */
export interface ScopedQuote extends QuoteWithEvents {
  /** the day the quote belongs to the period by: decided, else sent, else created (ISO date) */
  periodDate: string;
  clientName: string;
  leadSource: LeadSource;
}

/** One accepted quote, settled by lib/settling.ts: the unit every settling sum adds up. */
export interface SettledQuote {
  quoteId: number;
  clientId: number;
  clientName: string;
  leadSource: LeadSource;
  serviceId: number | null;
  /** YYYY-MM of the period date */
  month: string;
  inSettingsCurrency: boolean;
  /** minutes the pay is judged on: time logged once it counts (lib/true-rate.ts), else the agreed scope's estimate */
  minutes: number;
  /** the agreed scope's estimate, minutes; null for a quote with no estimate of its own (made from imported time) */
  estimateMinutes: number | null;
  /** time logged on the quote, minutes (0: none) */
  actualMinutes: number;
  /** ran over its estimate by more than the creep threshold */
  crept: boolean;
  /** agreed price, the quote's currency */
  price: number;
  concededBp: number;
  /** an effective rate could be compared with a service's rates */
  rated: boolean;
  service: Service | null;
  effectiveRate: number | null;
  belowTarget: boolean;
  belowFloor: boolean;
  moneyLeft: number;
}

/** A client and the worth model's assessment of its history within the filters. */
export interface ClientAssessment {
  client: Client;
  a: FitAssessment;
}

/** A count as SQL gives it for one client: the dashboard keeps counts per client, so a write re-counts only its clients. */
export type PerClient<T> = T & { clientId: number };

/** Unpaid asks in the filters as SQL counts them: minutes as logged, and how many were logged without minutes. */
export interface UnpaidAskCount {
  asks: number;
  /** Σ minutes of the asks logged with a positive number of minutes */
  loggedMinutes: number;
  /** asks logged without (or with zero) minutes: each counts ASK_DEFAULT_MINUTES */
  unloggedAsks: number;
}

export interface UnpaidFigures {
  asks: number;
  minutes: number;
}

/** Priced quotes per answer class, as SQL counts them (see db/dashboard.ts negotiationCounts). */
export interface NegotiationCount {
  response: NegotiationResponse | "not_asked";
  quotes: number;
  /** discount requests and client counters on those quotes */
  asks: number;
  decided: number;
  accepted: number;
}

/** Rejected or declined quotes per reason and status. */
export interface RejectionCount {
  reason: RejectionReason | null;
  status: string;
  n: number;
}

/** Follow-ups per client. */
export interface ChaseCount {
  clientId: number;
  name: string;
  sent: number;
  answered: number;
  unanswered: number;
  /** answer not recorded yet */
  pending: number;
}
