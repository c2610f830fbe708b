/** How the offer check writes its numbers: money, rates per unit, scope, the client's verdict. */
import type { Unit } from "../domain";
import { formatHours, formatMoney } from "../money";
import { lowerFirst } from "../text";
import { VERDICT_LABELS } from "../worth";
import type { OfferClient, OfferTerms, OfferVerdict, OfferWords } from "./types";

export function unitSuffix(unit: Unit): string {
  return unit === "day" ? "/day" : "/h";
}

/** Scope in the service's unit: "2.5 days" for day rates, hours otherwise. */
export function formatScope(minutes: number, unit: Unit, hoursPerDay: number, locale: string): string {
  if (unit === "day") {
    const days = minutes / (60 * hoursPerDay);
    const n = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(days);
    return `${n} ${days === 1 ? "day" : "days"}`;
  }
  return formatHours(minutes, locale);
}

/** "keep", "set boundaries", ...: the worth model's labels, mid-sentence. */
export function verdictWords(verdict: OfferVerdict): string {
  // An unknown verdict reads as "not enough data" rather than "undefined".
  return lowerFirst(VERDICT_LABELS[verdict] ?? VERDICT_LABELS.not_enough_data);
}

export function offerWords(terms: OfferTerms, client: Pick<OfferClient, "name">): OfferWords {
  const { currency, locale, unit, minutes, hoursPerDay } = terms;
  const money = (n: number) => formatMoney(n, currency, locale);
  return {
    money,
    rate: (r: number) => money(r) + unitSuffix(unit ?? "hour"),
    scope: unit != null ? formatScope(minutes, unit, hoursPerDay, locale) : "no scope",
    clientName: client.name.trim() || "This client",
  };
}
