/**
 * The worth model: scores one client relationship against the essay's worth criteria.
 *
 * Pure and deterministic: no I/O, no clock, no randomness. Inputs are sorted (by occurredOn then id,
 * quotes by id) before anything is added up, so the same history in any array order gives the same result.
 * All arithmetic is on integers; each criterion is rounded once, at its end, and the overall score once,
 * at its end. Every formula, its reasoning and worked examples: docs/worth-model.md.
 */
import type { ClientHistory, GiveKind, Interaction, QuoteWithEvents, Service, Settings } from "./domain";
import { divRound, formatHours, formatMoney, formatPercentBp } from "./money";
import { ASK_DEFAULT_MINUTES, askMinutes, isUnpaidAsk, safeReplay, settleClient, type ClientSettling } from "./settling";

export type CriterionKey = "pricePressure" | "reciprocity" | "pay" | "chasing" | "payment";

export const CRITERIA: { key: CriterionKey; label: string; weightField: keyof Settings; essay: string }[] = [
  {
    key: "pricePressure",
    label: "Haggling",
    weightField: "weightPricePressure",
    essay: "The client who haggles your prices down to nothing.",
  },
  {
    key: "reciprocity",
    label: "One-way asks",
    weightField: "weightReciprocity",
    essay: "The friend who only calls when they need something.",
  },
  {
    key: "pay",
    label: "Pay",
    weightField: "weightPay",
    essay: "The job that pays below market rate because \u201cit's a great opportunity.\u201d",
  },
  {
    key: "chasing",
    label: "Chasing",
    weightField: "weightChasing",
    essay: "The harder you chase, the faster they run. \u2026 Pursuit without reciprocity creates the opposite of attraction.",
  },
  {
    key: "payment",
    label: "Payment",
    weightField: "weightPayment",
    essay: "The romantic partner who treats you like an option while you treat them like a priority.",
  },
];

export interface CriterionScore {
  key: CriterionKey;
  label: string;
  /** integer 0-100, null = unknown (no evidence) */
  score: number | null;
  weight: number;
  /** plain words with numbers */
  evidence: string[];
  /** what would raise it */
  improve: string;
  evidenceCount: number;
}

export type Verdict = "keep" | "set_boundaries" | "walk_away" | "not_enough_data";

export const VERDICT_LABELS: Record<Verdict, string> = {
  keep: "Keep",
  set_boundaries: "Set boundaries",
  walk_away: "Walk away",
  not_enough_data: "Not enough data",
};

export interface FitAssessment {
  clientId: number;
  score: number | null;
  verdict: Verdict;
  verdictLabel: string;
  confidence: "none" | "low" | "medium" | "high";
  /** pieces of evidence behind the score: the sum over criteria that count (known, weight > 0) */
  evidenceCount: number;
  criteria: CriterionScore[];
  /** one plain sentence: the main reason */
  summary: string;
  stopChasing: { unansweredInARow: number; threshold: number; shouldStop: boolean; message: string | null };
  settling: ClientSettling;
}

// ---- tuning constants (each one is explained in docs/worth-model.md) ----

/** Haggling: points lost for the share of quotes haggled, the average ask depth and the average concession. */
export const PRICE_PRESSURE = { sharePts: 30, depthPts: 30, depthCapBp: 3000, concededPts: 40, concededCapBp: 2500 } as const;
/** One-way asks: points lost when unpaid time reaches `capShare` (1/4) of all time spent for the client. */
export const RECIPROCITY = { timePts: 80, capShareDenominator: 4 } as const;
/** Points each kind of give earns back. A give with no subtype counts as `other`. */
export const GIVE_CREDITS: Record<GiveKind | "other", number> = {
  referral: 15,
  testimonial: 10,
  repeat_work: 10,
  prompt_payment: 5,
  other: 5,
};
/** Pay, per quote, in points: below floor up to 30, floor→target 50→100, at/above target 100, at/above market 110. */
export const PAY = { belowFloorMax: 30, atFloor: 50, atTarget: 100, marketBonus: 10 } as const;
/** Chasing: points lost for the unanswered share, and per follow-up in the current unanswered run (capped). */
export const CHASING = { sharePts: 50, runPts: 10, runCap: 5 } as const;
/** Payment: points lost for average lateness (full at 30 days) and for the worst lateness (full at 60 days). */
export const PAYMENT = { avgPts: 60, avgCapDays: 30, worstPts: 40, worstCapDays: 60 } as const;
/** Confidence bands on the evidence count: 0 none, 1-3 low, 4-9 medium, 10+ high. */
export const CONFIDENCE_BANDS = { low: 1, medium: 4, high: 10 } as const;

