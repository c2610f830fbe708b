"use server";
import { proposalPayloadSchema } from "@/lib/proposals/form";
import { todayFor } from "@/server/clock";
import { deleteQuoteProposal, markProposalSent, saveProposalFromForm, shareProposal } from "@/server/proposals";
import { formActionFor, idAction } from "./_lib/safe-action";

/** The builder's Save (bound: the quote's id): the whole proposal as one JSON field. */
export const saveProposalAction = formActionFor({
  schema: proposalPayloadSchema,
  run: (db, input, quoteId) => saveProposalFromForm(db, quoteId, input.payload, todayFor(db)),
  message: "Proposal saved.",
});

/** "Turn on the client link" (bound: the proposal's id): a new secret. */
export const shareProposalAction = idAction({
  run: (db, id) => {
    shareProposal(db, id, { shared: true }, todayFor(db));
  },
  message: "The client link is on.",
});

/** "Turn off the link": the old link is refused from now on. */
export const unshareProposalAction = idAction({
  run: (db, id) => {
    shareProposal(db, id, { shared: false }, todayFor(db));
  },
  message: "Link turned off: the client’s page no longer opens.",
});

/** "I sent it as a PDF". */
export const markProposalSentAction = idAction({
  run: (db, id) => {
    markProposalSent(db, id, todayFor(db));
  },
  message: "Marked as sent.",
});

/** Delete the quote's proposal (bound: the quote's id); back to the quote. */
export const deleteProposalAction = idAction({
  run: (db, quoteId) => {
    deleteQuoteProposal(db, quoteId);
    return `/quotes/${quoteId}`;
  },
  message: "Proposal deleted.",
});
