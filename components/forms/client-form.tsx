"use client";
import type { ActionState } from "@/lib/action-state";
import { CLIENT_STATUSES, LEAD_SOURCES, label, type Client } from "@/lib/domain";
import { FormMessage, SelectField, TextArea, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { plural } from "@/lib/text";
import { useForm } from "./use-form";

export function ClientForm({
  action,
  client,
  submitLabel = "Save client",
  usualTermsDays,
}: {
  action: (p: ActionState, f: FormData) => Promise<ActionState>;
  client?: Client;
  submitLabel?: string;
  /** the book's payment terms (Settings), what an empty "Payment terms" means */
  usualTermsDays: number;
}) {
  const { state, formAction, onSubmit, pending, formKey, v, errors } = useForm(action);
  return (
    <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2">
      <TextField name="name" label="Name" required defaultValue={v("name", client?.name)} errors={errors} autoFocus={!client} />
      <TextField name="company" label="Company" defaultValue={v("company", client?.company)} errors={errors} />
      <TextField name="email" label="Email" type="email" inputMode="email" defaultValue={v("email", client?.email)} errors={errors} />
      <SelectField
        name="leadSource"
        label="Lead source"
        hint="Where they came from: lets the dashboard show which channels haggle."
        options={LEAD_SOURCES.map((s) => ({ value: s, label: label(s) }))}
        defaultValue={v("leadSource", client?.leadSource ?? "referral")}
        errors={errors}
      />
      <SelectField
        name="status"
        label="Status"
        hint="A prospect becomes active when one of their quotes is accepted. Any other status you choose here stays as you set it."
        options={CLIENT_STATUSES.map((s) => ({ value: s, label: label(s) }))} defaultValue={v("status", client?.status ?? "prospect")} errors={errors} />
      <TextField
        name="paymentTermsDays"
        label="Payment terms (days)"
        inputMode="numeric"
        defaultValue={v("paymentTermsDays", client?.paymentTermsDays)}
        errors={errors}
        hint={`Empty: your usual ${plural(usualTermsDays, "day")}. 0 means on delivery. Applies to work accepted from now on; quotes already accepted keep their terms (change one on its quote page).`}
      />
      <TextArea name="notes" label="Notes" defaultValue={v("notes", client?.notes)} errors={errors} className="sm:col-span-2" />
      <div className="flex items-center gap-3 sm:col-span-2">
        <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
