"use client";
import type { ActionState } from "@/lib/action-state";
import type { Service } from "@/lib/domain";
import { toDecimalString } from "@/lib/money";
import { FormMessage, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useForm } from "@/components/forms/use-form";

/**
 * "Change rates from a date": new rates for one service from a day on. Quotes dated before that day
 * keep the rates they were judged by. The date defaults to today (from the page: the book's clock).
 */
export function RateChangeForm({ action, service, today }: { action: (p: ActionState, f: FormData) => Promise<ActionState>; service: Service; today: string }) {
  const { state, formAction, onSubmit, pending, formKey, v, errors } = useForm(action);
  const money = (n: number) => toDecimalString(n, service.currency);
  return (
    <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate className="grid gap-3 sm:grid-cols-4" aria-label={`Change ${service.name} rates from a date`}>
      <TextField name="effectiveFrom" label="From" type="date" required defaultValue={v("effectiveFrom", today)} errors={errors} hint="Quotes sent from this day on" />
      <TextField name="marketRate" label="Market rate" typed="money" currency={service.currency} inputMode="decimal" defaultValue={v("marketRate", money(service.marketRate))} errors={errors} />
      <TextField name="targetRate" label="Target rate" typed="money" currency={service.currency} inputMode="decimal" defaultValue={v("targetRate", money(service.targetRate))} errors={errors} />
      <TextField name="floorRate" label="Floor (walk-away) rate" typed="money" currency={service.currency} inputMode="decimal" defaultValue={v("floorRate", money(service.floorRate))} errors={errors} />
      <div className="flex items-center gap-3 sm:col-span-4">
        <SubmitButton pending={pending}>Change rates from this date</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
