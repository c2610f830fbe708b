"use client";
import type { ActionState } from "@/lib/action-state";
import type { Settings } from "@/lib/domain";
import { FormMessage, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useForm } from "./use-form";

export function SettingsForm({ action, settings }: { action: (p: ActionState, f: FormData) => Promise<ActionState>; settings: Settings }) {
  const { state, formAction, onSubmit, pending, formKey, v, errors } = useForm(action);
  const num = (name: keyof Settings, labelText: string, hint?: string) => (
    <TextField name={name} label={labelText} inputMode="numeric" defaultValue={v(name, settings[name])} errors={errors} hint={hint} />
  );
  return (
    <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate className="space-y-6">
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">Money and time</legend>
        <TextField name="currency" label="Currency" defaultValue={v("currency", settings.currency)} errors={errors} hint="Three letters, e.g. USD, EUR, GBP" />
        <TextField name="locale" label="Locale" defaultValue={v("locale", settings.locale)} errors={errors} hint="How numbers and money are shown, e.g. en-US, de-DE" />
        {num("hoursPerDay", "Hours in a working day", "Converts day rates to hours")}
        {num("weeklyCapacityHours", "Weekly capacity (hours)", "How much paid work you can take on each week")}
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-3 lg:grid-cols-5">
        <legend className="mb-2 text-base font-semibold">Fit score weights</legend>
        <p className="col-span-full -mt-1 text-sm text-stone-600 dark:text-stone-400">How much each criterion counts in the overall score (0 to ignore it). Only criteria with evidence count.</p>
        {num("weightPricePressure", "Haggling")}
        {num("weightReciprocity", "One-way asks")}
        {num("weightPay", "Pay")}
        {num("weightChasing", "Chasing")}
        {num("weightPayment", "Payment")}
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <legend className="mb-2 text-base font-semibold">Verdicts and rules</legend>
        {num("bandKeep", "Keep at or above", "Fit score for “keep”")}
        {num("bandWalkAway", "Walk away below", "Fit score for “walk away”")}
        {num("chaseThreshold", "Stop chasing after", "Unanswered follow-ups in a row")}
        {num("rushMultiplierPct", "Rush multiplier (%)", "150 = rush work costs 1.5×")}
      </fieldset>
      <div className="flex items-center gap-3">
        <SubmitButton pending={pending}>Save settings</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
