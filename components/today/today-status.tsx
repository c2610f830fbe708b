"use client";
import { useEffect, useRef } from "react";
import { Loader2, Undo2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useFlash } from "./flash";

/**
 * Today's status line: what the last action did ("Marked “Website” expired; Acme’s chasing 46 → 26.",
 * with "Undo" where it is cheap), then the one-line summary; announced when it changes. When the item the
 * user acted on has left the page, focus would fall to the page's start: it lands here instead, next to
 * the list, so a keyboard user carries on from where they were.
 */
export function TodayStatus({ text }: { text: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const first = useRef(true);
  const { flash, undo, undoing } = useFlash();
  const key = `${flash?.at ?? 0}|${text}`;
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const active = document.activeElement;
    if (!active || active === document.body) ref.current?.focus();
  }, [key]);
  return (
    <div className="grid gap-1">
      <div ref={ref} role="status" tabIndex={-1} data-testid="today-status" className="grid gap-1 rounded-sm outline-offset-2">
        {flash ? (
          <p data-testid="today-confirmation" className={`font-medium ${flash.tone === "ok" ? "text-emerald-800 dark:text-emerald-300" : "text-red-700 dark:text-red-400"}`}>
            {flash.message}
          </p>
        ) : null}
        <p data-testid="today-summary">{text}</p>
      </div>
      {flash?.undo ? (
        <div>
          <Button type="button" variant="secondary" className="min-h-9 px-3 py-1" onClick={undo} disabled={undoing} aria-disabled={undoing}>
            {undoing ? <Loader2 aria-hidden className="size-4 animate-spin" /> : <Undo2 aria-hidden className="size-4" />}
            {undoing ? "Undoing…" : "Undo"}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
