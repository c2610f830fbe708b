"use client";
import { useState, useSyncExternalStore } from "react";
import { ExternalLink, Printer } from "lucide-react";
import type { ProposalView } from "@/server/proposal-views";
import type { ActionState } from "@/lib/action-state";
import { ConfirmButton } from "@/components/confirm-button";
import { CopyButton } from "@/components/ui/copy-button";
import { buttonClass } from "@/components/ui/button";
import { ProposalStatusBadge, proposalStatusLine } from "./status";

const noSubscribe = () => () => {};

/**
 * Sending a saved proposal: its status (and the client's answer), the client link on or off (a new
 * secret each time it is turned on; turning it off is asked first: the old link stops working), the
 * full link to copy, the client's view, print to PDF, and "I sent it as a PDF".
 */
export function SharePanel({
  proposal,
  previewHref,
  locale,
  actions,
}: {
  proposal: ProposalView;
  /** the user's own preview when the link is off (`/quotes/:id/proposal/preview`) */
  previewHref: string;
  locale: string;
  actions: { share: () => Promise<ActionState>; unshare: () => Promise<ActionState>; markSent: () => Promise<ActionState> };
}) {
  // the browser's own address: what the client must reach (empty while rendered on the server)
  const origin = useSyncExternalStore(noSubscribe, () => window.location.origin, () => "");
  const link = proposal.shareUrl ? `${origin}${proposal.shareUrl}` : null;
  const answered = proposal.status === "chosen" || proposal.status === "declined";
  const open = !answered && proposal.status !== "expired";
  // what the last action did, said after the page shows its result (the button that did it may be gone)
  const [said, setSaid] = useState<string | null>(null);
  const onResult = (state: ActionState) => setSaid(state.status === "ok" ? (state.message ?? null) : null);
  const printHref = proposal.shareUrl ? `${proposal.shareUrl}?print=1` : `${previewHref}?print=1`;
  return (
    <div className="space-y-4 text-sm" data-testid="share-panel">
      <p className="flex flex-wrap items-center gap-2">
        <ProposalStatusBadge status={proposal.status} />
        <span data-testid="proposal-status-line">{proposalStatusLine(proposal, locale)}</span>
      </p>
      {link ? (
        <div>
          <label htmlFor="proposal-link" className="block font-medium">
            The client’s link
          </label>
          <div className="mt-1 flex flex-wrap items-center gap-2">
            <input id="proposal-link" readOnly value={link} onFocus={(e) => e.currentTarget.select()} className="min-h-10 w-full min-w-0 flex-1 rounded-md border border-stone-300 bg-stone-50 px-3 font-mono text-xs sm:min-w-72 dark:border-stone-600 dark:bg-stone-950" data-testid="proposal-link" />
            <CopyButton text={link} selectId="proposal-link" label="Copy link" announce="Link copied" />
          </div>
          <p className="mt-1 text-xs text-stone-600 dark:text-stone-400">
            {answered ? "The client has answered: the link shows the proposal and their answer until you turn it off." : "Anyone with this link can see the proposal and answer it, until it expires or you turn the link off."}
          </p>
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {proposal.shared ? (
          <ConfirmButton action={actions.unshare} onResult={onResult} label="Turn off the link" confirm={answered ? "Turn off the client link? The client’s page stops opening; their answer is kept." : "Turn off the client link? The link you sent stops working; turning it on again makes a new one."} variant="secondary" pendingText="Turning off…" />
        ) : open ? (
          <ConfirmButton action={actions.share} onResult={onResult} label="Turn on the client link" variant="primary" pendingText="Turning on…" />
        ) : null}
        {proposal.shareUrl ? (
          <a href={proposal.shareUrl} target="_blank" rel="noopener" className={buttonClass("secondary")}>
            <ExternalLink aria-hidden className="size-4" />
            Open client view<span className="sr-only"> (opens in a new tab)</span>
          </a>
        ) : (
          <a href={previewHref} target="_blank" rel="noopener" className={buttonClass("secondary")}>
            <ExternalLink aria-hidden className="size-4" />
            Preview<span className="sr-only"> (opens in a new tab)</span>
          </a>
        )}
        <a href={printHref} target="_blank" rel="noopener" className={buttonClass("secondary")}>
          <Printer aria-hidden className="size-4" />
          Print / Save as PDF<span className="sr-only"> (opens in a new tab)</span>
        </a>
        {open && !proposal.sentOn ? <ConfirmButton action={actions.markSent} onResult={onResult} label="I sent it as a PDF" variant="ghost" pendingText="Marking…" /> : null}
      </div>
      <p role="status" className="text-sm font-medium text-emerald-800 empty:hidden dark:text-emerald-300" data-testid="share-said">
        {said}
      </p>
      <p className="text-xs text-stone-600 dark:text-stone-400">
        Your client can open the link only if this Walkaway is reachable from the internet (WALKAWAY_PASSWORD and WALKAWAY_ALLOWED_HOSTS set); otherwise Print / Save as PDF and send the file.
      </p>
    </div>
  );
}
