"use client";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useForm } from "@/components/forms/use-form";
import { toDecimalString } from "@/lib/money";
import type { FormAction } from "@/lib/action-state";

/**
 * Log an overdue payment from Today: the day it was paid (today by default) and the amount (what is
 * owed by default, typed in the quote's currency). The page binds the quote's id to the action.
 */
export function LogPaymentForm({
  action,
  today,
  amount,
  currency,
  locale,
  label,
}: {
  action: FormAction;
  today: string;
  amount: number | null;
  currency: string;
  locale: string;
  label: string;
}) {
  const { state, formAction, onSubmit, pending, formKey, v, errors } = useForm(action);
  return (
    <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate aria-label={label} className="grid gap-3 rounded-md border border-stone-200 p-3 dark:border-stone-700">
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="paidOn" label="Paid on" type="date" defaultValue={v("paidOn", today)} errors={errors} />
        <TextField
          name="amount"
          label={`Amount (${currency})`}
          typed="money"
          currency={currency}
          locale={locale}
          inputMode="decimal"
          defaultValue={v("amount", amount != null ? toDecimalString(amount, currency) : null)}
          errors={errors}
        />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending} pendingText="Logging…">
          {label}
        </SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
