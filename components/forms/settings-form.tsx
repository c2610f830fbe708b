"use client";
import { useId, useState } from "react";
import type { ActionState } from "@/lib/action-state";
import type { Settings } from "@/lib/domain";
import { plural } from "@/lib/text";
import { toDecimalString } from "@/lib/money";
import { Checkbox, controlClass, FormMessage, SelectField, TextField } from "@/components/ui/field";
import { Card } from "@/components/ui/card";
import { SubmitButton } from "@/components/ui/submit-button";
import { useCurrencyOptions, useTimeZones } from "@/components/settings/browser-lists";
import { useForm } from "./use-form";

export interface CurrencyOption {
  value: string;
  label: string;
}

/** "24 quotes and 4 services" */
function describeUse(u: { quotes: number; services: number }): string {
  return [u.quotes ? plural(u.quotes, "quote") : null, u.services ? plural(u.services, "service") : null].filter(Boolean).join(" and ");
}

/**
 * The currency select. When it moves away from the book's currency while the book holds quotes or
 * services in it, the form asks what happens to them: convert at a rate typed here, or keep them.
 */
function CurrencyField({ settings, currencies, inBook, v, errors }: { settings: Settings; currencies: CurrencyOption[]; inBook: { quotes: number; services: number }; v: (name: string, value?: string | null) => string | undefined; errors?: Record<string, string[]> }) {
  const [currency, setCurrency] = useState(v("currency", settings.currency) ?? settings.currency);
  const [change, setChange] = useState(v("currencyChange") ?? "");
  const rateId = useId();
  const options = currencies.some((c) => c.value === settings.currency) ? currencies : [{ value: settings.currency, label: settings.currency }, ...currencies];
  const asking = currency !== settings.currency && inBook.quotes + inBook.services > 0;
  const old = settings.currency;
  const rateError = errors?.rate?.[0];
  const choiceError = errors?.currencyChange?.[0];
  return (
    <>
      <SelectField name="currency" label="Currency" options={options} value={currency} onChange={setCurrency} errors={errors} hint="What you charge in: rates, quotes and the dashboard’s totals" />
      {asking ? (
        <fieldset className="col-span-full rounded-md border border-amber-300 bg-amber-50 p-3 dark:border-amber-700 dark:bg-stone-950" aria-describedby={choiceError ? `${rateId}-choice-error` : undefined}>
          <legend className="px-1 text-sm font-semibold">
            Your book has {describeUse(inBook)} in {old}. What should happen to them?
          </legend>
          <div className="mt-2 space-y-3 text-sm">
            <label className="flex items-start gap-2">
              <input type="radio" name="currencyChange" value="convert" checked={change === "convert"} onChange={() => setChange("convert")} className="mt-1 size-4 accent-sky-700" />
              <span>
                <span className="font-medium">Convert them to {currency}</span> at a rate you enter. Every rate, quote, negotiation step and payment in {old} is re-expressed, each rounded once to the nearest
                minor unit. A backup is taken first.
              </span>
            </label>
            {change === "convert" ? (
              <div className="ml-6">
                <label htmlFor={rateId} className="block font-medium">
                  1 {old} = how many {currency}?
                </label>
                <div className="mt-1 flex items-center gap-2">
                  <span aria-hidden>1 {old} =</span>
                  <input
                    id={rateId}
                    name="rate"
                    inputMode="decimal"
                    autoComplete="off"
                    defaultValue={v("rate")}
                    placeholder="e.g. 0.79"
                    aria-invalid={rateError ? true : undefined}
                    aria-describedby={`${rateId}-hint${rateError ? ` ${rateId}-error` : ""}`}
                    className={`${controlClass} mt-0 max-w-40 aria-[invalid=true]:border-red-600`}
                  />
                  <span aria-hidden>{currency}</span>
                </div>
                <p id={`${rateId}-hint`} className="mt-1 text-xs text-stone-600 dark:text-stone-400">
                  The rate you want to use, as a plain decimal: it is applied exactly, never as a rounded float.
                </p>
                {rateError ? (
                  <p id={`${rateId}-error`} role="alert" className="mt-1 text-sm text-red-700 dark:text-red-400">
                    {rateError}
                  </p>
                ) : null}
              </div>
            ) : null}
            <label className="flex items-start gap-2">
              <input type="radio" name="currencyChange" value="keep" checked={change === "keep"} onChange={() => setChange("keep")} className="mt-1 size-4 accent-sky-700" />
              <span>
                <span className="font-medium">Keep them in {old}.</span> They stay as they are; the dashboard adds up {currency} only and says how many quotes it left out. You can convert them later here.
              </span>
            </label>
            {choiceError ? (
              <p id={`${rateId}-choice-error`} role="alert" className="text-sm text-red-700 dark:text-red-400">
                {choiceError}
              </p>
            ) : null}
          </div>
        </fieldset>
      ) : null}
    </>
  );
}

