"use client";
import { useState } from "react";
import type { ActionState } from "@/lib/action-state";
import { label } from "@/lib/domain";
import { RAISE_OUTCOMES, type RaiseOutcome } from "@/lib/domain";
import { FormMessage, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useForm } from "@/components/forms/use-form";

/** The client's answer to one raise: accepted, negotiated (with the rate agreed) or left, on a day. */
export function RaiseOutcomeForm({
  action,
  today,
  currency,
  unit,
  current,
  agreed,
  title,
}: {
  action: (p: ActionState, f: FormData) => Promise<ActionState>;
  today: string;
  currency: string;
  unit: string;
  current: RaiseOutcome | null;
  /** the rate agreed when the answer so far is "negotiated", as typed (e.g. "95.00") */
  agreed?: string;
  title: string;
}) {
  const { state, formAction, onSubmit, pending, formKey, v, errors } = useForm(action);
  const [outcome, setOutcome] = useState<string>(v("outcome", current ?? "accepted") ?? "accepted");
  return (
    <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate className="grid gap-3" aria-label={title}>
      <fieldset>
        <legend className="text-sm font-medium">Their answer</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          {RAISE_OUTCOMES.map((o) => (
            <label key={o} className="flex min-h-10 items-center gap-2">
              <input type="radio" name="outcome" value={o} checked={outcome === o} onChange={() => setOutcome(o)} className="size-4 accent-sky-700" />
              {label(o)}
            </label>
          ))}
        </div>
        {errors?.outcome ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {errors.outcome[0]}
          </p>
        ) : null}
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        {outcome === "negotiated" ? (
          <TextField name="outcomeRate" label={`Rate agreed (${currency} per ${unit})`} typed="money" currency={currency} inputMode="decimal" defaultValue={v("outcomeRate", agreed)} errors={errors} />
        ) : null}
        <TextField name="outcomeOn" label="Answered on" type="date" defaultValue={v("outcomeOn", today)} errors={errors} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending} pendingText="Saving…" variant="secondary">
          Record their answer
        </SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
