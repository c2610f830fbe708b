"use client";
import { useState } from "react";
import type { ActionState } from "@/lib/action-state";
import { QUOTE_STATUSES, REJECTION_REASONS, label, type Quote } from "@/lib/domain";
import { toDecimalString } from "@/lib/money";
import { Checkbox, FormMessage, SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useForm } from "./use-form";

/** Mark how a quote ended: accepted at what price, or rejected / declined and why. */
export function OutcomeForm({ action, quote, currentPrice, today }: { action: (p: ActionState, f: FormData) => Promise<ActionState>; quote: Quote; currentPrice: number; today: string }) {
  const { state, formAction, onSubmit, pending, formKey, v, errors } = useForm(action);
  const [status, setStatus] = useState(v("status", quote.status) ?? quote.status);
  return (
    <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate className="grid gap-3" aria-label="Quote outcome">
      <SelectField name="status" label="Status" value={status} onChange={setStatus} options={QUOTE_STATUSES.map((st) => ({ value: st, label: label(st) }))} errors={errors} />
      {status !== "draft" && status !== "sent" && status !== "negotiating" ? (
        <TextField name="decidedOn" label="Decided on" type="date" defaultValue={v("decidedOn", quote.decidedOn ?? today)} errors={errors} />
      ) : null}
      {status === "accepted" ? (
        <TextField
          name="agreedAmount"
          label={`Agreed amount (${quote.currency})`}
          inputMode="decimal"
          defaultValue={v("agreedAmount", toDecimalString(quote.agreedAmount ?? currentPrice, quote.currency))}
          errors={errors}
        />
      ) : null}
      {status === "rejected" || status === "declined_by_me" ? (
        <>
          <SelectField
            name="rejectionReason"
            label="Why? (every rejection is information)"
            options={[{ value: "", label: "Not recorded" }, ...REJECTION_REASONS.map((r) => ({ value: r, label: label(r) }))]}
            defaultValue={v("rejectionReason", quote.rejectionReason ?? "")}
            errors={errors}
          />
          {status === "declined_by_me" ? <Checkbox name="cameBackAtMyPrice" label="They came back and accepted my price" defaultChecked={quote.cameBackAtMyPrice} /> : null}
        </>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending}>Save outcome</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
