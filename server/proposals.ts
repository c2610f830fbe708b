/**
 * Proposals: a quote offered as two or three options priced from the rate card (docs/proposals.md).
 * The rules are pure (lib/proposals/); this file reads the book (the rates in force today, the
 * client's own rate, the minimum fee), checks what needs it and writes in one transaction each.
 * What pages and the API show is server/proposal-views.ts; the client's answer server/proposal-answers.ts.
 */
import { writeTransaction, type DbOrTx } from "@/db/connection";
import {
  deleteProposal as deleteProposalRow,
  findProposalForQuote,
  markProposalSent as markProposalSentRow,
  saveProposalRows,
  setProposalShare,
  type ProposalOptionValues,
} from "@/db/proposals";
import { listServiceRates } from "@/db/service-rates";
import { findService } from "@/db/services";
import { getSettings } from "@/db/settings";
import type { QuoteWithEvents, Settings } from "@/lib/domain";
import { convertMinor, divideRates, parseRate, RATE_ONE } from "@/lib/currency-conversion";
import { conflict, invalidInput, notFound } from "@/lib/errors";
import { editProblem, pricedOptions, proposalProblems, proposalStatus } from "@/lib/proposals/rules";
import { proposalFormSchema, readProposalForm } from "@/lib/proposals/form";
import { saveProposalSchema, type SaveProposalInput, type ShareProposalInput } from "@/lib/proposals/schemas";
import { fieldErrors } from "@/lib/schemas";
import type { ProposalPricing, ProposalWithOptions } from "@/lib/proposals/types";
import { ratesOf, ratesOn } from "@/lib/rates";
import { getQuote, setQuoteOutcome } from "./quotes";
import { clientRateInForce } from "./raises";
import { getProposalById, getProposalView, proposalOr404, type ProposalView } from "./proposal-views";
import { newShareToken } from "./share-token";

const NO_SERVICE = "Choose a service for this quote first: options are priced from the rate card";

/** An amount in the book's currency re-expressed in a quote's (its fxRate: book units per 1 unit of the quote's), or null without a usable rate. */
function bookToQuote(amount: number, quote: { currency: string; fxRate?: string | null }, bookCurrency: string): number | null {
  if (quote.currency === bookCurrency) return amount;
  if (!quote.fxRate) return null;
  const r = parseRate(quote.fxRate);
  if (!r.ok) return null;
  return convertMinor(amount, divideRates(RATE_ONE, r.rate), bookCurrency, quote.currency);
}

/**
 * What a quote's options are priced with today: its service's rates in force today in the quote's
 * currency, the client's own rate in force as the target (never below the floor, the offer check's
 * rule), the unit, hours per day, rush multiplier and the minimum fee (kept in the book's currency,
 * converted at the quote's rate). Rush off: the caller sets it from the input.
 */
export function proposalPricingFor(db: DbOrTx, quote: Pick<QuoteWithEvents, "clientId" | "serviceId" | "currency" | "fxRate">, settings: Settings, today: string): ProposalPricing {
  const service = quote.serviceId != null ? findService(db, quote.serviceId) : undefined;
  if (!service) throw invalidInput(NO_SERVICE, { serviceId: [NO_SERVICE] });
  let rates = ratesOn(listServiceRates(db, service.id), service.id, today) ?? ratesOf(service);
  const own = clientRateInForce(db, quote.clientId, service.id, today);
  if (own) rates = { ...rates, targetRate: Math.max(own.rate, rates.floorRate) };
  if (service.currency !== quote.currency) {
    // a quote in another currency whose service is priced in the book's: the rates at the quote's own rate
    const convert = (n: number) => (service.currency === settings.currency ? bookToQuote(n, quote, settings.currency) : null);
    const floor = convert(rates.floorRate);
    const target = convert(rates.targetRate);
    const market = convert(rates.marketRate);
    if (floor == null || target == null || market == null) {
      const msg = `${service.name} is priced in ${service.currency} and this quote is in ${quote.currency}: give the quote an exchange rate, or choose a service priced in ${quote.currency}`;
      throw invalidInput(msg, { serviceId: [msg] });
    }
    rates = { floorRate: floor, targetRate: target, marketRate: market };
  }
  const minimumFee = settings.minimumFee > 0 ? (bookToQuote(settings.minimumFee, quote, settings.currency) ?? 0) : 0;
  return {
    currency: quote.currency,
    unit: service.unit,
    floorRate: rates.floorRate,
    targetRate: rates.targetRate,
    marketRate: rates.marketRate,
    rush: false,
    rushMultiplierPct: settings.rushMultiplierPct,
    hoursPerDay: settings.hoursPerDay,
    minimumFee,
  };
}

