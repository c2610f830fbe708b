import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { deleteProposalAction, markProposalSentAction, saveProposalAction, shareProposalAction, unshareProposalAction } from "@/app/actions/proposals";
import { requestDb } from "@/server/database";
import { todayFor } from "@/server/clock";
import { loadProposalPage } from "@/server/proposal-page";
import { isAppError } from "@/lib/errors";
import { ButtonLink } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { ConfirmButton } from "@/components/confirm-button";
import { ProposalBuilder } from "@/components/proposals/builder";
import { SharePanel } from "@/components/proposals/share-panel";
import { ProposalRecord } from "@/components/proposals/status-record";

export const metadata: Metadata = { title: "Proposal" };

export default async function ProposalPage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const db = await requestDb();
  const today = todayFor(db);
  let page;
  try {
    page = loadProposalPage(db, id, today);
  } catch (e) {
    if (isAppError(e, "not_found")) notFound();
    throw e;
  }
  const { quote, client, settings, proposal, pricing, repriceTo, pricingProblem, readOnly, initial } = page;
  const locale = settings.locale;
  return (
    <>
      <PageHeader title={`Proposal: ${quote.title}`} actions={<ButtonLink href={`/quotes/${quote.id}`} variant="secondary">Back to the quote</ButtonLink>}>
        For{" "}
        <Link href={`/clients/${client.id}`} className="underline">
          {client.name}
        </Link>
        . Good, better, best: options that differ in scope, never a discount.
      </PageHeader>

      <div className="space-y-6">
        {proposal ? (
          <Card title="Send it" id="share">
            <SharePanel
              proposal={proposal}
              previewHref={`/quotes/${quote.id}/proposal/preview`}
              locale={locale}
              actions={{ share: shareProposalAction.bind(null, proposal.id), unshare: unshareProposalAction.bind(null, proposal.id), markSent: markProposalSentAction.bind(null, proposal.id) }}
            />
          </Card>
        ) : null}

        {proposal?.answeredOn ? (
          <ProposalRecord proposal={proposal} locale={locale} />
        ) : pricing ? (
          <>
            <ProposalBuilder action={saveProposalAction.bind(null, quote.id)} initial={initial} pricing={pricing} repriceTo={repriceTo} saved={Boolean(proposal)} locale={locale} readOnly={readOnly} />
          </>
        ) : (
          <Card title="A service first">
            <p className="text-sm" role="status">
              {pricingProblem} <Link href={`/quotes/${quote.id}`} className="underline">Edit the quote’s details</Link>.
            </p>
          </Card>
        )}

        {proposal && !proposal.answeredOn ? (
          <ConfirmButton action={deleteProposalAction.bind(null, quote.id)} label="Delete proposal" confirm="Delete this proposal? Its client link stops working." />
        ) : null}
      </div>
    </>
  );
}
