/**
 * The fit dashboard's figures: one function, getDashboard(db, filters, today), used by the home page
 * and by GET /api/v1/dashboard, so both always show the same numbers. Plain objects out, no rows.
 *
 * Where each number is computed (and why):
 *   - SQL (GROUP BY) does the counting that needs no negotiation replay: unpaid asks and their minutes,
 *     how each haggled quote was answered and how those quotes ended, rejection reasons, follow-ups.
 *   - Per-quote settling (agreed scope, effective rate, money left on the table, concession) needs the
 *     negotiation replay of lib/negotiation.ts: a cut_scope answer changes the scope, met_halfway
 *     rounds half away from zero, and the concession is measured per minute of scope. Re-implementing
 *     that in SQL would be a second copy of the rules that could drift, so SQL selects the accepted
 *     quotes of the period (filtered in the WHERE clause) and lib/settling.ts settleQuote settles each one;
 *     the totals by service, lead source, client and month are then summed here.
 *   - Fit scores and verdicts come from the pure worth model (lib/worth.ts assessClient, as in
 *     db/scores.ts) applied to each client's history restricted to the filters.
 * docs/dashboard.md explains every figure.
 */
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { DB } from "./connection";
import { InputError } from "./errors";
import { cachedRead, getSettings, listServices } from "./queries";
import { clients, interactions, quoteEvents, quotes } from "./schema";
import {
  REJECTION_REASONS,
  label,
  type Client,
  type ClientHistory,
  type Interaction,
  type LeadSource,
  type QuoteEvent,
  type QuoteWithEvents,
  type RejectionReason,
  type Service,
  type Settings,
  type Unit,
} from "@/lib/domain";
import { resolvePeriod, type DashboardFilters, type DateRange, type Period } from "@/lib/dashboard-filters";
import { divRound } from "@/lib/money";
import { ASK_DEFAULT_MINUTES, safeReplay, settleQuote } from "@/lib/settling";
import { assessClient, type FitAssessment, type Verdict } from "@/lib/worth";

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
}

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
}

export interface ReasonRow {
  reason: RejectionReason | "none";
  label: string;
  rejected: number;
  declinedByMe: number;
  total: number;
}

export interface ChaseRow {
  clientId: number;
  name: string;
  sent: number;
  answered: number;
  unanswered: number;
  /** answer not recorded yet */
  pending: number;
  /** answered / (answered + unanswered), bp */
  answerRateBp: number | null;
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
  bands: { keep: number; walkAway: number };
  /** what the filters select: for empty states */
  counts: { clients: number; quotes: number; acceptedQuotes: number; interactions: number; services: number };
  headline: {
    settling: SettlingFigures;
    unpaid: { asks: number; minutes: number };
    /** the period of equal length before this one; null when the period is open-ended */
    previous: null | { from: string; to: string; settling: SettlingFigures; unpaid: { asks: number; minutes: number } };
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
  };
  where: { byService: SettlingGroup[]; byLeadSource: SettlingGroup[]; byClient: SettlingGroup[] };
  negotiation: {
    /** sent or decided quotes, or any with negotiation events (a silent draft is not a negotiation) */
    pricedQuotes: number;
    haggledQuotes: number;
    asks: number;
    askShareBp: number | null;
    responses: ResponseRow[];
    notAsked: ResponseRow;
    cameBackAtMyPrice: number;
  };
  rejections: { total: number; rejected: number; declinedByMe: number; reasons: ReasonRow[] };
  chasing: { sent: number; answered: number; unanswered: number; pending: number; answerRateBp: number | null; byClient: ChaseRow[] };
}

// ---------------- SQL scopes ----------------

interface Scope {
  serviceId: number | null;
  leadSource: LeadSource | null;
}

/** A quote belongs to the period by its decided date, else its sent date, else (a draft) the day it was created. */
const quoteDate = sql<string>`coalesce(${quotes.decidedOn}, ${quotes.sentOn}, substr(${quotes.createdAt}, 1, 10))`;
const DECIDED = ["accepted", "rejected", "declined_by_me", "withdrawn", "expired"] as const;

