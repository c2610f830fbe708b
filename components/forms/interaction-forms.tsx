"use client";
import type { ActionState } from "@/lib/action-state";
import { ASK_KINDS, GIVE_KINDS, label } from "@/lib/domain";
import { Checkbox, SelectField, TextField } from "@/components/ui/field";
import { useForm } from "./use-form";
import { LogFooter, type EditMode, type QuoteOption } from "./negotiation-forms";

type Action = (p: ActionState, f: FormData) => Promise<ActionState>;

/** An edit keeps what its form does not show (the quote an ask is tied to, a give's amount) as it was. */
function Kept({ edit, names }: { edit?: EditMode; names: string[] }) {
  if (!edit) return null;
  return (
    <>
      {names.map((n) => (edit.values[n] ? <input key={n} type="hidden" name={n} value={edit.values[n]} /> : null))}
    </>
  );
}

const formName = (edit: EditMode | undefined, log: string) => (edit ? `Edit: ${edit.what}` : log);

export function AskForm({ action, quotes, today, edit }: { action: Action; quotes: QuoteOption[]; today: string; edit?: EditMode }) {
  const { state, formAction, onSubmit, pending, formKey, v, errors } = useForm(action);
  const initial = edit?.values ?? {};
  return (
    <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate className="grid gap-3" aria-label={formName(edit, "Log a one-way ask")}>
      <input type="hidden" name="kind" value="ask" />
      <SelectField name="subtype" label="They asked for" options={ASK_KINDS.map((k) => ({ value: k, label: label(k) }))} defaultValue={v("subtype", initial.subtype)} errors={errors} />
      <TextField name="minutes" label="Time it took" hint="Minutes, or 1h30" typed="duration" bareUnit="minute" inputMode="decimal" defaultValue={v("minutes", initial.minutes)} errors={errors} placeholder="e.g. 45" />
      <Checkbox name="paid" label="It was paid" defaultChecked={initial.paid === "on"} />
      {quotes.length ? (
        <SelectField name="quoteId" label="On quote (optional)" options={[{ value: "", label: "Not tied to a quote" }, ...quotes.map((q) => ({ value: String(q.id), label: q.title }))]} defaultValue={v("quoteId", initial.quoteId ?? "")} errors={errors} />
      ) : (
        <Kept edit={edit} names={["quoteId"]} />
      )}
      <TextField name="note" label="Note (optional)" defaultValue={v("note", initial.note)} errors={errors} />
      <TextField name="occurredOn" label="When" type="date" defaultValue={v("occurredOn", initial.occurredOn ?? today)} errors={errors} />
      <LogFooter state={state} pending={pending} edit={edit}>
        Log ask
      </LogFooter>
    </form>
  );
}

export function FollowUpForm({ action, today, edit }: { action: Action; today: string; edit?: EditMode }) {
  const { state, formAction, onSubmit, pending, formKey, v, errors } = useForm(action);
  const initial = edit?.values ?? {};
  return (
    <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate className="grid gap-3" aria-label={formName(edit, "Log a follow-up")}>
      <input type="hidden" name="kind" value="follow_up" />
      <Kept edit={edit} names={["quoteId"]} />
      <SelectField
        name="answered"
        label="Did they answer?"
        options={[
          { value: "false", label: "No answer" },
          { value: "true", label: "They answered" },
          { value: "", label: "Not yet: still waiting" },
        ]}
        defaultValue={v("answered", initial.answered ?? "false")}
        errors={errors}
      />
      <TextField name="note" label="Note (optional)" defaultValue={v("note", initial.note)} errors={errors} />
      <TextField name="occurredOn" label="When" type="date" defaultValue={v("occurredOn", initial.occurredOn ?? today)} errors={errors} />
      <LogFooter state={state} pending={pending} edit={edit}>
        Log follow-up
      </LogFooter>
    </form>
  );
}

export function GiveForm({ action, today, edit }: { action: Action; today: string; edit?: EditMode }) {
  const { state, formAction, onSubmit, pending, formKey, v, errors } = useForm(action);
  const initial = edit?.values ?? {};
  return (
    <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate className="grid gap-3" aria-label={formName(edit, "Log what they gave back")}>
      <input type="hidden" name="kind" value="give" />
      <Kept edit={edit} names={["quoteId", "amount"]} />
      <SelectField name="subtype" label="They gave" options={GIVE_KINDS.map((k) => ({ value: k, label: label(k) }))} defaultValue={v("subtype", initial.subtype)} errors={errors} />
      <TextField name="note" label="Note (optional)" defaultValue={v("note", initial.note)} errors={errors} />
      <TextField name="occurredOn" label="When" type="date" defaultValue={v("occurredOn", initial.occurredOn ?? today)} errors={errors} />
      <LogFooter state={state} pending={pending} edit={edit}>
        Log it
      </LogFooter>
    </form>
  );
}

export function PaymentForm({ action, currency, today, edit }: { action: Action; currency: string; today: string; edit?: EditMode }) {
  const { state, formAction, onSubmit, pending, formKey, v, errors } = useForm(action);
  const initial = edit?.values ?? {};
  return (
    <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate className="grid gap-3" aria-label={formName(edit, "Log a payment")}>
      <input type="hidden" name="kind" value="payment" />
      <Kept edit={edit} names={["quoteId"]} />
      <TextField name="daysLate" label="Days late (0 if on time)" inputMode="numeric" defaultValue={v("daysLate", initial.daysLate ?? "0")} errors={errors} />
      <TextField name="amount" label={`Amount (${currency}, optional)`} typed="money" currency={currency} inputMode="decimal" defaultValue={v("amount", initial.amount)} errors={errors} />
      <TextField name="note" label="Note (optional)" defaultValue={v("note", initial.note)} errors={errors} />
      <TextField name="occurredOn" label="Paid on" type="date" defaultValue={v("occurredOn", initial.occurredOn ?? today)} errors={errors} />
      <LogFooter state={state} pending={pending} edit={edit}>
        Log payment
      </LogFooter>
    </form>
  );
}
