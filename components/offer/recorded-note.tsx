import Link from "next/link";
import type { OfferActionState } from "@/server/offers";

const decisionWords: Record<string, string> = { declined: "declined by me", countered: "countered", accepted: "accepted" };

/** What the offer check just recorded, with the way to change it (the buttons above point here while they rest). */
export function RecordedNote({ recorded }: { recorded: NonNullable<OfferActionState["recorded"]> }) {
  return (
    <p id="offer-recorded-status" role="status" className="mb-2 text-sm text-emerald-800 dark:text-emerald-300" data-testid="offer-recorded">
      {recorded.alreadyRecorded ? "Already recorded" : "Recorded"}: {recorded.heldFirm ? "held firm at your price" : (decisionWords[recorded.decision] ?? recorded.decision)} —{" "}
      <Link className="underline" href={`/quotes/${recorded.quoteId}`}>
        open the quote
      </Link>{" "}
      to change it ·{" "}
      <Link className="underline" href={`/clients/${recorded.clientId}`}>
        open the client
      </Link>
    </p>
  );
}
