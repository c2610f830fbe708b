/**
 * The fit dashboard's shapes: what getDashboard (server/dashboard.ts) hands to the home page and to
 * GET /api/v1/dashboard, and the plain rows the arithmetic in this folder works on. docs/dashboard.md
 * explains every figure. Shares are basis points (10000 = 100%); money is integer minor units.
 */
import type { LeadSource, RejectionReason, Settings, Unit } from "../domain";
import type { FitAssessment, Verdict } from "../worth";
import type { DashboardFilters, Period } from "./filters";
import type { EstimateFigures } from "./estimate-types";
import type { ProposalFigures } from "./proposals";

// estimate vs actual's figures live in ./estimate-types.ts; re-exported with the rest
export type { EstimateFigures, EstimateGroup, EstimateTotals } from "./estimate-types";

// the rows the arithmetic works on (from db/dashboard.ts) live in ./input-types.ts; re-exported with the rest
export type { ChaseCount, ClientAssessment, NegotiationCount, PerClient, RejectionCount, ScopedQuote, SettledQuote, UnpaidAskCount, UnpaidFigures } from "./input-types";
import type { ChaseCount, UnpaidFigures } from "./input-types";

// ---------------- result types ----------------

/** Settling figures over a set of accepted quotes. Shares are basis points (10000 = 100%). */
export interface SettlingFigures {
  acceptedQuotes: number;
  /** accepted quotes whose rate could be compared with a service's rates */
  ratedQuotes: number;
  /** agreed scope of the accepted quotes, minutes */
  acceptedMinutes: number;
  ratedMinutes: number;
  belowTargetQuotes: number;
  belowFloorQuotes: number;
  belowTargetMinutes: number;
  belowFloorMinutes: number;
  /** share of rated accepted hours paid below target (null with nothing rated) */
  belowTargetShareBp: number | null;
  belowFloorShareBp: number | null;
  /** minor units of the settings currency; quotes in other currencies are counted in otherCurrencyQuotes */
  moneyLeft: number;
  /** agreed amounts of the accepted quotes, settings currency */
  revenue: number;
  otherCurrencyQuotes: number;
  /** accepted quotes where I gave a discount without cutting scope */
  concededQuotes: number;
  /** mean concession over all accepted quotes (0 for those held firm or not haggled), bp */
  averageConcessionBp: number | null;
}

export interface SettlingGroup extends SettlingFigures {
  key: string;
  label: string;
  /** set for the by-client breakdown */
  clientId: number | null;
}

/** A quote of the period in another currency than the book's with no exchange rate: its money is not counted. */
export interface QuoteLackingRate {
  quoteId: number;
  clientId: number;
  clientName: string;
  title: string;
  currency: string;
  status: string;
}

export interface FitRow {
  clientId: number;
  name: string;
  leadSource: LeadSource;
  score: number | null;
  verdict: Verdict;
  verdictLabel: string;
  confidence: FitAssessment["confidence"];
  evidenceCount: number;
  summary: string;
  /** the counted criteria in the walk-away band, named with their scores: "pay (35/100)" */
  redFlags: string[];
  /**
   * Why the verdict is not the one the score's band gives (red flags cap it, settings
   * capVerdictOnRedFlag / redFlagsForWalkAway): "capped by a red flag: pay (35/100)"; null when it is.
   */
  capped: string | null;
}

/** The verdict bands and red-flag rules of Settings: the fit chart's legend says them. */
export type VerdictRules = Pick<Settings, "bandKeep" | "bandWalkAway" | "capVerdictOnRedFlag" | "redFlagsForWalkAway">;

export type Quadrant = "keep" | "grow" | "painful" | "let_go";
export interface KeepPoint {
  clientId: number;
  name: string;
  score: number;
  verdict: Verdict;
  /** agreed amounts of accepted quotes in the period, settings currency */
  revenue: number;
  paidMinutes: number;
  unpaidMinutes: number;
  /** paid + unpaid: the time this client took */
  minutes: number;
  quadrant: Quadrant;
}

export interface MonthPoint {
  /** YYYY-MM */
  month: string;
  acceptedQuotes: number;
  ratedMinutes: number;
  moneyLeft: number;
  /** rate mode: minor units per unit; percent mode: bp of each quote's own target, hours-weighted. null = no rated work that month */
  effective: number | null;
  target: number;
  floor: number;
  market: number;
}

/**
 * What a shortened over-time series leaves out. The months from the first to the last month with
 * accepted work were more than MAX_SERIES_MONTHS (a date decades away, or a very long history), so
 * only the latest months that have accepted work are listed, without the empty months between them.
 */
export interface OverTimeShortened {
  /** months listed (MAX_SERIES_MONTHS at most) */
  shownMonths: number;
  /** the first and last month listed, YYYY-MM */
  from: string;
  to: string;
  /** months from the first to the last month with accepted work: what a full series would have listed */
  spanMonths: number;
  /** months with accepted work before `from`, not listed */
  omittedMonths: number;
  /** accepted quotes in those months (and any whose date is not a calendar month), not charted */
  omittedQuotes: number;
}

/**
 * A share with the cases it was computed from (lib/dashboard/samples.ts sampleShare). Below MIN_SAMPLE
 * cases it is not enough to show as a percentage: the dashboard says "too few to tell (part of whole)".
 */
