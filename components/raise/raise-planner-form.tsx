"use client";
import Link from "next/link";
import { useId, useState } from "react";
import type { ActionState } from "@/lib/action-state";
import type { Unit } from "@/lib/domain";
import { parseMoney, toDecimalString } from "@/lib/money";
import { checkLetter, fillRaiseLetter, raiseNotAbove, rateWords, suggestRate, type RaiseMode } from "@/lib/raise";
import { control, describedBy, FieldShell } from "@/components/ui/field-shell";
import { FormMessage } from "@/components/ui/field";
import { CopyButton } from "@/components/ui/copy-button";
import { SubmitButton } from "@/components/ui/submit-button";
import { useForm } from "@/components/forms/use-form";

export interface PlannerFacts {
  clientId: number;
  clientName: string;
  service: { id: number; name: string; unit: Unit; currency: string };
  /** what they pay now; null: not known */
  currentRate: number | null;
  targetRate: number;
  floorRate: number;
  suggestion: { mode: RaiseMode; pct: number; rate: number };
  defaultEffectiveFrom: string;
  today: string;
  templateBody: string;
  /** the letter comes from the user's own raise template (else the built-in one) */
  templateIsMine: boolean;
  locale: string;
}

/**
 * The planner's form: the new rate (to the target, or by a percentage), its first day, and the notice
 * letter filled in from the template as they change, until the letter is edited by hand; what is in the
 * box is what is stored. A new rate below the floor needs the "I know" box. Said live, before the server
 * refuses it: a new rate not above what they pay now; an edited letter that no longer says the new rate or
 * its day (with "Refill the letter").
 */
export function RaisePlannerForm({ facts, action }: { facts: PlannerFacts; action: (p: ActionState, f: FormData) => Promise<ActionState> }) {
  const { state, onSubmit, formAction, pending, formKey, errors } = useForm(action);
  return <PlannerFields key={formKey} facts={facts} state={state} onSubmit={onSubmit} formAction={formAction} pending={pending} errors={errors} />;
}

