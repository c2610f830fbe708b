/**
 * The fit dashboard: one function, getDashboard(db, filters, today), used by the home page and by
 * GET /api/v1/dashboard, so both always show the same numbers. The rows come from db/dashboard.ts,
 * every figure is computed by lib/dashboard; docs/dashboard.md explains each one.
 */
import type { DbOrTx } from "@/db/connection";
import {
  countFollowUps,
  countNegotiationResponses,
  countRejections,
  countUnpaidAsks,
  listClientsByIds,
  listScopedInteractions,
  listScopedQuotes,
  type DashboardScope,
} from "@/db/dashboard";
import { listProposals } from "@/db/proposals";
import { listServices } from "@/db/services";
import { getSettings } from "@/db/settings";
import {
  assessClients,
  chasingFigures,
  clientHistories,
  estimateFigures,
  fitRows,
  keepOrLetGo,
  moneyLeftTrend,
  negotiationFigures,
  overTime,
  proposalFigures,
  rejectionFigures,
  resolvePeriod,
  settle,
  settlingFigures,
  unpaidFigures,
  verdictCounts,
  whereSettling,
  type Dashboard,
  type DashboardFilters,
} from "@/lib/dashboard";
import { invalidInput } from "@/lib/errors";
import { lacksRate } from "@/lib/book-currency";
import { cachedRead, type DeepReadonly } from "./cache";

/** The dashboard as handed out: shared by every reader until the next write, so read-only. */
export type DashboardView = DeepReadonly<Dashboard>;

/**
 * Every figure of the dashboard for the filters. `today` (ISO date) ends the preset periods.
 * Computed once per data version (any write invalidates it), then read from memory.
 * Throws an invalid_input AppError (400) for a service id that does not exist.
 */
export function getDashboard(db: DbOrTx, filters: DashboardFilters, today: string): DashboardView {
  return cachedRead(db, `dashboard:${today}:${JSON.stringify(filters)}`, () => computeDashboard(db, filters, today));
}

function computeDashboard(db: DbOrTx, filters: DashboardFilters, today: string): Dashboard {
  const settings = getSettings(db);
  const services = listServices(db);
  const serviceById = new Map(services.map((s) => [s.id, s] as const));
  if (filters.serviceId != null && !serviceById.has(filters.serviceId)) {
    throw invalidInput("Unknown service", { serviceId: [`No service with id ${filters.serviceId}`] });
  }
  const period = resolvePeriod(filters, today);
  const scope: DashboardScope = { range: { from: period.from, to: period.to }, serviceId: filters.serviceId, leadSource: filters.leadSource };

  // Each client's history restricted to the filters: the worth model's input.
  const scopedQuotes = listScopedQuotes(db, scope);
  const scopedInteractions = listScopedInteractions(db, scope);
  const clientIds = [...new Set([...scopedQuotes.map((q) => q.clientId), ...scopedInteractions.map((i) => i.clientId)])];
  const histories = clientHistories(listClientsByIds(db, clientIds), scopedQuotes, scopedInteractions);
  const assessments = assessClients(histories.values(), services, settings, today);
  const fit = fitRows(assessments, settings);

  // Settling: accepted quotes of the period, each settled by lib/settling.ts.
  const settled = scopedQuotes.filter((q) => q.status === "accepted").map((q) => settle(q, serviceById, settings));
  const current = settlingFigures(settled);
  const unpaid = unpaidFigures(countUnpaidAsks(db, scope));

  let previous: Dashboard["headline"]["previous"] = null;
  if (period.previous) {
    const before: DashboardScope = { ...scope, range: period.previous };
    const prevQuotes = listScopedQuotes(db, { ...before, acceptedOnly: true });
    previous = {
      ...period.previous,
      settling: settlingFigures(prevQuotes.map((q) => settle(q, serviceById, settings))),
      unpaid: unpaidFigures(countUnpaidAsks(db, before)),
    };
  }
  const stops = new Map(assessments.map(({ client, a }) => [client.id, a.stopChasing] as const));

  return {
    // a copy: the cached result is frozen, the caller's object is not ours to freeze
    filters: { ...filters },
    period,
    today,
    serviceName: filters.serviceId != null ? serviceById.get(filters.serviceId)!.name : null,
    currency: settings.currency,
    locale: settings.locale,
    bands: { keep: settings.bandKeep, walkAway: settings.bandWalkAway, capVerdictOnRedFlag: settings.capVerdictOnRedFlag, redFlagsForWalkAway: settings.redFlagsForWalkAway },
    counts: {
      clients: histories.size,
      quotes: scopedQuotes.length,
      acceptedQuotes: settled.length,
      interactions: scopedInteractions.length,
      services: services.length,
    },
    headline: { settling: current, unpaid, previous, ...moneyLeftTrend(current.moneyLeft, previous?.settling.moneyLeft ?? null), verdicts: verdictCounts(fit) },
    fit,
    keepOrLetGo: keepOrLetGo(settled, assessments, settings),
    overTime: overTime(settled, period, settings),
    where: whereSettling(settled),
    negotiation: negotiationFigures(
      countNegotiationResponses(db, scope),
      scopedQuotes.filter((q) => q.cameBackAtMyPrice).length,
    ),
    rejections: rejectionFigures(countRejections(db, scope)),
    // every proposal (a book has few; a long id list could pass SQLite's variable limit), matched to the scoped quotes
    proposals: proposalFigures(scopedQuotes, listProposals(db)),
    chasing: chasingFigures(countFollowUps(db, scope), stops),
    estimates: estimateFigures(settled),
    lackingRate: scopedQuotes
      .filter((q) => lacksRate(q, settings.currency))
      .map((q) => ({ quoteId: q.id, clientId: q.clientId, clientName: q.clientName, title: q.title, currency: q.currency, status: q.status })),
  };
}
