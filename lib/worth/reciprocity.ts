/** One-way asks: unpaid time against paid time, earned back by what the client gives in return. */
import type { GiveKind, Interaction, QuoteWithEvents, Settings } from "../domain";
import { divRound } from "../money";
import { askMinutes, isUnpaidAsk, safeReplay } from "../settling";
import { GIVE_CREDITS, RECIPROCITY } from "./rules";
import { clampScore, criterion } from "./shared";
import type { CriterionScore } from "./types";
import { NO_EVIDENCE, reciprocityEvidence } from "./words";

/** The credit bucket of a give; an unknown or missing subtype still earns the `other` credit. */
function giveKey(i: Interaction): GiveKind | "other" {
  return i.subtype === "referral" || i.subtype === "testimonial" || i.subtype === "repeat_work" || i.subtype === "prompt_payment"
    ? i.subtype
    : "other";
}

/** `quotes` by id and `interactions` by date then id, so the give counts are listed in a stable order. */
export function scoreReciprocity(quotes: QuoteWithEvents[], interactions: Interaction[], settings: Settings): CriterionScore {
  const asks = interactions.filter(isUnpaidAsk);
  const gives = interactions.filter((i) => i.kind === "give");
  if (asks.length === 0 && gives.length === 0) {
    return criterion("reciprocity", settings, null, [NO_EVIDENCE.reciprocity], 0);
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

  // An ask with no time logged was counted at the default length by askMinutes; the words say so.
  const untimed = asks.filter((i) => !(i.minutes != null && i.minutes > 0)).length;
  const evidence = reciprocityEvidence(
    { asks: asks.length, untimed, unpaidMinutes: unpaid, paidMinutes: paid, gives: gives.length, giveCounts, credits },
    settings.locale,
  );
  return criterion("reciprocity", settings, score, evidence, asks.length + gives.length);
}
