"use client";
import type { ActionState } from "@/lib/action-state";
import type { Settings } from "@/lib/domain";
import { Checkbox, FormMessage, SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useForm } from "./use-form";

export function SettingsForm({ action, settings, timeZones }: { action: (p: ActionState, f: FormData) => Promise<ActionState>; settings: Settings; timeZones: string[] }) {
  const { state, formAction, onSubmit, pending, formKey, v, errors } = useForm(action);
  type NumberSetting = { [K in keyof Settings]: Settings[K] extends number ? K : never }[keyof Settings];
  const num = (name: NumberSetting, labelText: string, hint?: string) => (
    <TextField name={name} label={labelText} inputMode="numeric" defaultValue={v(name, settings[name])} errors={errors} hint={hint} />
  );
  return (
    <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate className="space-y-6">
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">Money and time</legend>
        <TextField name="currency" label="Currency" defaultValue={v("currency", settings.currency)} errors={errors} hint="Three letters, e.g. USD, EUR, GBP" />
        <TextField name="locale" label="Locale" defaultValue={v("locale", settings.locale)} errors={errors} hint="How numbers and money are shown, e.g. en-US, de-DE" />
        {num("hoursPerDay", "Hours in a working day", "Converts day rates to hours")}
        {num("weeklyCapacityHours", "Weekly capacity (hours)", "How much paid work you can take on each week")}
        <SelectField
          name="timeZone"
          label="Time zone"
          hint="“Today” for every date the app fills in"
          options={timeZoneOptions(timeZones, settings.timeZone)}
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
        {num("chaseThreshold", "Stop chasing after", "Unanswered follow-ups in a row")}
        {num("rushMultiplierPct", "Rush multiplier (%)", "150 = rush work costs 1.5×")}
        {num("halfLifeMonths", "Evidence half-life (months)", "Older evidence counts less: half as much after this many months (0: never)")}
        {num("redFlagsForWalkAway", "Red flags for “walk away”", "Criteria in the walk-away band that make the verdict “walk away” (0: never on their own)")}
        <div className="sm:col-span-2">
          <Checkbox
            name="capVerdictOnRedFlag"
            label="A criterion in the walk-away band keeps a client from “keep”"
            defaultChecked={state.status === "error" && state.values ? state.values.capVerdictOnRedFlag === "on" : settings.capVerdictOnRedFlag}
          />
        </div>
      </fieldset>
      <div className="flex items-center gap-3">
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
