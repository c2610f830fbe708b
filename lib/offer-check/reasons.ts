/**
 * The words of every reason the offer check gives, one entry per rule outcome. The steps decide which
 * applies and pass in the numbers, already formatted; keeping the sentences together keeps the voice
 * consistent and makes them easy to check against docs/offer-check.md.
 */
import { plural } from "../text";
import type { PlausibilityHint } from "./plausibility";
import type { OfferReason } from "./types";

type Tone = OfferReason["tone"];

/** "$600.00 for 10 hours is $60.00/h" */
export function offerPerUnit(price: string, scope: string, rate: string): string {
  return `${price} for ${scope} is ${rate}`;
}

const decidedQuotes = (n: number) => plural(n, "decided quote");

/** "Fit score 42/100, verdict: set boundaries." (score already whole, verdict already in words) */
export function verdictSentence(score: number | null, verdict: string): string {
  return score != null ? `Fit score ${score}/100, verdict: ${verdict}.` : `Verdict: ${verdict}.`;
}

export const REASONS = {
  // --- the rate card and the price ------------------------------------------------------------
  noScope: (): OfferReason => ({ tone: "warn", text: "The scope is 0 hours: enter how long the work takes to judge the price." }),
  noRateCard: (offer: string): OfferReason => ({
    tone: "warn",
    text: `Add this service to your rate card (floor, target and market rate) to judge the price: ${offer}.`,
  }),
  currencyMismatch: (currency: string, service: string, serviceCurrency: string, offer: string): OfferReason => ({
    tone: "warn",
    text: `The offer is in ${currency} but your rate card for ${service} is in ${serviceCurrency}, so it is treated as having no rate card. Add this service to your rate card in ${currency}, or convert the offer: ${offer}.`,
  }),
  rush: (rushPct: number, floor: string, target: string, market: string): OfferReason => ({
    tone: "info",
    text: `Rush work: your rates × ${rushPct}%. Floor ${floor}, target ${target}, market ${market}.`,
  }),
  belowFloor: (offer: string, floor: string, target: string): OfferReason => ({
    tone: "bad",
    text: `${offer}, below your floor of ${floor} (target ${target}). Work below your floor loses money.`,
  }),
  belowTarget: (offer: string, floor: string, target: string, short: string): OfferReason => ({
    tone: "warn",
    text: `${offer}: at or above your floor of ${floor} but below your target of ${target}, ${short} short of your target price.`,
  }),
  atMarket: (offer: string, target: string, market: string): OfferReason => ({
    tone: "good",
    text: `${offer}, at or above your target of ${target} and your market rate of ${market}.`,
  }),
  atTarget: (offer: string, target: string, market: string): OfferReason => ({
    tone: "good",
    text: `${offer}, at or above your target of ${target} (market ${market}).`,
  }),

  // --- the client: "Do I want to choose them?" ------------------------------------------------
  // `verdict` is the whole verdictSentence below.
  walkAwayClient: (verdict: string): OfferReason => ({
    tone: "bad",
    text: `${verdict} Your worth isn't determined by who accepts you; it's determined by who you accept.`,
  }),
  setBoundaries: (verdict: string, client: string): OfferReason => ({ tone: "warn", text: `${verdict} Work with ${client} only on your terms.` }),
  keepClient: (verdict: string): OfferReason => ({ tone: "good", text: verdict }),
  newProspect: (client: string): OfferReason => ({
    tone: "info",
    text: `New prospect: no history with ${client} yet, so the price and your terms do the choosing.`,
  }),
  notEnoughHistory: (client: string, decided: number): OfferReason => ({
    tone: "info",
    text: `Not enough history to score ${client} yet (${decidedQuotes(decided)}).`,
  }),
  askedForLess: (tone: Tone, client: string, haggled: number, decided: number): OfferReason => ({
    tone,
    text: `${client} asked for less on ${haggled} of ${decidedQuotes(decided)}.`,
  }),
  neverHaggled: (client: string, decided: number): OfferReason => ({
    tone: "good",
    text: `${client} accepted your price without haggling on ${decided} decided quotes.`,
  }),
  // the average is over every payment, on-time ones included (the late payer rule): say so
  paysLate: (tone: Tone, client: string, days: string): OfferReason => ({ tone, text: `${client} pays ${days} ${days === "1" ? "day" : "days"} late on average, counting on-time payments.` }),
  paysOnTime: (client: string): OfferReason => ({ tone: "good", text: `${client} pays on time.` }),
  unpaidAsks: (tone: Tone, hours: string): OfferReason => ({
    tone,
    text: `${hours} of unpaid asks so far (favours, quick questions, scope creep).`,
  }),
  unanswered: (chased: number, client: string): OfferReason => ({
    tone: "warn",
    text: `Your last ${plural(chased, "follow-up")} to ${client} went unanswered. The harder you chase, the faster they run: let this offer stand on its terms.`,
  }),

  // --- capacity: abundance, not scarcity -----------------------------------------------------
  noCapacity: (): OfferReason => ({
    tone: "info",
    text: "Set your weekly capacity in settings to weigh this offer against your booked time.",
  }),
  fullBelowTarget: (booked: string): OfferReason => ({
    tone: "bad",
    text: `You are fully booked: ${booked}. No room for work below your target.`,
  }),
  fullAtTarget: (booked: string): OfferReason => ({
    tone: "info",
    text: `You are fully booked: ${booked}. This fits only because it pays your target.`,
  }),
  fullNoRateCard: (booked: string): OfferReason => ({
    tone: "warn",
    text: `You are fully booked: ${booked}. Only work at your target rate has room.`,
  }),
  roomToFindBetter: (booked: string, pipeline: string): OfferReason => ({
    tone: "info",
    text: `You are ${booked}, with ${pipeline}. That is time to find better work, not a reason to go below your floor.`,
  }),
  booked: (booked: string, pipeline: string): OfferReason => ({ tone: "info", text: `You are ${booked}, with ${pipeline}.` }),
} as const;

/** The question a far-off rate raises, by what most likely went wrong. */
const PLAUSIBILITY_QUESTIONS: Record<PlausibilityHint, string> = {
  hours_not_days: "Is the scope in hours, not days? Or is this the wrong service?",
  offer_is_total: "Is the offer the whole price, not a rate per hour or day? Or is the scope too large?",
  days_not_hours: "Is the scope in days, not hours? Or is this the wrong service?",
  check_numbers: "Are the scope and the offer typed right?",
};

/**
 * "This works out at $70.00/day against your $600.00/day floor ($800.00/day target): a tenth of your
 * target or less. Is the scope in hours, not days? …" (rates already formatted with their unit).
 */
export function plausibilityWarning(direction: "below" | "above", rate: string, floor: string, target: string, hint: PlausibilityHint): string {
  const how =
    direction === "below"
      ? `This works out at ${rate} against your ${floor} floor (${target} target): a tenth of your target or less.`
      : `This works out at ${rate} against your ${target} target: ten times your target or more.`;
  return `${how} ${PLAUSIBILITY_QUESTIONS[hint]}`;
}