export interface SampleShare {
  /** the share in basis points: part ÷ whole, or the figure's own measure (e.g. a share of hours); null when there is nothing to share */
  bp: number | null;
  /** the cases that count (accepted, answered, below target …) */
  part: number;
  /** the cases the share is of */
  whole: number;
  /** at least MIN_SAMPLE cases (and a share): show the percentage with its counts; otherwise "too few to tell (part of whole)" */
  enough: boolean;
}

/** Two shares compared side by side: only when each has MIN_SAMPLE cases. */
export interface SampleComparison {
  enough: boolean;
  /** the cases each side needs (MIN_SAMPLE) */
  minEach: number;
}

export type NegotiationResponse = "held_firm" | "conceded" | "cut_scope" | "countered" | "no_answer";
export const NEGOTIATION_RESPONSES: NegotiationResponse[] = ["held_firm", "conceded", "cut_scope", "countered", "no_answer"];
export const RESPONSE_LABELS: Record<NegotiationResponse | "not_asked", string> = {
  held_firm: "Held firm",
  conceded: "Conceded or met halfway",
  cut_scope: "Cut scope to fit budget",
  countered: "Counter-offered",
  no_answer: "No answer logged",
  not_asked: "No discount asked",
};

export interface ResponseRow {
  response: NegotiationResponse | "not_asked";
  label: string;
  quotes: number;
  decided: number;
  accepted: number;
  /** still open (draft, sent, negotiating) */
  open: number;
  /** accepted / decided, bp; null when none decided */
  acceptRateBp: number | null;
  /** the same rate with its cases (accepted of decided) and whether there are enough to show it */
  acceptRate: SampleShare;
}

export interface ReasonRow {
  reason: RejectionReason | "none";
  label: string;
  rejected: number;
  declinedByMe: number;
  total: number;
}

export interface ChaseRow extends ChaseCount {
  /** answered / (answered + unanswered), bp */
  answerRateBp: number | null;
  /** the same rate with its cases (answered of answered + unanswered) and whether there are enough to show it */
  answerRate: SampleShare;
  unansweredInARow: number;
  shouldStop: boolean;
}

export interface Dashboard {
  filters: DashboardFilters;
  period: Period;
  today: string;
  serviceName: string | null;
  currency: string;
  locale: string;
  bands: { keep: number; walkAway: number; capVerdictOnRedFlag: boolean; redFlagsForWalkAway: number };
  /** what the filters select: for empty states */
  counts: { clients: number; quotes: number; acceptedQuotes: number; interactions: number; services: number };
  headline: {
    settling: SettlingFigures;
    unpaid: UnpaidFigures;
    /** the period of equal length before this one; null when the period is open-ended */
    previous: null | { from: string; to: string; settling: SettlingFigures; unpaid: UnpaidFigures };
    /** moneyLeft now − before (positive = more left on the table); null without a previous period */
    moneyLeftChange: number | null;
    /** the change in bp of the previous amount; null when there is no previous period or it was 0 */
    moneyLeftChangeBp: number | null;
    verdicts: Record<Verdict, number>;
  };
  fit: FitRow[];
  keepOrLetGo: { points: KeepPoint[]; revenueMedian: number; bandKeep: number; bandWalkAway: number };
  overTime: {
    /** rate: one service, its own rates; percent: several services, each quote measured against its own target (10000 = target) */
    mode: "rate" | "percent";
    unit: Unit | null;
    /** currency of the rates in rate mode */
    rateCurrency: string | null;
    months: MonthPoint[];
    /** null when every month of the series is drawn; set when it was cut to MAX_SERIES_MONTHS (lib/dashboard/over-time.ts) */
    shortened: OverTimeShortened | null;
  };
  where: { byService: SettlingGroup[]; byLeadSource: SettlingGroup[]; byClient: SettlingGroup[] };
  negotiation: {
    /** sent or decided quotes, or any with negotiation events (a silent draft is not a negotiation) */
    pricedQuotes: number;
    haggledQuotes: number;
    asks: number;
    askShareBp: number | null;
    /** the same share with its cases (haggled of priced quotes) */
    askShare: SampleShare;
    responses: ResponseRow[];
    notAsked: ResponseRow;
    cameBackAtMyPrice: number;
    /** held firm against conceded: comparable only when each has MIN_SAMPLE decided quotes */
    heldFirmVsConceded: SampleComparison;
  };
  rejections: { total: number; rejected: number; declinedByMe: number; reasons: ReasonRow[] };
  /** good / better / best proposals: which option clients choose, haggling against a single price, declines (lib/dashboard/proposals.ts) */
  proposals: ProposalFigures;
  /** estimate vs actual on the accepted jobs of the period with time logged (docs/dashboard.md) */
  estimates: EstimateFigures;
  /**
   * Quotes of the period in another currency with no exchange rate (lib/book-currency.ts lacksRate):
   * never silently left out, the dashboard lists them with a way to add a rate. The accepted ones are
   * also headline.settling.otherCurrencyQuotes.
   */
  lackingRate: QuoteLackingRate[];
  chasing: {
    sent: number;
    answered: number;
    unanswered: number;
    pending: number;
    answerRateBp: number | null;
    /** the same rate with its cases (answered of answered + unanswered) */
    answerRate: SampleShare;
    byClient: ChaseRow[];
  };
}
