"use client";
/**
 * The timeline's entries, drawn from a few words and ids each (`TimelineRow`, built by `Timeline` on the
 * server). A client component on purpose: a long timeline then sends each entry once as data, not once as
 * markup and again as the server's element tree.
 */
import Link from "next/link";
import type { TimelineEntry } from "@/lib/timeline";
import type { EntryForm } from "@/lib/entry-edit";
import { EntryControls, type EntryActions, type EntryRef } from "./edit-entry";

export interface TimelineRow {
  key: string;
  /** the calendar day, and the same day in words (formatted on the server) */
  date: string;
  day: string;
  title: string;
  detail: string | null;
  note: string | null;
  tone: TimelineEntry["tone"];
  /** the quote it belongs to, when the timeline names it */
  quote: { id: number; title: string } | null;
  /** the stored row behind it, when it can be edited or removed */
  entry: EntryRef | null;
  form?: EntryForm;
}

const dot: Record<TimelineEntry["tone"], string> = {
  neutral: "bg-stone-400",
  good: "bg-[var(--color-keep)]",
  warn: "bg-[var(--color-bounds)]",
  bad: "bg-[var(--color-walk)]",
  info: "bg-[var(--color-info)]",
};

export function TimelineList({ rows, actions, currency, today }: { rows: TimelineRow[]; actions?: EntryActions; currency: string; today: string }) {
  return (
    <ol className="relative space-y-3 border-l border-stone-200 pl-5 dark:border-stone-700" aria-label="Timeline">
      {rows.map((e) => (
        <li key={e.key} className="relative">
          <span aria-hidden className={`absolute -left-[1.65rem] top-1.5 size-3 rounded-full ring-2 ring-white dark:ring-stone-900 ${dot[e.tone]}`} />
          <div className="flex flex-wrap items-center gap-x-1">
            <div className="flex min-w-0 flex-1 flex-wrap items-baseline gap-x-2">
              <time dateTime={e.date} className="text-xs tabular-nums text-stone-500 dark:text-stone-400">
                {e.day}
              </time>
              <span className="text-sm font-medium">{e.title}</span>
            </div>
            {actions && e.entry ? <EntryControls entry={e.entry} what={e.title} form={e.form} actions={actions} currency={currency} today={today} /> : null}
          </div>
          {e.detail ? <div className="text-sm text-stone-600 dark:text-stone-400">{e.detail}</div> : null}
          {e.quote ? (
            <Link href={`/quotes/${e.quote.id}`} className="text-xs text-sky-800 underline-offset-2 hover:underline dark:text-sky-300">
              {e.quote.title}
            </Link>
          ) : null}
          {/* notes are plain text: React escapes them, never HTML */}
          {e.note ? <p className="mt-0.5 whitespace-pre-wrap break-words text-sm italic text-stone-700 dark:text-stone-300">{e.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}