export function SettingsForm({
  action,
  settings,
  timeZones,
  currencies,
  inBook,
}: {
  action: (p: ActionState, f: FormData) => Promise<ActionState>;
  settings: Settings;
  /** the choices; left out, the browser's own (components/settings/browser-lists.ts: the page does not carry them) */
  timeZones?: string[];
  currencies?: CurrencyOption[];
  /** what the book holds in its own currency (a change of currency asks about these) */
  inBook: { quotes: number; services: number };
}) {
  const { state, formAction, onSubmit, pending, formKey, v, errors } = useForm(action);
  const browserZones = useTimeZones();
  const browserCurrencies = useCurrencyOptions(settings.locale);
  type NumberSetting = { [K in keyof Settings]: Settings[K] extends number ? K : never }[keyof Settings];
  const num = (name: NumberSetting, labelText: string, hint?: string) => (
    <TextField name={name} label={labelText} inputMode="numeric" defaultValue={v(name, settings[name])} errors={errors} hint={hint} />
  );
  return (
    <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate className="space-y-6">
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">Money and time</legend>
        <CurrencyField settings={settings} currencies={currencies ?? browserCurrencies} inBook={inBook} v={v} errors={errors} />
        <TextField name="locale" label="Locale" defaultValue={v("locale", settings.locale)} errors={errors} hint="How numbers and money are shown, e.g. en-US, de-DE" />
        {num("hoursPerDay", "Hours in a working day", "Converts day rates to hours")}
        {num("weeklyCapacityHours", "Weekly capacity (hours)", "How much paid work you can take on each week")}
        <SelectField
          name="timeZone"
          label="Time zone"
          hint="“Today” for every date the app fills in"
          options={timeZoneOptions(timeZones ?? browserZones, settings.timeZone)}
          defaultValue={v("timeZone", settings.timeZone)}
          errors={errors}
        />
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
        {num("rushMultiplierPct", "Rush multiplier (%)", "150 = rush work costs 1.5×")}
        {num("halfLifeMonths", "Evidence half-life (months)", "Older evidence counts less: half as much after this many months (0: never)")}
        {num("redFlagsForWalkAway", "Red flags for “walk away”", "Criteria in the walk-away band that make the verdict “walk away” (0: never on their own)")}
        {num("creepThresholdPct", "Scope creep after (%)", "A job has crept when its time logged passes the estimate by more than this share (0: any overrun)")}
        <div className="sm:col-span-2">
          <Checkbox
            name="capVerdictOnRedFlag"
            label="A criterion in the walk-away band keeps a client from “keep”"
            defaultChecked={state.status === "error" && state.values ? state.values.capVerdictOnRedFlag === "on" : settings.capVerdictOnRedFlag}
          />
        </div>
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">Today</legend>
        {num("followUpAfterDays", "Follow up after (days)", "A quote sent this many days ago with no reply is due its one follow-up")}
        {num("chaseThreshold", "Stop chasing after", "Unanswered follow-ups in a row")}
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">Proposals</legend>
        <TextField name="businessName" label="Your name or business name" defaultValue={v("businessName", settings.businessName)} errors={errors} hint="Shown on proposals you send" />
        <TextField
          name="minimumFee"
          label="Minimum engagement fee"
          typed="money"
          currency={settings.currency}
          inputMode="decimal"
          defaultValue={v("minimumFee", toDecimalString(settings.minimumFee, settings.currency))}
          errors={errors}
          hint={`In ${settings.currency}. Options priced below it are lifted to it; 0 for none`}
        />
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">Payments</legend>
        {num("paymentTermsDays", "Payment terms (days)", "Days after the work is marked done (or, until then, after the quote is accepted) that payment is due; 0: on delivery. A client can have their own.")}
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-2 text-base font-semibold">Raises</legend>
        {num("raiseAfterMonths", "Raise after (months)", "A client whose rate has not gone up for this long is due a raise")}
        {num("raiseNoticeMonths", "Notice (months)", "The new rate starts this many months after you tell them (0: the day you tell them)")}
        {num("raiseByPct", "Raise by (%)", "The raise suggested when a client already pays your target")}
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending}>Save settings</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}

/** The zones the server knows (passed down: the browser's list may differ), the current one always; "" = not chosen yet (UTC). */
function timeZoneOptions(known: string[], current: string): { value: string; label: string }[] {
  const zones = current && !known.includes(current) ? [current, ...known] : known;
  return [{ value: "", label: "Not chosen yet (UTC)" }, ...zones.map((z) => ({ value: z, label: z.replace(/_/g, " ") }))];
}

