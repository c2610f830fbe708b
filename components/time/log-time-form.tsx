"use client";
import type { ActionState } from "@/lib/action-state";
import { SelectField, TextField } from "@/components/ui/field";
import { useForm } from "@/components/forms/use-form";
import { LogFooter, type QuoteOption } from "@/components/forms/negotiation-forms";

type Action = (p: ActionState, f: FormData) => Promise<ActionState>;

/**
 * Log time spent on a quote: the day (the book's today by default), the time as typed ("2h", "1h30",
 * "90 min"; a bare number is minutes) and a note. On the quote page the quote is fixed; on the client
 * page it is chosen (accepted quotes first). Once logged, how the client's score moved.
 */
export function LogTimeForm({ action, today, quoteId, quotes, compact = false }: { action: Action; today: string; quoteId?: number; quotes?: QuoteOption[]; compact?: boolean }) {
  const { state, formAction, onSubmit, pending, formKey, v, errors } = useForm(action);
  return (
    <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate className="grid gap-3" aria-label="Log time spent" data-testid="log-time-form">
      {quoteId != null ? (
        <input type="hidden" name="quoteId" value={quoteId} />
      ) : (
        <SelectField name="quoteId" label="Quote" options={(quotes ?? []).map((q) => ({ value: String(q.id), label: q.title }))} defaultValue={v("quoteId", quotes?.[0]?.id)} errors={errors} />
      )}
      <div className={compact ? "grid gap-3" : "grid gap-3 sm:grid-cols-2"}>
        <TextField name="minutes" label="Time spent" hint="2h, 1h30 or 90 min (a bare number is minutes)" typed="duration" bareUnit="minute" inputMode="decimal" defaultValue={v("minutes")} errors={errors} placeholder="e.g. 2h" />
        <TextField name="occurredOn" label="Day" type="date" defaultValue={v("occurredOn", today)} errors={errors} />
      </div>
      <TextField name="note" label="Note (optional)" defaultValue={v("note")} errors={errors} placeholder="What you worked on" />
      <LogFooter state={state} pending={pending}>
        Log time
      </LogFooter>
    </form>
  );
}
