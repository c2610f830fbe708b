/**
 * What needs the book to check a proposal: today (the expiry), the rate card (the floor), the state
 * of the quote and of an answer. Pure: the server passes the facts in and turns problems into
 * field errors (AppError invalid_input) or conflicts.
 */
import type { FieldErrors } from "../schemas";
import type { QuoteStatus } from "../domain";
import { OPEN_QUOTE_STATUSES } from "../domain";
import { formatMoney } from "../money";
import { priceOption, type PricedOption } from "./pricing";
import type { SaveProposalInput } from "./schemas";
import type { Proposal, ProposalPricing, ProposalStatus } from "./types";

/** Each option of the input, priced (in the input's order). */
export function pricedOptions(input: Pick<SaveProposalInput, "items" | "options">, pricing: ProposalPricing): PricedOption[] {
  return input.options.map((o) => {
    const minutes = o.items.reduce((sum, i) => sum + (input.items[i]?.minutes ?? 0), 0);
    return priceOption(pricing, Math.max(1, minutes), o.price ?? null);
  });
}

/** Field errors a valid-shaped proposal still has against the book; null when it can be saved. */
export function proposalProblems(input: SaveProposalInput, pricing: ProposalPricing, today: string, locale = "en-US"): FieldErrors | null {
  const errors: FieldErrors = {};
  if (input.expiresOn < today) errors.expiresOn = ["The expiry date cannot be in the past"];
  if (!input.confirmBelowFloor) {
    pricedOptions(input, pricing).forEach((p, i) => {
      if (p.standing !== "below_floor") return;
      const unit = pricing.unit === "day" ? "day" : "h";
      const rates = pricing.rush ? " (rush)" : "";
      errors[`options.${i}.price`] = [
        `${formatMoney(p.effectiveRate, pricing.currency, locale)}/${unit} is below your floor${rates}: tick "I know" to offer "${input.options[i].name}" anyway, or raise its price`,
      ];
    });
    if (Object.keys(errors).some((k) => k.endsWith(".price"))) errors.confirmBelowFloor = ["An option is priced below your floor"];
  }
  for (const [key, message] of Object.entries(ladderProblems(input, pricing, locale))) errors[key] = [...(errors[key] ?? []), message];
  return Object.keys(errors).length ? errors : null;
}

/**
 * Good / better / best go up in price: an option whose items include all of another option's items
 * and more must cost more than it. → a message per larger option's price field (`options.N.price`).
 * Also used live by the builder (options with no items are skipped).
 */
export function ladderProblems(input: Pick<SaveProposalInput, "items" | "options">, pricing: ProposalPricing, locale = "en-US"): Record<string, string> {
  const problems: Record<string, string> = {};
  const priced = pricedOptions(input, pricing);
  const sets = input.options.map((o) => new Set(o.items));
  input.options.forEach((larger, j) => {
    if (problems[`options.${j}.price`]) return;
    input.options.forEach((smaller, i) => {
      if (i === j || problems[`options.${j}.price`]) return;
      const big = sets[j];
      const small = sets[i];
      if (small.size === 0 || big.size <= small.size || ![...small].every((n) => big.has(n))) return;
      if (priced[j].price > priced[i].price) return;
      const both = priced[i].priceSource === "minimum_fee" && priced[j].priceSource === "minimum_fee";
      const why = both ? " — both are lifted to your minimum fee; add scope or type a higher price" : ": type a higher price for it, or a lower one for the smaller option";
      problems[`options.${j}.price`] = `${larger.name} includes everything in ${smaller.name} and more, so it must cost more than ${formatMoney(priced[i].price, pricing.currency, locale)}${why}`;
    });
  });
  return problems;
}

/** A proposal can be built or changed on an open quote only, and not once the client has answered. */
export function editProblem(quoteStatus: QuoteStatus, proposal: Pick<Proposal, "answeredOn"> | null): string | null {
  if (proposal?.answeredOn) return "The client has answered this proposal; it can no longer be changed";
  if (!OPEN_QUOTE_STATUSES.includes(quoteStatus)) return "This quote is decided; a proposal can be built only on an open quote";
  return null;
}

export function proposalStatus(p: Pick<Proposal, "sentOn" | "chosenOptionId" | "declineReason" | "answeredOn" | "expiresOn">, today: string): ProposalStatus {
  if (p.answeredOn && p.chosenOptionId != null) return "chosen";
  if (p.answeredOn && p.declineReason) return "declined";
  if (p.expiresOn < today) return "expired";
  return p.sentOn ? "sent" : "draft";
}

/** Why the client's link cannot take an answer now (null: it can). */
export function answerProblem(p: Pick<Proposal, "answeredOn" | "expiresOn">, quoteStatus: QuoteStatus, today: string): { code: "conflict" | "gone"; message: string } | null {
  if (p.answeredOn) return { code: "conflict", message: "This proposal has already been answered" };
  if (p.expiresOn < today) return { code: "gone", message: "This proposal has expired" };
  if (!OPEN_QUOTE_STATUSES.includes(quoteStatus)) return { code: "gone", message: "This proposal is no longer open" };
  return null;
}
