"use client";
import { useState } from "react";
import type { OfferMessage } from "@/server/offers";
import { MessageEditor } from "@/components/ui/message-editor";


/** Pick a template, edit the text, copy it in one click. */
export function CopyMessage({
  title,
  messages,
  testId,
  onTextChange,
}: {
  title: string;
  messages: OfferMessage[];
  testId: string;
  /** told the text as edited or picked (the action bar copies the same words) */
  onTextChange?: (text: string) => void;
}) {
  const [index, setIndex] = useState(0);
  const [text, setTextState] = useState(messages[0]?.text ?? "");
  const setText = (t: string) => {
    setTextState(t);
    onTextChange?.(t);
  };
  const id = `msg-${testId}`;
  return (
    <div className="rounded-md border border-stone-200 p-3 dark:border-stone-700" data-testid={testId}>
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <label htmlFor={id} className="text-sm font-semibold">
          {title}
        </label>
        {messages.length > 1 ? (
          <select
            aria-label={`${title}: template`}
            value={index}
            onChange={(e) => {
              const i = Number(e.target.value);
              setIndex(i);
              setText(messages[i].text);
            }}
            className="min-h-10 rounded-md border border-stone-300 bg-white px-2 text-sm dark:border-stone-600 dark:bg-stone-900"
          >
            {messages.map((m, i) => (
              <option key={i} value={i}>
                {m.name}
              </option>
            ))}
          </select>
        ) : null}
      </div>
      <MessageEditor id={id} text={text} onChange={setText} />
    </div>
  );
}
