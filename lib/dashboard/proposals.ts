/**
 * The dashboard learns from proposals (good / better / best): which option clients choose (by its
 * place among the options and by name), how often a tier proposal was haggled compared with a single
 * price, and why proposals were declined. From the quotes in the filters and their proposals. Pure.
 * docs/dashboard.md, "Proposals".
 */
import { plural } from "../text";
import { PROPOSAL_DECLINE_REASONS, label, type ProposalDeclineReason, type QuoteWithEvents } from "../domain";
import { formatPercentBp } from "../money";
import type { ProposalWithOptions } from "../proposals/types";
import { compareSamples, sampleCounts, sampleShare, TOO_FEW } from "./samples";
import type { SampleComparison, SampleShare } from "./types";

/** An option's place among its proposal's options: the smallest (good), a middle one (better), the top one (best). */
export type OptionPlace = "first" | "middle" | "last";
export const OPTION_PLACES: readonly OptionPlace[] = ["first", "middle", "last"];
export const OPTION_PLACE_LABELS: Record<OptionPlace, string> = { first: "Smallest option", middle: "Middle option", last: "Top option" };

export interface ProposalFigures {
  /** tier proposals given to the client (sent) on quotes in the filters */
  sent: number;
  chosen: number;
  declined: number;
  /** chosen options by place, every place listed (zero is information too) */
  byPlace: { place: OptionPlace; label: string; chosen: number }[];
  /** chosen options by name (names compared trimmed and case-insensitively; shown as first written), most chosen first */
  byName: { name: string; chosen: number }[];
  haggle: {
    /** sent tier proposals whose quote got a discount request or a client counter */
    proposals: SampleShare;
    /** sent quotes with a single price (no sent proposal) that got one */
    singlePrice: SampleShare;
    comparison: SampleComparison;
  };
  /** declined proposals by the client's reason, every reason listed */
  declines: { reason: ProposalDeclineReason; label: string; n: number }[];
}

/** The place of an option among `positions` (its proposal's option positions). One option alone is "first". */
export function optionPlace(position: number, positions: readonly number[]): OptionPlace {
  const sorted = [...positions].sort((a, b) => a - b);
  if (position <= sorted[0]) return "first";
  if (position >= sorted[sorted.length - 1]) return "last";
  return "middle";
}

/** What the proposal figures read of a quote: its id, whether it was sent, its events (was it haggled). */
export type ProposalQuote = Pick<QuoteWithEvents, "id" | "status" | "sentOn" | "events">;
type Quote = ProposalQuote;

/** A quote the client saw: sent, or past draft. */
function wasSent(q: Quote): boolean {
  return q.sentOn != null || q.status !== "draft";
}

/** The client asked for less: a discount request or a counter of theirs. */
export function wasHaggled(q: Pick<QuoteWithEvents, "events">): boolean {
  return q.events.some((e) => e.kind === "discount_request" || e.kind === "client_counter");
}

/** The figures from the quotes in the filters and the proposals of (any of) those quotes. */
export function proposalFigures(quotes: readonly ProposalQuote[], proposals: readonly ProposalWithOptions[]): ProposalFigures {
  const ids = new Set(quotes.map((q) => q.id));
  const sentProposals = proposals.filter((p) => ids.has(p.quoteId) && (p.sentOn != null || p.answeredOn != null));
  const withProposal = new Set(sentProposals.map((p) => p.quoteId));

  const places: Record<OptionPlace, number> = { first: 0, middle: 0, last: 0 };
  const names = new Map<string, { name: string; chosen: number }>();
  const reasons = new Map<ProposalDeclineReason, number>();
  let chosen = 0;
  let declined = 0;
  for (const p of sentProposals) {
    const option = p.chosenOptionId != null ? p.options.find((o) => o.id === p.chosenOptionId) : undefined;
    if (option) {
      chosen += 1;
      places[optionPlace(option.position, p.options.map((o) => o.position))] += 1;
      const key = option.name.trim().toLowerCase();
      const row = names.get(key) ?? names.set(key, { name: option.name.trim(), chosen: 0 }).get(key)!;
      row.chosen += 1;
    } else if (p.declineReason != null) {
      declined += 1;
      reasons.set(p.declineReason, (reasons.get(p.declineReason) ?? 0) + 1);
    }
  }

  const tierQuotes = quotes.filter((q) => withProposal.has(q.id));
  const singleQuotes = quotes.filter((q) => !withProposal.has(q.id) && wasSent(q));
  const proposalsShare = sampleShare(tierQuotes.filter(wasHaggled).length, tierQuotes.length);
  const singleShare = sampleShare(singleQuotes.filter(wasHaggled).length, singleQuotes.length);

  return {
    sent: sentProposals.length,
    chosen,
    declined,
    byPlace: OPTION_PLACES.map((place) => ({ place, label: OPTION_PLACE_LABELS[place], chosen: places[place] })),
    byName: [...names.values()].sort((a, b) => b.chosen - a.chosen || a.name.localeCompare(b.name)),
    haggle: { proposals: proposalsShare, singlePrice: singleShare, comparison: compareSamples(proposalsShare, singleShare) },
    declines: PROPOSAL_DECLINE_REASONS.map((reason) => ({ reason, label: label(reason), n: reasons.get(reason) ?? 0 })),
  };
}

/**
 * The answers to the proposals sent: "2 proposals chosen, 1 declined" (each proposal is chosen or
 * declined, never an option counted as a proposal); "none answered yet" before any answer.
 */
export function answeredText(f: Pick<ProposalFigures, "chosen" | "declined">): string {
  if (f.chosen === 0 && f.declined === 0) return "None answered yet";
  if (f.declined === 0) return `${plural(f.chosen, "proposal")} chosen`;
  if (f.chosen === 0) return `${plural(f.declined, "proposal")} declined`;
  return `${plural(f.chosen, "proposal")} chosen, ${f.declined} declined`;
}

/** "3 of 10 proposals" with its share when there are enough cases, "too few to tell" when not. */
function oneSide(s: SampleShare, noun: readonly [string, string], locale: string): string {
  const counts = sampleCounts(s, noun);
  const verb = s.part === 1 ? "was" : "were";
  return s.enough && s.bp != null ? `${counts} ${verb} haggled (${formatPercentBp(s.bp, locale)})` : `${counts} ${verb} haggled (${TOO_FEW})`;
}

/**
 * "3 of 10 proposals were haggled (30%) vs 12 of 20 single-price quotes (60%)"; a side with fewer than
 * MIN_SAMPLE cases says "too few to tell" instead of its share.
 */
export function haggleText(h: ProposalFigures["haggle"], locale: string): string {
  const single = h.singlePrice;
  const singleSide = single.enough && single.bp != null ? `${sampleCounts(single, ["single-price quote", "single-price quotes"])} (${formatPercentBp(single.bp, locale)})` : `${sampleCounts(single, ["single-price quote", "single-price quotes"])} (${TOO_FEW})`;
  return `${oneSide(h.proposals, ["proposal", "proposals"], locale)} vs ${singleSide}.`;
}
