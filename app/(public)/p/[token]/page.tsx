import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requestDb } from "@/server/database";
import { todayFor } from "@/server/clock";
import { loadPublicProposal, type PublicProposal } from "@/server/proposal-answers";
import { isAppError } from "@/lib/errors";
import { ClientProposalView, ExpiredProposalView } from "@/components/proposals/client-view";

/** The link is a secret: never indexed, never sent on as a referrer to another site (proxy.ts adds the headers too). */
const PRIVATE = { robots: { index: false, follow: false }, referrer: "same-origin" } satisfies Metadata;

/** What went wrong with an answer the browser's own checks let through (the answer route's redirect). */
const PROBLEMS: Record<string, string> = {
  reason: "Choose a reason to decline: wrong timing, wrong fit, price or other.",
  note: "The note is too long: keep it under 1,000 characters.",
  option: "That option is not part of this proposal: choose one of the options above.",
  already: "This proposal was already answered: the first answer stands.",
};

async function load(token: string): Promise<PublicProposal> {
  const db = await requestDb();
  try {
    return loadPublicProposal(db, token, todayFor(db));
  } catch (e) {
    // malformed, unknown or revoked: one answer for all, nothing of the book
    if (isAppError(e, "not_found")) notFound();
    throw e;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ token: string }> }): Promise<Metadata> {
  const p = await load((await params).token);
  const title = p.state === "expired" ? "Proposal expired" : p.businessName ? `Proposal from ${p.businessName}` : `Proposal: ${p.quoteTitle}`;
  return { ...PRIVATE, title: { absolute: title } };
}

export default async function PublicProposalPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await params;
  const p = await load(token);
  if (p.state === "expired") return <ExpiredProposalView expiresOn={p.expiresOn} locale={p.locale} businessName={p.businessName} />;
  const raw = (await searchParams).problem;
  const problem = typeof raw === "string" ? (PROBLEMS[raw] ?? null) : null;
  // the decline form's own fields are flagged there; the rest above the options
  const inDeclineForm = raw === "reason" || raw === "note";
  return (
    <ClientProposalView
      proposal={p}
      answerUrl={`/p/${token}/answer`}
      notice={problem && !inDeclineForm && (raw === "already") === (p.state === "answered") ? problem : null}
      declineProblem={inDeclineForm && p.state === "open" ? problem : null}
      autoPrint={(await searchParams).print === "1"}
    />
  );
}
