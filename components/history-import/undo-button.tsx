"use client";
import { useState, useTransition } from "react";
import { Undo2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { UndoImportAction } from "./state";

/** "Undo this import" behind a confirm prompt; says what it removed and what it kept. */
export function UndoImportButton({ batchId, undo, label = "Undo this import", ariaLabel, onDone }: { batchId: number; undo: UndoImportAction; label?: string; ariaLabel?: string; onDone?: () => void }) {
  const [pending, start] = useTransition();
  const [said, setSaid] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <Button
        type="button"
        variant="secondary"
        disabled={pending}
        aria-disabled={pending}
        aria-label={ariaLabel}
        onClick={() => {
          if (!window.confirm("Undo this import? The clients, quotes and time entries it added are removed (anything you added to them since stays).")) return;
          start(async () => {
            const state = await undo(batchId);
            setSaid({ ok: state.status === "ok", text: state.message ?? (state.status === "ok" ? "Undone." : "That did not work. Reload the page and try again.") });
            if (state.status === "ok") onDone?.();
          });
        }}
      >
        <Undo2 aria-hidden className="size-4" />
        {pending ? "Undoing…" : label}
      </Button>
      {said ? (
        <span role={said.ok ? "status" : "alert"} className={`text-sm ${said.ok ? "text-emerald-800 dark:text-emerald-300" : "text-red-700 dark:text-red-300"}`}>
          {said.text}
        </span>
      ) : null}
    </span>
  );
}
