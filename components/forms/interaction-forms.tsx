"use client";
import type { ActionState } from "@/lib/action-state";
import { ASK_KINDS, GIVE_KINDS, label } from "@/lib/domain";
import { Checkbox, FormMessage, SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useForm } from "./use-form";
import type { QuoteOption } from "./negotiation-forms";

type Action = (p: ActionState, f: FormData) => Promise<ActionState>;

function Footer({ state, pending, children }: { state: ActionState; pending: boolean; children: string }) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <SubmitButton pending={pending} pendingText="Logging…">{children}</SubmitButton>
      <FormMessage state={state} />
    </div>
  );
}

export function AskForm({ action, quotes, today }: { action: Action; quotes: QuoteOption[]; today: string }) {
  const { state, formAction, onSubmit, pending, formKey, v, errors } = useForm(action);
  return (
    <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate className="grid gap-3" aria-label="Log a one-way ask">
      <input type="hidden" name="kind" value="ask" />
      <SelectField name="subtype" label="They asked for" options={ASK_KINDS.map((k) => ({ value: k, label: label(k) }))} defaultValue={v("subtype")} errors={errors} />
      <TextField name="minutes" label="Minutes it took" inputMode="numeric" defaultValue={v("minutes")} errors={errors} placeholder="e.g. 45" />
      <Checkbox name="paid" label="It was paid" />
      {quotes.length ? (
        <SelectField name="quoteId" label="On quote (optional)" options={[{ value: "", label: "Not tied to a quote" }, ...quotes.map((q) => ({ value: String(q.id), label: q.title }))]} defaultValue={v("quoteId", "")} errors={errors} />
      ) : null}
      <TextField name="note" label="Note (optional)" defaultValue={v("note")} errors={errors} />
      <TextField name="occurredOn" label="When" type="date" defaultValue={v("occurredOn", today)} errors={errors} />
      <Footer state={state} pending={pending}>Log ask</Footer>
    </form>
  );
}

export function FollowUpForm({ action, today }: { action: Action; today: string }) {
  const { state, formAction, onSubmit, pending, formKey, v, errors } = useForm(action);
  return (
    <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate className="grid gap-3" aria-label="Log a follow-up">
      <input type="hidden" name="kind" value="follow_up" />
      <SelectField
        name="answered"
        label="Did they answer?"
        options={[
          { value: "false", label: "No answer" },
          { value: "true", label: "They answered" },
        ]}
        defaultValue={v("answered", "false")}
        errors={errors}
      />
      <TextField name="note" label="Note (optional)" defaultValue={v("note")} errors={errors} />
      <TextField name="occurredOn" label="When" type="date" defaultValue={v("occurredOn", today)} errors={errors} />
      <Footer state={state} pending={pending}>Log follow-up</Footer>
    </form>
  );
}

export function GiveForm({ action, today }: { action: Action; today: string }) {
  const { state, formAction, onSubmit, pending, formKey, v, errors } = useForm(action);
  return (
    <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate className="grid gap-3" aria-label="Log what they gave back">
      <input type="hidden" name="kind" value="give" />
      <SelectField name="subtype" label="They gave" options={GIVE_KINDS.map((k) => ({ value: k, label: label(k) }))} defaultValue={v("subtype")} errors={errors} />
      <TextField name="note" label="Note (optional)" defaultValue={v("note")} errors={errors} />
      <TextField name="occurredOn" label="When" type="date" defaultValue={v("occurredOn", today)} errors={errors} />
      <Footer state={state} pending={pending}>Log it</Footer>
    </form>
  );
}

export function PaymentForm({ action, currency, today }: { action: Action; currency: string; today: string }) {
  const { state, formAction, onSubmit, pending, formKey, v, errors } = useForm(action);
  return (
    <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate className="grid gap-3" aria-label="Log a payment">
      <input type="hidden" name="kind" value="payment" />
      <TextField name="daysLate" label="Days late (0 if on time)" inputMode="numeric" defaultValue={v("daysLate", "0")} errors={errors} />
      <TextField name="amount" label={`Amount (${currency}, optional)`} inputMode="decimal" defaultValue={v("amount")} errors={errors} />
      <TextField name="occurredOn" label="Paid on" type="date" defaultValue={v("occurredOn", today)} errors={errors} />
      <Footer state={state} pending={pending}>Log payment</Footer>
    </form>
  );
}