function dateConds(column: SQL | typeof interactions.occurredOn, range: DateRange): SQL[] {
  const conds: SQL[] = [];
  if (range.from) conds.push(sql`${column} >= ${range.from}`);
  if (range.to) conds.push(sql`${column} <= ${range.to}`);
  return conds;
}

function leadSourceCond(column: typeof quotes.clientId | typeof interactions.clientId, leadSource: LeadSource): SQL {
  return sql`${column} in (select ${clients.id} from ${clients} where ${clients.leadSource} = ${leadSource})`;
}

function quoteScope(range: DateRange, scope: Scope): SQL {
  const conds = dateConds(quoteDate, range);
  if (scope.serviceId != null) conds.push(eq(quotes.serviceId, scope.serviceId));
  if (scope.leadSource) conds.push(leadSourceCond(quotes.clientId, scope.leadSource));
  return conds.length ? and(...conds)! : sql`1 = 1`;
}

/** Interactions by occurredOn; with a service filter only those logged against a quote of that service. */
function interactionScope(range: DateRange, scope: Scope): SQL {
  const conds = dateConds(interactions.occurredOn, range);
  if (scope.serviceId != null) {
    conds.push(sql`${interactions.quoteId} in (select ${quotes.id} from ${quotes} where ${quotes.serviceId} = ${scope.serviceId})`);
  }
  if (scope.leadSource) conds.push(leadSourceCond(interactions.clientId, scope.leadSource));
  return conds.length ? and(...conds)! : sql`1 = 1`;
}

// ---------------- loading ----------------

interface ScopedQuote extends QuoteWithEvents {
  periodDate: string;
  clientName: string;
  leadSource: LeadSource;
}

function loadQuotes(db: DB, where: SQL): ScopedQuote[] {
  const rows = db
    .select({ quote: quotes, periodDate: quoteDate, clientName: clients.name, leadSource: clients.leadSource })
    .from(quotes)
    .innerJoin(clients, eq(clients.id, quotes.clientId))
    .where(where)
    .orderBy(asc(quotes.id))
    .all();
  const events = rows.length
    ? db
        .select()
        .from(quoteEvents)
        .where(sql`${quoteEvents.quoteId} in (select ${quotes.id} from ${quotes} where ${where})`)
        .orderBy(asc(quoteEvents.quoteId), asc(quoteEvents.occurredOn), asc(quoteEvents.id))
        .all()
    : [];
  const byQuote = new Map<number, QuoteEvent[]>();
  for (const e of events) {
    const list = byQuote.get(e.quoteId);
    if (list) list.push(e);
    else byQuote.set(e.quoteId, [e]);
  }
  return rows.map((r) => ({ ...r.quote, events: byQuote.get(r.quote.id) ?? [], periodDate: r.periodDate, clientName: r.clientName, leadSource: r.leadSource }));
}

function unpaidAsks(db: DB, range: DateRange, scope: Scope): { asks: number; minutes: number } {
  // Same rule as lib/settling.ts isUnpaidAsk/askMinutes: paid not true; no (or zero) minutes counts as ASK_DEFAULT_MINUTES.
  const row = db
    .select({
      asks: sql<number>`count(*)`,
      minutes: sql<number>`coalesce(sum(case when ${interactions.minutes} > 0 then ${interactions.minutes} else ${ASK_DEFAULT_MINUTES} end), 0)`,
    })
    .from(interactions)
    .where(and(interactionScope(range, scope), eq(interactions.kind, "ask"), sql`coalesce(${interactions.paid}, 0) = 0`))
    .get();
  return { asks: row?.asks ?? 0, minutes: row?.minutes ?? 0 };
}

// ---------------- settling (lib per quote, summed here) ----------------

interface SettledQuote {
  quoteId: number;
  clientId: number;
  clientName: string;
  leadSource: LeadSource;
  serviceId: number | null;
  month: string;
  inSettingsCurrency: boolean;
  minutes: number;
  price: number;
  concededBp: number;
  rated: boolean;
  service: Service | null;
  effectiveRate: number | null;
  belowTarget: boolean;
  belowFloor: boolean;
  moneyLeft: number;
}

