"use client";
import type { ActionState } from "@/lib/action-state";
import { formatDay } from "@/lib/format-date";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/field";
import { ScoreChangeNote } from "@/components/score-change-note";
import { useForm } from "@/components/forms/use-form";

type Action = (p: ActionState, f: FormData) => Promise<ActionState>;

/** "Mark the work done" (on a day: by default the last day time was logged, else today) or, once done, "Not done yet". */
export function WorkDoneForm({ action, workDoneOn, defaultDay, locale }: { action: Action; workDoneOn: string | null | undefined; defaultDay: string; locale: string }) {
  const { state, formAction, onSubmit, pending, formKey, v, errors } = useForm(action);
  const done = workDoneOn != null && workDoneOn !== "";
  return (
    <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-3" aria-label={done ? "The work is not done yet" : "Mark the work done"} data-testid="work-done-form">
      {done ? (
        <>
          <input type="hidden" name="workDoneOn" value="" />
          <p className="text-sm">
            Work done on{" "}
            <time dateTime={workDoneOn} className="font-medium tabular-nums" data-testid="work-done-on">
              {formatDay(workDoneOn, locale)}
            </time>
            .
          </p>
          <SubmitButton variant="secondary" pending={pending} pendingText="Saving…">
            Not done yet
          </SubmitButton>
        </>
      ) : (
        <>
          <TextField name="workDoneOn" label="Work done on" type="date" defaultValue={v("workDoneOn", defaultDay)} errors={errors} className="w-44" />
          <SubmitButton variant="secondary" pending={pending} pendingText="Saving…">
            Mark the work done
          </SubmitButton>
        </>
      )}
      <FormMessage state={state} />
      {state.status === "ok" ? <ScoreChangeNote change={state.scoreChange} at={state.okAt} /> : null}
    </form>
  );
}
