/**
 * The sentences the worth model writes: labels, advice, evidence and the one-line summary.
 * Kept apart from the scoring so the wording can change without touching a formula (and the reverse).
 * Every function here only phrases numbers the criteria have already worked out.
 */
import type { GiveKind, Service } from "../domain";
import { divRound, formatHours, formatMoney, formatPercentBp } from "../money";
import { ASK_DEFAULT_MINUTES } from "../settling";
import { lowerFirst, plural } from "../text";
import { CONFIDENCE_BANDS, PRIOR, TREND } from "./rules";
import type { CriterionKey, CriterionScore, Trend, Verdict } from "./types";

/** "The payment", "Both payments", "All 3 payments": how a person says "all" of a few. */
function allOf(n: number, one: string): string {
  return n === 1 ? `The ${one}` : n === 2 ? `Both ${one}s` : `All ${plural(n, one)}`;
}

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
  pricePressure: "No quote they replied to yet: a quote shows haggling once the client replies",
  reciprocity: "No unpaid asks or gives logged",
  pay: "No accepted quote to compare with your rates",
  chasing: "No follow-ups logged",
  payment: "No payments logged",
};

// ---- haggling ----

/** What became of one answered quote, as the evidence tells it. */
export type HaggleOutcome = "clean" | "paid_in_full" | "traded_scope" | "conceded" | "declined" | "rejected" | "open";

export interface HaggleQuote {
  outcome: HaggleOutcome;
  /** deepest ask, bp (0 when they did not ask) */
  askBp: number;
  /** what you gave away, bp */
  concededBp: number;
}

/** "you held firm and they accepted your full price", … — what happened after the ask (the price, not a payment). */
function outcomeWords(q: HaggleQuote, locale: string): string {
  switch (q.outcome) {
    case "paid_in_full":
      return "you held firm and they accepted your full price";
    case "traded_scope":
      return "you cut scope to fit the budget and kept your rate";
    case "conceded":
      return `you gave away ${formatPercentBp(q.concededBp, locale)}`;
    case "declined":
      return "you declined";
    case "rejected":
      return "they rejected the quote";
    case "open":
      return "no deal yet";
    default:
      return "they accepted your price";
  }
}

