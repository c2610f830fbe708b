/**
 * Proposals for tests, written straight through db/proposals.ts (the builder's use cases live in
 * server/proposals.ts): a three-option proposal (Essentials / Standard / Complete) on a quote, shared
 * through a fresh 256-bit link when asked.
 */
import { writeTransaction, type DbOrTx } from "@/db/connection";
import { findProposal, saveProposalRows, setProposalShare } from "@/db/proposals";
import type { ProposalWithOptions } from "@/lib/proposals/types";
import { newShareToken } from "@/server/share-token";

export interface FixtureOptions {
  expiresOn: string;
  /** the link on with a new secret (and the day it was sent): default true */
  shared?: boolean;
  sentOn?: string;
  currency?: string;
  intro?: string | null;
  terms?: string | null;
}

/** Items: Design 10 h, Build 20 h, CMS 10 h, Training 5 h. Essentials = design + build ($2,000), Standard + CMS ($3,600), Complete + training ($5,200). */
export function makeProposal(db: DbOrTx, quoteId: number, opts: FixtureOptions): ProposalWithOptions & { token: string | null } {
  const token = opts.shared === false ? null : newShareToken();
  const id = writeTransaction(db, (tx) => {
    const id = saveProposalRows(
      tx,
      {
        quoteId,
        currency: opts.currency ?? "USD",
        unit: "hour",
        floorRate: 6_000,
        targetRate: 10_000,
        marketRate: 12_000,
        rush: false,
        rushMultiplierPct: 150,
        hoursPerDay: 8,
        minimumFee: 0,
        belowFloorConfirmed: false,
        intro: opts.intro === undefined ? "Three ways to get your new site live, from the essentials to the whole thing." : opts.intro,
        terms: opts.terms === undefined ? "Half up front, half on launch. Payment within 14 days of each invoice." : opts.terms,
        expiresOn: opts.expiresOn,
      },
      [
        { name: "Design of five pages", minutes: 600 },
        { name: "Build and launch", minutes: 1200 },
        { name: "CMS set-up", minutes: 600 },
        { name: "Training session", minutes: 300 },
      ],
      [
        { name: "Essentials", summary: "Pages designed and built, no CMS", minutes: 1800, price: 200_000, priceSource: "custom", rateCardPrice: 180_000, items: [0, 1] },
        { name: "Standard", summary: "Essentials plus a CMS you can edit", minutes: 2400, price: 360_000, priceSource: "custom", rateCardPrice: 240_000, items: [0, 1, 2] },
        { name: "Complete", summary: "Everything, with a training session", minutes: 2700, price: 520_000, priceSource: "custom", rateCardPrice: 270_000, items: [0, 1, 2, 3] },
      ],
    );
    if (token) setProposalShare(tx, id, { shareToken: token, ...(opts.sentOn ? { sentOn: opts.sentOn } : {}) });
    return id;
  });
  return { ...findProposal(db, id)!, token };
}
