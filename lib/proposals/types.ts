/**
 * A proposal as stored and read: a quote offered as two or three options built from scope items.
 * Money in the proposal's minor units (its quote's currency); minutes for time. Pure types.
 */
import type { OptionPriceSource, ProposalDeclineReason, Unit } from "../domain";

export interface ProposalItem {
  id: number;
  proposalId: number;
  position: number;
  name: string;
  minutes: number;
}

export interface ProposalOption {
  id: number;
  proposalId: number;
  position: number;
  name: string;
  summary: string | null;
  /** the sum of its items' minutes */
  minutes: number;
  /** the price offered */
  price: number;
  priceSource: OptionPriceSource;
  /** what the rate card gives (target, rush-adjusted) before the minimum fee or a typed price */
  rateCardPrice: number;
  /** the items it includes, by id, in the items' order */
  itemIds: number[];
}

/** The rates and settings a proposal was priced with (kept, so later changes never reprice it). */
export interface ProposalPricing {
  currency: string;
  unit: Unit;
  floorRate: number;
  targetRate: number;
  marketRate: number;
  rush: boolean;
  /** percent, 150 = 1.5× (applied only when rush) */
  rushMultiplierPct: number;
  hoursPerDay: number;
  /** 0: none */
  minimumFee: number;
}

export interface Proposal extends ProposalPricing {
  id: number;
  quoteId: number;
  belowFloorConfirmed: boolean;
  intro: string | null;
  terms: string | null;
  /** the last day the client can answer (YYYY-MM-DD) */
  expiresOn: string;
  /** the day it was given to the client; null: not yet */
  sentOn: string | null;
  /** the public link's secret; null: no link (never shared, or revoked) */
  shareToken: string | null;
  chosenOptionId: number | null;
  declineReason: ProposalDeclineReason | null;
  declineNote: string | null;
  answeredOn: string | null;
  answeredAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ProposalWithOptions extends Proposal {
  items: ProposalItem[];
  options: ProposalOption[];
}

/** Where a proposal stands, in one word. */
export type ProposalStatus = "draft" | "sent" | "chosen" | "declined" | "expired";
