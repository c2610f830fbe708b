/**
 * A client's own rate and "the rate they pay now" (docs/today.md, "The rate-increase planner").
 *
 * A client may have their own rate per service from a calendar day on (db table client_rates), in the
 * service's currency and unit. The rate in force on a day is the row with the latest effectiveFrom ≤
 * that day; before their first row they have none (unlike the rate card, a client rate never reaches back).
 *
 * The rate they pay now, for one client and service, is:
 *   1. their own rate in force today, when they have one;
 *   2. else the effective rate of their latest accepted quote of that service: the agreed price over the
 *      minutes the pay is judged on (lib/true-rate.ts judgeTime: the time logged once it counts, else the
 *      estimate), in the service's unit. A quote priced in another currency than the service's is read
 *      in the book's currency (lib/book-currency.ts) when the service is priced in the book's currency;
 *      otherwise it cannot be compared and the next older one is used;
 *   3. else nothing is known (null).
 * Pure: no clock, integer minor units.
 */
import { inBookCurrency } from "../book-currency";
import type { ClientRate, QuoteWithEvents, Service, Settings } from "../domain";
import { formatDay } from "../format-date";
import { effectiveRate, formatHours, formatMoney } from "../money";
import { safeReplay } from "../settling";
import { judgeTime } from "../true-rate";
import type { Unit } from "../domain";

export type ClientRateLike = Pick<ClientRate, "clientId" | "serviceId" | "effectiveFrom" | "rate">;

/** The client's own rate row for `serviceId` in force on `day` (latest effectiveFrom ≤ day), or undefined. */
export function clientRateOn<R extends ClientRateLike>(rows: readonly R[], clientId: number, serviceId: number, day: string): R | undefined {
  let found: R | undefined;
  for (const r of rows) {
    if (r.clientId !== clientId || r.serviceId !== serviceId || r.effectiveFrom > day) continue;
    if (!found || r.effectiveFrom > found.effectiveFrom) found = r;
  }
  return found;
}

/** Their next rate: the earliest row that starts after `day`, or undefined. */
export function nextClientRate<R extends ClientRateLike>(rows: readonly R[], clientId: number, serviceId: number, day: string): R | undefined {
  let found: R | undefined;
  for (const r of rows) {
    if (r.clientId !== clientId || r.serviceId !== serviceId || r.effectiveFrom <= day) continue;
    if (!found || r.effectiveFrom < found.effectiveFrom) found = r;
  }
  return found;
}

/** "$80.00/h", "$640.00/day". */
export function rateWords(rate: number, currency: string, unit: Unit, locale = "en-US"): string {
  return `${formatMoney(rate, currency, locale)}/${unit === "hour" ? "h" : "day"}`;
}

/** "Oct 2026" */
export function monthWords(iso: string, locale = "en-US"): string {
  const [y, m] = iso.split("-").map(Number);
  try {
    return new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, 1)));
  } catch {
    return iso.slice(0, 7);
  }
}

/** The day an accepted quote counts from: decided, else sent, else created. */
export function acceptedOn(q: Pick<QuoteWithEvents, "decidedOn" | "sentOn" | "createdAt">): string {
  return q.decidedOn ?? q.sentOn ?? q.createdAt.slice(0, 10);
}

export interface RateNow {
  /** minor units of the service's currency per the service's unit */
  rate: number;
  currency: string;
  unit: Unit;
  source: "client_rate" | "last_job";
  /** client_rate: the day their rate started; last_job: the day the job was accepted */
  since: string;
  quoteId: number | null;
  /** "your rate for them since Mar 1, 2027" / "from your last job, Oct 2026: $4,000.00 for 50 h" */
  words: string;
}

export interface RateNowInput {
  clientId: number;
  service: Pick<Service, "id" | "unit" | "currency">;
  today: string;
  /** the client's rows (any service) */
  clientRates: readonly ClientRateLike[];
  /** the client's quotes (any service, any status) */
  quotes: readonly QuoteWithEvents[];
  settings: Pick<Settings, "currency" | "locale" | "hoursPerDay" | "creepThresholdPct">;
}

/** The effective rate of one accepted quote in the service's currency and unit, or null when it cannot be compared. */
export function jobRate(quote: QuoteWithEvents, service: Pick<Service, "unit" | "currency">, settings: RateNowInput["settings"]): { rate: number; price: number; minutes: number; currency: string } | null {
  const q = quote.currency === service.currency ? quote : inBookCurrency(quote, settings.currency);
  if (q.currency !== service.currency) return null;
  const summary = safeReplay(q);
  const time = judgeTime(q, summary.currentMinutes, settings.creepThresholdPct ?? 20);
  if (time.basisMinutes <= 0) return null;
  return { rate: Math.max(0, effectiveRate(summary.currentPrice, time.basisMinutes, service.unit, settings.hoursPerDay || 8)), price: summary.currentPrice, minutes: time.basisMinutes, currency: q.currency };
}

/** The accepted quotes of one service, newest first. */
export function acceptedOfService(quotes: readonly QuoteWithEvents[], serviceId: number): QuoteWithEvents[] {
  return quotes
    .filter((q) => q.status === "accepted" && q.serviceId === serviceId)
    .sort((a, b) => (acceptedOn(b) < acceptedOn(a) ? -1 : acceptedOn(b) > acceptedOn(a) ? 1 : b.id - a.id));
}

/** The rate they pay now (module comment), or null when neither their own rate nor a comparable accepted job is known. */
export function rateNow(input: RateNowInput): RateNow | null {
  const { service, settings } = input;
  const locale = settings.locale || "en-US";
  const own = clientRateOn(input.clientRates, input.clientId, service.id, input.today);
  if (own)
    return {
      rate: own.rate,
      currency: service.currency,
      unit: service.unit,
      source: "client_rate",
      since: own.effectiveFrom,
      quoteId: null,
      words: `your rate for them since ${formatDay(own.effectiveFrom, locale)}`,
    };
  for (const q of acceptedOfService(input.quotes, service.id)) {
    const job = jobRate(q, service, settings);
    if (!job) continue;
    const on = acceptedOn(q);
    return {
      rate: job.rate,
      currency: service.currency,
      unit: service.unit,
      source: "last_job",
      since: on,
      quoteId: q.id,
      words: `from your last job, ${monthWords(on, locale)}: ${formatMoney(job.price, job.currency, locale)} for ${formatHours(job.minutes, locale)}`,
    };
  }
  return null;
}
