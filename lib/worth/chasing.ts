/** Chasing: how many of your follow-ups went unanswered, and how many in a row right now. */
import type { Interaction, Settings } from "../domain";
import { divRound } from "../money";
import { CHASING } from "./rules";
import { byDateThenId, clampScore, criterion } from "./shared";
import type { CriterionScore } from "./types";
import { NO_EVIDENCE, chasingEvidence, chasingPendingNotes } from "./words";

/** Follow-ups with a recorded answer (true/false), oldest first. A follow-up with answered null is not counted yet. */
function recordedFollowUps(interactions: Interaction[]): Interaction[] {
  return interactions.filter((i) => i.kind === "follow_up" && (i.answered === true || i.answered === false)).sort(byDateThenId);
}

/** Follow-ups unanswered in a row, counted from the most recent backwards. */
export function unansweredRun(interactions: Interaction[]): number {
  const fus = recordedFollowUps(interactions);
  let run = 0;
  for (let k = fus.length - 1; k >= 0 && fus[k].answered === false; k--) run += 1;
  return run;
}

export function scoreChasing(interactions: Interaction[], settings: Settings): CriterionScore {
  const fus = recordedFollowUps(interactions);
  const pending = interactions.filter((i) => i.kind === "follow_up" && i.answered !== true && i.answered !== false).length;
  const pendingNote = chasingPendingNotes(pending);
  const n = fus.length;
  if (n === 0) return criterion("chasing", settings, null, [NO_EVIDENCE.chasing, ...pendingNote], 0);
  const unanswered = fus.filter((i) => i.answered === false).length;
  const run = unansweredRun(interactions);
  // score = 100 − 50·u/n − 10·min(run, 5)
  const C = CHASING;
  const score = clampScore(divRound((100 - C.runPts * Math.min(run, C.runCap)) * n - C.sharePts * unanswered, n));
  const evidence = [...chasingEvidence(unanswered, n, run), ...pendingNote];
  return criterion("chasing", settings, score, evidence, n);
}
