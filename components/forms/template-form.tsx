"use client";
import type { ActionState } from "@/lib/action-state";
import { TEMPLATE_KINDS, label } from "@/lib/domain";
import { Checkbox, FormMessage, SelectField, TextArea, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useForm } from "./use-form";

export function TemplateForm({
  action,
  template,
  submitLabel = "Save template",
}: {
  action: (p: ActionState, f: FormData) => Promise<ActionState>;
  template?: { kind: string; name: string; body: string; isDefault: boolean };
  submitLabel?: string;
}) {
  const { state, formAction, onSubmit, pending, formKey, v, errors } = useForm(action);
  return (
    <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate className="grid gap-3 sm:grid-cols-2" aria-label={template ? `Edit template ${template.name}` : "New template"}>
      <SelectField name="kind" label="Kind" options={TEMPLATE_KINDS.map((k) => ({ value: k, label: label(k) }))} defaultValue={v("kind", template?.kind ?? "decline")} errors={errors} />
      <TextField name="name" label="Name" defaultValue={v("name", template?.name)} errors={errors} />
      <TextArea
        name="body"
        label="Message"
        rows={4}
        defaultValue={v("body", template?.body)}
        errors={errors}
        className="sm:col-span-2"
        hint="Placeholders: {client}, {service}, {rate}, {price}, {budget}, {scope}, {budgetScope}, {floor}"
      />
      <Checkbox name="isDefault" label="Use by default" defaultChecked={template?.isDefault} />
      <div className="flex items-center gap-3 sm:col-span-2">
        <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
