/**
 * Chasing: your follow-ups that went unanswered (and how many in a row right now), and quotes you sent
 * that met silence. "Pursuit without reciprocity creates the opposite of attraction."
 */
import type { Interaction, QuoteWithEvents, Settings } from "../domain";
import { BP, CHASING } from "./rules";
import { ageDays, byDateThenId, decayWeight, measured, type Clock } from "./shared";
import type { CriterionScore, Measured } from "./types";
import { NO_EVIDENCE, chasingEvidence, chasingPendingNotes } from "./words";

const NO_CLOCK: Clock = { asOf: null, halfLifeMonths: 0 };

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

/** The client said something about this quote: an ask, a counter-offer, or something you answered. */
export function clientAnswered(q: Pick<QuoteWithEvents, "events">): boolean {
  return q.events.some((e) => e.kind === "discount_request" || e.kind === "client_counter" || e.kind === "my_answer");
}

/**
 * A quote sent into silence: still "sent" (or expired) with no word from the client. Without a clock day
 * every such quote counts; with one, a quote counts once it has waited CHASING.silentQuoteDays (an expired
 * quote always does).
 */
export function isSilentQuote(q: QuoteWithEvents, clock: Clock): boolean {
  if (q.status !== "sent" && q.status !== "expired") return false;
  if (clientAnswered(q)) return false;
  if (q.status === "expired") return true;
  const age = ageDays(clock, q.sentOn ?? q.createdAt);
  return age === null || age >= CHASING.silentQuoteDays;
}

/**
 * good = Σ weight of answered follow-ups
 * bad  = Σ weight of unanswered follow-ups in the current run + ½ × Σ weight of those answered since
 *        + Σ weight of silent quotes
 */
export function measureChasing(interactions: Interaction[], settings: Settings, clock: Clock = NO_CLOCK, quotes: QuoteWithEvents[] = []): Measured {
  const fus = recordedFollowUps(interactions);
  const pending = interactions.filter((i) => i.kind === "follow_up" && i.answered !== true && i.answered !== false).length;
  const pendingNote = chasingPendingNotes(pending);
  const silent = quotes.filter((q) => isSilentQuote(q, clock));
  const n = fus.length + silent.length;
  if (n === 0) return measured("chasing", settings, { good: 0, bad: 0 }, [NO_EVIDENCE.chasing, ...pendingNote], 0);

  const run = unansweredRun(interactions);
  let good = 0;
  let bad = 0;
  fus.forEach((f, k) => {
    const w = decayWeight(clock, f.occurredOn);
    if (f.answered) good += w * BP;
    else bad += w * (k >= fus.length - run ? BP : CHASING.answeredSinceBp);
  });
  for (const q of silent) bad += decayWeight(clock, q.sentOn ?? q.createdAt) * BP;

  const unanswered = fus.filter((i) => i.answered === false).length;
  const evidence = [...chasingEvidence(unanswered, fus.length, run, silent.length), ...pendingNote];
  return measured("chasing", settings, { good, bad }, evidence, n);
}

export function scoreChasing(interactions: Interaction[], settings: Settings, clock: Clock = NO_CLOCK, quotes: QuoteWithEvents[] = []): CriterionScore {
  return measureChasing(interactions, settings, clock, quotes).criterion;
}
