"use client";
import { useFormStatus } from "react-dom";
import { Loader2 } from "lucide-react";
import { Button } from "./button";
import type { ComponentProps } from "react";

/** A submit button that shows the pending state of its form. */
export function SubmitButton({ children, pendingText, pending: pendingProp, ...props }: ComponentProps<typeof Button> & { pendingText?: string; pending?: boolean }) {
  // forms submitted by hand (see useForm) pass their pending state; plain action forms use the form's status
  const status = useFormStatus();
  const pending = pendingProp ?? status.pending;
  return (
    <Button type="submit" disabled={pending} aria-disabled={pending} {...props}>
      {pending ? <Loader2 aria-hidden className="size-4 animate-spin" /> : null}
      {pending ? (pendingText ?? "Saving…") : children}
    </Button>
  );
}
