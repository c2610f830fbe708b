import Link from "next/link";
import { FileText } from "lucide-react";
import type { ProposalView } from "@/server/proposal-views";
import { formatMoney } from "@/lib/money";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ProposalStatusBadge, proposalStatusLine } from "./status";

/** The quote page's "Proposal" card: an invitation to build one on an open quote, else where it stands. */
export function ProposalCard({ quoteId, proposal, isOpen, locale }: { quoteId: number; proposal: ProposalView | null; isOpen: boolean; locale: string }) {
  if (!proposal && !isOpen) return null;
  return (
    <Card title="Proposal" id="proposal">
      {proposal ? (
        <div className="space-y-3 text-sm" data-testid="proposal-card">
          <p className="flex flex-wrap items-center gap-2">
            <ProposalStatusBadge status={proposal.status} />
            <span>{proposalStatusLine(proposal, locale)}</span>
          </p>
          <ul className="divide-y divide-stone-200 dark:divide-stone-800">
            {proposal.options.map((o) => (
              <li key={o.id} className="flex justify-between gap-2 py-1.5">
                <span>
                  {o.name}
                  {proposal.chosenOptionId === o.id ? <strong> — chosen</strong> : null}
                </span>
                <span className="tabular-nums">{formatMoney(o.price, proposal.currency, locale)}</span>
              </li>
            ))}
          </ul>
          <Link href={`/quotes/${quoteId}/proposal`} className="inline-block underline">
            {proposal.answeredOn ? "See the proposal" : "Edit or send the proposal"}
          </Link>
        </div>
      ) : (
        <div className="space-y-2 text-sm">
          <p>Offer two or three options that differ in scope: a smaller budget buys less, not a discount.</p>
          <ButtonLink href={`/quotes/${quoteId}/proposal`} variant="secondary">
            <FileText aria-hidden className="size-4" />
            Build a proposal: good / better / best options
          </ButtonLink>
        </div>
      )}
    </Card>
  );
}
