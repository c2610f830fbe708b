"use client";
import { useId, useState, useSyncExternalStore } from "react";
import { BookOpen, FilePlus2 } from "lucide-react";
import type { FormAction } from "@/lib/action-state";
import { currencyForLocale } from "@/lib/currency-conversion";
import { controlClass, FormMessage, SelectField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useForm } from "@/components/forms/use-form";

export interface FirstRunDefaults {
  currency: string;
  timeZone: string;
  locale: string;
}

/** The browser's own answers: its locale, the currency of that locale's region, its time zone. */
function browserGuess(fallback: FirstRunDefaults, timeZones: string[]): FirstRunDefaults {
  const locale = navigator.languages?.[0] ?? navigator.language ?? fallback.locale;
  let supported = fallback.locale;
  try {
    supported = Intl.NumberFormat.supportedLocalesOf([locale])[0] ?? fallback.locale;
  } catch {
    // an odd browser locale: keep the default
  }
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return {
    locale: supported,
    currency: currencyForLocale(supported, fallback.currency),
    timeZone: zone && timeZones.includes(zone) ? zone : fallback.timeZone,
  };
}

const noSubscription = () => () => {};
let guessed: FirstRunDefaults | null = null;
/** Computed once per page load, so the store's snapshot is stable. */
function cachedGuess(defaults: FirstRunDefaults, timeZones: string[]): FirstRunDefaults {
  guessed ??= browserGuess(defaults, timeZones);
  return guessed;
}

/**
 * The first-run step: the book's currency, time zone and locale (guessed from the browser, all
 * changeable), then an empty book or the demo book. One form, two submit buttons (`start`).
 */
export function FirstRunForm({ action, currencies, timeZones, defaults }: { action: FormAction; currencies: { value: string; label: string }[]; timeZones: string[]; defaults: FirstRunDefaults }) {
  const { state, onSubmit, formAction, pending, v, errors } = useForm(action);
  // what the user picked (or typed before an error came back) wins over the browser's guess, which wins over the defaults
  const [chosen, setChosen] = useState<Partial<FirstRunDefaults>>({});
  // the server cannot know the browser: its render (and hydration) uses the defaults, the browser then its own answers
  const guess = useSyncExternalStore(noSubscription, () => cachedGuess(defaults, timeZones), () => null);
  const pick = (k: keyof FirstRunDefaults) => chosen[k] ?? v(k) ?? guess?.[k] ?? defaults[k];
  const values: FirstRunDefaults = { currency: pick("currency"), timeZone: pick("timeZone"), locale: pick("locale") };
  const [choice, setChoice] = useState<"empty" | "demo" | null>(null);
  const localeId = useId();

  const set = (k: keyof FirstRunDefaults) => (value: string) => setChosen((old) => ({ ...old, [k]: value }));
  const zones = values.timeZone && !timeZones.includes(values.timeZone) ? [values.timeZone, ...timeZones] : timeZones;
  const localeError = errors?.locale?.[0];

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-6">
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-base font-semibold">Your money and time</legend>
        <p className="col-span-full -mt-1 text-sm text-stone-600 dark:text-stone-400">Guessed from your browser. Every rate and quote is kept in this currency; you can change all three later in Settings.</p>
        <SelectField name="currency" label="Currency" options={currencies} value={values.currency} onChange={set("currency")} errors={errors} hint="What you charge in" />
        <SelectField
          name="timeZone"
          label="Time zone"
          options={zones.map((z) => ({ value: z, label: z.replace(/_/g, " ") }))}
          value={values.timeZone}
          onChange={set("timeZone")}
          errors={errors}
          hint="Decides what “today” is"
        />
        <div>
          <label htmlFor={localeId} className="block text-sm font-medium text-stone-800 dark:text-stone-200">
            Locale
          </label>
          <input
            id={localeId}
            name="locale"
            value={values.locale}
            onChange={(e) => set("locale")(e.target.value)}
            autoComplete="off"
            aria-invalid={localeError ? true : undefined}
            aria-describedby={`${localeId}-hint${localeError ? ` ${localeId}-error` : ""}`}
            className={`${controlClass} aria-[invalid=true]:border-red-600`}
          />
          <p id={`${localeId}-hint`} className="mt-1 text-xs text-stone-600 dark:text-stone-400">
            How numbers and dates are written, e.g. en-GB or de-DE
          </p>
          {localeError ? (
            <p id={`${localeId}-error`} role="alert" className="mt-1 text-sm text-red-700 dark:text-red-400">
              {localeError}
            </p>
          ) : null}
        </div>
      </fieldset>

      <fieldset className="grid gap-4 md:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">How do you want to start?</legend>
        <div className="flex flex-col gap-3 rounded-lg border border-stone-200 p-4 dark:border-stone-700">
          <h2 className="flex items-center gap-2 font-medium">
            <FilePlus2 aria-hidden className="size-5 text-sky-700 dark:text-sky-400" />
            An empty book
          </h2>
          <p className="flex-1 text-sm text-stone-600 dark:text-stone-400">Add your services with their market, target and walk-away rates, then your clients and their quotes.</p>
          <SubmitButton name="start" value="empty" variant="secondary" onClick={() => setChoice("empty")} pending={pending && choice === "empty"} disabled={pending} pendingText="Starting…">
            Start with an empty book
          </SubmitButton>
        </div>
        <div className="flex flex-col gap-3 rounded-lg border border-stone-200 p-4 dark:border-stone-700">
          <h2 className="flex items-center gap-2 font-medium">
            <BookOpen aria-hidden className="size-5 text-sky-700 dark:text-sky-400" />
            Look around first
          </h2>
          <p className="flex-1 text-sm text-stone-600 dark:text-stone-400">
            A dozen made-up clients, some good and some draining, with a year of quotes and negotiations in your currency. Remove them in one go from Settings when you are done; anything you add stays.
          </p>
          <SubmitButton name="start" value="demo" onClick={() => setChoice("demo")} pending={pending && choice === "demo"} disabled={pending} pendingText="Loading demo data…">
            Load demo data
          </SubmitButton>
        </div>
      </fieldset>
      {errors?.start ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {errors.start[0]}
        </p>
      ) : null}
      <FormMessage state={state} />
    </form>
  );
}