function PlannerFields({
  facts,
  state,
  onSubmit,
  formAction,
  pending,
  errors,
}: {
  facts: PlannerFacts;
  state: ActionState;
  onSubmit: ReturnType<typeof useForm>["onSubmit"];
  formAction: ReturnType<typeof useForm>["formAction"];
  pending: boolean;
  errors?: Record<string, string[]>;
}) {
  const { service, locale } = facts;
  const money = (n: number) => toDecimalString(n, service.currency);
  const kept = state.status === "error" ? state.values : undefined;
  const [mode, setMode] = useState<RaiseMode>(facts.suggestion.mode);
  const [pct, setPct] = useState(String(facts.suggestion.pct));
  const [rateText, setRateText] = useState(kept?.newRate ?? money(facts.suggestion.rate));
  const [from, setFrom] = useState(kept?.effectiveFrom ?? facts.defaultEffectiveFrom);
  const [letter, setLetter] = useState<string | null>(kept?.letter ?? null);
  const ids = { rate: useId(), from: useId(), letter: useId(), pct: useId() };

  const parsedRate = parseMoney(rateText, service.currency);
  const letterFacts = {
    client: facts.clientName,
    service: service.name,
    currency: service.currency,
    unit: service.unit,
    currentRate: facts.currentRate,
    newRate: parsedRate ?? facts.suggestion.rate,
    effectiveFrom: /^\d{4}-\d{2}-\d{2}$/.test(from) ? from : facts.defaultEffectiveFrom,
    locale,
  };
  const filled = fillRaiseLetter(facts.templateBody, letterFacts);
  const shownLetter = letter ?? filled;
  const belowFloor = parsedRate != null && parsedRate < facts.floorRate;
  const notAbove = parsedRate != null ? raiseNotAbove({ ...letterFacts, newRate: parsedRate }) : null;
  // an edited letter can stop saying the rate and day (so can a user's template without {new_rate} or {effective_date})
  const letterCheck = parsedRate != null ? checkLetter(shownLetter, letterFacts) : null;
  // a field's error from the last submission holds only while the field still says what was sent
  // (a textarea is sent with CRLF line breaks: the letter sent and the one in the box differ only by them)
  const lf = (text: string | undefined) => text?.replace(/\r\n/g, "\n");
  const fresh = (field: string, now: string) => (kept && lf(kept[field]) === lf(now) ? errors?.[field] : undefined);
  const shown: Record<string, string[]> = {};
  for (const [field, now] of [["newRate", rateText], ["effectiveFrom", from], ["letter", shownLetter]] as const) {
    const e = fresh(field, now);
    // the letter was judged against the rate sent with it: a new rate in the box makes that judgement stale
    if (e && (field !== "letter" || kept?.newRate === rateText)) shown[field] = e;
  }
  // the summary of a refusal holds while one of its field errors still does (or it named no field)
  const staleRefusal = state.status === "error" && state.fields != null && Object.keys(state.fields).some((f) => f !== "_form") && Object.keys(shown).length === 0;

  const suggest = (m: RaiseMode, p: string) => {
    const n = Number(p);
    setRateText(money(suggestRate(facts.currentRate, facts.targetRate, m, Number.isFinite(n) ? n : facts.suggestion.pct)));
  };
  const rateErr = shown.newRate;
  const fromErr = shown.effectiveFrom;
  const letterErr = shown.letter;
  // the server's refusal already says the rate is missing: the live box then adds only the day
  const letterWarnings = letterCheck ? [letterErr ? null : letterCheck.rateProblem, letterCheck.dateProblem].filter((w): w is string => w != null) : [];
  const problem = letterCheck != null && (letterCheck.rateProblem != null || letterCheck.dateProblem != null);
  // refilling helps only a letter edited by hand: the filled-in one is the template already
  const refill = problem && letter != null;

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="grid gap-4" aria-label={`Plan a raise for ${facts.clientName}`}>
      <input type="hidden" name="clientId" value={facts.clientId} />
      <input type="hidden" name="serviceId" value={service.id} />
      <fieldset className="grid gap-2">
        <legend className="text-sm font-medium">Suggest the new rate</legend>
        <div className="flex flex-wrap items-center gap-4 text-sm">
          <label className="flex min-h-10 items-center gap-2">
            <input
              type="radio"
              name="mode"
              value="to_target"
              checked={mode === "to_target"}
              onChange={() => {
                setMode("to_target");
                suggest("to_target", pct);
              }}
              className="size-4 accent-sky-700"
            />
            To target ({rateWords(facts.targetRate, service.currency, service.unit, locale)})
          </label>
          {/* "By", its percentage and "%" wrap together: on a phone "By" never sits alone on a line */}
          <span className="flex items-center gap-2 whitespace-nowrap">
            <label className="flex min-h-10 items-center gap-2">
              <input
                type="radio"
                name="mode"
                value="by_pct"
                checked={mode === "by_pct"}
                onChange={() => {
                  setMode("by_pct");
                  suggest("by_pct", pct);
                }}
                className="size-4 accent-sky-700"
              />
              By
            </label>
            <label htmlFor={ids.pct} className="sr-only">
              Raise by this percentage
            </label>
            <input
              id={ids.pct}
              name="pct"
              inputMode="numeric"
              value={pct}
              onChange={(e) => {
                setPct(e.target.value);
                setMode("by_pct");
                suggest("by_pct", e.target.value);
              }}
              className={control.replace("mt-1 block w-full", "block w-20")}
            />
            <span aria-hidden>%</span>
          </span>
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <FieldShell id={ids.rate} name="newRate" label={`New rate (${service.currency} per ${service.unit})`} errors={shown} hint={parsedRate != null ? `Reads as ${rateWords(parsedRate, service.currency, service.unit, locale)}${notAbove ? `. ${notAbove}` : ""}` : undefined}>
          <input
            id={ids.rate}
            name="newRate"
            inputMode="decimal"
            value={rateText}
            onChange={(e) => setRateText(e.target.value)}
            aria-invalid={rateErr ? true : undefined}
            aria-describedby={describedBy(ids.rate, parsedRate != null, rateErr)}
            className={control}
          />
        </FieldShell>
        <FieldShell id={ids.from} name="effectiveFrom" label="New rate from" errors={shown} hint="The letter gives them notice until this day">
          <input
            id={ids.from}
            name="effectiveFrom"
            type="date"
            min={facts.today}
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            aria-invalid={fromErr ? true : undefined}
            aria-describedby={describedBy(ids.from, true, fromErr)}
            className={control}
          />
        </FieldShell>
      </div>
      {belowFloor ? (
        <label className="flex min-h-10 items-center gap-2 rounded-md border border-orange-300 bg-orange-50 px-3 text-sm text-orange-950 dark:border-orange-800 dark:bg-orange-950/40 dark:text-orange-100">
          <input type="checkbox" name="confirmBelowFloor" className="size-4 accent-sky-700" />I know it is below my floor of {rateWords(facts.floorRate, service.currency, service.unit, locale)}
        </label>
      ) : null}
      <FieldShell
        id={ids.letter}
        name="letter"
        label="The notice letter"
        errors={shown}
        hint={
          letter != null ? (
            "Edited by you: it no longer follows the rate and date."
          ) : facts.templateIsMine ? (
            "Filled in from your raise template; edit it as you like. What is here is what is recorded."
          ) : (
            <>
              Filled in from the built-in letter (add your own in{" "}
              <Link href="/settings#templates" className="underline">
                Settings → Messages
              </Link>
              ); edit it as you like. What is here is what is recorded.
            </>
          )
        }
      >
        <textarea
          id={ids.letter}
          name="letter"
          rows={12}
          value={shownLetter}
          onChange={(e) => setLetter(e.target.value)}
          aria-invalid={letterErr ? true : undefined}
          aria-describedby={describedBy(ids.letter, true, letterErr)}
          className={control}
        />
      </FieldShell>
      {problem && (letterWarnings.length > 0 || refill) ? (
        <div role="status" className="grid gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100" data-testid="letter-warning">
          {letterWarnings.map((w) => (
            <p key={w}>{w}.</p>
          ))}
          {refill ? (
          <div>
            <button
              type="button"
              className="min-h-10 rounded-md border border-amber-400 bg-white px-3 font-medium text-amber-950 dark:border-amber-600 dark:bg-stone-900 dark:text-amber-100"
              onClick={() => {
                // the edited letter is replaced by the template filled in again: say so before it goes
                if (window.confirm("Replace your edited letter with the template filled in for the new rate and day? Your edits to it will be lost.")) setLetter(null);
              }}
            >
              Refill the letter
            </button>
          </div>
          ) : null}
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending} pendingText="Recording…">
          Record the raise
        </SubmitButton>
        <CopyButton text={shownLetter} selectId={ids.letter} label="Copy the letter" announce="The letter is copied" />
        {letter != null && !refill ? (
          <button type="button" className="min-h-10 text-sm underline" onClick={() => setLetter(null)}>
            Start the letter again from the template
          </button>
        ) : null}
      </div>
      {staleRefusal ? null : <FormMessage state={state} />}
    </form>
  );
}
