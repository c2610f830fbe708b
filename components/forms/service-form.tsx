"use client";
import { useState } from "react";
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
  locale = "en-US",
}: {
  action: (p: ActionState, f: FormData) => Promise<ActionState>;
  service?: Service;
  currency: string;
  submitLabel?: string;
  floorSuggestion?: string;
  /** settings.locale: how rates are typed ("1.200,50" in de-DE) */
  locale?: string;
}) {
  const { state, formAction, onSubmit, pending, formKey, v, errors } = useForm(action);
  const money = (n: number | undefined) => (n == null ? undefined : toDecimalString(n, service?.currency ?? currency));
  // rates are read in the currency typed next to them (as the server does), else the service's
  const startCurrency = v("currency", service?.currency ?? currency) ?? currency;
  const [typedCurrency, setTypedCurrency] = useState(startCurrency);
  const [typedKey, setTypedKey] = useState(formKey);
  if (typedKey !== formKey) {
    // saved: the form starts afresh from its initial values
    setTypedKey(formKey);
    setTypedCurrency(startCurrency);
  }
  const rateCurrency = /^[A-Za-z]{3}$/.test(typedCurrency.trim()) ? typedCurrency.trim().toUpperCase() : (service?.currency ?? currency);
  const rate = { typed: "money" as const, currency: rateCurrency, locale, inputMode: "text" as const };
  return (
    <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate className="grid gap-3 sm:grid-cols-3" aria-label={service ? `Edit ${service.name}` : "Add a service"}>
      <TextField name="name" label="Service" required defaultValue={v("name", service?.name)} errors={errors} placeholder="e.g. Web development" />
      <SelectField name="unit" label="Priced per" options={UNITS.map((u) => ({ value: u, label: u }))} defaultValue={v("unit", service?.unit ?? "hour")} errors={errors} />
      <TextField name="currency" label="Currency" defaultValue={startCurrency} onValueChange={setTypedCurrency} errors={errors} />
      <TextField name="marketRate" label="Market rate" {...rate} defaultValue={v("marketRate", money(service?.marketRate))} errors={errors} hint="What others charge" />
      <TextField name="targetRate" label="Target rate" {...rate} defaultValue={v("targetRate", money(service?.targetRate))} errors={errors} hint="What you aim for" />
      <TextField
        name="floorRate"
        label="Floor (walk-away) rate"
        {...rate}
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
