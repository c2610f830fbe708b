/**
 * The rate-increase planner's arithmetic and words (docs/today.md, "The rate-increase planner"):
 * the suggested new rate, the default start day, the notice letter, and the outcome counts.
 */
import type { RatePlan, Unit } from "../domain";
import { formatDay } from "../format-date";
import { divRound, formatMoney, parseMoney } from "../money";
import { fillTemplate } from "../offer-check/templates";
import { plural } from "../text";
import { addMonths } from "./due";
import { rateWords } from "./rates";

export type RaiseMode = "to_target" | "by_pct";

/** To the target when they pay below it, else by the setting's percentage. */
export function defaultRaiseMode(current: number | null, target: number): RaiseMode {
  return current != null && current < target ? "to_target" : "by_pct";
}

/**
 * The suggested new rate: "to_target" = the target (never below what they pay now); "by_pct" = what they
 * pay now × (100 + pct) / 100, rounded to whole minor units (the target when nothing is known of what they pay).
 */
export function suggestRate(current: number | null, target: number, mode: RaiseMode, pct: number): number {
  if (current == null || current <= 0) return target;
  if (mode === "to_target") return Math.max(current, target);
  return divRound(current * (100 + Math.max(0, Math.round(pct))), 100);
}

/** The new rate's default first day: the notice period (months) after today. */
export function defaultEffectiveFrom(today: string, noticeMonths: number): string {
  return addMonths(today, Math.max(0, noticeMonths));
}

export const DEFAULT_RAISE_TEMPLATE =
  "Hi {client},\n\n" +
  "Thank you for the work we have done together. From {effective_date}, my rate for {service} will be {new_rate} (it is {current_rate} today). " +
  "Work booked before then keeps the current rate.\n\n" +
  "I am happy to talk it through if you have any questions.\n\nBest regards";

export interface LetterFacts {
  client: string;
  service: string;
  currency: string;
  unit: Unit;
  /** null: not known (shown as "your current rate") */
  currentRate: number | null;
  newRate: number;
  effectiveFrom: string;
  locale: string;
}

/** The placeholders a raise template may use: {client}, {service}, {current_rate}, {new_rate}, {effective_date}. */
export function letterVars(f: LetterFacts): Record<string, string> {
  return {
    client: f.client,
    service: f.service,
    current_rate: f.currentRate == null ? "your current rate" : rateWords(f.currentRate, f.currency, f.unit, f.locale),
    new_rate: rateWords(f.newRate, f.currency, f.unit, f.locale),
    effective_date: formatDay(f.effectiveFrom, f.locale),
  };
}

export function fillRaiseLetter(body: string, f: LetterFacts): string {
  return fillTemplate(body, letterVars(f));
}

/**
 * A raise must be above what they pay now; null when it is (or when what they pay is not known: any rate
 * above 0 will do). "A raise must be above what Atlas pays now: $101.75/h".
 */
export function raiseNotAbove(f: Pick<LetterFacts, "client" | "currentRate" | "newRate" | "currency" | "unit" | "locale">): string | null {
  if (f.currentRate == null || f.currentRate <= 0 || f.newRate > f.currentRate) return null;
  return `A raise must be above what ${f.client} pays now: ${rateWords(f.currentRate, f.currency, f.unit, f.locale)}`;
}

function currencySymbol(currency: string, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency }).formatToParts(0).find((p) => p.type === "currency")?.value ?? currency;
  } catch {
    return currency;
  }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The amounts of money in `text` written with the currency's symbol or code ("$95.00", "$95", "95,00 €", "USD 95"), in minor units, in order. */
export function moneyInText(text: string, currency: string, locale: string): number[] {
  const marks = [...new Set([currencySymbol(currency, locale), currency])].map(escape).join("|");
  const num = "\\d[\\d.,\u00a0\u202f]*\\d|\\d";
  const re = new RegExp(`(?:${marks})\\s?(${num})|(${num})\\s?(?:${marks})`, "g");
  const found: number[] = [];
  for (const m of text.matchAll(re)) {
    const n = parseMoney((m[1] ?? m[2]).trim(), currency);
    if (n != null) found.push(n);
  }
  return found;
}

export interface LetterCheck {
  /** the letter states the new rate */
  saysRate: boolean;
  /** the letter states the new rate's first day as the planner writes it ("Mar 1, 2027") */
  saysDate: boolean;
  /** a rate the letter states that is neither the new rate nor the one they pay now (the letter was written for another rate) */
  otherRate: number | null;
  /** the field error when the rate is missing: "The letter says $95.00/h; the new rate is $100.00/h: update the letter" */
  rateProblem: string | null;
  /** the warning when the day is missing (not an error: a letter may say "from March" in its own words) */
  dateProblem: string | null;
}

/**
 * Does the notice letter say the new rate and its day? The rate is required (a letter that names another
 * rate, or none, is refused); the day is a warning only.
 */
