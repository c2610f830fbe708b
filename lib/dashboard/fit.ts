/**
 * Fit by client: the worth model (lib/worth assessClient, as on the client page) applied to each
 * client's history restricted to the filters. Pure.
 */
import type { Client, ClientHistory, Interaction, Service, Settings } from "../domain";
import { plural } from "../text";
import { assessClient, type Verdict } from "../worth";
import type { ClientAssessment, FitRow, ScopedQuote, VerdictRules } from "./types";

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

/** The verdict a score's band alone gives, before red flags. */
export function bandVerdict(score: number | null, rules: Pick<VerdictRules, "bandKeep" | "bandWalkAway">): Verdict {
  if (score == null) return "not_enough_data";
  return score >= rules.bandKeep ? "keep" : score < rules.bandWalkAway ? "walk_away" : "set_boundaries";
}

/**
 * Why a verdict differs from its score's band, in a few words for a chart label or a table cell:
 * "capped by a red flag: pay (35/100)" (kept from "Keep"), "2 red flags: pay (35/100) and chasing (30/100)"
 * (made "Walk away"); null when the band decided.
 */
export function cappedReason(score: number | null, verdict: Verdict, redFlags: readonly string[], rules: VerdictRules): string | null {
  if (redFlags.length === 0 || verdict === bandVerdict(score, rules)) return null;
  const flags = andList(redFlags);
  if (verdict === "walk_away") return `${plural(redFlags.length, "red flag")}: ${flags}`;
  return `capped by ${redFlags.length === 1 ? "a red flag" : `${redFlags.length} red flags`}: ${flags}`;
}

/** The fit chart's legend: what each colour means, red-flag rules included (settings decide them). */
export function verdictLegend(rules: VerdictRules): Record<"keep" | "set_boundaries" | "walk_away", string> {
  const n = rules.redFlagsForWalkAway;
  const anyFlagKeeps = rules.capVerdictOnRedFlag || n === 1;
  const keepFlags = anyFlagKeeps ? " and no red flag" : n > 1 ? ` and under ${n} red flags` : "";
  // with a cap, a red flag turns a keep score into "Set boundaries" (unless one flag already means walk away)
  const boundsFlags = rules.capVerdictOnRedFlag && n !== 1 ? `, or ${rules.bandKeep}+ with a red flag` : "";
  return {
    keep: `Keep: ${rules.bandKeep}+${keepFlags}`,
    set_boundaries: `Set boundaries: ${rules.bandWalkAway}\u2013${rules.bandKeep - 1}${boundsFlags}`,
    walk_away: `Walk away: under ${rules.bandWalkAway}${n > 0 ? ` or ${n === 1 ? "a red flag" : `${n} red flags`}` : ""}`,
  };
}

function andList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** A client's red flags in words: "payment (37/100)". */
export function redFlagNames(a: Pick<ClientAssessment["a"], "redFlags" | "criteria">): string[] {
  return (a.redFlags ?? []).map((key) => {
    const c = a.criteria.find((x) => x.key === key);
    return c ? `${c.label.toLowerCase()} (${c.score}/100)` : key;
  });
}

/** Why a client's verdict is not its score's band (red flags), or null: the clients list and the dashboard say the same. */
export function verdictCappedBy(a: Pick<ClientAssessment["a"], "redFlags" | "criteria" | "score" | "verdict">, rules: VerdictRules): string | null {
  return cappedReason(a.score, a.verdict, redFlagNames(a), rules);
}

/** One assessed client's row of the fit table. */
export function fitRow({ client, a }: ClientAssessment, rules: VerdictRules): FitRow {
  const redFlags = redFlagNames(a);
  return {
    clientId: client.id,
    name: client.name,
    leadSource: client.leadSource,
    score: a.score,
    verdict: a.verdict,
    verdictLabel: a.verdictLabel,
    confidence: a.confidence,
    evidenceCount: a.evidenceCount,
    summary: a.summary,
    redFlags,
    capped: cappedReason(a.score, a.verdict, redFlags, rules),
  };
}

/** Worst fit first (those are the ones to act on), unscored last, then by name; a new array, ties keep their order. */
export function sortFitRows(rows: readonly FitRow[]): FitRow[] {
  return [...rows].sort((x, y) => (x.score ?? 101) - (y.score ?? 101) || x.name.localeCompare(y.name));
}

/** One row per assessed client, worst fit first, unscored last, then by name. */
export function fitRows(assessments: readonly ClientAssessment[], rules: VerdictRules): FitRow[] {
  return sortFitRows(assessments.map((x) => fitRow(x, rules)));
}

/** How many clients got each verdict (every verdict present, 0 included). */
export function verdictCounts(rows: readonly Pick<FitRow, "verdict">[]): Record<Verdict, number> {
  const verdicts: Record<Verdict, number> = { keep: 0, set_boundaries: 0, walk_away: 0, not_enough_data: 0 };
  for (const r of rows) verdicts[r.verdict] += 1;
  return verdicts;
}
