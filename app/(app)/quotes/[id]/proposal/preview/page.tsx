import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requestDb } from "@/server/database";
import { todayFor } from "@/server/clock";
import { findProposalView } from "@/server/proposals";
import { getSettings } from "@/server/settings";
import { isAppError } from "@/lib/errors";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { ProposalPreview } from "@/components/proposals/preview";
import { PrintButton } from "@/components/proposals/share-print";

export const metadata: Metadata = { title: "Proposal preview" };

export default async function ProposalPreviewPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ print?: string }> }) {
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const db = await requestDb();
  let proposal;
  try {
    proposal = findProposalView(db, id, todayFor(db));
  } catch (e) {
    if (isAppError(e, "not_found")) notFound();
    throw e;
  }
  if (!proposal) notFound();
  const auto = (await searchParams).print === "1";
  return (
    <>
      <div className="print:hidden">
        <PageHeader
          title="Proposal preview"
          actions={
            <>
              <PrintButton auto={auto} />
              <ButtonLink href={`/quotes/${id}/proposal`} variant="secondary">
                Back to the proposal
              </ButtonLink>
            </>
          }
        >
          What your client sees.
        </PageHeader>
      </div>
      <ProposalPreview proposal={proposal} locale={getSettings(db).locale} />
    </>
  );
}
