"use client";
import { useState, useTransition } from "react";
import { Loader2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/action-state";

/**
 * A one-click server action with a pending state; a refusal is shown next to it, never hidden. `confirm`:
 * asked first (a destructive step, or one hard to take back). `onResult`: told what the action answered
 * (Today says it in its status line).
 */
export function ConfirmButton({
  action,
  label,
  confirm,
  variant = "danger",
  pendingText = "Working…",
  onResult,
}: {
  action: () => Promise<ActionState | void>;
  label: string;
  confirm?: string;
  variant?: "primary" | "danger" | "ghost" | "secondary";
  pendingText?: string;
  onResult?: (state: ActionState) => void;
}) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
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
            if (state) onResult?.(state);
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
