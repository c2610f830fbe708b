"use client";
import { useCurrencyOptions } from "./browser-lists";
/**
 * Settings → Exchange rates: the rates the user keeps (1 EUR = 1.08 USD from a day on), and a form to
 * add one. A quote in another currency takes the rate in force on its date unless one is typed on it.
 * Changing a rate from a date is adding a row with that later date; the same currency and day replaces it.
 */
import { useState } from "react";
import type { ActionState, FormAction } from "@/lib/action-state";
import type { ExchangeRate } from "@/lib/domain";
import { formatDay } from "@/lib/format-date";
import { Badge, Card } from "@/components/ui/card";
import { FormMessage, SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { ConfirmButton } from "@/components/confirm-button";
import { useForm } from "@/components/forms/use-form";

export interface ExchangeRateActions {
  add: FormAction;
  remove: (id: number) => Promise<ActionState>;
}

export function ExchangeRatesSection({
  rates,
  bookCurrency,
  currencies,
  today,
  locale,
  actions,
}: {
  rates: ExchangeRate[];
  bookCurrency: string;
  /** ISO currencies with their names, the book's own left out; left out, the browser's own (./browser-lists.ts) */
  currencies?: { value: string; label: string }[];
  /** the book's today: the default "effective from" */
  today: string;
  locale: string;
  actions: ExchangeRateActions;
}) {
  return (
    <Card title="Exchange rates" id="exchange-rates">
      <p className="mb-3 text-sm text-stone-600 dark:text-stone-400">
        For clients who pay in another currency. A quote in that currency takes the rate in force on its date (you can type another on the quote), so its money counts in {bookCurrency} on your
        scores and dashboard. To change a rate from a date, add the new rate with that date: quotes before it keep the old one.
      </p>
      {rates.length === 0 ? (
        <p className="mb-4 text-sm text-stone-700 dark:text-stone-300">No rates kept yet.</p>
      ) : (
        <ul className="mb-4 divide-y divide-stone-200 border-y border-stone-200 text-sm dark:divide-stone-800 dark:border-stone-800" aria-label="Exchange rates you keep">
          {rates.map((r) => {
            const current = latestOnOrBefore(rates, r.currency, today) === r.effectiveFrom;
            return (
              <li key={r.id} data-testid="exchange-rate-row" className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 py-2">
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <span className="font-medium tabular-nums">
                    1 {r.currency} = {r.rate} {r.bookCurrency}
                  </span>
                  <span className="text-stone-700 dark:text-stone-300">from {formatDay(r.effectiveFrom, locale)}</span>
                  {current ? <Badge tone="good">In force today</Badge> : r.effectiveFrom > today ? <Badge tone="info">From a later day</Badge> : null}
                </div>
                <ConfirmButton
                  action={actions.remove.bind(null, r.id)}
                  label="Delete"
                  confirm={`Delete the rate 1 ${r.currency} = ${r.rate} ${r.bookCurrency} from ${r.effectiveFrom}? Quotes that took it keep their own copy.`}
                  variant="secondary"
                />
              </li>
            );
          })}
        </ul>
      )}
      <AddRateForm action={actions.add} bookCurrency={bookCurrency} currencies={currencies} locale={locale} today={today} />
    </Card>
  );
}

/** The effective-from day of the row in force on `day` for `currency` (null: none), as lib/exchange-rates.ts rateInForce picks it. */
function latestOnOrBefore(rates: ExchangeRate[], currency: string, day: string): string | null {
  let best: string | null = null;
  for (const r of rates) if (r.currency === currency && r.effectiveFrom <= day && (best == null || r.effectiveFrom > best)) best = r.effectiveFrom;
  return best;
}

const COMMON = ["EUR", "USD", "GBP"];

function AddRateForm({ action, bookCurrency, currencies: given, locale, today }: { action: FormAction; bookCurrency: string; currencies?: { value: string; label: string }[]; locale: string; today: string }) {
  const { state, formAction, onSubmit, pending, formKey, v, errors } = useForm(action);
  const browsers = useCurrencyOptions(locale, bookCurrency);
  // on the server (and while hydrating) the browser's list is not there yet: the common currency it starts on
  const currencies = given ?? (browsers.length ? browsers : COMMON.filter((c) => c !== bookCurrency).slice(0, 1).map((c) => ({ value: c, label: c })));
  // a common currency to start on (never the book's own: it is not in the list)
  const first = COMMON.find((c) => currencies.some((o) => o.value === c)) ?? currencies[0]?.value ?? "";
  // the list may arrive after the first render (the browser's own): until a currency is chosen, the first common one
  const [chosen, setCurrency] = useState(v("currency") ?? "");
  const currency = chosen || first;
  return (
    <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate aria-label="Add an exchange rate" className="border-t border-stone-200 pt-4 dark:border-stone-800">
      <h3 className="mb-2 text-sm font-semibold">Add a rate</h3>
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField name="currency" label="Paid in" hint="What your client pays in" options={currencies} value={currency} onChange={setCurrency} errors={errors} />
        <TextField
          name="rate"
          label={`1 ${currency || "…"} = how many ${bookCurrency}?`}
          inputMode="decimal"
          placeholder="e.g. 1.08"
          defaultValue={v("rate")}
          hint="A plain decimal: 1.08 or 1,08"
          errors={errors}
        />
        <TextField name="effectiveFrom" label="Effective from" type="date" defaultValue={v("effectiveFrom", today)} errors={errors} hint="Quotes dated this day or later take it" />
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending} pendingText="Keeping the rate…">
          Keep this rate
        </SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