export function pricePressureEvidence(quotes: HaggleQuote[], locale: string): string[] {
  const n = quotes.length;
  const asked = quotes.filter((q) => q.askBp > 0 || (q.outcome !== "clean" && q.outcome !== "conceded"));
  const count = (o: HaggleOutcome) => quotes.filter((q) => q.outcome === o).length;
  const conceded = quotes.filter((q) => q.concededBp > 0);
  if (n === 1) {
    const q = quotes[0];
    if (q.outcome === "clean") return ["No discount request on the one quote they replied to; they accepted your price"];
    if (q.askBp === 0 && q.outcome === "conceded") return [`No discount request, but you gave away ${formatPercentBp(q.concededBp, locale)}`];
    return [`Asked ${formatPercentBp(q.askBp, locale)} off; ${outcomeWords(q, locale)}`];
  }
  const evidence: string[] = [];
  const deepest = quotes.reduce((m, q) => Math.max(m, q.askBp), 0);
  if (asked.length === 0) evidence.push(`No discount requests on ${plural(n, "quote")} they replied to`);
  else evidence.push(`Asked for a discount on ${asked.length} of ${plural(n, "quote")} they replied to; deepest ask ${formatPercentBp(deepest, locale)}`);
  const outcomes = [
    count("paid_in_full") > 0 ? `held firm and got your full price on ${count("paid_in_full")}` : null,
    count("traded_scope") > 0 ? `traded scope for budget on ${count("traded_scope")}` : null,
    count("declined") > 0 ? `declined ${count("declined")}` : null,
    count("rejected") + count("open") > 0 ? `had no deal on ${count("rejected") + count("open")}` : null,
  ].filter((x): x is string => x !== null);
  if (outcomes.length > 0) evidence.push(`After the asks you ${outcomes.join(", ")}`);
  // only a quote where scope was traded had a lower price at all
  if (conceded.length === 0) evidence.push(count("traded_scope") > 0 ? "You kept your rate every time: each lower price came with a matching cut in scope" : "You kept your rate every time");
  else {
    const avg = divRound(conceded.reduce((s, q) => s + q.concededBp, 0), conceded.length);
    evidence.push(`You conceded on ${conceded.length} of ${plural(n, "quote")}, giving away ${formatPercentBp(avg, locale)} on average where you did`);
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
      evidence.push(`${plural(t.untimed, "ask")} had no time logged: counted as ${ASK_DEFAULT_MINUTES} min${t.untimed === 1 ? "" : " each"}`);
    }
  } else {
    evidence.push("No unpaid asks");
  }
  if (t.gives === 0) evidence.push("Nothing given back yet: no referral, testimonial or repeat work logged");
  else {
    const parts = (Object.keys(GIVE_NAMES) as (GiveKind | "other")[])
      .filter((k) => t.giveCounts.has(k))
      .map((k) => plural(t.giveCounts.get(k)!, GIVE_NAMES[k][0], GIVE_NAMES[k][1]));
    evidence.push(`They gave back: ${parts.join(", ")}`);
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
    evidence.push(`${allOf(t.rated, "accepted quote")} paid at or above your target${t.atMarket > 0 ? ` (${t.atMarket} at or above market)` : ""}`);
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

export function chasingEvidence(unanswered: number, n: number, run: number, silentQuotes: number): string[] {
  const evidence: string[] = [];
  if (n > 0) {
    evidence.push(`${unanswered} of ${plural(n, "follow-up")} went unanswered`);
    evidence.push(
      run === 0 ? "They answered your latest follow-up" : run === 1 ? "Your latest follow-up had no answer" : `Your last ${run} follow-ups in a row had no answer`,
    );
  }
  if (silentQuotes > 0) evidence.push(`${plural(silentQuotes, "quote")} you sent met silence: no answer at all`);
  return evidence;
}

/** The essay's advice, once the unanswered run reaches the threshold. */
export function stopChasingMessage(run: number): string {
  return `You have followed up ${run === 1 ? "once" : `${run} times`} without an answer. Stop chasing: 'the harder you chase, the faster they run.'`;
}

// ---- payment ----

export function paymentEvidence(late: number, n: number, sumDays: number, worstDays: number): string[] {
  if (late === 0) return [n === 1 ? "The one payment was on time" : `${allOf(n, "payment")} on time`];
  if (late === 1) return [`${late} of ${plural(n, "payment")} late, by ${plural(worstDays, "day")}`];
  // The average is over the late ones (on-time payments would hide how late the late ones were), to one decimal.
  const avg = Math.round((sumDays / late) * 10) / 10;
  return [`${late} of ${plural(n, "payment")} late, by ${plural(avg, "day")} on average (worst ${plural(worstDays, "day")})`];
}

// ---- small samples, summary, trend ----

/** Added to a criterion whose evidence weighs less than the prior. */
export function smallSampleNote(): string {
  // no count: weighed evidence (decay, short asks as part of a piece) would read against the events listed above it
  return `Little evidence yet: the score is pulled towards a neutral ${PRIOR.score} until there is more`;
}

function named(c: CriterionScore): string {
  return `${c.label.toLowerCase()} (${c.score}/100)`;
}

function andList(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/**
 * One sentence: the verdict; the red flags by name when there are any (the worst one's evidence);
 * otherwise the criterion with bad evidence that costs the most points (`main`; null: no warning sign).
 * Thin evidence is said.
 */
export function summarize(verdict: Verdict, main: CriterionScore | null, evidenceCount: number, redFlags: CriterionScore[] = []): string {
  if (verdict === "not_enough_data") {
    return "Not enough recorded to score this client yet: log quotes, asks, follow-ups or payments.";
  }
  const thin = evidenceCount < CONFIDENCE_BANDS.medium;
  const early = thin ? ` \u2014 an early read on ${plural(evidenceCount, "piece")} of evidence` : "";
  // evidence[0] of a scored criterion always starts with a capitalised word or a digit, so lowerFirst is safe.
  const because = (c: CriterionScore) => lowerFirst(c.evidence[0]);
  if (redFlags.length > 0) {
    const flags = `red flag${redFlags.length > 1 ? "s" : ""} on ${andList(redFlags.map(named))}`;
    const worst = redFlags[0];
    if (verdict === "walk_away") return `Walk away: ${flags}; ${because(worst)}${early}.`;
    if (verdict === "set_boundaries") return `Set boundaries: ${flags}; ${because(worst)}${early}.`;
    return `Worth keeping, despite the ${flags}; ${because(worst)}${early}.`;
  }
  if (!main) {
    if (verdict === "keep") return `Worth keeping${thin ? " so far" : ""}: no warning signs in ${plural(evidenceCount, "piece")} of evidence.`;
    return `${VERDICT_LABELS[verdict]} for now: no warning signs, but not yet enough good evidence to reach your keep band${early}.`;
  }
  const what = `${named(main)}: ${because(main)}`;
  if (verdict === "keep") return `Worth keeping; the weakest point is ${what}${early}.`;
  if (verdict === "set_boundaries") return `Set boundaries on ${what}${early}.`;
  return `Walk away, mainly over ${what}${early}.`;
}

export function trendSummary(trend: Trend | null, recent: number | null, before: number | null, hasClock: boolean): string {
  if (!hasClock) return "No trend: no date to measure the last 6 months from.";
  if (trend === null || recent === null || before === null) {
    return `Too little recorded to tell a trend: it needs ${plural(TREND.minEvidence, "piece")} of evidence in the last ${plural(TREND.recentMonths, "month")} and ${TREND.minEvidence} before.`;
  }
  const scores = `${recent} over the last ${plural(TREND.recentMonths, "month")} against ${before} before`;
  if (trend === "better") return `Getting better: ${scores}.`;
  if (trend === "worse") return `Getting worse: ${scores}.`;
  return `Steady: ${scores}.`;
}