function settle(q: ScopedQuote, serviceById: Map<number, Service>, settings: Settings): SettledQuote {
  const service = q.serviceId != null ? (serviceById.get(q.serviceId) ?? null) : null;
  const s = settleQuote(q, service ?? undefined, settings);
  const replay = safeReplay(q);
  const rated = s.effectiveRate != null && service != null;
  return {
    quoteId: q.id,
    clientId: q.clientId,
    clientName: q.clientName,
    leadSource: q.leadSource,
    serviceId: q.serviceId,
    month: q.periodDate.slice(0, 7),
    inSettingsCurrency: q.currency === settings.currency,
    minutes: Math.max(0, replay.currentMinutes),
    price: replay.currentPrice,
    concededBp: Math.min(10000, Math.max(0, replay.concededBp)),
    rated,
    service,
    effectiveRate: s.effectiveRate,
    belowTarget: s.belowTarget,
    belowFloor: s.belowFloor,
    moneyLeft: s.moneyLeftOnTable,
  };
}

function share(part: number, whole: number): number | null {
  return whole > 0 ? divRound(part * 10000, whole) : null;
}

function settlingFigures(rows: readonly SettledQuote[]): SettlingFigures {
  const f: SettlingFigures = {
    acceptedQuotes: rows.length,
    ratedQuotes: 0,
    acceptedMinutes: 0,
    ratedMinutes: 0,
    belowTargetQuotes: 0,
    belowFloorQuotes: 0,
    belowTargetMinutes: 0,
    belowFloorMinutes: 0,
    belowTargetShareBp: null,
    belowFloorShareBp: null,
    moneyLeft: 0,
    revenue: 0,
    otherCurrencyQuotes: 0,
    concededQuotes: 0,
    averageConcessionBp: null,
  };
  let concededSum = 0;
  for (const r of rows) {
    f.acceptedMinutes += r.minutes;
    concededSum += r.concededBp;
    if (r.concededBp > 0) f.concededQuotes += 1;
    // Never add up different currencies: money totals are in the user's own currency only.
    if (r.inSettingsCurrency) {
      f.moneyLeft += r.moneyLeft;
      f.revenue += r.price;
    } else f.otherCurrencyQuotes += 1;
    if (!r.rated) continue;
    f.ratedQuotes += 1;
    f.ratedMinutes += r.minutes;
    if (r.belowTarget) {
      f.belowTargetQuotes += 1;
      f.belowTargetMinutes += r.minutes;
    }
    if (r.belowFloor) {
      f.belowFloorQuotes += 1;
      f.belowFloorMinutes += r.minutes;
    }
  }
  f.belowTargetShareBp = share(f.belowTargetMinutes, f.ratedMinutes);
  f.belowFloorShareBp = share(f.belowFloorMinutes, f.ratedMinutes);
  f.averageConcessionBp = rows.length ? divRound(concededSum, rows.length) : null;
  return f;
}

function groupBy(rows: readonly SettledQuote[], keyOf: (r: SettledQuote) => string, labelOf: (r: SettledQuote) => string, clientIdOf: (r: SettledQuote) => number | null = () => null): SettlingGroup[] {
  const groups = new Map<string, SettledQuote[]>();
  for (const r of rows) {
    const k = keyOf(r);
    const list = groups.get(k);
    if (list) list.push(r);
    else groups.set(k, [r]);
  }
  return [...groups.entries()]
    .map(([key, list]) => ({ key, label: labelOf(list[0]), clientId: clientIdOf(list[0]), ...settlingFigures(list) }))
    .sort((a, b) => b.moneyLeft - a.moneyLeft || (b.belowTargetShareBp ?? -1) - (a.belowTargetShareBp ?? -1) || a.label.localeCompare(b.label));
}

function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split("-").map(Number);
  const [ty, tm] = to.split("-").map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** Months to draw: the whole period when it is bounded and at most 3 years, else the months that have work. */
const MAX_PERIOD_MONTHS = 36;

