"use client";
import { useState } from "react";
import type { ActionState } from "@/lib/action-state";
import { ANSWERS, label } from "@/lib/domain";
import { FormMessage, SelectField, TextField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { ScoreChangeNote } from "@/components/score-change-note";
import { useForm } from "./use-form";

type Action = (p: ActionState, f: FormData) => Promise<ActionState>;
export interface QuoteOption {
  id: number;
  title: string;
}

/**
 * A log form opened to correct an entry already on the timeline: pre-filled with what is stored
 * (`values`, as typed), saved over it, with a way back.
 */
export interface EditMode {
  /** what is being edited, for the form's name: "They asked for 20% off" */
  what: string;
  values: Record<string, string>;
  onCancel: () => void;
}

function QuotePicker({ quotes, quoteId, errors, v }: { quotes?: QuoteOption[]; quoteId?: number; errors?: Record<string, string[]>; v: (n: string, i?: string | number | null) => string | undefined }) {
  if (quoteId != null) return <input type="hidden" name="quoteId" value={quoteId} />;
  return <SelectField name="quoteId" label="Quote" options={(quotes ?? []).map((q) => ({ value: String(q.id), label: q.title }))} defaultValue={v("quoteId", quotes?.[0]?.id)} errors={errors} />;
}

/** Submit, the answer (saved, or what is wrong) and, once logged, how the client's score moved. */
export function LogFooter({ state, pending, edit, children }: { state: ActionState; pending: boolean; edit?: EditMode; children: string }) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <SubmitButton pending={pending} pendingText={edit ? "Saving…" : "Logging…"}>
        {edit ? "Save changes" : children}
      </SubmitButton>
      {edit ? (
        <Button type="button" variant="secondary" onClick={edit.onCancel}>
          Cancel
        </Button>
      ) : null}
      <FormMessage state={state} />
      {state.status === "ok" ? <ScoreChangeNote change={state.scoreChange} at={state.okAt} /> : null}
    </div>
  );
}

/** "They asked for X% off" in one step. */
export function DiscountRequestForm({ action, quoteId, quotes, currency, today, edit }: { action: Action; quoteId?: number; quotes?: QuoteOption[]; currency: string; today: string; edit?: EditMode }) {
  const { state, formAction, onSubmit, pending, formKey, v, errors } = useForm(action);
  const initial = edit?.values ?? {};
  const [mode, setMode] = useState<"percent" | "amountOff" | "counter">((initial.mode as "percent" | "amountOff" | "counter" | undefined) ?? "percent");
  return (
    <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate className="grid gap-3" aria-label={edit ? `Edit: ${edit.what}` : "Log a discount request"}>
      <input type="hidden" name="kind" value={mode === "counter" ? "client_counter" : "discount_request"} />
      <QuotePicker quotes={quotes} quoteId={quoteId} errors={errors} v={v} />
      <fieldset className="flex flex-wrap gap-3 text-sm">
        <legend className="mb-1 text-sm font-medium">They asked for</legend>
        {(
          [
            ["percent", "a % off"],
            ["amountOff", "an amount off"],
            ["counter", "a lower price"],
          ] as const
        ).map(([m, text]) => (
          <label key={m} className="flex min-h-10 items-center gap-1">
            <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} className="accent-sky-700" /> {text}
          </label>
        ))}
      </fieldset>
      {mode === "percent" ? (
        <TextField name="percent" label="Percent off" typed="percent" inputMode="decimal" defaultValue={v("percent", initial.percent)} errors={errors} placeholder="e.g. 20" />
      ) : mode === "amountOff" ? (
        <TextField name="amountOff" label={`Amount off (${currency})`} typed="money" currency={currency} inputMode="decimal" defaultValue={v("amountOff", initial.amountOff)} errors={errors} />
      ) : (
        <TextField name="amount" label={`Their price (${currency})`} typed="money" currency={currency} inputMode="decimal" defaultValue={v("amount", initial.amount)} errors={errors} />
      )}
      <TextField name="note" label="Note (optional)" defaultValue={v("note", initial.note)} errors={errors} placeholder="What they said" />
      <TextField name="occurredOn" label="When" type="date" defaultValue={v("occurredOn", initial.occurredOn ?? today)} errors={errors} />
      <LogFooter state={state} pending={pending} edit={edit}>
        Log request
      </LogFooter>
    </form>
  );
}

/** My answer: held firm, conceded, met halfway, cut scope — or my own counter-offer. */
export function MyAnswerForm({ action, quoteId, quotes, currency, today, edit }: { action: Action; quoteId?: number; quotes?: QuoteOption[]; currency: string; today: string; edit?: EditMode }) {
  const { state, formAction, onSubmit, pending, formKey, v, errors } = useForm(action);
  const initial = edit?.values ?? {};
  const [answer, setAnswer] = useState<string>(v("answer", initial.answer) ?? "held_firm");
  const isCounter = answer === "my_counter";
  return (
    <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate className="grid gap-3" aria-label={edit ? `Edit: ${edit.what}` : "Log my answer"}>
      <input type="hidden" name="kind" value={isCounter ? "my_counter" : "my_answer"} />
      <QuotePicker quotes={quotes} quoteId={quoteId} errors={errors} v={v} />
      {/* "my_counter" is sent as kind; the schema for a counter ignores the answer field */}
      <SelectField
        name="answer"
        label="My answer"
        value={answer}
        onChange={setAnswer}
        options={[...ANSWERS.map((a) => ({ value: a, label: label(a) })), { value: "my_counter", label: "Made my own counter-offer" }]}
        errors={errors}
      />
      {answer === "held_firm" ? null : (
        <TextField
          name="amount"
          label={isCounter ? `My price (${currency})` : `New price (${currency}, optional)`}
          hint={isCounter ? undefined : answer === "cut_scope" ? "Blank: the price they asked for" : "Blank: conceded = their price, halfway = the midpoint"}
          typed="money"
          currency={currency}
          inputMode="decimal"
          defaultValue={v("amount", initial.amount)}
          errors={errors}
        />
      )}
      {answer === "cut_scope" ? <TextField name="scopeHours" label="Reduced scope (hours)" typed="duration" inputMode="decimal" defaultValue={v("scopeHours", initial.scopeHours)} errors={errors} /> : null}
      <TextField name="note" label="Note (optional)" defaultValue={v("note", initial.note)} errors={errors} />
      <TextField name="occurredOn" label="When" type="date" defaultValue={v("occurredOn", initial.occurredOn ?? today)} errors={errors} />
      <LogFooter state={state} pending={pending} edit={edit}>
        Log answer
      </LogFooter>
    </form>
  );
}
