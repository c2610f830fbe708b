"use client";
import type { ActionState } from "@/lib/action-state";
import { UNITS, type Service } from "@/lib/domain";
import { toDecimalString } from "@/lib/money";
import { FormMessage, SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useForm } from "./use-form";

export function ServiceForm({
  action,
  service,
  currency,
  submitLabel = "Save service",
  floorSuggestion,
}: {
  action: (p: ActionState, f: FormData) => Promise<ActionState>;
  service?: Service;
  currency: string;
  submitLabel?: string;
  floorSuggestion?: string;
}) {
  const { state, formAction, onSubmit, pending, formKey, v, errors } = useForm(action);
  const money = (n: number | undefined) => (n == null ? undefined : toDecimalString(n, service?.currency ?? currency));
  return (
    <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate className="grid gap-3 sm:grid-cols-3" aria-label={service ? `Edit ${service.name}` : "Add a service"}>
      <TextField name="name" label="Service" required defaultValue={v("name", service?.name)} errors={errors} placeholder="e.g. Web development" />
      <SelectField name="unit" label="Priced per" options={UNITS.map((u) => ({ value: u, label: u }))} defaultValue={v("unit", service?.unit ?? "hour")} errors={errors} />
      <TextField name="currency" label="Currency" defaultValue={v("currency", service?.currency ?? currency)} errors={errors} />
      <TextField name="marketRate" label="Market rate" inputMode="decimal" defaultValue={v("marketRate", money(service?.marketRate))} errors={errors} hint="What others charge" />
      <TextField name="targetRate" label="Target rate" inputMode="decimal" defaultValue={v("targetRate", money(service?.targetRate))} errors={errors} hint="What you aim for" />
      <TextField
        name="floorRate"
        label="Floor (walk-away) rate"
        inputMode="decimal"
        defaultValue={v("floorRate", floorSuggestion ?? money(service?.floorRate))}
        errors={errors}
        hint="Below this, you walk away"
      />
      <div className="flex items-center gap-3 sm:col-span-3">
        <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
