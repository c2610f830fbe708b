"use client";
import type { ActionState } from "@/lib/action-state";
import { useState } from "react";
import { ASK_KINDS, GIVE_KINDS, label } from "@/lib/domain";
import { formatDay } from "@/lib/format-date";
import { formatMoney } from "@/lib/money";
import { daysLateFor, type UnpaidQuote } from "@/lib/payment-terms";
import { isoDateSchema } from "@/lib/schemas";
import { plural } from "@/lib/text";
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

/** Days late shown as they will be stored: worked out from the chosen quote's due day and the paid-on day. */
function ComputedDaysLate({ quote, paidOn, locale }: { quote: UnpaidQuote; paidOn: string; locale?: string }) {
  const day = isoDateSchema.safeParse(paidOn).success ? paidOn : null;
  const late = day ? daysLateFor(day, quote.dueOn) : null;
  return (
    <div className="grid gap-1 text-sm" data-testid="payment-days-late">
      {/* the schema asks for days late; with a quote the server works them out and stores its own */}
      <input type="hidden" name="daysLate" value={late ?? 0} />
      <p className="font-medium">Days late</p>
      <p aria-live="polite">
        {late == null ? "Pick the day it was paid" : late === 0 ? "On time" : `${plural(late, "day")} late`}: due {formatDay(quote.dueOn, locale)}, counted from that day.
      </p>
    </div>
  );
}

/**
 * "A payment" on the client page. With accepted quotes still to be paid (`payable`, oldest due first), it
 * asks which one it is for (the oldest overdue preselected; "No particular quote" last): for a quote the
 * days late are worked out from its due day (server/payments.ts paymentOnQuote stores the same), without
 * one they are typed.
 */
export function PaymentForm({
  action,
  currency,
  today,
  edit,
  payable = [],
  locale,
}: {
  action: Action;
  currency: string;
  today: string;
  edit?: EditMode;
  /** the client's accepted quotes whose payment is tracked and not logged yet (lib/payment-terms.ts unpaidQuotes) */
  payable?: readonly UnpaidQuote[];
  locale?: string;
}) {
  const { state, formAction, onSubmit, pending, formKey, v, errors } = useForm(action);
  const initial = edit?.values ?? {};
  return (
    <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate className="grid gap-3" aria-label={formName(edit, "Log a payment")}>
      <input type="hidden" name="kind" value="payment" />
      {/* inside the keyed form: a logged payment starts the choice afresh */}
      <PaymentQuoteFields payable={edit ? [] : payable} edit={edit} today={today} locale={locale} v={v} errors={errors} />
      <TextField name="amount" label={`Amount (${currency}, optional)`} typed="money" currency={currency} inputMode="decimal" defaultValue={v("amount", initial.amount)} errors={errors} />
      <TextField name="note" label="Note (optional)" defaultValue={v("note", initial.note)} errors={errors} />
      <LogFooter state={state} pending={pending} edit={edit}>
        Log payment
      </LogFooter>
    </form>
  );
}

/** "For" (which quote), "Paid on", and the days late: worked out for a quote, typed without one. */
function PaymentQuoteFields({
  payable,
  edit,
  today,
  locale,
  v,
  errors,
}: {
  payable: readonly UnpaidQuote[];
  edit?: EditMode;
  today: string;
  locale?: string;
  v: (name: string, value?: string | number | null) => string | undefined;
  errors: Record<string, string[]> | undefined;
}) {
  const initial = edit?.values ?? {};
  const firstOverdue = payable.find((q) => q.overdue);
  const [quoteId, setQuoteId] = useState(() => v("quoteId", firstOverdue ? String(firstOverdue.quoteId) : "") ?? "");
  const [paidOn, setPaidOn] = useState(() => v("occurredOn", initial.occurredOn ?? today) ?? today);
  const chosen = payable.find((q) => String(q.quoteId) === quoteId);
  return (
    <>
      {payable.length ? (
        <SelectField
          name="quoteId"
          label="For"
          options={[
            ...payable.map((q) => ({
              value: String(q.quoteId),
              label: `${q.title} — ${formatMoney(q.amount, q.currency, locale)}, due ${formatDay(q.dueOn, locale)}${q.overdue ? ` (${plural(q.daysLate, "day")} overdue)` : ""}`,
            })),
            { value: "", label: "No particular quote" },
          ]}
          value={chosen ? quoteId : ""}
          onChange={setQuoteId}
          errors={errors}
        />
      ) : (
        <Kept edit={edit} names={["quoteId"]} />
      )}
      <TextField name="occurredOn" label="Paid on" type="date" defaultValue={v("occurredOn", initial.occurredOn ?? today)} errors={errors} onValueChange={setPaidOn} />
      {chosen ? (
        <ComputedDaysLate quote={chosen} paidOn={paidOn} locale={locale} />
      ) : (
        <TextField
          name="daysLate"
          label="Days late (0 if on time)"
          inputMode="numeric"
          defaultValue={v("daysLate", initial.daysLate ?? "0")}
          errors={errors}
          hint={edit?.values.quoteId ? "On a quote whose payment is tracked, worked out from its due day instead" : undefined}
        />
      )}
    </>
  );
}