/**
 * Effective rate by month. One service: its own rates, the month's agreed money over the month's agreed
 * hours. Several services: each quote's rate as a share of its own service's target (and its floor and
 * market as shares of that target), averaged weighted by hours. Shares carry no currency, so services
 * priced in different currencies can share one line; they are rounded once, at the end.
 */
function overTime(rows: readonly SettledQuote[], period: Period, settings: Settings): Dashboard["overTime"] {
  const rated = rows.filter((r) => r.rated);
  if (rated.length === 0) return { mode: "percent", unit: null, rateCurrency: null, months: [] };
  const single = new Set(rated.map((r) => r.serviceId)).size === 1 ? rated[0].service! : null;

  const dataMonths = [...new Set(rows.map((r) => r.month))].sort();
  const bounded = period.from && period.to ? monthsBetween(period.from.slice(0, 7), period.to.slice(0, 7)) : null;
  const months = bounded && bounded.length <= MAX_PERIOD_MONTHS ? bounded : monthsBetween(dataMonths[0], dataMonths[dataMonths.length - 1]);

  const sum = (list: readonly SettledQuote[], pick: (r: SettledQuote) => number) => list.reduce((s, r) => s + pick(r), 0);
  const weightedShare = (list: readonly SettledQuote[], rateOf: (r: SettledQuote) => number) => {
    const minutes = sum(list, (r) => r.minutes);
    return minutes > 0 ? Math.round(sum(list, (r) => (r.minutes * rateOf(r) * 10000) / r.service!.targetRate) / minutes) : null;
  };
  const floorShare = weightedShare(rated, (r) => r.service!.floorRate) ?? 0;
  const marketShare = weightedShare(rated, (r) => r.service!.marketRate) ?? 0;

  const byMonth = new Map<string, SettledQuote[]>();
  for (const r of rows) {
    const list = byMonth.get(r.month);
    if (list) list.push(r);
    else byMonth.set(r.month, [r]);
  }
  return {
    mode: single ? "rate" : "percent",
    unit: single ? single.unit : null,
    rateCurrency: single ? single.currency : null,
    months: months.map((month) => {
      const all = byMonth.get(month) ?? [];
      const list = all.filter((r) => r.rated);
      const minutes = sum(list, (r) => r.minutes);
      let effective: number | null = null;
      if (single) {
        if (minutes > 0) effective = divRound(sum(list, (r) => r.price) * (single.unit === "day" ? 60 * settings.hoursPerDay : 60), minutes);
      } else effective = weightedShare(list, (r) => r.effectiveRate!);
      return {
        month,
        acceptedQuotes: all.length,
        ratedMinutes: minutes,
        moneyLeft: sum(
          all.filter((r) => r.inSettingsCurrency),
          (r) => r.moneyLeft,
        ),
        effective,
        target: single ? single.targetRate : 10000,
        floor: single ? single.floorRate : floorShare,
        market: single ? single.marketRate : marketShare,
      };
    }),
  };
}

// ---------------- SQL aggregates ----------------

