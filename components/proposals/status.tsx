import type { ProposalView } from "@/server/proposal-views";
import { label } from "@/lib/domain";
import { formatDay } from "@/lib/format-date";
import { Badge } from "@/components/ui/card";

const TONE = { draft: "neutral", sent: "info", chosen: "good", declined: "warn", expired: "warn" } as const;
const WORD = { draft: "Draft", sent: "Sent", chosen: "Chosen", declined: "Declined", expired: "Expired" } as const;

/** The proposal's status as a badge with its word. */
export function ProposalStatusBadge({ status }: { status: ProposalView["status"] }) {
  return (
    <Badge tone={TONE[status]}>
      <span data-testid="proposal-status">{WORD[status]}</span>
    </Badge>
  );
}

/** Where it stands in a sentence: sent when, answered what, expired when. */
export function proposalStatusLine(p: Pick<ProposalView, "status" | "sentOn" | "expiresOn" | "chosenOptionName" | "declineReason" | "declineNote" | "answeredOn">, locale: string): string {
  const day = (d: string) => formatDay(d, locale);
  switch (p.status) {
    case "chosen":
      return `The client chose ${p.chosenOptionName ?? "an option"}${p.answeredOn ? ` on ${day(p.answeredOn)}` : ""}.`;
    case "declined":
      return `The client declined${p.answeredOn ? ` on ${day(p.answeredOn)}` : ""}: ${label(p.declineReason).toLowerCase()}${p.declineNote ? ` — “${p.declineNote}”` : ""}.`;
    case "expired":
      return `It expired on ${day(p.expiresOn)} without an answer.`;
    case "sent":
      return `Sent on ${day(p.sentOn!)}; the client can answer until ${day(p.expiresOn)}.`;
    default:
      return `Not sent yet. It holds until ${day(p.expiresOn)}.`;
  }
}