const IMPROVE: Record<CriterionKey, string> = {
  pricePressure: "Hold your price, or trade scope for budget instead of discounting the same work.",
  reciprocity: "Bill the favours and quick questions, or ask for a referral or testimonial in return.",
  pay: "Quote at or above your target rate, and walk away from offers below your floor.",
  chasing: "Stop following up; let them come back to you when they are ready.",
  payment: "Ask for a deposit and shorter payment terms before starting more work.",
};

// ---- helpers ----

function byDateThenId<T extends { occurredOn: string; id: number }>(a: T, b: T): number {
  return a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : a.id - b.id;
}

function clampScore(n: number): number {
  return Math.min(100, Math.max(0, n));
}

/** A weight from settings: negative, non-finite or missing counts as 0 (excluded). */
function weightOf(settings: Settings, field: keyof Settings): number {
  const w = Number(settings[field]);
  return Number.isFinite(w) && w > 0 ? w : 0;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function criterion(key: CriterionKey, settings: Settings, score: number | null, evidence: string[], evidenceCount: number): CriterionScore {
  const def = CRITERIA.find((c) => c.key === key)!;
  return { key, label: def.label, score, weight: weightOf(settings, def.weightField), evidence, improve: IMPROVE[key], evidenceCount };
}

// ---- criteria ----

/** Quotes that can show haggling: sent or decided, or with negotiation events. A silent draft is not evidence. */
function isPricedQuote(q: QuoteWithEvents): boolean {
  return q.events.length > 0 || q.status !== "draft";
}

function scorePricePressure(quotes: QuoteWithEvents[], settings: Settings): CriterionScore {
  const locale = settings.locale;
  const priced = quotes.filter(isPricedQuote);
  const n = priced.length;
  if (n === 0) return criterion("pricePressure", settings, null, ["No sent quotes yet"], 0);

  let haggled = 0;
  let concededOn = 0;
  let depthSum = 0; // Σ deepest ask per quote, bp (0 when no ask)
  let concededSum = 0; // Σ concession per quote, bp
  let deepest = 0;
  for (const q of priced) {
    const s = safeReplay(q);
    const depth = Math.min(10000, Math.max(0, s.deepestAskBp));
    const conceded = Math.min(10000, Math.max(0, s.concededBp));
    if (s.asks > 0) haggled += 1;
    if (conceded > 0) concededOn += 1;
    depthSum += depth;
    concededSum += conceded;
    deepest = Math.max(deepest, depth);
  }
  // score = 100 − 30·h/n − 30·min(1, avgDepth/30%) − 40·min(1, avgConceded/25%), on the common denominator 15000·n.
  const P = PRICE_PRESSURE;
  const den = 15000 * n;
  const penalty =
    P.sharePts * 15000 * haggled +
    ((P.depthPts * 15000) / P.depthCapBp) * Math.min(depthSum, P.depthCapBp * n) +
    ((P.concededPts * 15000) / P.concededCapBp) * Math.min(concededSum, P.concededCapBp * n);
  const score = clampScore(divRound(100 * den - penalty, den));

  const evidence: string[] = [];
  if (haggled === 0) evidence.push(`No discount requests on ${plural(n, "quote")}`);
  else {
    evidence.push(
      `Asked for a discount on ${haggled} of ${plural(n, "quote")}; deepest ask ${formatPercentBp(deepest, locale)}, ${formatPercentBp(divRound(depthSum, n), locale)} averaged over all ${n}`,
    );
  }
  if (concededOn === 0) evidence.push("You gave no discount without a matching cut in scope");
  else {
    evidence.push(
      `You conceded on ${concededOn} of ${plural(n, "quote")}, giving away ${formatPercentBp(divRound(concededSum, n), locale)} of the price averaged over all ${n}`,
    );
  }
  return criterion("pricePressure", settings, score, evidence, n);
}

function giveKey(i: Interaction): GiveKind | "other" {
  return i.subtype === "referral" || i.subtype === "testimonial" || i.subtype === "repeat_work" || i.subtype === "prompt_payment"
    ? i.subtype
    : "other";
}

function scoreReciprocity(quotes: QuoteWithEvents[], interactions: Interaction[], settings: Settings): CriterionScore {
  const locale = settings.locale;
  const asks = interactions.filter(isUnpaidAsk);
  const gives = interactions.filter((i) => i.kind === "give");
  if (asks.length === 0 && gives.length === 0) {
    return criterion("reciprocity", settings, null, ["No unpaid asks or gives logged"], 0);
  }
  const unpaid = asks.reduce((sum, i) => sum + askMinutes(i), 0);
  const paid = quotes
    .filter((q) => q.status === "accepted")
    .reduce((sum, q) => sum + Math.max(0, safeReplay(q).currentMinutes), 0);
  const giveCounts = new Map<GiveKind | "other", number>();
  for (const g of gives) giveCounts.set(giveKey(g), (giveCounts.get(giveKey(g)) ?? 0) + 1);
  let credits = 0;
  for (const [k, c] of giveCounts) credits += GIVE_CREDITS[k] * c;

  // score = 100 − 80·min(1, 4·U/(U+P)) + credits, capped to 0..100.
  const total = unpaid + paid;
  let score: number;
  if (total === 0) score = clampScore(100 + credits);
  else {
    const R = RECIPROCITY;
    score = clampScore(divRound((100 + credits) * total - R.timePts * Math.min(total, R.capShareDenominator * unpaid), total));
  }

  const evidence: string[] = [];
  if (asks.length > 0) {
    const share = total > 0 ? formatPercentBp(divRound(unpaid * 10000, total), locale) : "0%";
    evidence.push(
      `${plural(asks.length, "unpaid ask")} took ${formatHours(unpaid, locale)} against ${formatHours(paid, locale)} of paid work (${share} of your time for them was unpaid)`,
    );
    const untimed = asks.filter((i) => !(i.minutes != null && i.minutes > 0)).length;
    if (untimed > 0) {
      evidence.push(`${plural(untimed, "ask")} had no time logged: counted as ${ASK_DEFAULT_MINUTES} min${untimed > 1 ? " each" : ""}`);
    }
  } else {
    evidence.push("No unpaid asks");
  }
  if (gives.length === 0) evidence.push("Nothing given back yet: no referral, testimonial, repeat work or prompt payment");
  else {
    const names: Record<GiveKind | "other", [string, string]> = {
      referral: ["referral", "referrals"],
      testimonial: ["testimonial", "testimonials"],
      repeat_work: ["repeat job", "repeat jobs"],
      prompt_payment: ["prompt payment", "prompt payments"],
      other: ["other give", "other gives"],
    };
    const parts = (Object.keys(names) as (GiveKind | "other")[])
      .filter((k) => giveCounts.has(k))
      .map((k) => plural(giveCounts.get(k)!, names[k][0], names[k][1]));
    evidence.push(`They gave back: ${parts.join(", ")} (+${credits} points)`);
  }
  return criterion("reciprocity", settings, score, evidence, asks.length + gives.length);
}

/**
 * Pay score of one quote in hundredths of a point (0..11000), monotone in the rate:
 * below floor 0→30 (a cliff at the floor), floor→target 50→100, at/above target 100, at/above market 110.
 */
export function quotePayCentiPoints(rate: number, service: Pick<Service, "floorRate" | "targetRate" | "marketRate">): number {
  const r = Math.max(0, rate);
  if (r >= service.targetRate) {
    return PAY.atTarget * 100 + (service.marketRate > 0 && r >= service.marketRate ? PAY.marketBonus * 100 : 0);
  }
  if (r >= service.floorRate) {
    // floor <= r < target, so target − floor > 0
    return PAY.atFloor * 100 + divRound((PAY.atTarget - PAY.atFloor) * 100 * (r - service.floorRate), service.targetRate - service.floorRate);
  }
  // r < floor, so floor > 0
  return divRound(PAY.belowFloorMax * 100 * r, service.floorRate);
}

function scorePay(quotes: QuoteWithEvents[], settling: ClientSettling, services: Service[], settings: Settings): CriterionScore {
  const locale = settings.locale;
  const serviceById = new Map(services.map((s) => [s.id, s] as const));
  const byId = new Map(settling.quotes.map((s) => [s.quoteId, s] as const));
  let weighted = 0; // Σ minutes × centi-points
  let minutes = 0;
  let rated = 0;
  let belowFloor = 0;
  let belowTarget = 0;
  let atMarket = 0;
  let skippedCurrency = 0;
  let skippedNoService = 0;
  let lowest: { points: number; text: string } | null = null;
  for (const q of quotes) {
    if (q.status !== "accepted") continue;
    const svc = q.serviceId != null ? serviceById.get(q.serviceId) : undefined;
    if (!svc) {
      skippedNoService += 1;
      continue;
    }
    if (svc.currency !== q.currency) {
      skippedCurrency += 1;
      continue;
    }
    const s = byId.get(q.id);
    if (!s || s.effectiveRate == null) continue;
    const m = safeReplay(q).currentMinutes;
    const pts = quotePayCentiPoints(s.effectiveRate, svc);
    weighted += m * pts;
    minutes += m;
    rated += 1;
    if (s.belowFloor) belowFloor += 1;
    else if (s.belowTarget) belowTarget += 1;
    if (!s.belowMarket && svc.marketRate > 0) atMarket += 1;
    if (s.belowTarget && (lowest === null || pts < lowest.points)) {
      const ref = s.belowFloor
        ? `your floor ${formatMoney(svc.floorRate, q.currency, locale)}/${svc.unit}`
        : `your target ${formatMoney(svc.targetRate, q.currency, locale)}/${svc.unit}`;
      lowest = { points: pts, text: `Lowest: ${formatMoney(s.effectiveRate, q.currency, locale)}/${svc.unit} on \u201c${q.title}\u201d (${ref})` };
    }
  }
  const skipped: string[] = [];
  if (skippedCurrency > 0) skipped.push(`${plural(skippedCurrency, "accepted quote")} skipped: priced in another currency than the service`);
  if (skippedNoService > 0) skipped.push(`${plural(skippedNoService, "accepted quote")} skipped: no service to compare with`);
  if (rated === 0) return criterion("pay", settings, null, ["No accepted quote to compare with your rates", ...skipped], 0);

  // Weighted by minutes: a long job below floor matters more than a short one. Capped at 100 after the mean,
  // so pay above market can make up for a little pay under target elsewhere.
  const score = clampScore(divRound(weighted, minutes * 100));
  const atOrAbove = rated - belowFloor - belowTarget;
  const evidence: string[] = [];
  if (belowFloor + belowTarget === 0) {
    evidence.push(`All ${plural(rated, "accepted quote")} paid at or above your target${atMarket > 0 ? ` (${atMarket} at or above market)` : ""}`);
  } else {
    evidence.push(
      `${belowFloor + belowTarget} of ${plural(rated, "accepted quote")} paid below your target` +
        (belowFloor > 0 ? `, ${belowFloor} below your floor` : "") +
        (atOrAbove > 0 ? `; ${atOrAbove} at or above target` : ""),
    );
  }
  if (lowest) evidence.push(lowest.text);
  evidence.push(...skipped);
  return criterion("pay", settings, score, evidence, rated);
}

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

function scoreChasing(interactions: Interaction[], settings: Settings): CriterionScore {
  const fus = recordedFollowUps(interactions);
  const pending = interactions.filter((i) => i.kind === "follow_up" && i.answered !== true && i.answered !== false).length;
  const pendingNote = pending > 0 ? [`${plural(pending, "follow-up")} with no answer recorded yet not counted`] : [];
  const n = fus.length;
  if (n === 0) return criterion("chasing", settings, null, ["No follow-ups logged", ...pendingNote], 0);
  const unanswered = fus.filter((i) => i.answered === false).length;
  const run = unansweredRun(interactions);
  // score = 100 − 50·u/n − 10·min(run, 5)
  const C = CHASING;
  const score = clampScore(divRound((100 - C.runPts * Math.min(run, C.runCap)) * n - C.sharePts * unanswered, n));
  const evidence = [`${unanswered} of ${plural(n, "follow-up")} went unanswered`];
  evidence.push(
    run === 0 ? "They answered your latest follow-up" : run === 1 ? "Your latest follow-up had no answer" : `Your last ${run} follow-ups in a row had no answer`,
  );
  evidence.push(...pendingNote);
  return criterion("chasing", settings, score, evidence, n);
}

function scorePayment(interactions: Interaction[], settings: Settings): CriterionScore {
  const pays = interactions.filter((i) => i.kind === "payment" && i.daysLate != null && Number.isFinite(i.daysLate)).sort(byDateThenId);
  const n = pays.length;
  if (n === 0) return criterion("payment", settings, null, ["No payments logged"], 0);
  // Paying early is not extra credit: lateness is floored at 0 days.
  const days = pays.map((i) => Math.max(0, Math.round(i.daysLate!)));
  const sum = days.reduce((a, b) => a + b, 0);
  const worst = Math.max(...days);
  const late = days.filter((d) => d > 0).length;
  // score = 100 − 60·min(1, avg/30) − 40·min(1, worst/60), on the common denominator 90·n.
  const P = PAYMENT;
  const den = 90 * n;
  const penalty = ((P.avgPts * 90) / P.avgCapDays) * Math.min(sum, P.avgCapDays * n) + ((P.worstPts * 90) / P.worstCapDays) * n * Math.min(worst, P.worstCapDays);
  const score = clampScore(divRound(100 * den - penalty, den));
  const evidence =
    late === 0
      ? [`All ${plural(n, "payment")} on time`]
      : [
          `${late} of ${plural(n, "payment")} late; ${plural(Math.round((sum / n) * 10) / 10, "day")} late on average, worst ${plural(worst, "day")}`,
        ];
  return criterion("payment", settings, score, evidence, n);
}

// ---- overall ----

export function verdictFor(score: number | null, settings: Settings): Verdict {
  if (score == null || !Number.isFinite(score)) return "not_enough_data";
  if (score >= settings.bandKeep) return "keep";
  if (score < settings.bandWalkAway) return "walk_away";
  return "set_boundaries";
}

export function confidenceFor(evidenceCount: number): FitAssessment["confidence"] {
  if (evidenceCount >= CONFIDENCE_BANDS.high) return "high";
  if (evidenceCount >= CONFIDENCE_BANDS.medium) return "medium";
  if (evidenceCount >= CONFIDENCE_BANDS.low) return "low";
  return "none";
}

/** Weighted mean of the known criteria with a positive weight, rounded once; null when there are none. */
export function overallScore(criteria: CriterionScore[]): number | null {
  let num = 0;
  let den = 0;
  for (const c of criteria) {
    if (c.score == null || !(c.weight > 0)) continue;
    num += c.weight * c.score;
    den += c.weight;
  }
  return den > 0 ? clampScore(divRound(num, den)) : null;
}

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}

