/**
 * Step 2: the client, "Do I want to choose them?": their verdict, haggling, paying, unpaid asks and
 * unanswered follow-ups. Each part adds its reason, and the terms to attach to any yes.
 */
import type { Settings } from "../domain";
import { formatHours } from "../money";
import { verdictWords } from "./format";
import { whole } from "./rates";
import { REASONS, verdictSentence } from "./reasons";
import { OFFER_RULES } from "./rules";
import type { Findings, OfferClient, OfferReason, OfferTerms, OfferWords } from "./types";

export interface ClientFindings extends Findings {
  /** the reason that leads the list when the verdict is walk_away */
  verdictReason: OfferReason | null;
  haggler: boolean;
  latePayer: boolean;
  heavyAsks: boolean;
}

function verdict(client: OfferClient, say: OfferWords, out: Findings): OfferReason | null {
  const score = client.fitScore != null && Number.isFinite(client.fitScore) ? Math.round(client.fitScore) : null;
  const sentence = verdictSentence(score, verdictWords(client.verdict));
  if (client.verdict === "walk_away") {
    const reason = REASONS.walkAwayClient(sentence);
    out.reasons.push(reason);
    out.questions.push("Am I trying to convince them, or choosing them?");
    return reason;
  }
  if (client.verdict === "set_boundaries") {
    out.reasons.push(REASONS.setBoundaries(sentence, say.clientName));
    out.conditions.push("scope and price agreed in writing before work starts");
  } else if (client.verdict === "keep") {
    out.reasons.push(REASONS.keepClient(sentence));
  } else if (client.isNew) {
    out.reasons.push(REASONS.newProspect(say.clientName));
  } else {
    out.reasons.push(REASONS.notEnoughHistory(say.clientName, whole(client.quotesWithDecision)));
  }
  return null;
}

/** A haggler asked for less on at least half of their decided quotes, and on at least two (one polite ask is not a pattern). */
function haggling(client: OfferClient, say: OfferWords, out: Findings): boolean {
  const decided = whole(client.quotesWithDecision);
  const haggled = Math.min(whole(client.haggledQuotes), decided);
  const haggler =
    haggled >= OFFER_RULES.haggleMinQuotes && haggled * OFFER_RULES.haggleShareDenominator >= decided * OFFER_RULES.haggleShareNumerator;
  if (haggler) {
    out.reasons.push(REASONS.askedForLess("warn", say.clientName, haggled, decided));
    out.conditions.push("the price is fixed for this scope: a smaller budget buys a smaller scope");
    out.questions.push("What will I say when they ask for a discount again?");
  } else if (decided >= 2 && haggled === 0) {
    out.reasons.push(REASONS.neverHaggled(say.clientName, decided));
  } else if (haggled > 0) {
    out.reasons.push(REASONS.askedForLess("info", say.clientName, haggled, decided));
  }
  return haggler;
}

/** A late payer is OFFER_RULES.lateDays or more late on average; no payments, no reason. */
function paying(client: OfferClient, locale: string, say: OfferWords, out: Findings): boolean {
  const daysLate = client.avgDaysLate != null && Number.isFinite(client.avgDaysLate) ? client.avgDaysLate : null;
  if (daysLate == null) return false;
  const latePayer = daysLate >= OFFER_RULES.lateDays;
  const days = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(Math.max(0, daysLate));
  if (latePayer) {
    out.reasons.push(REASONS.paysLate("warn", say.clientName, days));
    out.conditions.push(`a ${OFFER_RULES.depositPct}% deposit before work starts`, `payment within ${OFFER_RULES.lateDays} days of invoice`);
    out.questions.push("Am I willing to wait for payment again?");
  } else if (daysLate > 0) {
    out.reasons.push(REASONS.paysLate("info", say.clientName, days));
  } else {
    out.reasons.push(REASONS.paysOnTime(say.clientName));
  }
  return latePayer;
}

/** Heavy unpaid asks make "extra asks are billed" part of any yes. */
function unpaidAsks(client: OfferClient, terms: OfferTerms, say: OfferWords, out: Findings): boolean {
  const unpaid = whole(client.unpaidAskMinutes);
  const heavyAsks = unpaid >= OFFER_RULES.unpaidAskMinutes;
  if (unpaid > 0) {
    out.reasons.push(REASONS.unpaidAsks(heavyAsks ? "warn" : "info", formatHours(unpaid, terms.locale)));
    if (heavyAsks) {
      out.conditions.push(terms.rates ? `changes and extra questions billed at ${say.rate(terms.rates.target)}` : "changes and extra questions billed");
    }
  }
  return heavyAsks;
}

/** Only a warning: chasing decides nothing, it just should not make the user keener. */
function chasing(client: OfferClient, settings: Settings, say: OfferWords, out: Findings): void {
  const chased = whole(client.unansweredFollowUpsInARow);
  if (chased >= Math.max(1, whole(settings.chaseThreshold))) {
    out.reasons.push(REASONS.unanswered(chased, say.clientName));
  }
}

export function clientFindings(client: OfferClient, settings: Settings, terms: OfferTerms, say: OfferWords): ClientFindings {
  const out: Findings = { reasons: [], questions: [], conditions: [] };
  // Called in this order: it is the order of the reasons, questions and conditions.
  const verdictReason = verdict(client, say, out);
  const haggler = haggling(client, say, out);
  const latePayer = paying(client, terms.locale, say, out);
  const heavyAsks = unpaidAsks(client, terms, say, out);
  chasing(client, settings, say, out);
  return { ...out, verdictReason, haggler, latePayer, heavyAsks };
}
