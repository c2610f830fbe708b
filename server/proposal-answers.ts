/**
 * The client's side of a proposal: what its public page shows (only that proposal, found by its link's
 * secret), and the client's answer — choose an option (the quote is accepted at that option: the scope
 * was traded, not discounted) or decline with a reason — recorded once, in one transaction. The user
 * records an answer the client gave by email through the same use case (the API, by proposal id).
 */
import { writeTransaction, type DbOrTx } from "@/db/connection";
import { findClient } from "@/db/clients";
import { findProposal, findProposalByToken, findProposalForQuote, setProposalAnswer } from "@/db/proposals";
import { updateQuoteRow } from "@/db/quotes";
import { getSettings } from "@/db/settings";
import { AppError, conflict, invalidInput, notFound } from "@/lib/errors";
import { answerProblem } from "@/lib/proposals/rules";
import type { ProposalAnswerInput } from "@/lib/proposals/schemas";
import type { ProposalWithOptions } from "@/lib/proposals/types";
import { OPEN_QUOTE_STATUSES } from "@/lib/domain";
import { getQuote, setQuoteOutcome } from "./quotes";
import { looksLikeShareToken } from "./share-token";

export type ProposalRef = { token: string } | { proposalId: number };

/** Unknown, revoked or malformed: the same answer, with nothing about the book in it. */
const NOT_VALID = () => new AppError("not_found", "This link is not valid", {}, "proposal");

/** The proposal a link or an id names; a malformed secret is refused before the database is asked. */
function findByRef(db: DbOrTx, ref: ProposalRef): ProposalWithOptions {
  if ("token" in ref) {
    if (!looksLikeShareToken(ref.token)) throw NOT_VALID();
    const found = findProposalByToken(db, ref.token);
    if (!found) throw NOT_VALID();
    return found;
  }
  const found = findProposal(db, ref.proposalId);
  if (!found) throw notFound("proposal", ref.proposalId);
  return found;
}

/**
 * Records the client's answer, once. conflict: already answered (the first answer stands, also when two
 * race: the row is written only while unanswered); gone: expired, or its quote was decided otherwise.
 */
export function answerProposal(db: DbOrTx, ref: ProposalRef, input: ProposalAnswerInput, today: string, nowIso: string): ProposalWithOptions {
  return writeTransaction(db, (tx) => {
    const proposal = findByRef(tx, ref);
    const quote = getQuote(tx, proposal.quoteId);
    const problem = answerProblem(proposal, quote.status, today);
    if (problem) throw new AppError(problem.code, problem.message);
    const option = input.answer === "choose" ? proposal.options.find((o) => o.id === input.optionId) : undefined;
    if (input.answer === "choose" && !option) throw invalidInput("Choose one of the proposal's options", { optionId: [`This proposal has no option ${input.optionId}`] });
    const written = setProposalAnswer(tx, proposal.id, {
      chosenOptionId: option?.id ?? null,
      declineReason: input.answer === "decline" ? input.reason : null,
      declineNote: input.answer === "decline" ? (input.note ?? null) : null,
      answeredOn: today,
      answeredAt: nowIso,
    });
    if (written === 0) throw conflict("This proposal has already been answered");
    // the quote was out by the day the proposal was sent at the latest, and is decided today (never before it was sent)
    const sentOn = quote.sentOn ?? proposal.sentOn ?? today;
    const decidedOn = sentOn > today ? sentOn : today;
    if (option) {
      // the client bought this option's scope at its price: quoted = agreed, so it never reads as a concession
      updateQuoteRow(tx, quote.id, { quotedAmount: option.price, estimatedMinutes: option.minutes, sentOn });
      // the lifecycle's own acceptance: the payment terms at acceptance, a prospect becoming active
      setQuoteOutcome(tx, quote.id, { status: "accepted", agreedAmount: option.price, decidedOn }, today);
    } else if (input.answer === "decline") {
      updateQuoteRow(tx, quote.id, { sentOn });
      setQuoteOutcome(tx, quote.id, { status: "rejected", rejectionReason: input.reason, decidedOn }, today);
    }
    return findProposal(tx, proposal.id)!;
  });
}

/** Where the client's page stands: open for an answer, answered, or past answering. */
export type PublicProposalState = "open" | "answered" | "expired" | "closed";

/** Only what the client may see: no rates, no floor, no hours per item, nothing of other quotes or clients. */
export interface PublicProposal {
  state: PublicProposalState;
  businessName: string;
  clientName: string;
  quoteTitle: string;
  locale: string;
  currency: string;
  intro: string | null;
  terms: string | null;
  expiresOn: string;
  /** its last day is today (the book's today): the page says "valid until today (Nov 30, 2026)" */
  expiresToday: boolean;
  items: { id: number; name: string }[];
  options: { id: number; name: string; summary: string | null; price: number; minutes: number; itemIds: number[] }[];
  chosenOptionId: number | null;
  declineReason: ProposalWithOptions["declineReason"];
  declineNote: string | null;
  answeredOn: string | null;
}

/** The public page's data, by the link's secret. not_found: malformed, unknown or revoked. */
export function loadPublicProposal(db: DbOrTx, token: string, today: string): PublicProposal {
  return publicProposalOf(db, findByRef(db, { token }), today);
}

/** The user's preview of a quote's proposal: exactly what the client's page shows (link on or off). not_found: no proposal. */
export function loadProposalPreview(db: DbOrTx, quoteId: number, today: string): PublicProposal {
  const p = findProposalForQuote(db, quoteId);
  if (!p) throw new AppError("not_found", "This quote has no proposal", {}, "proposal");
  return publicProposalOf(db, p, today);
}

function publicProposalOf(db: DbOrTx, p: ProposalWithOptions, today: string): PublicProposal {
  const quote = getQuote(db, p.quoteId);
  const client = findClient(db, quote.clientId);
  const settings = getSettings(db);
  const state: PublicProposalState = p.answeredOn ? "answered" : p.expiresOn < today ? "expired" : OPEN_QUOTE_STATUSES.includes(quote.status) ? "open" : "closed";
  return {
    state,
    businessName: settings.businessName.trim(),
    clientName: client?.name ?? "",
    quoteTitle: quote.title,
    locale: settings.locale,
    currency: p.currency,
    intro: p.intro,
    terms: p.terms,
    expiresOn: p.expiresOn,
    expiresToday: p.expiresOn === today,
    items: p.items.map((i) => ({ id: i.id, name: i.name })),
    options: p.options.map((o) => ({ id: o.id, name: o.name, summary: o.summary, price: o.price, minutes: o.minutes, itemIds: o.itemIds })),
    chosenOptionId: p.chosenOptionId,
    declineReason: p.declineReason,
    declineNote: p.declineNote,
    answeredOn: p.answeredOn,
  };
}
