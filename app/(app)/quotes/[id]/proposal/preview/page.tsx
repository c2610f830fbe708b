import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requestDb } from "@/server/database";
import { todayFor } from "@/server/clock";
import { loadProposalPreview } from "@/server/proposal-answers";
import { isAppError } from "@/lib/errors";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { ClientProposalView } from "@/components/proposals/client-view";

export const metadata: Metadata = { title: "Proposal preview" };

/** What the client's page shows, for the user (also with the link off): printable to PDF to send by email. */
export default async function ProposalPreviewPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ print?: string }> }) {
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const db = await requestDb();
  let proposal;
  try {
    proposal = loadProposalPreview(db, id, todayFor(db));
  } catch (e) {
    if (isAppError(e, "not_found")) notFound();
    throw e;
  }
  return (
    <>
      <div className="print:hidden">
        <PageHeader
          title="Proposal preview"
          actions={
            <ButtonLink href={`/quotes/${id}/proposal`} variant="secondary">
              Back to the proposal
            </ButtonLink>
          }
        >
          What your client sees. The Choose and Decline buttons appear on the client&apos;s link; Print / Save as PDF makes the file to send by email.
        </PageHeader>
      </div>
      <div data-testid="proposal-preview" className="mt-4">
        <ClientProposalView proposal={proposal} answerUrl={null} preview autoPrint={(await searchParams).print === "1"} />
      </div>
    </>
  );
}
