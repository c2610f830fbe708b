import Link from "next/link";
import type { TimelineEntry } from "@/lib/timeline";
import { DeleteEntryButton, type DeleteEntryActions } from "./delete-entry-button";

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
}: {
  entries: TimelineEntry[];
  showQuote?: boolean;
  locale?: string;
  clientId?: number;
  /** without them the timeline is read-only */
  actions?: DeleteEntryActions;
}) {
  if (!entries.length) return <p className="text-sm text-stone-600 dark:text-stone-400">Nothing logged yet. Log a quote, a discount request or a follow-up and it shows up here.</p>;
  const fmt = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  return (
    <ol className="relative space-y-3 border-l border-stone-200 pl-5 dark:border-stone-700" aria-label="Timeline">
      {entries.map((e) => (
        <li key={e.key} className="relative">
          <span aria-hidden className={`absolute -left-[1.65rem] top-1.5 size-3 rounded-full ring-2 ring-white dark:ring-stone-900 ${dot[e.tone]}`} />
          <div className="flex flex-wrap items-baseline gap-x-2">
            <time dateTime={e.date} className="text-xs tabular-nums text-stone-500 dark:text-stone-400">
              {fmt.format(new Date(`${e.date}T00:00:00Z`))}
            </time>
            <span className="text-sm font-medium">{e.title}</span>
            {!actions ? null : e.source.type === "event" ? (
              <DeleteEntryButton entry={{ type: "event", quoteId: e.source.quoteId, id: e.source.id }} what={e.title} actions={actions} />
            ) : e.source.type === "interaction" && clientId != null ? (
              <DeleteEntryButton entry={{ type: "interaction", clientId, id: e.source.id }} what={e.title} actions={actions} />
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
  );
}
