import Link from "next/link";
import { Pencil, Trash2 } from "lucide-react";
import { formatDay } from "@/lib/format-date";
import type { TimelineEntry } from "@/lib/timeline";
import type { EntryForm } from "@/lib/entry-edit";
import { EntryControls, type EntryActions } from "./edit-entry";
import { ENTRY_ICONS } from "./timeline-icons";

const dot: Record<TimelineEntry["tone"], string> = {
  neutral: "bg-stone-400",
  good: "bg-[var(--color-keep)]",
  warn: "bg-[var(--color-bounds)]",
  bad: "bg-[var(--color-walk)]",
  info: "bg-[var(--color-info)]",
};

export function Timeline({
  entries,
  showQuote = true,
  locale = "en-US",
  clientId,
  actions,
  forms = {},
  currency = "USD",
  today = "",
}: {
  entries: TimelineEntry[];
  showQuote?: boolean;
  locale?: string;
  clientId?: number;
  /** without them the timeline is read-only */
  actions?: EntryActions;
  /** by entry key: the form an entry was logged with, pre-filled (entries without one can only be removed) */
  forms?: Record<string, EntryForm>;
  /** what the edit forms need: the book's currency (amounts of interactions) and today (their date field's default) */
  currency?: string;
  today?: string;
}) {
  if (!entries.length) return <p className="text-sm text-stone-600 dark:text-stone-400">Nothing logged yet. Log a quote, a discount request or a follow-up and it shows up here.</p>;
  return (
    <>
    {/* each entry's edit and remove icons point here: drawn once, not once per entry */}
    {actions ? (
      <svg aria-hidden width="0" height="0" className="absolute">
        <symbol id={ENTRY_ICONS.edit} viewBox="0 0 24 24">
          <Pencil />
        </symbol>
        <symbol id={ENTRY_ICONS.remove} viewBox="0 0 24 24">
          <Trash2 />
        </symbol>
      </svg>
    ) : null}
    <ol className="relative space-y-3 border-l border-stone-200 pl-5 dark:border-stone-700" aria-label="Timeline">
      {entries.map((e) => (
        <li key={e.key} className="relative">
          <span aria-hidden className={`absolute -left-[1.65rem] top-1.5 size-3 rounded-full ring-2 ring-white dark:ring-stone-900 ${dot[e.tone]}`} />
          <div className="flex flex-wrap items-center gap-x-1">
            <div className="flex min-w-0 flex-1 flex-wrap items-baseline gap-x-2">
              <time dateTime={e.date} className="text-xs tabular-nums text-stone-500 dark:text-stone-400">
                {formatDay(e.date, locale)}
              </time>
              <span className="text-sm font-medium">{e.title}</span>
            </div>
            {!actions ? null : e.source.type === "event" ? (
              <EntryControls entry={{ type: "event", quoteId: e.source.quoteId, id: e.source.id }} what={e.title} form={forms[e.key]} actions={actions} currency={currency} today={today} />
            ) : e.source.type === "interaction" && clientId != null ? (
              <EntryControls entry={{ type: "interaction", clientId, id: e.source.id }} what={e.title} form={forms[e.key]} actions={actions} currency={currency} today={today} />
            ) : null}
          </div>
          {e.detail ? <div className="text-sm text-stone-600 dark:text-stone-400">{e.detail}</div> : null}
          {showQuote && e.quoteId != null && e.quoteTitle ? (
            <Link href={`/quotes/${e.quoteId}`} className="text-xs text-sky-800 underline-offset-2 hover:underline dark:text-sky-300">
              {e.quoteTitle}
            </Link>
          ) : null}
          {/* notes are plain text: React escapes them, never HTML */}
          {e.note ? <p className="mt-0.5 whitespace-pre-wrap break-words text-sm italic text-stone-700 dark:text-stone-300">{e.note}</p> : null}
        </li>
      ))}
    </ol>
    </>
  );
}
