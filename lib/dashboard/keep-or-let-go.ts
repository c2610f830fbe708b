/**
 * Keep or let go: each scored client's revenue against its fit, sized by the time the client took
 * (agreed scope of accepted quotes plus unpaid asks). Pure.
 */
import type { Verdict } from "../worth";
import type { Settings } from "../domain";
import { divRound } from "../money";
import type { ClientAssessment, Dashboard, KeepPoint, Quadrant, SettledQuote } from "./types";

/** What keep-or-let-go reads of an assessment: the client, its score and verdict, its unpaid minutes. */
export interface KeepInput {
  client: Pick<ClientAssessment["client"], "id" | "name">;
  a: Pick<ClientAssessment["a"], "score" | "verdict"> & { settling: Pick<ClientAssessment["a"]["settling"], "unpaidMinutes"> };
}

/** The middle value; the two middle values' mean (rounded half away from zero) for an even count; 0 for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : divRound(s[mid - 1] + s[mid], 2);
}

/**
 * The corner a client falls in: a fit at or above the keep band is high — unless the verdict says
 * otherwise (a red flag caps it: lib/worth); revenue is high when there is some and it is at or above
 * the median of the scored clients.
 */
export function quadrantOf(score: number, revenue: number, revenueMedian: number, bandKeep: number, verdict?: Verdict): Quadrant {
  const highFit = score >= bandKeep && (verdict === undefined || verdict === "keep");
  const highRevenue = revenue > 0 && revenue >= revenueMedian;
  return highFit ? (highRevenue ? "keep" : "grow") : highRevenue ? "painful" : "let_go";
}

/**
 * One point per client with a score, most revenue first (then the lower score, then by name).
 * Revenue counts only quotes in the settings currency; minutes count every accepted quote.
 */
export function keepOrLetGo(
  settled: readonly SettledQuote[],
  assessments: readonly KeepInput[],
  settings: Pick<Settings, "bandKeep" | "bandWalkAway">,
): Dashboard["keepOrLetGo"] {
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
      const quadrant = quadrantOf(a.score!, r.revenue, revenueMedian, settings.bandKeep, a.verdict);
      return { clientId: client.id, name: client.name, score: a.score!, verdict: a.verdict, revenue: r.revenue, paidMinutes: r.minutes, unpaidMinutes, minutes: r.minutes + unpaidMinutes, quadrant };
    })
    .sort((x, y) => y.revenue - x.revenue || x.score - y.score || x.name.localeCompare(y.name));
  return { points, revenueMedian, bandKeep: settings.bandKeep, bandWalkAway: settings.bandWalkAway };
}
