"use client";
import { Undo2 } from "lucide-react";
import { FormMessage } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/action-state";
import { useTodayForm } from "./flash";

/** "Bring back": forget the done / snoozed / not relevant mark, so the item is open again. */
export function BringBackForm({ action, itemKey, title }: { action: FormAction; itemKey: string; title: string }) {
  const { state, formAction, onSubmit, pending } = useTodayForm(action);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="key" value={itemKey} />
      <SubmitButton variant="secondary" pending={pending} pendingText="Bringing back…" aria-label={pending ? undefined : `Bring back “${title}”`}>
        <Undo2 aria-hidden className="size-4" />
        Bring back
      </SubmitButton>
      {state.status === "error" ? <FormMessage state={state} /> : null}
    </form>
  );
}
