"use client";
import { useTransition } from "react";
import { Trash2 } from "lucide-react";

/** Remove one mistaken timeline entry (a negotiation step or an interaction). */
export function DeleteEntryButton({ action, what }: { action: () => Promise<unknown>; what: string }) {
  const [pending, start] = useTransition();
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        if (window.confirm(`Remove “${what}” from the timeline?`)) start(async () => void (await action()));
      }}
      className="inline-flex size-8 items-center justify-center rounded text-stone-400 hover:bg-stone-100 hover:text-red-700 disabled:opacity-50 dark:hover:bg-stone-800"
      aria-label={`Remove: ${what}`}
      title="Remove this entry"
    >
      <Trash2 aria-hidden className="size-4" />
    </button>
  );
}
