/**
 * The offer check: "a low offer just landed: should I take this?"
 *
 * Answers accept / counter / walk away from the price (against the rate card's floor, target and
 * market, rush-adjusted), the client ("Do I want to choose them?") and the user's booked capacity
 * (abundance, not scarcity). Pure and deterministic: no I/O, no clock, integer money throughout.
 * The rules, in order of precedence, are documented in docs/offer-check.md.
 *
 * The client's fit comes in as plain data (score and verdict from the worth model) so this module
 * does not depend on how that score is computed.
 */
import type { Service, Settings, Unit } from "./domain";
import { divRound, effectiveRate, formatHours, formatMoney, minutesForBudget, valueAtRate } from "./money";

export type OfferAnswer = "accept" | "counter" | "walk_away";
/** Same strings as the worth model's Verdict. */
export type OfferVerdict = "keep" | "set_boundaries" | "walk_away" | "not_enough_data";

export interface OfferClient {
  isNew: boolean;
  name: string;
  /** 0–100, null when the worth model has no evidence */
  fitScore: number | null;
  verdict: OfferVerdict;
  /** decided quotes (accepted / rejected / declined) on which the client asked for a discount or countered */
  haggledQuotes: number;
  quotesWithDecision: number;
  /** average days late over recorded payments; null when no payments recorded */
  avgDaysLate: number | null;
  /** unpaid one-way asks (favours, quick questions, scope creep, ...) in minutes */
  unpaidAskMinutes: number;
  unansweredFollowUpsInARow: number;
}

export interface OfferCapacity {
  weeklyCapacityHours: number;
  /** minutes of accepted work scheduled over the next 4 weeks */
  committedMinutesNext4Weeks: number;
  openPipelineCount: number;
  /** minor units, in the user's currency */
  openPipelineValue: number;
}

export interface OfferInput {
  /** minor units, > 0 */
  offeredAmount: number;
  currency: string;
  /** scope, > 0 (hours or days converted to minutes by the caller) */
  minutes: number;
  /** the deadline makes it rush work */
  rush: boolean;
  /** null = no rate card for it */
  service: Service | null;
  client: OfferClient;
  capacity: OfferCapacity;
  settings: Settings;
}

/** One line of the explanation, in plain words with its numbers. */
export interface OfferReason {
  tone: "good" | "warn" | "bad" | "info";
  text: string;
}

export interface OfferCounter {
  /** the same scope at the (rush-adjusted) target rate; null without a usable rate card */
  priceAtTarget: number | null;
  /** the scope the offered budget buys at the target rate (floored); null without a usable rate card */
  minutesForBudgetAtTarget: number | null;
  rushApplied: boolean;
  /** conditions to attach to any yes (deposit, payment terms, scope in writing); may be empty */
  conditions: string[];
  text: string;
}

export interface OfferEvaluation {
  answer: OfferAnswer;
  /** e.g. "Walk away: this pays below your floor." */
  headline: string;
  /**
   * The offer per unit, in the offer's currency and rounded to whole minor units (as displayed).
   * Without a usable rate card it is still given (per hour when there is no service) for information.
   * null only when the scope is not a positive number of minutes.
   */
  effectiveRate: number | null;
  unit: Unit | null;
  /** in the service's unit, rush-adjusted where rush; null without a usable rate card */
  rates: { floor: number; target: number; market: number } | null;
  reasons: OfferReason[];
  counter: OfferCounter;
  capacity: { utilisationPct: number; label: string };
  questions: string[];
}

/** Thresholds of the rules; exported so the docs, the tests and the UI quote the same numbers. */
export const OFFER_RULES = {
  /** a client haggles when they asked for less on at least half of their decided quotes */
  haggleShareNumerator: 1,
  haggleShareDenominator: 2,
  /** a client pays late when payments are this many days late on average */
  lateDays: 14,
  /** unpaid asks at or above this many minutes attach "extra asks are billed" to a yes */
  unpaidAskMinutes: 120,
  /** capacity is counted over this many weeks */
  capacityWeeks: 4,
  /** below this utilisation the check mentions the room (never lowering the bar) */
  lowUtilisationPct: 50,
  /** fewer open quotes than this is a thin pipeline */
  thinPipelineCount: 2,
  /** the deposit asked of a late payer */
  depositPct: 50,
} as const;

