"use client";
import type { FormAction } from "@/lib/action-state";
import { toDecimalString } from "@/lib/money";
import { FormMessage, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { ScoreChangeNote } from "@/components/score-change-note";
import { useForm } from "@/components/forms/use-form";

/**
 * "Log payment" for one accepted quote: paid on (today by default; empty also means today), the amount
 * (the agreed amount by default). The quote page and Today's log_payment action both render it, with
 * app/actions/payments.ts `logPaymentAction.bind(null, quoteId)` as the action.
 */
export function LogPaymentForm({
  quoteId,
  defaultAmount,
  currency,
  action,
  today,
  locale,
  withNote = false,
  label = "Log payment",
  children,
}: {
  /** the quote paid (the action is bound to it; the form is labelled with it) */
  quoteId: number;
  /** minor units of `currency` */
  defaultAmount: number;
  currency: string;
  action: FormAction;
  /** the book's today (server/clock.ts), shown as the paid-on day; absent: the field starts empty and the server uses today */
  today?: string;
  locale?: string;
  /** also offer a note (the quote page; Today keeps it short) */
  withNote?: boolean;
  /** the form's accessible name (a named form is a landmark); null: unnamed, for a page with several whose titles may repeat (Today: the card's heading says which) */
  label?: string | null;
  /** more actions in the button row, next to "Log payment" (Today's "Open the quote") */
  children?: React.ReactNode;
}) {
  const { state, formAction, onSubmit, pending, formKey, v, errors } = useForm(action);
  return (
    <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate className="flex flex-wrap items-start gap-3" aria-label={label ?? undefined} data-testid="log-payment-form" data-quote-id={quoteId}>
      <TextField name="paidOn" label="Paid on" type="date" defaultValue={v("paidOn", today)} errors={errors} className="w-44" hint={today ? undefined : "Empty: today"} />
      <TextField
        name="amount"
        label={`Amount (${currency})`}
        typed="money"
        currency={currency}
        locale={locale}
        inputMode="decimal"
        defaultValue={v("amount", toDecimalString(defaultAmount, currency))}
        errors={errors}
        className="w-44"
      />
      {withNote ? <TextField name="note" label="Note (optional)" defaultValue={v("note")} errors={errors} className="min-w-44 flex-1" /> : null}
      <div className="flex basis-full flex-wrap items-center gap-3">
        <SubmitButton pending={pending} pendingText="Logging…">
          Log payment
        </SubmitButton>
        {children}
        <FormMessage state={state} />
      </div>
      {state.status === "ok" ? <ScoreChangeNote change={state.scoreChange} at={state.okAt} /> : null}
    </form>
  );
}
