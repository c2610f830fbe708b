"use client";
import type { ActionState } from "@/lib/action-state";
import { QUOTE_STATUSES, label, type Quote, type Service } from "@/lib/domain";
import { toDecimalString } from "@/lib/money";
import { FormMessage, SelectField, TextArea, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useForm } from "./use-form";

export function QuoteForm({
  action,
  clientId,
  services,
  currency,
  quote,
  submitLabel = "Save quote",
  today,
}: {
  action: (p: ActionState, f: FormData) => Promise<ActionState>;
  clientId: number;
  services: Service[];
  currency: string;
  quote?: Quote;
  submitLabel?: string;
  /** the default "sent on" day */
  today: string;
}) {
  const { state, formAction, onSubmit, pending, formKey, v, errors } = useForm(action);
  const cur = quote?.currency ?? currency;
  return (
    <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate className="grid gap-3 sm:grid-cols-2" aria-label={quote ? "Edit quote" : "New quote"}>
      <input type="hidden" name="clientId" value={clientId} />
      <TextField name="title" label="Title" required defaultValue={v("title", quote?.title)} errors={errors} placeholder="e.g. Website rebuild" />
      <SelectField
        name="serviceId"
        label="Service"
        options={[{ value: "", label: "No service (not on the rate card)" }, ...services.map((s) => ({ value: String(s.id), label: `${s.name} (${s.currency}/${s.unit})` }))]}
        defaultValue={v("serviceId", quote?.serviceId ?? services[0]?.id ?? "")}
        errors={errors}
      />
      <TextField name="estimatedHours" label="Estimated hours" inputMode="decimal" required defaultValue={v("estimatedHours", quote ? quote.estimatedMinutes / 60 : undefined)} errors={errors} placeholder="e.g. 40" />
      <TextField name="quotedAmount" label={`Quoted amount (${cur})`} inputMode="decimal" required defaultValue={v("quotedAmount", quote ? toDecimalString(quote.quotedAmount, cur) : undefined)} errors={errors} placeholder="e.g. 4400" />
      <TextField name="currency" label="Currency" defaultValue={v("currency", cur)} errors={errors} />
      <SelectField
        name="status"
        label="Status"
        options={QUOTE_STATUSES.map((s) => ({ value: s, label: label(s) }))}
        defaultValue={v("status", quote?.status ?? "sent")}
        errors={errors}
      />
      <TextField name="sentOn" label="Sent on" type="date" defaultValue={v("sentOn", quote?.sentOn ?? today)} errors={errors} />
      <TextArea name="scope" label="Scope" defaultValue={v("scope", quote?.scope)} errors={errors} className="sm:col-span-2" />
      {quote ? (
        <>
          <input type="hidden" name="agreedAmount" value={quote.agreedAmount != null ? toDecimalString(quote.agreedAmount, cur) : ""} />
          {/* shown once decided: a rule about it (never before "sent on") must have a field to point at */}
          {quote.decidedOn ? (
            <TextField name="decidedOn" label="Decided on" type="date" defaultValue={v("decidedOn", quote.decidedOn)} errors={errors} />
          ) : (
            <input type="hidden" name="decidedOn" value="" />
          )}
          <input type="hidden" name="rejectionReason" value={quote.rejectionReason ?? ""} />
        </>
      ) : null}
      <div className="flex items-center gap-3 sm:col-span-2">
        <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
