"use client";
import { useActionState } from "react";
import { idle } from "@/lib/action-state";
import { FormMessage } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { DataActionState } from "@/lib/action-state";

export function BackupButton({ action }: { action: () => Promise<DataActionState> }) {
  const [state, formAction] = useActionState(async () => action(), idle as DataActionState);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <SubmitButton variant="secondary" pendingText="Backing up…">
        Back up now
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
