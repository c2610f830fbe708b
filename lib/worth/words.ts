/**
 * The sentences the worth model writes: labels, advice, evidence and the one-line summary.
 * Kept apart from the scoring so the wording can change without touching a formula (and the reverse).
 * Every function here only phrases numbers the criteria have already worked out.
 */
import type { GiveKind, Service } from "../domain";
import { divRound, formatHours, formatMoney, formatPercentBp } from "../money";
import { ASK_DEFAULT_MINUTES } from "../settling";
import { lowerFirst, plural } from "../text";
import type { CriterionKey, CriterionScore, Verdict } from "./types";

export const VERDICT_LABELS: Record<Verdict, string> = {
  keep: "Keep",
  set_boundaries: "Set boundaries",
  walk_away: "Walk away",
  not_enough_data: "Not enough data",
};

/** What would raise each criterion: shown next to its score. */
export const IMPROVE: Record<CriterionKey, string> = {
  pricePressure: "Hold your price, or trade scope for budget instead of discounting the same work.",
  reciprocity: "Bill the favours and quick questions, or ask for a referral or testimonial in return.",
  pay: "Quote at or above your target rate, and walk away from offers below your floor.",
  chasing: "Stop following up; let them come back to you when they are ready.",
  payment: "Ask for a deposit and shorter payment terms before starting more work.",
};

/** The single evidence line of a criterion that is unknown: says what to log to make it known. */
export const NO_EVIDENCE: Record<CriterionKey, string> = {
  pricePressure: "No sent quotes yet",
  reciprocity: "No unpaid asks or gives logged",
  pay: "No accepted quote to compare with your rates",
  chasing: "No follow-ups logged",
  payment: "No payments logged",
};

// ---- haggling ----

export interface PricePressureTally {
  /** priced quotes */
  n: number;
  haggled: number;
  concededOn: number;
  /** deepest single ask, bp */
  deepestBp: number;
  /** Σ deepest ask per quote, bp */
  depthSumBp: number;
  /** Σ concession per quote, bp */
  concededSumBp: number;
}

export function pricePressureEvidence(t: PricePressureTally, locale: string): string[] {
  const { n } = t;
  const evidence: string[] = [];
  if (t.haggled === 0) evidence.push(`No discount requests on ${plural(n, "quote")}`);
  else {
    evidence.push(
      `Asked for a discount on ${t.haggled} of ${plural(n, "quote")}; deepest ask ${formatPercentBp(t.deepestBp, locale)}, ${formatPercentBp(divRound(t.depthSumBp, n), locale)} averaged over all ${n}`,
    );
  }
  if (t.concededOn === 0) evidence.push("You gave no discount without a matching cut in scope");
  else {
    evidence.push(
      `You conceded on ${t.concededOn} of ${plural(n, "quote")}, giving away ${formatPercentBp(divRound(t.concededSumBp, n), locale)} of the price averaged over all ${n}`,
    );
  }
  return evidence;
}

// ---- one-way asks ----

/** Singular and plural name of each kind of give; the key order is the order they are listed in. */
const GIVE_NAMES: Record<GiveKind | "other", [string, string]> = {
  referral: ["referral", "referrals"],
  testimonial: ["testimonial", "testimonials"],
  repeat_work: ["repeat job", "repeat jobs"],
  prompt_payment: ["prompt payment", "prompt payments"],
  other: ["other give", "other gives"],
};

export interface ReciprocityTally {
  asks: number;
  /** asks with no time logged (counted at the default) */
  untimed: number;
  unpaidMinutes: number;
  paidMinutes: number;
  gives: number;
  giveCounts: Map<GiveKind | "other", number>;
  credits: number;
}

export function reciprocityEvidence(t: ReciprocityTally, locale: string): string[] {
  const evidence: string[] = [];
  if (t.asks > 0) {
    const total = t.unpaidMinutes + t.paidMinutes;
    const share = total > 0 ? formatPercentBp(divRound(t.unpaidMinutes * 10000, total), locale) : "0%";
    evidence.push(
      `${plural(t.asks, "unpaid ask")} took ${formatHours(t.unpaidMinutes, locale)} against ${formatHours(t.paidMinutes, locale)} of paid work (${share} of your time for them was unpaid)`,
    );
    if (t.untimed > 0) {
      evidence.push(`${plural(t.untimed, "ask")} had no time logged: counted as ${ASK_DEFAULT_MINUTES} min${t.untimed > 1 ? " each" : ""}`);
    }
  } else {
    evidence.push("No unpaid asks");
  }
  if (t.gives === 0) evidence.push("Nothing given back yet: no referral, testimonial, repeat work or prompt payment");
  else {
    const parts = (Object.keys(GIVE_NAMES) as (GiveKind | "other")[])
      .filter((k) => t.giveCounts.has(k))
      .map((k) => plural(t.giveCounts.get(k)!, GIVE_NAMES[k][0], GIVE_NAMES[k][1]));
    evidence.push(`They gave back: ${parts.join(", ")} (+${t.credits} points)`);
  }
  return evidence;
}

