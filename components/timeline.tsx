import { Pencil, Trash2 } from "lucide-react";
import { formatDay } from "@/lib/format-date";
import type { TimelineEntry } from "@/lib/timeline";
import type { EntryForm } from "@/lib/entry-edit";
import type { EntryActions } from "./edit-entry";
import { TimelineList, type TimelineRow } from "./timeline-list";
import { ENTRY_ICONS } from "./timeline-icons";

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
  const rows: TimelineRow[] = entries.map((e) => ({
    key: e.key,
    date: e.date,
    day: formatDay(e.date, locale),
    title: e.title,
    detail: e.detail,
    note: e.note,
    tone: e.tone,
    quote: showQuote && e.quoteId != null && e.quoteTitle ? { id: e.quoteId, title: e.quoteTitle } : null,
    entry:
      !actions ? null
      : e.source.type === "event" ? { type: "event", quoteId: e.source.quoteId, id: e.source.id }
      : e.source.type === "interaction" && clientId != null ? { type: "interaction", clientId, id: e.source.id }
      : null,
    ...(actions && forms[e.key] ? { form: forms[e.key] } : {}),
  }));
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
    <TimelineList rows={rows} actions={actions} currency={currency} today={today} />
    </>
  );
}
