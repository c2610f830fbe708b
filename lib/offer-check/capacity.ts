/**
 * Step 3: the user's booked time and pipeline: abundance, not scarcity. Room to spare is mentioned
 * but never lowers the bar; a full calendar leaves no room for work below target.
 */
import type { Settings } from "../domain";
import { formatHours, formatMoney } from "../money";
import { plural } from "../text";
import { whole } from "./rates";
import { REASONS } from "./reasons";
import { NEARLY_FULL_PCT, OFFER_RULES } from "./rules";
import type { Findings, OfferCapacity, OfferReason, OfferTerms } from "./types";

export interface Utilisation {
  /** minutes available over OFFER_RULES.capacityWeeks; 0 when no weekly capacity is set */
  capacityMinutes: number;
  committed: number;
  /** floored, so "100%" is shown exactly when the calendar is full, and 49.9% counts as under 50% */
  utilisationPct: number;
  full: boolean;
}

export function utilisation(capacity: OfferCapacity): Utilisation {
  const capacityMinutes = whole(capacity.weeklyCapacityHours * 60) * OFFER_RULES.capacityWeeks;
  const committed = whole(capacity.committedMinutesNext4Weeks);
  return {
    capacityMinutes,
    committed,
    utilisationPct: capacityMinutes > 0 ? Math.floor((committed * 100) / capacityMinutes) : 0,
    full: capacityMinutes > 0 && committed >= capacityMinutes,
  };
}

export function capacityLabel({ capacityMinutes, utilisationPct, full }: Utilisation): string {
  if (capacityMinutes <= 0) return "No weekly capacity set";
  if (full) return `${utilisationPct}% booked: full`;
  if (utilisationPct >= NEARLY_FULL_PCT) return `${utilisationPct}% booked: nearly full`;
  if (utilisationPct >= OFFER_RULES.lowUtilisationPct) return `${utilisationPct}% booked`;
  return `${utilisationPct}% booked: room to spare`;
}

export interface CapacityFindings extends Findings {
  utilisationPct: number;
  label: string;
  full: boolean;
  /** the reason that leads the list when a full calendar decides a walk-away */
  fullReason: OfferReason | null;
}

export function capacityFindings(capacity: OfferCapacity, settings: Settings, terms: OfferTerms): CapacityFindings {
  const { locale } = terms;
  const use = utilisation(capacity);
  const { capacityMinutes, committed, utilisationPct, full } = use;
  const reasons: OfferReason[] = [];
  const questions: string[] = [];
  let fullReason: OfferReason | null = null;

  const booked = () =>
    `${utilisationPct}% booked over the next ${OFFER_RULES.capacityWeeks} weeks (${formatHours(committed, locale)} of ${formatHours(capacityMinutes, locale)})`;
  // The pipeline is counted in the user's own currency, not the offer's.
  const pipeline = () =>
    `${plural(whole(capacity.openPipelineCount), "open quote")} worth ${formatMoney(whole(capacity.openPipelineValue), (settings.currency || terms.currency).toUpperCase(), locale)}`;

  if (capacityMinutes <= 0) {
    reasons.push(REASONS.noCapacity());
  } else if (full) {
    if (terms.belowTarget) {
      fullReason = REASONS.fullBelowTarget(booked());
      reasons.push(fullReason);
    } else if (terms.rates) {
      reasons.push(REASONS.fullAtTarget(booked()));
    } else {
      reasons.push(REASONS.fullNoRateCard(booked()));
    }
  } else if (utilisationPct < OFFER_RULES.lowUtilisationPct && whole(capacity.openPipelineCount) < OFFER_RULES.thinPipelineCount) {
    // Room and a thin pipeline: the moment a low offer is most tempting.
    reasons.push(REASONS.roomToFindBetter(booked(), pipeline()));
    questions.push("Would I take this if my calendar were full?");
  } else {
    reasons.push(REASONS.booked(booked(), pipeline()));
  }

  return { reasons, questions, conditions: [], utilisationPct, label: capacityLabel(use), full, fullReason };
}
