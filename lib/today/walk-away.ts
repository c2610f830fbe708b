/**
 * Clients to walk away from: an active client whose worth verdict is "walk away". The reason is the
 * score and the worst criterion's first piece of evidence. Pure: the assessment comes from the worth model.
 */
import type { Client } from "../domain";
import type { CriterionScore, FitAssessment } from "../worth/types";
import { daysSince, todayKeys } from "./shared";
import type { TodayItem } from "./types";
import { todayWords } from "./words";

/** The counted criterion with the lowest score (ties: the first in the model's order), or null. */
export function worstCriterion(criteria: readonly CriterionScore[]): CriterionScore | null {
  let worst: CriterionScore | null = null;
  for (const c of criteria) if (c.score != null && c.weight > 0 && (worst === null || c.score < worst.score!)) worst = c;
  return worst;
}

/**
 * `since`: the client's latest recorded activity (the clock of the item starts there); today when unknown.
 */
export function walkAwayItem(client: Pick<Client, "id" | "name" | "status">, assessment: Pick<FitAssessment, "verdict" | "score" | "criteria">, today: string, since: string | null = null): TodayItem | null {
  if (client.status !== "active" || assessment.verdict !== "walk_away" || assessment.score == null) return null;
  const worst = worstCriterion(assessment.criteria);
  const start = since && since <= today ? since : today;
  return {
    key: todayKeys.walkAway(client.id),
    kind: "walk_away",
    clientId: client.id,
    clientName: client.name,
    quoteId: null,
    title: todayWords.walkAwayTitle(client.name),
    reason: todayWords.walkAwayReason(assessment.score, worst?.evidence[0] ?? null),
    since: start,
    days: daysSince(start, today),
    fingerprint: `${assessment.verdict}|${assessment.score}`,
    actions: [
      { type: "link", label: todayWords.seeWhyAction, href: `/clients/${client.id}` },
      { type: "walk_away_client", label: todayWords.walkAwayAction, clientId: client.id },
    ],
    message: null,
    amount: null,
  };
}
