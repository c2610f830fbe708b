"use client";
import { CopyButton } from "@/components/ui/copy-button";

/** Enough rows for the text at a phone's width (about 40 characters a line), at least 4. */
export function rowsFor(text: string): number {
  const lines = text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(line.length / 40)), 0);
  return Math.max(4, lines);
}

/**
 * A message to send, editable, and copied in one click. Sized to its content, so the whole message shows
 * without scrolling inside it (rows: for browsers without field-sizing). The label is the caller's
 * (`<label htmlFor={id}>`).
 */
export function MessageEditor({ id, text, onChange }: { id: string; text: string; onChange: (text: string) => void }) {
  return (
    <>
      <textarea
        id={id}
        value={text}
        onChange={(e) => onChange(e.target.value)}
        rows={rowsFor(text)}
        className="block min-h-24 w-full rounded-md border border-stone-300 bg-white p-2 text-sm [field-sizing:content] dark:border-stone-600 dark:bg-stone-900"
      />
      <div className="mt-2">
        <CopyButton text={text} selectId={id} label="Copy message" announce="Message copied to the clipboard" />
      </div>
    </>
  );
}