/**
 * "Amounts in other currencies": one form per currency the book holds besides its own, converting
 * that currency's amounts into the book's at a rate typed here.
 */
export function ReexpressForm({ action, from, to, use }: { action: (p: ActionState, f: FormData) => Promise<ActionState>; from: string; to: string; use: { quotes: number; services: number } }) {
  const { state, formAction, onSubmit, pending, formKey, v, errors } = useForm(action);
  const rateId = useId();
  const rateError = errors?.rate?.[0] ?? errors?.to?.[0] ?? errors?.from?.[0];
  return (
    <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate className="rounded-md border border-stone-200 p-3 dark:border-stone-700">
      <p className="text-sm">
        <span className="font-medium">
          {describeUse(use)} in {from}
        </span>{" "}
        {use.quotes > 0 ? "with no exchange rate " : ""}— not added to your {to} totals.
      </p>
      <input type="hidden" name="from" value={from} />
      <input type="hidden" name="to" value={to} />
      <div className="mt-2 flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor={rateId} className="block text-sm font-medium">
            1 {from} = how many {to}?
          </label>
          <input
            id={rateId}
            name="rate"
            inputMode="decimal"
            autoComplete="off"
            placeholder="e.g. 0.79"
            defaultValue={v("rate")}
            aria-invalid={rateError ? true : undefined}
            aria-describedby={rateError ? `${rateId}-error` : undefined}
            className={`${controlClass} max-w-40 aria-[invalid=true]:border-red-600`}
          />
        </div>
        <SubmitButton pending={pending} pendingText="Converting…">
          Convert to {to}
        </SubmitButton>
      </div>
      {rateError ? (
        <p id={`${rateId}-error`} role="alert" className="mt-1 text-sm text-red-700 dark:text-red-400">
          {rateError}
        </p>
      ) : null}
      <div className="mt-2">
        <FormMessage state={state} />
      </div>
    </form>
  );
}

/**
 * Settings' "Amounts in other currencies" card: a form per other currency. The card outlives its last
 * form, so the message saying what was converted stays on screen after the page no longer lists it.
 */
export function OtherCurrencies({ action, book, others }: { action: (p: ActionState, f: FormData) => Promise<ActionState>; book: string; others: { currency: string; quotes: number; services: number }[] }) {
  const [done, setDone] = useState<string | null>(null);
  const track = async (prev: ActionState, fd: FormData) => {
    const state = await action(prev, fd);
    if (state.status === "ok" && state.message) setDone(state.message);
    return state;
  };
  if (!others.length && !done) return null;
  return (
    <Card title="Amounts in other currencies" id="other-currencies">
      {others.length ? (
        <>
          <p className="mb-3 text-sm text-stone-600 dark:text-stone-400">
            The dashboard adds up {book} only. Convert these at a rate you enter to count them; a backup is taken first, and each amount is rounded once to the nearest minor unit.
          </p>
          <div className="space-y-3">
            {others.map((o) => (
              <ReexpressForm key={o.currency} action={track} from={o.currency} to={book} use={o} />
            ))}
          </div>
        </>
      ) : (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          {done} Everything in your book is in {book} now.
        </p>
      )}
    </Card>
  );
}

/**
 * Settings' "Demo data" card with its "Remove demo data" button: a confirm dialog, a pending state, and
 * what was removed and kept said afterwards (the card stays for that message once the demo is gone).
 */
export function DemoDataCard({ action, present }: { action: () => Promise<ActionState>; present: boolean }) {
  const [pending, setPending] = useState(false);
  const [state, setState] = useState<ActionState>({ status: "idle" });
  if (!present && state.status !== "ok") return null;
  const run = async () => {
    if (!window.confirm("Remove the demo’s clients, quotes, services and templates? Anything you added stays, and so do demo clients and quotes you added to.")) return;
    setPending(true);
    try {
      setState(await action());
    } catch {
      setState({ status: "error", message: "That did not work. Reload the page and try again." });
    } finally {
      setPending(false);
    }
  };
  return (
    <Card title="Demo data" id="demo-data">
      {present ? (
        <p className="mb-3 text-sm text-stone-600 dark:text-stone-400">
          Your book holds the demo’s made-up clients, quotes and services. Remove exactly those: anything you added stays, and so do demo clients and quotes you added to (they become yours).
        </p>
      ) : null}
      <div className="flex flex-col items-start gap-2">
        {present ? (
          <SubmitButton type="button" variant="danger" pending={pending} pendingText="Removing demo data…" onClick={() => void run()}>
            Remove demo data
          </SubmitButton>
        ) : null}
        <FormMessage state={state} />
      </div>
    </Card>
  );
}
