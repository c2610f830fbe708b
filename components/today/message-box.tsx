"use client";
import { useState } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { rowsFor } from "@/components/offer/copy-message";

/** The message an item suggests sending (follow up once, stop chasing): already filled in, editable, copied in one click. */
export function MessageBox({ itemKey, text: initial, label }: { itemKey: string; text: string; label: string }) {
  const [text, setText] = useState(initial);
  const id = `today-msg-${itemKey.replace(/[^a-z0-9]+/gi, "-")}`;
  return (
    <div className="rounded-md border border-stone-200 bg-stone-50 p-3 dark:border-stone-700 dark:bg-stone-950" data-testid="today-message">
      <label htmlFor={id} className="text-sm font-semibold">
        {label}
      </label>
      <textarea
        id={id}
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={rowsFor(text)}
        className="mt-1 block min-h-24 w-full rounded-md border border-stone-300 bg-white p-2 text-sm [field-sizing:content] dark:border-stone-600 dark:bg-stone-900"
      />
      <div className="mt-2">
        <CopyButton text={text} selectId={id} label="Copy message" announce="Message copied to the clipboard" />
      </div>
    </div>
  );
}
