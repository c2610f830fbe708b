"use client";
import { useIsLatestChange } from "@/components/latest-change";
import { startTransition, useActionState, useId, useState } from "react";
import { Loader2 } from "lucide-react";
import { idle, type ActionState } from "@/lib/action-state";
import { QUOTE_STATUSES, REJECTION_REASONS, label, type Quote, type QuoteStatus } from "@/lib/domain";
import { scoreChangeLine } from "@/lib/score-change";
import { toDecimalString } from "@/lib/money";
import { Checkbox, FormMessage, SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useForm } from "./use-form";

/** Mark how a quote ended: accepted at what price, or rejected / declined and why. */
/** `namedMyPrice`: false for a quote opened from their offer where I never countered — "came back to my price" means nothing there. */
export function OutcomeForm({ action, quote, currentPrice, today, namedMyPrice = true }: { action: (p: ActionState, f: FormData) => Promise<ActionState>; quote: Quote; currentPrice: number; today: string; namedMyPrice?: boolean }) {
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
          typed="money"
          currency={quote.currency}
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
          {status === "declined_by_me" && namedMyPrice ? <Checkbox name="cameBackAtMyPrice" label="They came back and accepted my price" defaultChecked={quote.cameBackAtMyPrice} /> : null}
        </>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending}>Save outcome</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}

/**
 * A quote's status, changed right on its row of the client page: choosing one saves it (no extra click).
 * Accepted agrees at the price on the table, and a decision is dated today (or the day it was sent, if
 * later): the same outcome use case as the quote page's form, which is where a price, a date or a reason is set.
 */
export function QuoteStatusSelect({ action, quoteId, status, title }: { action: (p: ActionState, f: FormData) => Promise<ActionState>; quoteId: number; status: QuoteStatus; title: string }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, idle);
  const id = useId();
  // another form logging after this one makes its score sentence out of date
  const latestChange = useIsLatestChange(state.okAt);
  // a new status from the server (after a save, or from another tab) is what the select shows; the select
  // is not remounted for it, so focus stays where it was
  const [value, setValue] = useState<string>(status);
  const [shown, setShown] = useState(status);
  if (shown !== status) {
    setShown(status);
    setValue(status);
  }
  const error = state.status === "error" ? (state.fields?.status?.[0] ?? state.message) : null;
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        startTransition(() => formAction(data));
      }}
      className="flex flex-wrap items-center gap-x-2 gap-y-1"
      aria-label={`Status of ${title}`}
    >
      <label htmlFor={id} className="sr-only">
        Status of {title}
      </label>
      <select
        id={id}
        name="status"
        value={value}
        data-testid={`quote-status-${quoteId}`}
        onChange={(e) => {
          setValue(e.currentTarget.value);
          e.currentTarget.form?.requestSubmit();
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        aria-busy={pending || undefined}
        className="min-h-10 rounded-md border border-stone-300 bg-white py-1 pl-2 pr-7 text-sm text-stone-900 aria-[invalid=true]:border-red-600 dark:border-stone-600 dark:bg-stone-900 dark:text-stone-100"
      >
        {QUOTE_STATUSES.map((st) => (
          <option key={st} value={st}>
            {label(st)}
          </option>
        ))}
      </select>
      {pending ? (
        <span role="status" className="inline-flex items-center gap-1 text-xs text-stone-600 dark:text-stone-400">
          <Loader2 aria-hidden className="size-3 animate-spin" /> Saving…
        </span>
      ) : state.status === "ok" && state.scoreChange && latestChange ? (
        <span role="status" className="text-xs text-stone-600 dark:text-stone-400">
          {scoreChangeLine(state.scoreChange)}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-error`} role="alert" className="basis-full text-xs text-red-700 dark:text-red-400">
          {error}
        </span>
      ) : null}
      <noscript>
        <button type="submit" className="min-h-10 rounded-md border border-stone-300 px-2 text-sm">
          Set
        </button>
      </noscript>
    </form>
  );
}
