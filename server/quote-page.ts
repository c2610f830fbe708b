/**
 * Everything the quote page shows: the quote, its client's assessment, the offer check on what is asked now.
 * The quote is judged (its rate ruler, its settling) at its service's rates in force on its date; the
 * offer check on what is asked now uses today's rates.
 */
import type { DbOrTx } from "@/db/connection";
import { getSettings } from "@/db/settings";
import { findProposalForQuote } from "@/db/proposals";
import type { TimelineQuote } from "@/lib/timeline";
import { listServiceRates } from "@/db/service-rates";
import { listServices } from "@/db/services";
import type { QuoteWithEvents } from "@/lib/domain";
import { isAppError } from "@/lib/errors";
import { replayNegotiation } from "@/lib/negotiation";
import { quoteRatesDate, ratesOn, serviceForQuote } from "@/lib/rates";
import { todayFor } from "./clock";
import { checkOffer, type OfferCheckResult } from "./offers";
import { getClient } from "./clients";
import { getQuote } from "./quotes";
import { quotePayment } from "./payments";
import { findProposalView } from "./proposal-views";
import { scoreClient } from "./scores";

/** On a quote still open: the offer check's answer to what the client is asking for right now (null when there is nothing to check). */
function checkWhatIsAsked(db: DbOrTx, quote: QuoteWithEvents): OfferCheckResult | null {
  const neg = replayNegotiation(quote);
  const last = neg.steps[neg.steps.length - 1];
  // only an ask of theirs still waiting for my answer: nobody asked, nothing to check (never my own price)
  if (!last || last.requestedPrice == null || last.requestedPrice <= 0) return null;
  const offered = last.requestedPrice;
  try {
    return checkOffer(
      db,
      { clientId: quote.clientId, quoteId: quote.id, serviceId: quote.serviceId, scopeAmount: neg.currentMinutes / 60, scopeUnit: "hours", offeredAmount: offered, currency: quote.currency, leadSource: "other", rush: false },
      todayFor(db),
    );
  } catch (e) {
    // e.g. the service changed currency: the quote page already says it cannot compare
    if (isAppError(e, "invalid_input")) return null;
    throw e;
  }
}

/**
 * Throws not_found for an unknown quote. `service` carries the rates in force on the quote's date
 * (`ratesOn`, null without a service); `services` is today's rate card (the edit form's choices).
 */
export function loadQuotePage(db: DbOrTx, id: number, opts: { checkOffer: boolean }) {
  const found = getQuote(db, id);
  const services = listServices(db);
  const ratesDate = quoteRatesDate(found);
  // with its proposal, for the timeline (sent, and the client's answer through the link)
  const quote: TimelineQuote = {
    ...found,
    rates: found.serviceId != null ? (ratesOn(listServiceRates(db, found.serviceId), found.serviceId, ratesDate) ?? null) : null,
    proposal: findProposalForQuote(db, id) ?? null,
  };
  const service = serviceForQuote(quote, new Map(services.map((s) => [s.id, s] as const)));
  return {
    quote,
    client: getClient(db, quote.clientId),
    settings: getSettings(db),
    services,
    service,
    /** the day whose rates the quote is judged by (sent, else created); null without a service */
    ratesOn: service ? ratesDate : null,
    assessment: scoreClient(db, quote.clientId).assessment,
    offerCheck: opts.checkOffer ? checkWhatIsAsked(db, quote) : null,
    /** where its payment stands (lib/payment-terms.ts): terms, due day, paid or overdue */
    payment: quotePayment(db, quote.id),
    /** its good / better / best proposal, when one was built (server/proposals.ts) */
    proposal: findProposalView(db, quote.id, todayFor(db)),
  };
}