/** The pricing a saved proposal was priced with (its stored rates, rush multiplier, hours per day, minimum fee). */
export function storedPricing(p: ProposalPricing): ProposalPricing {
  const { currency, unit, floorRate, targetRate, marketRate, rush, rushMultiplierPct, hoursPerDay, minimumFee } = p;
  return { currency, unit, floorRate, targetRate, marketRate, rush, rushMultiplierPct, hoursPerDay, minimumFee };
}

/** Whether today's rate card prices differently from a stored one (rush aside). */
export function pricingDiffers(a: ProposalPricing, b: ProposalPricing): boolean {
  const keys = ["currency", "unit", "floorRate", "targetRate", "marketRate", "rushMultiplierPct", "hoursPerDay", "minimumFee"] as const;
  return keys.some((k) => a[k] !== b[k]);
}

// ---- writes ------------------------------------------------------------------------------------

/**
 * Builds or replaces the quote's proposal. A new one is priced from today's rate card; a saved one keeps
 * the pricing it was saved with (so editing never silently changes prices the client saw) unless
 * `reprice` asks for today's card (or the quote's currency changed). Refused (409) on a decided
 * quote or once the client answered; field errors (nothing stored) for an expiry in the past or an
 * option below the floor without "I know". Re-saving keeps the link and the day it was sent. The
 * quote's own price is left alone until the client chooses.
 */
export function saveProposal(db: DbOrTx, quoteId: number, input: SaveProposalInput, today: string): ProposalView {
  return writeTransaction(db, (tx) => {
    const quote = getQuote(tx, quoteId);
    const existing = findProposalForQuote(tx, quoteId) ?? null;
    const problem = editProblem(quote.status, existing);
    if (problem) throw conflict(problem);
    const settings = getSettings(tx);
    const keep = existing && !input.reprice && existing.currency === quote.currency;
    const base = keep ? storedPricing(existing) : proposalPricingFor(tx, quote, settings, today);
    const pricing: ProposalPricing = { ...base, rush: input.rush };
    const errors = proposalProblems(input, pricing, today, settings.locale);
    if (errors) throw invalidInput("Please fix the highlighted fields.", errors);
    const priced = pricedOptions(input, pricing);
    const options: ProposalOptionValues[] = input.options.map((o, i) => ({
      name: o.name,
      summary: o.summary ?? null,
      minutes: priced[i].minutes,
      price: priced[i].price,
      priceSource: priced[i].priceSource,
      rateCardPrice: priced[i].rateCardPrice,
      items: o.items,
    }));
    const belowFloor = priced.some((p) => p.standing === "below_floor");
    saveProposalRows(
      tx,
      {
        quoteId,
        ...pricing,
        belowFloorConfirmed: belowFloor && input.confirmBelowFloor,
        intro: input.intro ?? null,
        terms: input.terms ?? null,
        expiresOn: input.expiresOn,
      },
      input.items.map((i) => ({ name: i.name, minutes: i.minutes })),
      options,
    );
    return getProposalView(tx, quoteId, today);
  });
}