function negotiationFigures(db: DB, where: SQL, cameBack: number): Dashboard["negotiation"] {
  const asked = sql`${quoteEvents.kind} in ('discount_request', 'client_counter')`;
  const answered = (answers: string[]) => sql`max(case when ${quoteEvents.kind} = 'my_answer' and ${quoteEvents.answer} in ${answers} then 1 else 0 end) = 1`;
  const decided = sql.join(
    DECIDED.map((s) => sql`${s}`),
    sql`, `,
  );
  // One row per priced quote with its response class (precedence: any concession, then a scope cut,
  // then a counter-offer, then holding firm), then counted per class.
  const rows = db.all<{ response: NegotiationResponse | "not_asked"; quotes: number; asks: number; decided: number; accepted: number }>(sql`
    select response, count(*) as quotes, sum(asks) as asks,
      sum(case when status in (${decided}) then 1 else 0 end) as decided,
      sum(case when status = 'accepted' then 1 else 0 end) as accepted
    from (
      select ${quotes.status} as status,
        coalesce(sum(case when ${asked} then 1 else 0 end), 0) as asks,
        case
          when coalesce(sum(case when ${asked} then 1 else 0 end), 0) = 0 then 'not_asked'
          when ${answered(["conceded", "met_halfway"])} then 'conceded'
          when ${answered(["cut_scope"])} then 'cut_scope'
          when max(case when ${quoteEvents.kind} = 'my_counter' then 1 else 0 end) = 1 then 'countered'
          when ${answered(["held_firm"])} then 'held_firm'
          else 'no_answer'
        end as response
      from ${quotes} left join ${quoteEvents} on ${quoteEvents.quoteId} = ${quotes.id}
      where ${where} and (${quotes.status} <> 'draft' or ${quoteEvents.id} is not null)
      group by ${quotes.id}
    )
    group by response
  `);
  const byResponse = new Map(rows.map((r) => [r.response, r] as const));
  const row = (response: NegotiationResponse | "not_asked"): ResponseRow => {
    const r = byResponse.get(response);
    const quotesN = r?.quotes ?? 0;
    const decidedN = r?.decided ?? 0;
    const acceptedN = r?.accepted ?? 0;
    return { response, label: RESPONSE_LABELS[response], quotes: quotesN, decided: decidedN, accepted: acceptedN, open: quotesN - decidedN, acceptRateBp: share(acceptedN, decidedN) };
  };
  const responses = NEGOTIATION_RESPONSES.map(row);
  const notAsked = row("not_asked");
  const haggled = responses.reduce((s, r) => s + r.quotes, 0);
  const priced = haggled + notAsked.quotes;
  return {
    pricedQuotes: priced,
    haggledQuotes: haggled,
    asks: rows.reduce((s, r) => s + (r.asks ?? 0), 0),
    askShareBp: share(haggled, priced),
    responses,
    notAsked,
    cameBackAtMyPrice: cameBack,
  };
}

function rejectionFigures(db: DB, where: SQL): Dashboard["rejections"] {
  const rows = db
    .select({ reason: quotes.rejectionReason, status: quotes.status, n: sql<number>`count(*)` })
    .from(quotes)
    .where(and(where, inArray(quotes.status, ["rejected", "declined_by_me"])))
    .groupBy(quotes.rejectionReason, quotes.status)
    .all();
  const reasons: ReasonRow[] = [...REJECTION_REASONS, "none" as const].map((reason) => {
    const pick = (status: string) => rows.find((r) => (r.reason ?? "none") === reason && r.status === status)?.n ?? 0;
    const rejected = pick("rejected");
    const declinedByMe = pick("declined_by_me");
    return { reason, label: reason === "none" ? "No reason recorded" : label(reason), rejected, declinedByMe, total: rejected + declinedByMe };
  });
  // "No reason recorded" is only a row when it happened; the five reasons always show (zero is information too).
  const shown = reasons.filter((r) => r.reason !== "none" || r.total > 0);
  const rejected = reasons.reduce((s, r) => s + r.rejected, 0);
  const declinedByMe = reasons.reduce((s, r) => s + r.declinedByMe, 0);
  return { total: rejected + declinedByMe, rejected, declinedByMe, reasons: shown };
}

