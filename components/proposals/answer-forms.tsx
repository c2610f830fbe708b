"use client";
/**
 * The client's answer: plain HTML forms posted to the link's answer route (they work without
 * JavaScript; the route redirects back to the page). With JavaScript on, the button shows that it is
 * sending and a second click does not send again. useFormStatus only follows forms whose action is a
 * function, so these plain-URL forms keep their own pending flag.
 */
import { useEffect, useState, type FormEvent, type ReactNode } from "react";
import { Loader2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { DECLINE_REASON_WORDS } from "@/lib/proposals/answer-words";
import { PROPOSAL_DECLINE_REASONS } from "@/lib/domain";

function usePending() {
  const [pending, setPending] = useState(false);
  useEffect(() => {
    // back to a page kept by the browser's back/forward cache: it is not sending any more
    const reset = (e: PageTransitionEvent) => e.persisted && setPending(false);
    window.addEventListener("pageshow", reset);
    return () => window.removeEventListener("pageshow", reset);
  }, []);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    if (pending) e.preventDefault();
    else setPending(true);
  };
  return { pending, onSubmit };
}

function SendButton({ pending, pendingText, children, variant = "primary", className = "" }: { pending: boolean; pendingText: string; children: ReactNode; variant?: "primary" | "secondary"; className?: string }) {
  return (
    <Button type="submit" variant={variant} aria-disabled={pending} className={`w-full sm:w-auto ${className}`}>
      {pending ? <Loader2 aria-hidden className="size-4 animate-spin" /> : null}
      {pending ? pendingText : children}
    </Button>
  );
}

/** "Choose Standard": one option, one click. */
export function ChooseOptionForm({ action, optionId, optionName }: { action: string; optionId: number; optionName: string }) {
  const { pending, onSubmit } = usePending();
  return (
    <form method="post" action={action} onSubmit={onSubmit} className="print:hidden">
      <input type="hidden" name="answer" value="choose" />
      <input type="hidden" name="optionId" value={optionId} />
      <SendButton pending={pending} pendingText="Sending your choice…" className="w-full!">
        Choose {optionName}
      </SendButton>
    </form>
  );
}

/** Declining, with why (the reason is needed; a note is optional). */
export function DeclineForm({ action, problem }: { action: string; problem?: string | null }) {
  const { pending, onSubmit } = usePending();
  return (
    <form method="post" action={action} onSubmit={onSubmit} className="space-y-4" aria-describedby={problem ? "decline-problem" : undefined}>
      <input type="hidden" name="answer" value="decline" />
      <fieldset>
        <legend className="text-sm font-medium">Why not?</legend>
        {problem ? (
          <p id="decline-problem" role="alert" className="mt-1 text-sm font-medium text-red-700 dark:text-red-300">
            {problem}
          </p>
        ) : null}
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {PROPOSAL_DECLINE_REASONS.map((r) => (
            <label key={r} className="flex min-h-10 cursor-pointer items-center gap-2 rounded-md border border-stone-300 px-3 py-2 text-sm has-[:checked]:border-sky-700 has-[:checked]:bg-sky-50 dark:border-stone-600 dark:has-[:checked]:border-sky-400 dark:has-[:checked]:bg-stone-800">
              <input type="radio" name="reason" value={r} required className="size-4 accent-sky-700" />
              {DECLINE_REASON_WORDS[r]}
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <label htmlFor="decline-note" className="text-sm font-medium">
          Anything you would like to add? <span className="font-normal text-stone-600 dark:text-stone-400">(optional)</span>
        </label>
        <textarea
          id="decline-note"
          name="note"
          rows={3}
          maxLength={1000}
          className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm dark:border-stone-600 dark:bg-stone-900"
        />
      </div>
      <SendButton pending={pending} pendingText="Sending…" variant="secondary">
        Decline the proposal
      </SendButton>
    </form>
  );
}
