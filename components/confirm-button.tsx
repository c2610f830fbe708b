"use client";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/action-state";

/** A destructive action behind a confirm() prompt, with a pending state; a refusal is shown, never hidden. */
export function ConfirmButton({ action, label, confirm, variant = "danger" }: { action: () => Promise<ActionState | void>; label: string; confirm: string; variant?: "danger" | "ghost" | "secondary" }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-col gap-1">
      <Button
        type="button"
        variant={variant}
        disabled={pending}
        onClick={() => {
          if (!window.confirm(confirm)) return;
          setError(null);
          start(async () => {
            const state = await action();
            if (state && state.status === "error") setError(state.message ?? "That did not work. Reload the page and try again.");
          });
        }}
      >
        {pending ? "Working…" : label}
      </Button>
      {error ? (
        <span role="alert" className="text-sm text-red-700 dark:text-red-300">
          {error}
        </span>
      ) : null}
    </span>
  );
}