function chasingFigures(db: DB, where: SQL, stops: Map<number, FitAssessment["stopChasing"]>): Dashboard["chasing"] {
  const rows = db
    .select({
      clientId: interactions.clientId,
      name: clients.name,
      sent: sql<number>`count(*)`,
      answered: sql<number>`coalesce(sum(case when ${interactions.answered} = 1 then 1 else 0 end), 0)`,
      unanswered: sql<number>`coalesce(sum(case when ${interactions.answered} = 0 then 1 else 0 end), 0)`,
      pending: sql<number>`coalesce(sum(case when ${interactions.answered} is null then 1 else 0 end), 0)`,
    })
    .from(interactions)
    .innerJoin(clients, eq(clients.id, interactions.clientId))
    .where(and(where, eq(interactions.kind, "follow_up")))
    .groupBy(interactions.clientId, clients.name)
    .all();
  const byClient: ChaseRow[] = rows
    .map((r) => ({
      ...r,
      answerRateBp: share(r.answered, r.answered + r.unanswered),
      unansweredInARow: stops.get(r.clientId)?.unansweredInARow ?? 0,
      shouldStop: stops.get(r.clientId)?.shouldStop ?? false,
    }))
    .sort((a, b) => b.sent - a.sent || b.unanswered - a.unanswered || a.name.localeCompare(b.name));
  const sum = (pick: (r: ChaseRow) => number) => byClient.reduce((s, r) => s + pick(r), 0);
  const answered = sum((r) => r.answered);
  const unanswered = sum((r) => r.unanswered);
  return { sent: sum((r) => r.sent), answered, unanswered, pending: sum((r) => r.pending), answerRateBp: share(answered, answered + unanswered), byClient };
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : divRound(s[mid - 1] + s[mid], 2);
}

// ---------------- the dashboard ----------------

/**
 * Every figure of the dashboard for the filters. `today` (ISO date) ends the preset periods.
 * Throws InputError (400) for a service id that does not exist.
 */
/** The dashboard for a view: computed once per data version (any write invalidates it), then read from memory. */
export function getDashboard(db: DB, filters: DashboardFilters, today: string): Dashboard {
  return cachedRead(db, `dashboard:${today}:${JSON.stringify(filters)}`, () => computeDashboard(db, filters, today));
}

