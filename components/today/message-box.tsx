"use client";
import { useState } from "react";
import { MessageEditor } from "@/components/ui/message-editor";

/** The message an item suggests sending (follow up once, stop chasing): already filled in, editable, copied in one click. */
export function MessageBox({ itemKey, text: initial, label }: { itemKey: string; text: string; label: string }) {
  const [text, setText] = useState(initial);
  const id = `today-msg-${itemKey.replace(/[^a-z0-9]+/gi, "-")}`;
  return (
    <div className="rounded-md border border-stone-200 bg-stone-50 p-3 dark:border-stone-700 dark:bg-stone-950" data-testid="today-message">
      <label htmlFor={id} className="text-sm font-semibold">
        {label}
      </label>
      <div className="mt-1">
        <MessageEditor id={id} text={text} onChange={setText} />
      </div>
    </div>
  );
}