export const DEFAULT_DECLINE_TEMPLATE = "Thank you for letting me know. I wish you the best.";

export const DEFAULT_COUNTER_TEMPLATE =
  "Thanks, {client}. For {scope} of {service} my rate is {rate}, so the price is {price}. " +
  "If the budget of {budget} is fixed, I can deliver {budgetScope} of that work for it. " +
  "Let me know which suits you.";

const PLACEHOLDER_RE = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;

/**
 * Fill {name} placeholders in one pass. Unknown placeholders stay as written (so a missing value is
 * visible, not silently blank); values are inserted as plain text: never re-expanded, never
 * interpreted as HTML or as replacement patterns like "$&".
 */
export function fillTemplate(body: string, vars: Record<string, string>): string {
  return body.replace(PLACEHOLDER_RE, (match, name: string) =>
    Object.prototype.hasOwnProperty.call(vars, name) && typeof vars[name] === "string" ? vars[name] : match,
  );
}

// ---------------------------------------------------------------------------------------------

const ANSWER_RANK: Record<OfferAnswer, number> = { walk_away: 0, counter: 1, accept: 2 };
/** walk_away < counter < accept: how far an answer leans towards "yes". */
export function answerRank(answer: OfferAnswer): number {
  return ANSWER_RANK[answer];
}

/** Whole, non-negative, finite: the caller validates, but a bad number must not become NaN on screen. */
function whole(n: number): number {
  return Number.isFinite(n) && n > 0 ? Math.round(n) : 0;
}

function unitSuffix(unit: Unit): string {
  return unit === "day" ? "/day" : "/h";
}