export function checkLetter(letter: string, f: Omit<LetterFacts, "client" | "service">): LetterCheck {
  const amounts = moneyInText(letter, f.currency, f.locale);
  const saysRate = amounts.includes(f.newRate) || letter.includes(formatMoney(f.newRate, f.currency, f.locale));
  const saysDate = letter.includes(formatDay(f.effectiveFrom, f.locale));
  const otherRate = amounts.find((a) => a !== f.newRate && a !== f.currentRate) ?? null;
  const rate = (n: number) => rateWords(n, f.currency, f.unit, f.locale);
  return {
    saysRate,
    saysDate,
    otherRate,
    rateProblem: saysRate
      ? null
      : otherRate != null
        ? `The letter says ${rate(otherRate)}; the new rate is ${rate(f.newRate)}: update the letter`
        : `The letter does not say the new rate, ${rate(f.newRate)}: update the letter`,
    dateProblem: saysDate ? null : `The letter does not say the day the new rate starts, ${formatDay(f.effectiveFrom, f.locale)}`,
  };
}

/** A raise still to take effect, in words: "Raise to $100.00/h from Mar 1, 2027 — waiting for their answer", "Negotiated: $95.00/h from Mar 1, 2027". */
export function pendingWords(p: Pick<RatePlan, "newRate" | "effectiveFrom" | "outcome" | "outcomeRate" | "currency">, unit: Unit, locale: string): string {
  const rate = (n: number) => rateWords(n, p.currency, unit, locale);
  const day = formatDay(p.effectiveFrom, locale);
  if (p.outcome === "negotiated" && p.outcomeRate != null) return `Negotiated: ${rate(p.outcomeRate)} from ${day}`;
  if (p.outcome === "accepted") return `Accepted: ${rate(p.newRate)} from ${day}`;
  return `Raise to ${rate(p.newRate)} from ${day} — waiting for their answer`;
}

export type PlanForStats = Pick<RatePlan, "noticeOn" | "outcome" | "currentRate" | "targetRate">;

export interface RaiseStats {
  /** plans with noticeOn in the last 12 months (today included) */
  total: number;
  accepted: number;
  negotiated: number;
  left: number;
  waiting: number;
  /** those who left: what they paid as a share of the target, percent (average when several); null when none left */
  leftPaidPctOfTarget: number | null;
  /** the sentence; null when there is nothing to say */
  words: string | null;
}

/** Outcomes of the raises noticed in the 12 months up to today. */
export function raiseStats(plans: readonly PlanForStats[], today: string): RaiseStats {
  const from = addMonths(today, -12);
  const recent = plans.filter((p) => p.noticeOn > from && p.noticeOn <= today);
  const count = (o: RatePlan["outcome"]) => recent.filter((p) => p.outcome === o).length;
  const leavers = recent.filter((p) => p.outcome === "left" && p.targetRate > 0 && p.currentRate > 0); // 0: what they paid was not known
  const pct = leavers.length ? divRound(leavers.reduce((s, p) => s + divRound(p.currentRate * 10000, p.targetRate), 0), leavers.length * 100) : null;
  const stats: RaiseStats = {
    total: recent.length,
    accepted: count("accepted"),
    negotiated: count("negotiated"),
    left: count("left"),
    waiting: count(null),
    leftPaidPctOfTarget: pct,
    words: null,
  };
  if (!recent.length) {
    stats.words = plans.length ? "No raises in the last 12 months." : "No raises planned yet.";
    return stats;
  }
  stats.words = countWords(stats, "Of") + ".";
  return stats;
}

function countWords(stats: RaiseStats, of: "Of" | "of"): string {
  const parts: string[] = [];
  if (stats.accepted) parts.push(`${stats.accepted} accepted`);
  if (stats.negotiated) parts.push(`${stats.negotiated} negotiated`);
  if (stats.left) parts.push(`${stats.left} left`);
  if (stats.waiting) parts.push(`${stats.waiting} waiting for an answer`);
  let words = `${of} ${plural(stats.total, "raise")} in the last 12 months, ${parts.join(", ")}`;
  const pct = stats.leftPaidPctOfTarget;
  if (pct != null) words += stats.left === 1 ? `; the one who left paid ${pct}% of target` : `; the ${stats.left} who left paid ${pct}% of target on average`;
  return words;
}

export interface RaiseStatLines {
  /** this client's raises: "Taker Inc: no raise planned yet." / "Loyal Co: of 1 raise in the last 12 months, 1 accepted." */
  client: string;
  /** the whole book's, labelled: "Across your book: of 6 raises in the last 12 months, 5 accepted; …"; null when the book has no raise but this client's (it would say the same) */
  book: string | null;
}

/** The planner's and the Rates card's counts: this client's, and separately the book's. */
export function raiseStatLines(client: string, clientPlans: readonly PlanForStats[], bookPlans: readonly PlanForStats[], today: string): RaiseStatLines {
  const mine = raiseStats(clientPlans, today);
  const clientLine = mine.total
    ? `${client}: ${countWords(mine, "of")}.`
    : `${client}: ${clientPlans.length ? "no raise in the last 12 months" : "no raise planned yet"}.`;
  const all = raiseStats(bookPlans, today);
  const book = all.total > mine.total ? `Across your book: ${countWords(all, "of")}.` : null;
  return { client: clientLine, book };
}
