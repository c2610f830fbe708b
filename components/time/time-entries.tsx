"use client";
import { useState, useTransition } from "react";
import { Trash2 } from "lucide-react";
import type { ActionState } from "@/lib/action-state";
import type { TimeEntry } from "@/lib/domain";
import { formatDay } from "@/lib/format-date";
import { formatDuration } from "@/lib/typed-input";
import { plural } from "@/lib/text";
import { entryLabel } from "@/lib/time-words";

/** The time logged on a quote, newest day first, each with a way to remove it. */
export function TimeEntryList({ entries, quoteId, locale, deleteAction }: { entries: TimeEntry[]; quoteId: number; locale: string; deleteAction: (quoteId: number, entryId: number) => Promise<ActionState> }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  if (entries.length === 0) return <p className="text-sm text-stone-600 dark:text-stone-400">No time logged yet.</p>;
  const total = entries.reduce((s, e) => s + e.minutes, 0);
  const shown = [...entries].sort((a, b) => (a.occurredOn === b.occurredOn ? b.id - a.id : a.occurredOn < b.occurredOn ? 1 : -1));
  return (
    <div>
      <p className="mb-2 text-sm text-stone-700 dark:text-stone-300">
        {plural(entries.length, "entry", "entries")}, {formatDuration(total, locale)} in all
      </p>
      <ul className="divide-y divide-stone-100 text-sm dark:divide-stone-800" data-testid="time-entries">
        {shown.map((e) => {
          const what = entryLabel(e.minutes, e.occurredOn, locale);
          return (
            <li key={e.id} className="flex items-center gap-3 py-1">
              <time dateTime={e.occurredOn} className="w-24 shrink-0 tabular-nums text-stone-600 dark:text-stone-400">
                {formatDay(e.occurredOn, locale)}
              </time>
              <span className="w-20 shrink-0 font-medium tabular-nums">{formatDuration(e.minutes, locale)}</span>
              <span className="min-w-0 flex-1 break-words text-stone-700 dark:text-stone-300">{e.note}</span>
              <button
                type="button"
                disabled={pending}
                onClick={() => {
                  if (!window.confirm(`Remove ${what}?`)) return;
                  setError(null);
                  start(async () => {
                    const state = await deleteAction(quoteId, e.id);
                    if (state.status === "error") setError(state.message ?? "Could not remove it. Reload the page and try again.");
                  });
                }}
                className="inline-flex size-10 shrink-0 items-center justify-center rounded text-stone-600 hover:bg-stone-100 hover:text-red-700 disabled:opacity-50 dark:text-stone-400 dark:hover:bg-stone-800"
                aria-label={`Remove ${what}`}
                title="Remove this entry"
              >
                <Trash2 aria-hidden className="size-4" />
              </button>
            </li>
          );
        })}
      </ul>
      {error ? (
        <p role="alert" className="mt-1 text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </div>
  );
}