/** The quote goes out with its proposal: a draft becomes "sent" today through the quote's lifecycle. */
function quoteGoesOut(tx: DbOrTx, quote: QuoteWithEvents, today: string) {
  if (quote.status === "draft") setQuoteOutcome(tx, quote.id, { status: "sent" }, today);
}

function sendable(p: ProposalWithOptions, quote: QuoteWithEvents, today: string, what: string) {
  const status = proposalStatus(p, today);
  if (status === "chosen" || status === "declined") throw conflict(`The client has answered this proposal: ${what}`);
  if (status === "expired") throw conflict(`This proposal expired on ${p.expiresOn}: give it a later expiry date and save it first`);
  const problem = editProblem(quote.status, p);
  if (problem) throw conflict(problem);
}

/**
 * The client's link on (a new secret every time: an old link never comes back) or off (the secret is
 * removed: the old link is refused from then on). Turning it on is sending: the first time it sets the
 * day sent, and a draft quote becomes sent.
 */
export function shareProposal(db: DbOrTx, id: number, input: ShareProposalInput, today: string): ProposalView {
  return writeTransaction(db, (tx) => {
    const p = proposalOr404(tx, id);
    if (input.shared) {
      const quote = getQuote(tx, p.quoteId);
      sendable(p, quote, today, "its link cannot be turned on again");
      setProposalShare(tx, id, { shareToken: newShareToken(), ...(p.sentOn ? {} : { sentOn: today }) });
      quoteGoesOut(tx, quote, today);
    } else {
      setProposalShare(tx, id, { shareToken: null });
    }
    return getProposalById(tx, id, today);
  });
}

/** "I sent it as a PDF": sent today (kept when it was already sent); a draft quote becomes sent. */
export function markProposalSent(db: DbOrTx, id: number, today: string): ProposalView {
  return writeTransaction(db, (tx) => {
    const p = proposalOr404(tx, id);
    const quote = getQuote(tx, p.quoteId);
    sendable(p, quote, today, "there is nothing left to send");
    if (!p.sentOn) markProposalSentRow(tx, id, today);
    quoteGoesOut(tx, quote, today);
    return getProposalById(tx, id, today);
  });
}

/** Removes the quote's proposal (and its link); refused once the client answered. */
export function deleteQuoteProposal(db: DbOrTx, quoteId: number): void {
  writeTransaction(db, (tx) => {
    getQuote(tx, quoteId);
    const p = findProposalForQuote(tx, quoteId);
    if (!p) throw notFound("proposal for quote", quoteId);
    if (p.answeredOn) throw conflict("The client has answered this proposal: it is kept on the quote's record");
    deleteProposalRow(tx, p.id);
  });
}

/** The id of a quote's proposal (for actions bound to the quote). */
export function proposalIdOf(db: DbOrTx, quoteId: number): number {
  const p = findProposalForQuote(db, quoteId);
  if (!p) throw notFound("proposal for quote", quoteId);
  return p.id;
}

/**
 * The builder's Save: its form (JSON, hours and prices as typed) read and parsed by saveProposalSchema;
 * every problem is a field error named as the API names it, and nothing is stored until all are fixed.
 */
export function saveProposalFromForm(db: DbOrTx, quoteId: number, payload: string, today: string): ProposalView {
  let raw: unknown;
  try {
    raw = JSON.parse(payload);
  } catch {
    throw invalidInput("The form could not be read: reload the page and try again");
  }
  const form = proposalFormSchema.safeParse(raw);
  if (!form.success) throw invalidInput("The form could not be read: reload the page and try again");
  const quote = getQuote(db, quoteId);
  const { input, errors: unread } = readProposalForm(form.data, quote.currency);
  const parsed = saveProposalSchema.safeParse(input);
  const errors = { ...(parsed.success ? {} : fieldErrors(parsed.error)), ...unread };
  if (!parsed.success || Object.keys(unread).length) throw invalidInput("Please fix the highlighted fields.", errors);
  return saveProposal(db, quoteId, parsed.data, today);
}
