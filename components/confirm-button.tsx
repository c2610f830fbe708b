"use client";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";

/** A destructive action behind a confirm() prompt, with a pending state. */
export function ConfirmButton({ action, label, confirm, variant = "danger" }: { action: () => Promise<unknown>; label: string; confirm: string; variant?: "danger" | "ghost" | "secondary" }) {
  const [pending, start] = useTransition();
  return (
    <Button
      type="button"
      variant={variant}
      disabled={pending}
      onClick={() => {
        if (window.confirm(confirm)) start(async () => void (await action()));
      }}
    >
      {pending ? "Working…" : label}
    </Button>
  );
}
