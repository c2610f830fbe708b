"use client";
import { useState, useTransition } from "react";
import type { ActionState } from "@/lib/action-state";
import { ENTRY_ICONS } from "./timeline-icons";

type Entry = { type: "event"; quoteId: number; id: number } | { type: "interaction"; clientId: number; id: number };
/** The two delete actions, passed down by the page: (parent id, entry id) → state. */
export interface DeleteEntryActions {
  deleteEvent: (quoteId: number, eventId: number) => Promise<ActionState>;
  deleteInteraction: (clientId: number, interactionId: number) => Promise<ActionState>;
}

/**
 * Remove one mistaken timeline entry (a negotiation step or an interaction).
 * Takes plain ids, not bound actions: a long timeline then sends a few numbers per entry.
 */
export function DeleteEntryButton({ entry, what, actions }: { entry: Entry; what: string; actions: DeleteEntryActions }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        if (!window.confirm(`Remove “${what}” from the timeline?`)) return;
        setError(null);
        start(async () => {
          const state = entry.type === "event" ? await actions.deleteEvent(entry.quoteId, entry.id) : await actions.deleteInteraction(entry.clientId, entry.id);
          if (state.status === "error") setError(state.message ?? "Could not remove it. Reload the page and try again.");
        });
      }}
      className="inline-flex size-10 items-center justify-center rounded text-stone-500 hover:bg-stone-100 hover:text-red-700 disabled:opacity-50 dark:hover:bg-stone-800"
      aria-label={`Remove: ${what}`}
      title="Remove this entry"
    >
      <svg aria-hidden className="size-4">
        <use href={`#${ENTRY_ICONS.remove}`} />
      </svg>
    </button>
    {error ? (
      <span role="alert" className="text-xs text-red-700 dark:text-red-300">
        {error}
      </span>
    ) : null}
    </>
  );
}
