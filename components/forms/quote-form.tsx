"use client";
import { useState } from "react";
import { Gauge } from "lucide-react";
import type { ActionState } from "@/lib/action-state";
import { QUOTE_STATUSES, label, type ExchangeRate, type Quote, type Service } from "@/lib/domain";
import { convertAtTyped, fxField } from "@/lib/fx-preview";
import { toDecimalString } from "@/lib/money";
import { ratePreview, type RatePreview } from "@/lib/rate-preview";
import { hoursText, parseTyped } from "@/lib/typed-input";
import { FormMessage, SelectField, TextArea, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FxRateField } from "@/components/money/fx-rate-field";
import { useForm } from "./use-form";

const TONES: Record<RatePreview["tone"], string> = {
  good: "border-emerald-300 bg-emerald-50 text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950/40 dark:text-emerald-100",
  warn: "border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100",
  bad: "border-orange-300 bg-orange-50 text-orange-950 dark:border-orange-800 dark:bg-orange-950/40 dark:text-orange-100",
  neutral: "border-stone-200 bg-stone-50 text-stone-800 dark:border-stone-700 dark:bg-stone-800/60 dark:text-stone-100",
};

export function QuoteForm({
  action,
  clientId,
  services,
  currency,
  quote,
  submitLabel = "Save quote",
  today,
  locale = "en-US",
  hoursPerDay = 8,
  usualServiceId = null,
  bookCurrency = currency,
  rates = [],
}: {
  action: (p: ActionState, f: FormData) => Promise<ActionState>;
  clientId: number;
  services: Service[];
  currency: string;
  quote?: Quote;
  submitLabel?: string;
  /** the default "sent on" day */
  today: string;
  /** settings.locale: how amounts and hours are typed and shown */
  locale?: string;
  /** settings.hoursPerDay: what "2 days" is, and a day rate's day */
  hoursPerDay?: number;
  /** a new quote starts on the client's usual service (their latest quote's); with none, on the only service, else on none */
  usualServiceId?: number | null;
  /** the book's currency (settings.currency): a quote in another one asks for its exchange rate */
  bookCurrency?: string;
  /** the exchange rates kept in Settings: the rate field starts on the one in force on the quote's date */
  rates?: readonly Pick<ExchangeRate, "currency" | "effectiveFrom" | "rate">[];
}) {
  const { state, formAction, onSubmit, pending, formKey, v, errors } = useForm(action);
  const cur = quote?.currency ?? currency;
  // the preview follows what is typed; the form itself stays uncontrolled (kept as typed on an error)
  const start = {
    serviceId: v("serviceId", quote ? quote.serviceId : (usualServiceId ?? (services.length === 1 ? services[0].id : ""))) ?? "",
    hours: v("estimatedHours", quote ? hoursText(quote.estimatedMinutes) : undefined) ?? "",
    amount: v("quotedAmount", quote ? toDecimalString(quote.quotedAmount, cur) : undefined) ?? "",
    currency: v("currency", cur) ?? cur,
    sentOn: v("sentOn", quote?.sentOn ?? today) ?? "",
    decidedOn: v("decidedOn", quote?.decidedOn) ?? "",
  };
  const [typed, setTyped] = useState(start);
  // the exchange rate as typed; null: untouched, the field shows the rate it starts on
  const [fxTyped, setFxTyped] = useState<string | null>(v("fxRate") ?? null);
  const [typedKey, setTypedKey] = useState(formKey);
  if (typedKey !== formKey) {
    // saved: the form starts afresh, and so does the preview
    setTypedKey(formKey);
    setTyped(start);
    setFxTyped(null);
  }
  const set = (k: keyof typeof start) => (text: string) => setTyped((t) => ({ ...t, [k]: text }));
  // money is read in the currency the server will use: the one typed, else the quote's
  const moneyCurrency = /^[A-Za-z]{3}$/.test(typed.currency.trim()) ? typed.currency.trim().toUpperCase() : cur;
  const amount = parseTyped("money", typed.amount, moneyCurrency, { locale });
  const minutes = parseTyped("duration", typed.hours, moneyCurrency, { locale, hoursPerDay, per: 60 });
  const service = services.find((s) => String(s.id) === typed.serviceId) ?? null;
  // in another currency than the book's: the rate that counts it in the book's money (server/quotes.ts resolveFxRate)
  const fx = fxField({
    currency: moneyCurrency,
    bookCurrency,
    rates,
    day: typed.decidedOn || typed.sentOn || today,
    ownRate: quote?.fxRate,
    ownCurrency: quote?.currency,
  });
  const fxRate = fxTyped ?? fx.startRate;
  // a service priced in the book's currency is compared with the amount re-expressed at the rate
  const converted = fx.asked && amount.ok && service?.currency === bookCurrency ? convertAtTyped(amount.value, fxRate, moneyCurrency, bookCurrency) : null;
  const previewAmount = converted?.ok ? { value: converted.amount, currency: bookCurrency } : amount.ok ? { value: amount.value, currency: moneyCurrency } : null;
  const preview =
    previewAmount && minutes.ok ? ratePreview({ amount: previewAmount.value, minutes: minutes.value, currency: previewAmount.currency, service, hoursPerDay, locale }) : null;
  return (
    <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate className="grid gap-3 sm:grid-cols-2" aria-label={quote ? "Edit quote" : "New quote"}>
      <input type="hidden" name="clientId" value={clientId} />
      <TextField name="title" label="Title" required defaultValue={v("title", quote?.title)} errors={errors} placeholder="e.g. Website rebuild" />
      <SelectField
        name="serviceId"
        label="Service"
        options={[{ value: "", label: "No service (not on the rate card)" }, ...services.map((s) => ({ value: String(s.id), label: `${s.name} (${s.currency}/${s.unit})` }))]}
        value={typed.serviceId}
        onChange={set("serviceId")}
        errors={errors}
      />
      <TextField
        name="estimatedHours"
        label="Estimated time"
        hint={`Hours, or days of ${hoursPerDay} h`}
        typed="duration"
        locale={locale}
        hoursPerDay={hoursPerDay}
        inputMode="text"
        required
        defaultValue={start.hours}
        onValueChange={set("hours")}
        errors={errors}
        placeholder="e.g. 40, 10h30 or 5 days"
      />
      <TextField
        name="quotedAmount"
        label={`Quoted amount (${moneyCurrency})`}
        typed="money"
        currency={moneyCurrency}
        locale={locale}
        inputMode="text"
        required
        defaultValue={start.amount}
        onValueChange={set("amount")}
        errors={errors}
        placeholder="e.g. 4,400"
      />
      <div
        role="status"
        aria-live="polite"
        aria-atomic="true"
        data-testid="rate-preview"
        className={`flex min-h-12 items-center gap-2 rounded-md border px-3 py-2 text-sm sm:col-span-2 ${preview ? TONES[preview.tone] : TONES.neutral}`}
      >
        <Gauge aria-hidden className="size-4 shrink-0" />
        {preview ? (
          <p>
            Effective rate <strong className="tabular-nums">{preview.rateText}</strong> — {preview.verdict}
            {preview.tone === "bad" ? ". Below this, you walk away." : "."}
          </p>
        ) : (
          <p className="text-stone-600 dark:text-stone-300">Type the hours and the amount to see the effective rate.</p>
        )}
      </div>
      <TextField name="currency" label="Currency" defaultValue={start.currency} onValueChange={set("currency")} errors={errors} hint={fx.asked ? undefined : `Your book is in ${bookCurrency}`} />
      {fx.asked ? (
        <FxRateField
          currency={moneyCurrency}
          bookCurrency={bookCurrency}
          start={fx}
          value={fxRate}
          onValueChange={setFxTyped}
          typed={fxTyped != null}
          amount={amount.ok ? amount.value : null}
          locale={locale}
          // an error about another currency's rate is stale once the currency changes
          errors={state.status === "error" && (state.values?.currency ?? "").trim().toUpperCase() === moneyCurrency ? errors : undefined}
          className="sm:col-span-2"
        />
      ) : null}
      <SelectField
        name="status"
        label="Status"
        options={QUOTE_STATUSES.map((s) => ({ value: s, label: label(s) }))}
        defaultValue={v("status", quote?.status ?? "sent")}
        errors={errors}
      />
      <TextField name="sentOn" label="Sent on" type="date" defaultValue={start.sentOn} onValueChange={set("sentOn")} errors={errors} />
      <TextArea name="scope" label="Scope" defaultValue={v("scope", quote?.scope)} errors={errors} className="sm:col-span-2" />
      {quote ? (
        <>
          <input type="hidden" name="agreedAmount" value={quote.agreedAmount != null ? toDecimalString(quote.agreedAmount, cur) : ""} />
          {/* shown once decided: a rule about it (never before "sent on") must have a field to point at */}
          {quote.decidedOn ? (
            <TextField name="decidedOn" label="Decided on" type="date" defaultValue={start.decidedOn} onValueChange={set("decidedOn")} errors={errors} />
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
