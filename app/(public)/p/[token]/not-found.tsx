import type { Metadata } from "next";
import { InvalidLinkView } from "@/components/proposals/client-view";

export const metadata: Metadata = { title: { absolute: "Link not valid" }, robots: { index: false, follow: false }, referrer: "same-origin" };

/** An unknown, revoked or malformed proposal link: the same page for all three, with nothing of the book. */
export default function ProposalLinkNotFound() {
  return <InvalidLinkView />;
}
