/**
 * Fit by client: the worth model (lib/worth assessClient, as on the client page) applied to each
 * client's history restricted to the filters. Pure.
 */
import type { Client, ClientHistory, Interaction, Service, Settings } from "../domain";
import { assessClient, type Verdict } from "../worth";
import type { ClientAssessment, FitRow, ScopedQuote } from "./types";

/** Each client's history within the filters, in the order of `clients`; rows of other clients are ignored. */
export function clientHistories(clients: readonly Client[], quotes: readonly ScopedQuote[], interactions: readonly Interaction[]): Map<number, ClientHistory> {
  const histories = new Map<number, ClientHistory>(clients.map((c) => [c.id, { client: c, quotes: [], interactions: [] }]));
  for (const q of quotes) {
    const { periodDate: _p, clientName: _n, leadSource: _l, ...quote } = q;
    histories.get(q.clientId)?.quotes.push(quote);
  }
  for (const i of interactions) histories.get(i.clientId)?.interactions.push(i);
  return histories;
}

/** `asOf` (today) ages the evidence (lib/worth decay); without it, nothing decays. */
export function assessClients(histories: Iterable<ClientHistory>, services: Service[], settings: Settings, asOf?: string): ClientAssessment[] {
  return [...histories].map((h) => ({ client: h.client, a: assessClient(h, services, settings, { asOf }) }));
}

/** One row per assessed client, worst fit first (those are the ones to act on), unscored last, then by name. */
export function fitRows(assessments: readonly ClientAssessment[]): FitRow[] {
  return assessments
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
    .sort((x, y) => (x.score ?? 101) - (y.score ?? 101) || x.name.localeCompare(y.name));
}

/** How many clients got each verdict (every verdict present, 0 included). */
export function verdictCounts(rows: readonly Pick<FitRow, "verdict">[]): Record<Verdict, number> {
  const verdicts: Record<Verdict, number> = { keep: 0, set_boundaries: 0, walk_away: 0, not_enough_data: 0 };
  for (const r of rows) verdicts[r.verdict] += 1;
  return verdicts;
}