function computeDashboard(db: DB, filters: DashboardFilters, today: string): Dashboard {
  const settings = getSettings(db);
  const services = listServices(db);
  const serviceById = new Map(services.map((s) => [s.id, s] as const));
  if (filters.serviceId != null && !serviceById.has(filters.serviceId)) {
    throw new InputError("Unknown service", { serviceId: [`No service with id ${filters.serviceId}`] });
  }
  const scope: Scope = { serviceId: filters.serviceId, leadSource: filters.leadSource };
  const period = resolvePeriod(filters, today);
  const qWhere = quoteScope(period, scope);
  const iWhere = interactionScope(period, scope);

  // Each client's history restricted to the filters: the worth model's input.
  const scopedQuotes = loadQuotes(db, qWhere);
  const scopedInteractions: Interaction[] = db.select().from(interactions).where(iWhere).orderBy(asc(interactions.occurredOn), asc(interactions.id)).all();
  const clientIds = [...new Set([...scopedQuotes.map((q) => q.clientId), ...scopedInteractions.map((i) => i.clientId)])];
  const clientRows: Client[] = clientIds.length ? db.select().from(clients).where(inArray(clients.id, clientIds)).orderBy(asc(clients.id)).all() : [];
  const histories = new Map<number, ClientHistory>(clientRows.map((c) => [c.id, { client: c, quotes: [], interactions: [] }]));
  for (const q of scopedQuotes) {
    const { periodDate: _p, clientName: _n, leadSource: _l, ...quote } = q;
    histories.get(q.clientId)?.quotes.push(quote);
  }
  for (const i of scopedInteractions) histories.get(i.clientId)?.interactions.push(i);
  const assessments = [...histories.values()].map((h) => ({ client: h.client, a: assessClient(h, services, settings) }));

  const fit: FitRow[] = assessments
    .map(({ client, a }) => ({
      clientId: client.id,
      name: client.name,
      leadSource: client.leadSource,
      score: a.score,
      verdict: a.verdict,
      verdictLabel: a.verdictLabel,
      confidence: a.confidence,
      evidenceCount: a.evidenceCount,
      summary: a.summary,
    }))
    // worst fit first: those are the ones to act on; unknown last
    .sort((x, y) => (x.score ?? 101) - (y.score ?? 101) || x.name.localeCompare(y.name));
  const verdicts: Record<Verdict, number> = { keep: 0, set_boundaries: 0, walk_away: 0, not_enough_data: 0 };
  for (const r of fit) verdicts[r.verdict] += 1;

  // Settling: accepted quotes of the period, each settled by lib/settling.ts.
  const settled = scopedQuotes.filter((q) => q.status === "accepted").map((q) => settle(q, serviceById, settings));
  const current = settlingFigures(settled);
  const unpaid = unpaidAsks(db, period, scope);

  let previous: Dashboard["headline"]["previous"] = null;
  if (period.previous) {
    const prevQuotes = loadQuotes(db, and(quoteScope(period.previous, scope), eq(quotes.status, "accepted"))!);
    previous = {
      ...period.previous,
      settling: settlingFigures(prevQuotes.map((q) => settle(q, serviceById, settings))),
      unpaid: unpaidAsks(db, period.previous, scope),
    };
  }
  const moneyLeftChange = previous ? current.moneyLeft - previous.settling.moneyLeft : null;
  const moneyLeftChangeBp = previous && previous.settling.moneyLeft > 0 ? divRound(moneyLeftChange! * 10000, previous.settling.moneyLeft) : null;

  // Keep or let go: revenue against fit, sized by the time the client took (paid scope + unpaid asks).
  const revenueByClient = new Map<number, { revenue: number; minutes: number }>();
  for (const r of settled) {
    const acc = revenueByClient.get(r.clientId) ?? { revenue: 0, minutes: 0 };
    if (r.inSettingsCurrency) acc.revenue += r.price;
    acc.minutes += r.minutes;
    revenueByClient.set(r.clientId, acc);
  }
  const scored = assessments.filter(({ a }) => a.score != null);
  const revenueMedian = median(scored.map(({ client }) => revenueByClient.get(client.id)?.revenue ?? 0));
  const points: KeepPoint[] = scored
    .map(({ client, a }) => {
      const r = revenueByClient.get(client.id) ?? { revenue: 0, minutes: 0 };
      const unpaidMinutes = a.settling.unpaidMinutes;
      const highFit = a.score! >= settings.bandKeep;
      const highRevenue = r.revenue > 0 && r.revenue >= revenueMedian;
      const quadrant: Quadrant = highFit ? (highRevenue ? "keep" : "grow") : highRevenue ? "painful" : "let_go";
      return { clientId: client.id, name: client.name, score: a.score!, verdict: a.verdict, revenue: r.revenue, paidMinutes: r.minutes, unpaidMinutes, minutes: r.minutes + unpaidMinutes, quadrant };
    })
    .sort((x, y) => y.revenue - x.revenue || x.score - y.score || x.name.localeCompare(y.name));

  const leadLabel = (r: SettledQuote) => label(r.leadSource);
  const where = {
    byService: groupBy(
      settled,
      (r) => (r.serviceId == null ? "none" : String(r.serviceId)),
      (r) => r.service?.name ?? "No service",
    ),
    byLeadSource: groupBy(settled, (r) => r.leadSource, leadLabel),
    byClient: groupBy(
      settled,
      (r) => String(r.clientId),
      (r) => r.clientName,
      (r) => r.clientId,
    ),
  };

  const stops = new Map(assessments.map(({ client, a }) => [client.id, a.stopChasing] as const));
  const serviceName = filters.serviceId != null ? serviceById.get(filters.serviceId)!.name : null;

  return {
    filters,
    period,
    today,
    serviceName,
    currency: settings.currency,
    locale: settings.locale,
    bands: { keep: settings.bandKeep, walkAway: settings.bandWalkAway },
    counts: {
      clients: histories.size,
      quotes: scopedQuotes.length,
      acceptedQuotes: settled.length,
      interactions: scopedInteractions.length,
      services: services.length,
    },
    headline: { settling: current, unpaid, previous, moneyLeftChange, moneyLeftChangeBp, verdicts },
    fit,
    keepOrLetGo: { points, revenueMedian, bandKeep: settings.bandKeep, bandWalkAway: settings.bandWalkAway },
    overTime: overTime(settled, period, settings),
    where,
    negotiation: negotiationFigures(
      db,
      qWhere,
      scopedQuotes.filter((q) => q.cameBackAtMyPrice).length,
    ),
    rejections: rejectionFigures(db, qWhere),
    chasing: chasingFigures(db, iWhere, stops),
  };
}