function formatScope(minutes: number, unit: Unit, hoursPerDay: number, locale: string): string {
  if (unit === "day") {
    const days = minutes / (60 * hoursPerDay);
    const n = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(days);
    return `${n} ${days === 1 ? "day" : "days"}`;
  }
  return formatHours(minutes, locale);
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function verdictWords(verdict: OfferVerdict): string {
  switch (verdict) {
    case "keep":
      return "keep";
    case "set_boundaries":
      return "set boundaries";
    case "walk_away":
      return "walk away";
    default:
      return "not enough data";
  }
}

/**
 * Evaluate an offer. Rule order (first match decides the answer; every rule still adds its reasons):
 *  1. client verdict walk_away → walk_away
 *  2. no usable rate card (no service, currency mismatch, no scope) → counter, prices null
 *  3. effective rate below floor → walk_away
 *  4. capacity full and below target → walk_away
 *  5. below target → counter
 *  6. at/above target, but set_boundaries / haggler / late payer / heavy unpaid asks → counter with conditions
 *  7. otherwise → accept
 */
export function evaluateOffer(input: OfferInput): OfferEvaluation {
  const { settings, client, service } = input;
  const locale = settings.locale || "en-US";
  const hoursPerDay = Number.isFinite(settings.hoursPerDay) && settings.hoursPerDay > 0 ? settings.hoursPerDay : 8;
  const amount = whole(input.offeredAmount);
  const minutes = whole(input.minutes);
  const currency = (input.currency || settings.currency || "USD").toUpperCase();
  const money = (n: number) => formatMoney(n, currency, locale);
  const clientName = client.name.trim() || "This client";

  const reasons: OfferReason[] = [];
  const questions: string[] = ["Do I want to choose this client?"];
  const conditions: string[] = [];

  // --- rate card -------------------------------------------------------------------------------
  const currencyMatches = service != null && service.currency.toUpperCase() === currency;
  const usable = service != null && currencyMatches && minutes > 0;
  const unit: Unit | null = minutes > 0 ? (service?.unit ?? "hour") : null;
  const rate = unit != null ? effectiveRate(amount, minutes, unit, hoursPerDay) : null;
  const scopeText = unit != null ? formatScope(minutes, unit, hoursPerDay, locale) : "no scope";
  const fmtRate = (r: number) => money(r) + unitSuffix(unit ?? "hour");

  // Rush never lowers the bar, whatever the setting says.
  const rushPct = input.rush ? Math.max(100, whole(settings.rushMultiplierPct)) : 100;
  const rushApplied = usable && input.rush;
  const rates = usable
    ? {
        floor: divRound(whole(service.floorRate) * rushPct, 100),
        target: divRound(whole(service.targetRate) * rushPct, 100),
        market: divRound(whole(service.marketRate) * rushPct, 100),
      }
    : null;

  if (minutes <= 0) {
    reasons.push({ tone: "warn", text: "The scope is 0 hours: enter how long the work takes to judge the price." });
  } else if (service == null) {
    reasons.push({
      tone: "warn",
      text: `Add this service to your rate card (floor, target and market rate) to judge the price: ${money(amount)} for ${scopeText} is ${fmtRate(rate ?? 0)}.`,
    });
    questions.push("What is the lowest rate I would do this kind of work for?");
  } else if (!currencyMatches) {
    reasons.push({
      tone: "warn",
      text: `The offer is in ${currency} but your rate card for ${service.name} is in ${service.currency.toUpperCase()}, so it is treated as having no rate card. Add this service to your rate card in ${currency}, or convert the offer: ${money(amount)} for ${scopeText} is ${fmtRate(rate ?? 0)}.`,
    });
  }

  if (rates && input.rush) {
    reasons.push({
      tone: "info",
      text: `Rush work: your rates × ${rushPct}%. Floor ${fmtRate(rates.floor)}, target ${fmtRate(rates.target)}, market ${fmtRate(rates.market)}.`,
    });
  }

  // Compared in whole minor units per unit, the same numbers the user sees.
  const belowFloor = rates != null && rate != null && rate < rates.floor;
  const belowTarget = rates != null && rate != null && rate < rates.target;

  if (rates && rate != null) {
    const lead = `${money(amount)} for ${scopeText} is ${fmtRate(rate)}`;
    if (belowFloor) {
      reasons.push({
        tone: "bad",
        text: `${lead}, below your floor of ${fmtRate(rates.floor)} (target ${fmtRate(rates.target)}). Work below your floor loses money.`,
      });
    } else if (belowTarget) {
      const short = valueAtRate(rates.target, minutes, unit ?? "hour", hoursPerDay) - amount;
      reasons.push({
        tone: "warn",
        text: `${lead}: at or above your floor of ${fmtRate(rates.floor)} but below your target of ${fmtRate(rates.target)}, ${money(Math.max(0, short))} short of your target price.`,
      });
    } else if (rate >= rates.market) {
      reasons.push({
        tone: "good",
        text: `${lead}, at or above your target of ${fmtRate(rates.target)} and your market rate of ${fmtRate(rates.market)}.`,
      });
    } else {
      reasons.push({
        tone: "good",
        text: `${lead}, at or above your target of ${fmtRate(rates.target)} (market ${fmtRate(rates.market)}).`,
      });
    }
  }

  // --- the client: "Do I want to choose them?" --------------------------------------------------
  const score = client.fitScore != null && Number.isFinite(client.fitScore) ? Math.round(client.fitScore) : null;
  let verdictReason: OfferReason | null = null;
  const scoreText = score != null ? `Fit score ${score}/100, verdict: ${verdictWords(client.verdict)}.` : `Verdict: ${verdictWords(client.verdict)}.`;
  if (client.verdict === "walk_away") {
    verdictReason = {
      tone: "bad",
      text: `${scoreText} Your worth isn't determined by who accepts you; it's determined by who you accept.`,
    };
    reasons.push(verdictReason);
    questions.push("Am I trying to convince them, or choosing them?");
  } else if (client.verdict === "set_boundaries") {
    reasons.push({ tone: "warn", text: `${scoreText} Work with ${clientName} only on your terms.` });
    conditions.push("scope and price agreed in writing before work starts");
  } else if (client.verdict === "keep") {
    reasons.push({ tone: "good", text: scoreText });
  } else if (client.isNew) {
    reasons.push({ tone: "info", text: `New prospect: no history with ${clientName} yet, so the price and your terms do the choosing.` });
  } else {
    reasons.push({
      tone: "info",
      text: `Not enough history to score ${clientName} yet (${plural(whole(client.quotesWithDecision), "decided quote", "decided quotes")}).`,
    });
  }

  const decided = whole(client.quotesWithDecision);
  const haggled = Math.min(whole(client.haggledQuotes), decided);
  const haggler =
    decided > 0 && haggled * OFFER_RULES.haggleShareDenominator >= decided * OFFER_RULES.haggleShareNumerator;
  if (haggler) {
    reasons.push({ tone: "warn", text: `${clientName} asked for less on ${haggled} of ${plural(decided, "decided quote", "decided quotes")}.` });
    conditions.push("the price is fixed for this scope: a smaller budget buys a smaller scope");
    questions.push("What will I say when they ask for a discount again?");
  } else if (decided >= 2 && haggled === 0) {
    reasons.push({ tone: "good", text: `${clientName} accepted your price without haggling on ${decided} decided quotes.` });
  } else if (haggled > 0) {
    reasons.push({ tone: "info", text: `${clientName} asked for less on ${haggled} of ${plural(decided, "decided quote", "decided quotes")}.` });
  }

  const daysLate = client.avgDaysLate != null && Number.isFinite(client.avgDaysLate) ? client.avgDaysLate : null;
  const latePayer = daysLate != null && daysLate >= OFFER_RULES.lateDays;
  if (daysLate != null) {
    const days = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(Math.max(0, daysLate));
    if (latePayer) {
      reasons.push({ tone: "warn", text: `${clientName} pays ${days} days late on average.` });
      conditions.push(`a ${OFFER_RULES.depositPct}% deposit before work starts`, `payment within ${OFFER_RULES.lateDays} days of invoice`);
      questions.push("Am I willing to wait for payment again?");
    } else if (daysLate > 0) {
      reasons.push({ tone: "info", text: `${clientName} pays ${days} days late on average.` });
    } else {
      reasons.push({ tone: "good", text: `${clientName} pays on time.` });
    }
  }

  const unpaid = whole(client.unpaidAskMinutes);
  const heavyAsks = unpaid >= OFFER_RULES.unpaidAskMinutes;
  if (unpaid > 0) {
    reasons.push({
      tone: heavyAsks ? "warn" : "info",
      text: `${formatHours(unpaid, locale)} of unpaid asks so far (favours, quick questions, scope creep).`,
    });
    if (heavyAsks) {
      conditions.push(rates ? `changes and extra questions billed at ${fmtRate(rates.target)}` : "changes and extra questions billed");
    }
  }

  const chased = whole(client.unansweredFollowUpsInARow);
  const chaseThreshold = Math.max(1, whole(settings.chaseThreshold));
  if (chased >= chaseThreshold) {
    reasons.push({
      tone: "warn",
      text: `Your last ${plural(chased, "follow-up", "follow-ups")} to ${clientName} went unanswered. The harder you chase, the faster they run: let this offer stand on its terms.`,
    });
  }

  // --- capacity: abundance, not scarcity -------------------------------------------------------
  const capacityMinutes = whole(input.capacity.weeklyCapacityHours * 60) * OFFER_RULES.capacityWeeks;
  const committed = whole(input.capacity.committedMinutesNext4Weeks);
  // Floored, so "100%" is shown exactly when the calendar is full, and 49.9% counts as under 50%.
  const utilisationPct = capacityMinutes > 0 ? Math.floor((committed * 100) / capacityMinutes) : 0;
  const full = capacityMinutes > 0 && committed >= capacityMinutes;
  const pipelineCount = whole(input.capacity.openPipelineCount);
  const pipelineValue = whole(input.capacity.openPipelineValue);
  const thinPipeline = pipelineCount < OFFER_RULES.thinPipelineCount;
  const bookedText =
    capacityMinutes > 0
      ? `${utilisationPct}% booked over the next ${OFFER_RULES.capacityWeeks} weeks (${formatHours(committed, locale)} of ${formatHours(capacityMinutes, locale)})`
      : "";
  const pipelineText = `${plural(pipelineCount, "open quote", "open quotes")} worth ${formatMoney(pipelineValue, (settings.currency || currency).toUpperCase(), locale)}`;
  let capacityLabel: string;
  if (capacityMinutes <= 0) {
    capacityLabel = "No weekly capacity set";
  } else if (full) {
    capacityLabel = `${utilisationPct}% booked: full`;
  } else if (utilisationPct >= 80) {
    capacityLabel = `${utilisationPct}% booked: nearly full`;
  } else if (utilisationPct >= OFFER_RULES.lowUtilisationPct) {
    capacityLabel = `${utilisationPct}% booked`;
  } else {
    capacityLabel = `${utilisationPct}% booked: room to spare`;
  }

  let fullReason: OfferReason | null = null;
  const fullBlocksCheapWork = full && belowTarget && !belowFloor && client.verdict !== "walk_away";
  if (capacityMinutes <= 0) {
    reasons.push({ tone: "info", text: "Set your weekly capacity in settings to weigh this offer against your booked time." });
  } else if (full) {
    if (belowTarget) {
      fullReason = { tone: "bad", text: `You are fully booked: ${bookedText}. No room for work below your target.` };
      reasons.push(fullReason);
    } else if (rates) {
      reasons.push({ tone: "info", text: `You are fully booked: ${bookedText}. This fits only because it pays your target.` });
    } else {
      reasons.push({ tone: "warn", text: `You are fully booked: ${bookedText}. Only work at your target rate has room.` });
    }
  } else if (utilisationPct < OFFER_RULES.lowUtilisationPct && thinPipeline) {
    reasons.push({
      tone: "info",
      text: `You are ${bookedText}, with ${pipelineText}. That is time to find better work, not a reason to go below your floor.`,
    });
    questions.push("Would I take this if my calendar were full?");
  } else {
    reasons.push({ tone: "info", text: `You are ${bookedText}, with ${pipelineText}.` });
  }

  // --- the answer, in order of precedence ------------------------------------------------------
  let answer: OfferAnswer;
  let headline: string;
  const needsConditions = client.verdict === "set_boundaries" || haggler || latePayer || heavyAsks;
  if (client.verdict === "walk_away") {
    answer = "walk_away";
    headline = belowFloor
      ? "Walk away: this pays below your floor, from a client you would not choose."
      : "Walk away: this is not a client you would choose, whatever the price.";
  } else if (!rates) {
    answer = "counter";
    headline =
      service != null && !currencyMatches
        ? "Counter: the offer's currency does not match your rate card, so the price can't be judged."
        : "Counter: there is no rate card to judge this price against.";
  } else if (belowFloor) {
    answer = "walk_away";
    headline = "Walk away: this pays below your floor.";
  } else if (fullBlocksCheapWork) {
    answer = "walk_away";
    headline = "Walk away: you are fully booked, and this pays below your target.";
  } else if (belowTarget) {
    answer = "counter";
    headline = "Counter: this pays below your target.";
    questions.push("If their budget is fixed, what scope can I take out so it pays my target?");
  } else if (needsConditions) {
    answer = "counter";
    headline = "Counter with conditions: the price is right, the terms need setting.";
  } else {
    answer = "accept";
    headline = "Accept: this pays at or above your target.";
  }

  // The reason that decided a walk-away comes first, before the ones it overrode.
  const lead = client.verdict === "walk_away" ? verdictReason : fullBlocksCheapWork ? fullReason : null;
  if (lead) reasons.splice(0, reasons.length, lead, ...reasons.filter((r) => r !== lead));

  // --- the counter-offer: trade, don't give ----------------------------------------------------
  let priceAtTarget: number | null = null;
  let minutesForBudgetAtTarget: number | null = null;
  if (rates && unit) {
    priceAtTarget = valueAtRate(rates.target, minutes, unit, hoursPerDay);
    minutesForBudgetAtTarget = rates.target > 0 ? minutesForBudget(amount, rates.target, unit, hoursPerDay) : null;
  }
  const conditionsText = conditions.length ? ` On these terms: ${conditions.join("; ")}.` : "";
  let counterText: string;
  if (priceAtTarget == null || !unit || !rates) {
    counterText =
      service != null && minutes > 0
        ? `No counter price: add ${service.name} to your rate card in ${currency} first.`
        : "No counter price: add this service to your rate card first.";
    if (client.verdict === "walk_away") counterText = `Decline: "${DEFAULT_DECLINE_TEMPLATE}" Your job isn't to convince them otherwise.`;
    else if (answer === "walk_away") counterText = `Decline: "${DEFAULT_DECLINE_TEMPLATE}" ${counterText}`;
  } else {
    const trade =
      `${money(priceAtTarget)} for the full ${scopeText} at your target of ${fmtRate(rates.target)}` +
      (minutesForBudgetAtTarget != null
        ? `; or, if the budget of ${money(amount)} is fixed, ${formatScope(minutesForBudgetAtTarget, unit, hoursPerDay, locale)} of work for it`
        : "");
    if (client.verdict === "walk_away") {
      // The price is not the problem: no counter to negotiate.
      counterText = `Decline: "${DEFAULT_DECLINE_TEMPLATE}" Your job isn't to convince them otherwise. (For the record: your target price for ${scopeText} is ${money(priceAtTarget)}.)`;
    } else if (answer === "walk_away") {
      counterText = `Decline: "${DEFAULT_DECLINE_TEMPLATE}" If you would rather counter, trade, don't give: ${trade}.${conditionsText}`;
    } else if (answer === "counter" && belowTarget) {
      counterText = `Trade, don't give: ${trade}.${conditionsText}`;
    } else if (answer === "counter") {
      counterText = `Say yes at ${money(amount)} for ${scopeText}, on your terms.${conditionsText}`;
    } else {
      counterText = `No counter needed: ${money(amount)} is at or above ${money(priceAtTarget)}, your target price for ${scopeText}.`;
    }
  }

  return {
    answer,
    headline,
    effectiveRate: rate,
    unit,
    rates,
    reasons,
    counter: { priceAtTarget, minutesForBudgetAtTarget, rushApplied, conditions, text: counterText },
    capacity: { utilisationPct, label: capacityLabel },
    questions,
  };
}

/**
 * Values for DEFAULT_COUNTER_TEMPLATE and user templates: {client}, {service}, {scope}, {rate}, {price},
 * {budget}, {budgetScope}, {floor}. A value the evaluation does not have (no rate card) is left out,
 * so its placeholder stays visible in the message instead of turning into a blank.
 */
export function offerTemplateVars(input: OfferInput, evaluation: OfferEvaluation): Record<string, string> {
  const locale = input.settings.locale || "en-US";
  const hoursPerDay = input.settings.hoursPerDay > 0 ? input.settings.hoursPerDay : 8;
  const currency = (input.currency || input.settings.currency || "USD").toUpperCase();
  const unit = evaluation.unit ?? "hour";
  const vars: Record<string, string> = {
    client: input.client.name.trim() || "there",
    service: input.service?.name ?? "this work",
    budget: formatMoney(whole(input.offeredAmount), currency, locale),
  };
  if (evaluation.unit) vars.scope = formatScope(whole(input.minutes), unit, hoursPerDay, locale);
  if (evaluation.rates) {
    vars.rate = formatMoney(evaluation.rates.target, currency, locale) + unitSuffix(unit);
    vars.floor = formatMoney(evaluation.rates.floor, currency, locale) + unitSuffix(unit);
  }
  if (evaluation.counter.priceAtTarget != null) vars.price = formatMoney(evaluation.counter.priceAtTarget, currency, locale);
  if (evaluation.counter.minutesForBudgetAtTarget != null) {
    vars.budgetScope = formatScope(evaluation.counter.minutesForBudgetAtTarget, unit, hoursPerDay, locale);
  }
  return vars;
}
