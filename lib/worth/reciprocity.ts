/** One-way asks: unpaid time, diluted by paid time, against what the client gives back. */
import type { GiveKind, Interaction, QuoteWithEvents, Settings } from "../domain";
import { askMinutes, isUnpaidAsk, safeReplay } from "../settling";
import { BP, GIVE_CREDITS, RECIPROCITY, WEIGHT_UNIT } from "./rules";
import { decayWeight, measured, quoteDate, type Clock } from "./shared";
import type { CriterionScore, Measured } from "./types";
import { NO_EVIDENCE, reciprocityEvidence } from "./words";

/** The credit bucket of a give; an unknown or missing subtype still earns the `other` credit. */
function giveKey(i: Interaction): GiveKind | "other" {
  return i.subtype === "referral" || i.subtype === "testimonial" || i.subtype === "repeat_work" || i.subtype === "prompt_payment"
    ? i.subtype
    : "other";
}

/**
 * `quotes` by id and `interactions` by date then id.
 * bad  = Σ weight × min(1, ask minutes / 150) × 600 / (600 + weighted paid minutes)
 * good = Σ weight × give credit
 * Unknown unless there is an unpaid ask or a give: paid work alone says nothing about favours.
 */
export function measureReciprocity(quotes: QuoteWithEvents[], interactions: Interaction[], settings: Settings, clock: Clock): Measured {
  const asks = interactions.filter(isUnpaidAsk);
  const gives = interactions.filter((i) => i.kind === "give");
  if (asks.length === 0 && gives.length === 0) {
    return measured("reciprocity", settings, { good: 0, bad: 0 }, [NO_EVIDENCE.reciprocity], 0);
  }
  const R = RECIPROCITY;
  let askMass = 0; // Σ weight × ask share of a piece, in mass units
  let unpaid = 0;
  for (const i of asks) {
    const m = askMinutes(i);
    unpaid += m;
    askMass += decayWeight(clock, i.occurredOn) * Math.min(BP, Math.round((m * BP) / R.askFullMinutes));
  }
  let paid = 0;
  let paidWeighted = 0; // Σ weight × minutes
  for (const q of quotes) {
    if (q.status !== "accepted") continue;
    const m = Math.max(0, safeReplay(q).currentMinutes);
    paid += m;
    paidWeighted += decayWeight(clock, quoteDate(q)) * m;
  }
  // Paid time dilutes the asks: a favour weighs less for a client who also pays for a lot of your time.
  const dilution = R.paidDilutionMinutes * WEIGHT_UNIT;
  const bad = askMass === 0 ? 0 : Math.max(1, Math.round(askMass * (dilution / (dilution + paidWeighted))));

  const giveCounts = new Map<GiveKind | "other", number>();
  let good = 0;
  for (const g of gives) {
    const k = giveKey(g);
    giveCounts.set(k, (giveCounts.get(k) ?? 0) + 1);
    good += decayWeight(clock, g.occurredOn) * Math.round(GIVE_CREDITS[k] * BP);
  }

  // An ask with no time logged was counted at the default length by askMinutes; the words say so.
  const untimed = asks.filter((i) => !(i.minutes != null && i.minutes > 0)).length;
  const evidence = reciprocityEvidence({ asks: asks.length, untimed, unpaidMinutes: unpaid, paidMinutes: paid, gives: gives.length, giveCounts }, settings.locale);
  return measured("reciprocity", settings, { good, bad }, evidence, asks.length + gives.length);
}

export function scoreReciprocity(quotes: QuoteWithEvents[], interactions: Interaction[], settings: Settings, clock: Clock = { asOf: null, halfLifeMonths: 0 }): CriterionScore {
  return measureReciprocity(quotes, interactions, settings, clock).criterion;
}
