/**
 * The offer check's public API (what lib/offer-check.ts and lib/offer-context.ts exported).
 * One job per file: rates.ts (arithmetic) → price.ts, client.ts, capacity.ts (the reasons, worded in
 * reasons.ts) → decide.ts (the rule order) → counter.ts (the counter-offer); templates.ts fills
 * messages; context.ts turns recorded history into an OfferClient; overrun.ts warns when a client's past
 * jobs ran over their estimates.
 */
export type {
  OfferAnswer,
  OfferCapacity,
  OfferClient,
  OfferCounter,
  OfferEvaluation,
  OfferInput,
  OfferPlausibility,
  OfferReason,
  OfferVerdict,
  OfferProposal,
  OfferTiers,
  OfferTierTrade,
} from "./types";
export { counterByTier } from "./tiers";
export { OFFER_RULES, answerRank } from "./rules";
export { evaluateOffer } from "./decide";
export { IMPLAUSIBLE_FACTOR, plausibility, type PlausibilityFinding, type PlausibilityHint } from "./plausibility";
export {
  DEFAULT_ACCEPT_TEMPLATE,
  DEFAULT_COUNTER_TEMPLATE,
  DEFAULT_DECLINE_TEMPLATE,
  DEFAULT_SMALLEST_TIER_TEMPLATE,
  DEFAULT_TIER_COUNTER_TEMPLATE,
  acceptMessage,
  fillTemplate,
  offerTemplateVars,
  tierCounterMessage,
} from "./templates";
export { counterPrice } from "./rates";
export { overrunWarning, pastOverrunOf, type OverrunWarning, type PastOverrun } from "./overrun";
export { deadlineIsRush, offerClientFrom, scopeToMinutes } from "./context";
/** Was lib/offer-context.ts's private copy; kept re-exported for db/offers.ts. New code: import from lib/dates. */
export { addDays } from "../dates";
