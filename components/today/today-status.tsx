"use client";
import { useEffect, useRef } from "react";

/**
 * Today's one-line summary, announced when it changes (an item done, snoozed or brought back). When the
 * item the user acted on has left the page, focus would fall to the page's start: it lands here instead,
 * next to the list, so a keyboard user carries on from where they were.
 */
export function TodayStatus({ text }: { text: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const active = document.activeElement;
    if (!active || active === document.body) ref.current?.focus();
  }, [text]);
  return (
    <p ref={ref} role="status" tabIndex={-1} data-testid="today-status" className="rounded-sm outline-offset-2">
      {text}
    </p>
  );
}
