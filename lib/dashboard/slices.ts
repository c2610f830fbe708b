/**
 * The dashboard client by client. Every figure of the page is a sum over clients or is computed from
 * per-client parts: a client's fit (the worth model on its history within the filters), its settled
 * quotes, its quotes for the proposal figures, its SQL counts. A client's part (its *slice*) depends on
 * that client's rows only, so after a write server/dashboard-slices.ts rebuilds the slices of the clients
 * the change log names and sums again; assembleDashboard sums the slices into the page. Pure.
 */
import { lacksRate } from "../book-currency";
import type { Client, Interaction, Service, Settings } from "../domain";
import type { ProposalWithOptions } from "../proposals/types";
import { assessClient, type FitAssessment } from "../worth";
import { chasingFigures } from "./chasing";
import { estimateFigures } from "./estimates";
import type { DashboardFilters, Period } from "./filters";
import { clientHistories, fitRow, sortFitRows, verdictCounts } from "./fit";
import { keepOrLetGo } from "./keep-or-let-go";
import { negotiationFigures } from "./negotiation";
import { overTime } from "./over-time";
import { proposalFigures, wasHaggled, type ProposalQuote } from "./proposals";
import { rejectionFigures } from "./rejections";
import { moneyLeftTrend, settle, settlingFigures, unpaidFigures, whereSettling } from "./settling";
import type {
  ChaseCount,
  Dashboard,
  FitRow,
  NegotiationCount,
  PerClient,
  QuoteLackingRate,
  RejectionCount,
  ScopedQuote,
  SettledQuote,
  UnpaidAskCount,
} from "./types";

/** The rows of some clients within the filters, as db/dashboard.ts reads them. */
export interface SliceRows {
  /** the clients with a quote or an interaction in `quotes` / `interactions` */
  clients: readonly Client[];
  /** by id */
  quotes: readonly ScopedQuote[];
  /** by day, then id */
  interactions: readonly Interaction[];
  unpaid: readonly PerClient<UnpaidAskCount>[];
  negotiation: readonly PerClient<NegotiationCount>[];
  rejections: readonly PerClient<RejectionCount>[];
  chases: readonly ChaseCount[];
}

/** One client's part of the figures for the filters. */
export interface ClientSlice {
  clientId: number;
  fit: FitRow;
  /** the worth model's unpaid minutes (keep or let go sizes the client by them) */
  unpaidMinutes: number;
  stopChasing: FitAssessment["stopChasing"];
  /** the client's quotes in the filters, as the proposal figures read them, by id */
  quotes: ProposalQuote[];
  cameBackAtMyPrice: number;
  interactions: number;
  /** its accepted quotes, settled, by id */
  settled: SettledQuote[];
  lackingRate: QuoteLackingRate[];
  unpaid: UnpaidAskCount | null;
  negotiation: NegotiationCount[];
  rejections: RejectionCount[];
  chase: ChaseCount | null;
}

/** One client's part of the previous period's figures (the headline's trend). */
export interface PreviousSlice {
  clientId: number;
  settled: SettledQuote[];
  unpaid: UnpaidAskCount | null;
}

function byClient<T extends { clientId: number }>(rows: readonly T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const list = out.get(r.clientId);
    if (list) list.push(r);
    else out.set(r.clientId, [r]);
  }
  return out;
}

function withoutClient<T extends { clientId: number }>({ clientId: _c, ...rest }: T): Omit<T, "clientId"> {
  return rest;
}

/** The slice of every client in `rows`, by client id. `today` ages the worth model's evidence. */
export function clientSlices(rows: SliceRows, services: Service[], settings: Settings, today: string): Map<number, ClientSlice> {
  const serviceById = new Map(services.map((s) => [s.id, s] as const));
  const quotesOf = byClient(rows.quotes);
  const unpaidOf = byClient(rows.unpaid);
  const negotiationOf = byClient(rows.negotiation);
  const rejectionsOf = byClient(rows.rejections);
  const chaseOf = new Map(rows.chases.map((c) => [c.clientId, c] as const));
  const out = new Map<number, ClientSlice>();
  for (const history of clientHistories(rows.clients, rows.quotes, rows.interactions).values()) {
    const id = history.client.id;
    const a = assessClient(history, services, settings, { asOf: today });
    const quotes = quotesOf.get(id) ?? [];
    const unpaid = unpaidOf.get(id)?.[0];
    out.set(id, {
      clientId: id,
      fit: fitRow({ client: history.client, a }, settings),
      unpaidMinutes: a.settling.unpaidMinutes,
      stopChasing: a.stopChasing,
      // only what the proposal figures read: a kept slice must not hold every event of the period
      quotes: quotes.map((q) => ({ id: q.id, status: q.status, sentOn: q.sentOn, events: wasHaggled(q) ? q.events.filter((e) => wasHaggled({ events: [e] })) : [] })),
      cameBackAtMyPrice: quotes.filter((q) => q.cameBackAtMyPrice).length,
      interactions: history.interactions.length,
      settled: quotes.filter((q) => q.status === "accepted").map((q) => settle(q, serviceById, settings)),
      lackingRate: quotes
        .filter((q) => lacksRate(q, settings.currency))
        .map((q) => ({ quoteId: q.id, clientId: q.clientId, clientName: q.clientName, title: q.title, currency: q.currency, status: q.status })),
      unpaid: unpaid ? withoutClient(unpaid) : null,
      negotiation: (negotiationOf.get(id) ?? []).map(withoutClient),
      rejections: (rejectionsOf.get(id) ?? []).map(withoutClient),
      chase: chaseOf.get(id) ?? null,
    });
  }
  return out;
}

