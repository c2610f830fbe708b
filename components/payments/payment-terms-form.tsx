"use client";
import type { FormAction } from "@/lib/action-state";
import { FormMessage, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useForm } from "@/components/forms/use-form";

/** A quote's payment terms in days (0: on delivery). Untracked: "Start tracking"; tracked: "Save terms". */
export function PaymentTermsForm({ action, termsDays, defaultDays }: { action: FormAction; termsDays: number | null; defaultDays: number }) {
  const { state, formAction, onSubmit, pending, formKey, v, errors } = useForm(action);
  return (
    <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate className="flex flex-wrap items-start gap-3" aria-label="Payment terms" data-testid="payment-terms-form">
      <TextField
        name="paymentTermsDays"
        label="Payment terms (days)"
        inputMode="numeric"
        defaultValue={v("paymentTermsDays", termsDays ?? defaultDays)}
        errors={errors}
        hint="Days after the work is marked done (or, until then, after the quote is accepted); 0 means on delivery"
        className="w-52"
      />
      <div className="flex basis-full flex-wrap items-center gap-3">
        <SubmitButton variant="secondary" pending={pending} pendingText="Saving…">
          {termsDays == null ? "Start tracking payment" : "Save terms"}
        </SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