function summarize(verdict: Verdict, counted: CriterionScore[], evidenceCount: number): string {
  if (verdict === "not_enough_data") {
    return "Not enough recorded to score this client yet: log quotes, asks, follow-ups or payments.";
  }
  // The main reason is the criterion that costs the most points: weight × (100 − score). Ties: CRITERIA order.
  let main: CriterionScore | null = null;
  for (const c of counted) {
    if (main === null || c.weight * (100 - c.score!) > main.weight * (100 - main.score!)) main = c;
  }
  if (!main || main.score === 100) return `Worth keeping: no warning signs in ${plural(evidenceCount, "piece")} of evidence.`;
  const what = `${main.label.toLowerCase()} (${main.score}/100): ${lowerFirst(main.evidence[0])}`;
  if (verdict === "keep") return `Worth keeping; the weakest point is ${what}.`;
  if (verdict === "set_boundaries") return `Set boundaries on ${what}.`;
  return `Walk away, mainly over ${what}.`;
}

export function assessClient(history: ClientHistory, services: Service[], settings: Settings): FitAssessment {
  // Deterministic order before anything is added up or described.
  const quotes = [...history.quotes].sort((a, b) => a.id - b.id);
  const interactions = [...history.interactions].sort(byDateThenId);
  const settling = settleClient(history, services, settings);

  const criteria: CriterionScore[] = [
    scorePricePressure(quotes, settings),
    scoreReciprocity(quotes, interactions, settings),
    scorePay(quotes, settling, services, settings),
    scoreChasing(interactions, settings),
    scorePayment(interactions, settings),
  ];
  const counted = criteria.filter((c) => c.score != null && c.weight > 0);
  const score = overallScore(criteria);
  const verdict = verdictFor(score, settings);
  const evidenceCount = counted.reduce((sum, c) => sum + c.evidenceCount, 0);

  // Stop chasing: a threshold below 1 would always say stop, so it is read as 1.
  const threshold = Math.max(1, Math.round(settings.chaseThreshold));
  const run = unansweredRun(interactions);
  const shouldStop = run >= threshold;
  const message = shouldStop
    ? `You have followed up ${run === 1 ? "once" : `${run} times`} without an answer. Stop chasing: 'the harder you chase, the faster they run.'`
    : null;

  return {
    clientId: history.client.id,
    score,
    verdict,
    verdictLabel: VERDICT_LABELS[verdict],
    confidence: confidenceFor(evidenceCount),
    evidenceCount,
    criteria,
    summary: summarize(verdict, counted, evidenceCount),
    stopChasing: { unansweredInARow: run, threshold, shouldStop, message },
    settling,
  };
}
