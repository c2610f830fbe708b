/**
 * What the proposal builder's page shows: the quote, the pricing it is built with (a saved proposal's
 * own stored pricing; a new one today's rate card, or why there is none), today's card when it would
 * reprice a saved proposal, the saved proposal, and the form's starting values (a new proposal: the quote's title as one item
 * with its estimated hours, two options, an expiry 30 days out).
 */
import type { DbOrTx } from "@/db/connection";
import { findProposalForQuote } from "@/db/proposals";
import { getSettings } from "@/db/settings";
import { addDays } from "@/lib/dates";
import { isAppError } from "@/lib/errors";
import { toDecimalString } from "@/lib/money";
import type { ProposalForm } from "@/lib/proposals/form";
import { editProblem } from "@/lib/proposals/rules";
import type { ProposalPricing } from "@/lib/proposals/types";
import { getClient } from "./clients";
import { pricingDiffers, proposalPricingFor, storedPricing } from "./proposals";
import { findProposalView, type ProposalView } from "./proposal-views";
import { getQuote } from "./quotes";

/** How long a new proposal holds. */
export const PROPOSAL_DAYS = 30;

/** Minutes as the hours a person types ("7.5"): at most two decimals. */
export function hoursText(minutes: number): string {
  const hundredths = Math.round((minutes * 100) / 60);
  const whole = Math.floor(hundredths / 100);
  const frac = hundredths % 100;
  return frac ? `${whole}.${String(frac).padStart(2, "0").replace(/0$/, "")}` : String(whole);
}

function formOf(p: ProposalView): ProposalForm {
  return {
    rush: p.rush,
    intro: p.intro ?? "",
    terms: p.terms ?? "",
    expiresOn: p.expiresOn,
    confirmBelowFloor: p.belowFloorConfirmed,
    reprice: false,
    items: p.items.map((i) => ({ name: i.name, hours: hoursText(i.minutes) })),
    options: p.options.map((o) => ({ name: o.name, summary: o.summary ?? "", items: o.items, price: o.priceSource === "custom" ? toDecimalString(o.price, p.currency) : "" })),
  };
}

export function loadProposalPage(db: DbOrTx, quoteId: number, today: string) {
  const quote = getQuote(db, quoteId);
  const settings = getSettings(db);
  const client = getClient(db, quote.clientId);
  const proposal = findProposalView(db, quoteId, today);
  let todays: ProposalPricing | null = null;
  let pricingProblem: string | null = null;
  try {
    todays = proposalPricingFor(db, quote, settings, today);
  } catch (e) {
    if (!isAppError(e, "invalid_input")) throw e;
    pricingProblem = e.message;
  }
  // a saved proposal keeps the pricing it was saved with (what the client saw); today's card only when asked
  const stored = proposal && proposal.currency === quote.currency ? storedPricing(findProposalForQuote(db, quoteId)!) : null;
  const pricing = stored ?? todays;
  if (stored) pricingProblem = null;
  /** today's rate card when it prices a saved proposal differently (the builder offers "Reprice") */
  const repriceTo = stored && todays && pricingDiffers(stored, todays) ? todays : null;
  const title = quote.title.trim() || "The work";
  const initial: ProposalForm = proposal
    ? formOf(proposal)
    : {
        rush: false,
        intro: "",
        terms: "",
        expiresOn: addDays(today, PROPOSAL_DAYS),
        confirmBelowFloor: false,
        reprice: false,
        items: [{ name: title.slice(0, 120), hours: quote.estimatedMinutes > 0 ? hoursText(quote.estimatedMinutes) : "" }],
        options: [
          { name: "Essentials", summary: "", items: [0], price: "" },
          { name: "Standard", summary: "", items: [0], price: "" },
        ],
      };
  return { quote, client, settings, proposal, pricing, repriceTo, pricingProblem, readOnly: editProblem(quote.status, findProposalForQuote(db, quoteId) ?? null), initial };
}
