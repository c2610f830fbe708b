"use client";
import { useState, useTransition } from "react";
import { Loader2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/action-state";
import { useFlash } from "./flash";

/**
 * One of a Today item's one-click writes (follow up once, stop chasing, walk away): the page binds the
 * record's id, so this only runs it, shows it is working and reports what it did to the page's status line
 * (an error is also said next to the button). `confirm`:
 * asked first, for a step that is hard to take back.
 */
export function TodayActionButton({
  action,
  label,
  pendingText = "Working…",
  variant = "secondary",
  confirm,
}: {
  action: () => Promise<ActionState | void>;
  label: string;
  pendingText?: string;
  variant?: "primary" | "secondary" | "danger";
  confirm?: string;
}) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const { report } = useFlash();
  return (
    <span className="inline-flex flex-col gap-1">
      <Button
        type="button"
        variant={variant}
        disabled={pending}
        aria-disabled={pending}
        onClick={() => {
          if (confirm && !window.confirm(confirm)) return;
          setError(null);
          start(async () => {
            const state = await action();
            if (state) report(state);
            if (state && state.status === "error") setError(state.message ?? "That did not work. Reload the page and try again.");
          });
        }}
      >
        {pending ? <Loader2 aria-hidden className="size-4 animate-spin" /> : null}
        {pending ? pendingText : label}
      </Button>
      {error ? (
        <span role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </span>
      ) : null}
    </span>
  );
}
