/**
 * The words of a proposal's answer: what the client's page says after they chose or declined, and what
 * the quote's timeline says about the proposal (sent, then chosen or declined). Pure: facts in, words out.
 */
import type { ProposalDeclineReason } from "../domain";
import { formatMoney } from "../money";
import type { ProposalOption, ProposalWithOptions } from "./types";

export const DECLINE_REASON_WORDS: Record<ProposalDeclineReason, string> = {
  wrong_timing: "Wrong timing",
  wrong_fit: "Wrong fit",
  price: "Price",
  other: "Other",
};

type OptionFacts = Pick<ProposalOption, "id" | "name" | "price">;
type Answered<O extends OptionFacts = OptionFacts> = Pick<ProposalWithOptions, "chosenOptionId" | "declineReason" | "declineNote" | "answeredOn"> & { options: O[] };

/** The option the client chose, or null (not answered, or declined). */
export function chosenOption<O extends OptionFacts>(p: Answered<O>): O | null {
  if (!p.answeredOn || p.chosenOptionId == null) return null;
  return p.options.find((o) => o.id === p.chosenOptionId) ?? null;
}

/** "Essentials $2,000.00 · Standard $3,600.00 · Complete $5,200.00" */
export function optionsInOneLine(options: Pick<ProposalOption, "name" | "price">[], currency: string, locale = "en-US"): string {
  return options.map((o) => `${o.name} ${formatMoney(o.price, currency, locale)}`).join(" · ");
}

/** The timeline's line for the day it was sent: "Proposal sent (3 options: Essentials $2,000.00 · …)". */
export function proposalSentTitle(p: { options: OptionFacts[]; currency: string }, locale = "en-US"): string {
  const n = p.options.length;
  return `Proposal sent (${n} ${n === 1 ? "option" : "options"}: ${optionsInOneLine(p.options, p.currency, locale)})`;
}

/** The timeline's line for the day it was answered, or null when it was not. */
export function proposalAnswerTitle(p: Answered & Pick<ProposalWithOptions, "currency">, locale = "en-US"): string | null {
  if (!p.answeredOn) return null;
  const chosen = chosenOption(p);
  if (chosen) return `Chose ${chosen.name} (${formatMoney(chosen.price, p.currency, locale)}) through the proposal link`;
  if (p.declineReason) {
    const why = DECLINE_REASON_WORDS[p.declineReason].toLowerCase();
    const note = p.declineNote?.trim();
    return `Declined the proposal: ${why}${note ? ` — ${note}` : ""}`;
  }
  return null;
}

/** What the client's page says once they answered: thanks, with who will be in touch (no name: "We"). */
export function answerAcknowledgement(p: Answered, businessName: string): { title: string; detail: string } | null {
  if (!p.answeredOn) return null;
  const who = businessName.trim();
  const chosen = chosenOption(p);
  if (chosen)
    return {
      title: `You chose ${chosen.name} — thank you.`,
      detail: who ? `${who} will be in touch about the next steps.` : "You will hear back soon about the next steps.",
    };
  return {
    title: `You declined this proposal — thank you for letting ${who || "us"} know.`,
    detail: p.declineReason ? `Your reason: ${DECLINE_REASON_WORDS[p.declineReason].toLowerCase()}${p.declineNote?.trim() ? ` — “${p.declineNote.trim()}”` : ""}.` : "",
  };
}

/** "Estimated effort: 12 h" — whole hours, or one decimal when it is not whole (never minutes on a client's page). */
export function effortWords(minutes: number, locale = "en-US"): string {
  const hours = Math.round((minutes / 60) * 10) / 10;
  let text: string;
  try {
    text = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(hours);
  } catch {
    text = String(hours);
  }
  return `Estimated effort: ${text} h`;
}