// ---- pay ----

/** The worst-paid accepted quote, named, against the rate it fell short of. */
export function lowestPayText(
  rate: number,
  quote: { title: string; currency: string },
  service: Pick<Service, "floorRate" | "targetRate" | "unit">,
  belowFloor: boolean,
  locale: string,
): string {
  const ref = belowFloor
    ? `your floor ${formatMoney(service.floorRate, quote.currency, locale)}/${service.unit}`
    : `your target ${formatMoney(service.targetRate, quote.currency, locale)}/${service.unit}`;
  return `Lowest: ${formatMoney(rate, quote.currency, locale)}/${service.unit} on \u201c${quote.title}\u201d (${ref})`;
}

/** Accepted quotes left out of pay, and why, so a missing quote is never a silent surprise. */
export function paySkippedNotes(skippedCurrency: number, skippedNoService: number): string[] {
  const skipped: string[] = [];
  if (skippedCurrency > 0) skipped.push(`${plural(skippedCurrency, "accepted quote")} skipped: priced in another currency than the service`);
  if (skippedNoService > 0) skipped.push(`${plural(skippedNoService, "accepted quote")} skipped: no service to compare with`);
  return skipped;
}

export interface PayTally {
  rated: number;
  belowFloor: number;
  /** below target but not below floor */
  belowTarget: number;
  atMarket: number;
}

export function payEvidence(t: PayTally, lowest: string | null, skipped: string[]): string[] {
  const atOrAbove = t.rated - t.belowFloor - t.belowTarget;
  const evidence: string[] = [];
  if (t.belowFloor + t.belowTarget === 0) {
    evidence.push(`All ${plural(t.rated, "accepted quote")} paid at or above your target${t.atMarket > 0 ? ` (${t.atMarket} at or above market)` : ""}`);
  } else {
    evidence.push(
      `${t.belowFloor + t.belowTarget} of ${plural(t.rated, "accepted quote")} paid below your target` +
        (t.belowFloor > 0 ? `, ${t.belowFloor} below your floor` : "") +
        (atOrAbove > 0 ? `; ${atOrAbove} at or above target` : ""),
    );
  }
  if (lowest) evidence.push(lowest);
  evidence.push(...skipped);
  return evidence;
}

// ---- chasing ----

/** Follow-ups still waiting for an answer are mentioned, so the count below does not look wrong. */
export function chasingPendingNotes(pending: number): string[] {
  return pending > 0 ? [`${plural(pending, "follow-up")} with no answer recorded yet not counted`] : [];
}

export function chasingEvidence(unanswered: number, n: number, run: number): string[] {
  return [
    `${unanswered} of ${plural(n, "follow-up")} went unanswered`,
    run === 0 ? "They answered your latest follow-up" : run === 1 ? "Your latest follow-up had no answer" : `Your last ${run} follow-ups in a row had no answer`,
  ];
}

/** The essay's advice, once the unanswered run reaches the threshold. */
export function stopChasingMessage(run: number): string {
  return `You have followed up ${run === 1 ? "once" : `${run} times`} without an answer. Stop chasing: 'the harder you chase, the faster they run.'`;
}

// ---- payment ----

export function paymentEvidence(late: number, n: number, sumDays: number, worstDays: number): string[] {
  if (late === 0) return [`All ${plural(n, "payment")} on time`];
  // The average is shown to one decimal; the score itself uses the exact sum.
  const avg = Math.round((sumDays / n) * 10) / 10;
  return [`${late} of ${plural(n, "payment")} late; ${plural(avg, "day")} late on average, worst ${plural(worstDays, "day")}`];
}

// ---- summary ----

/** One sentence: the verdict and, when there is one, the criterion that costs the most points (`main`). */
export function summarize(verdict: Verdict, main: CriterionScore | null, evidenceCount: number): string {
  if (verdict === "not_enough_data") {
    return "Not enough recorded to score this client yet: log quotes, asks, follow-ups or payments.";
  }
  if (!main || main.score === 100) return `Worth keeping: no warning signs in ${plural(evidenceCount, "piece")} of evidence.`;
  // evidence[0] of a scored criterion always starts with a capitalised word or a digit, so lowerFirst is safe.
  const what = `${main.label.toLowerCase()} (${main.score}/100): ${lowerFirst(main.evidence[0])}`;
  if (verdict === "keep") return `Worth keeping; the weakest point is ${what}.`;
  if (verdict === "set_boundaries") return `Set boundaries on ${what}.`;
  return `Walk away, mainly over ${what}.`;
}