/** The previous period's slices from its accepted quotes and unpaid asks, by client id. */
export function previousSlices(accepted: readonly ScopedQuote[], unpaid: readonly PerClient<UnpaidAskCount>[], services: Service[], settings: Settings): Map<number, PreviousSlice> {
  const serviceById = new Map(services.map((s) => [s.id, s] as const));
  const out = new Map<number, PreviousSlice>();
  const slice = (clientId: number) => out.get(clientId) ?? out.set(clientId, { clientId, settled: [], unpaid: null }).get(clientId)!;
  for (const q of accepted) slice(q.clientId).settled.push(settle(q, serviceById, settings));
  for (const u of unpaid) slice(u.clientId).unpaid = withoutClient(u);
  return out;
}

/** Everything of the page that is not a sum over clients. */
export interface DashboardContext {
  filters: DashboardFilters;
  period: Period;
  today: string;
  serviceName: string | null;
  settings: Settings;
  serviceCount: number;
  /** every proposal of the book (few), matched to the quotes in the filters */
  proposals: readonly ProposalWithOptions[];
}

const byQuoteId = <T extends { quoteId: number }>(rows: T[]): T[] => rows.sort((a, b) => a.quoteId - b.quoteId);
const byId = <T extends { id: number }>(rows: T[]): T[] => rows.sort((a, b) => a.id - b.id);

function sumUnpaid(counts: readonly (UnpaidAskCount | null)[]): UnpaidAskCount {
  const sum: UnpaidAskCount = { asks: 0, loggedMinutes: 0, unloggedAsks: 0 };
  for (const c of counts) {
    if (!c) continue;
    sum.asks += c.asks;
    sum.loggedMinutes += c.loggedMinutes;
    sum.unloggedAsks += c.unloggedAsks;
  }
  return sum;
}

function sumNegotiation(counts: readonly NegotiationCount[]): NegotiationCount[] {
  const out = new Map<NegotiationCount["response"], NegotiationCount>();
  for (const c of counts) {
    const acc = out.get(c.response);
    if (!acc) out.set(c.response, { ...c });
    else {
      acc.quotes += c.quotes;
      acc.asks += c.asks;
      acc.decided += c.decided;
      acc.accepted += c.accepted;
    }
  }
  return [...out.values()];
}

function sumRejections(counts: readonly RejectionCount[]): RejectionCount[] {
  const out = new Map<string, RejectionCount>();
  for (const c of counts) {
    const key = `${c.reason ?? ""}\u0000${c.status}`;
    const acc = out.get(key);
    if (acc) acc.n += c.n;
    else out.set(key, { ...c });
  }
  return [...out.values()];
}

/**
 * The page from the slices of every client in the filters (and of the previous period, when it has
 * one). The same slices give the same page in any order: everything is taken by client or quote id.
 */
export function assembleDashboard(slices: Iterable<ClientSlice>, previousOnes: Iterable<PreviousSlice> | null, ctx: DashboardContext): Dashboard {
  const { settings, period } = ctx;
  const list = [...slices].sort((a, b) => a.clientId - b.clientId);
  const settled = byQuoteId(list.flatMap((s) => s.settled));
  const fit = sortFitRows(list.map((s) => s.fit));
  const current = settlingFigures(settled);
  const unpaid = unpaidFigures(sumUnpaid(list.map((s) => s.unpaid)));

  let previous: Dashboard["headline"]["previous"] = null;
  if (period.previous) {
    const before = [...(previousOnes ?? [])];
    previous = {
      ...period.previous,
      settling: settlingFigures(byQuoteId(before.flatMap((p) => p.settled))),
      unpaid: unpaidFigures(sumUnpaid(before.map((p) => p.unpaid))),
    };
  }
  const stops = new Map(list.map((s) => [s.clientId, s.stopChasing] as const));
  const keepInput = list.map((s) => ({ client: { id: s.clientId, name: s.fit.name }, a: { score: s.fit.score, verdict: s.fit.verdict, settling: { unpaidMinutes: s.unpaidMinutes } } }));

  return {
    // a copy: the cached result is frozen, the caller's object is not ours to freeze
    filters: { ...ctx.filters },
    period,
    today: ctx.today,
    serviceName: ctx.serviceName,
    currency: settings.currency,
    locale: settings.locale,
    bands: { keep: settings.bandKeep, walkAway: settings.bandWalkAway, capVerdictOnRedFlag: settings.capVerdictOnRedFlag, redFlagsForWalkAway: settings.redFlagsForWalkAway },
    counts: {
      clients: list.length,
      quotes: list.reduce((n, s) => n + s.quotes.length, 0),
      acceptedQuotes: settled.length,
      interactions: list.reduce((n, s) => n + s.interactions, 0),
      services: ctx.serviceCount,
    },
    headline: { settling: current, unpaid, previous, ...moneyLeftTrend(current.moneyLeft, previous?.settling.moneyLeft ?? null), verdicts: verdictCounts(fit) },
    fit,
    keepOrLetGo: keepOrLetGo(settled, keepInput, settings),
    overTime: overTime(settled, period, settings),
    where: whereSettling(settled),
    negotiation: negotiationFigures(
      sumNegotiation(list.flatMap((s) => s.negotiation)),
      list.reduce((n, s) => n + s.cameBackAtMyPrice, 0),
    ),
    rejections: rejectionFigures(sumRejections(list.flatMap((s) => s.rejections))),
    proposals: proposalFigures(byId(list.flatMap((s) => s.quotes)), ctx.proposals),
    chasing: chasingFigures(
      list.flatMap((s) => (s.chase ? [s.chase] : [])),
      stops,
    ),
    estimates: estimateFigures(settled),
    lackingRate: byQuoteId(list.flatMap((s) => s.lackingRate)),
  };
}
