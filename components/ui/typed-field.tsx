"use client";
import { useId, useState } from "react";
import { formatMoney } from "@/lib/money";
import { formatBasisPoints, formatDuration, parseTyped } from "@/lib/typed-input";
import { control, describedBy, FieldShell, type FieldProps } from "./field-shell";
import { useTypedInputSettings } from "./typed-input-settings";

export type TypedKind = "money" | "percent" | "duration";

export interface TypedFieldOptions {
  /** money, percent or a time; read as the server reads it (lib/form-input.ts parseTyped) */
  typed: TypedKind;
  /** the currency money is in (money fields) */
  currency?: string;
  /** settings.locale: how the person writes numbers */
  locale?: string;
  /** settings.hoursPerDay: what "2 days" means */
  hoursPerDay?: number;
  /** what a bare number means in a time field: hours ("10" = 10 h, the default) or minutes */
  bareUnit?: "hour" | "minute";
}

/** What a typed value was read as, in words: "= $1,200.00", "= 20%", "= 10 h 30 min". */
export function readBack(text: string, { typed, currency = "USD", locale = "en-US", hoursPerDay = 8, bareUnit = "hour" }: TypedFieldOptions): { ok: boolean; text: string } | null {
  if (text.trim() === "") return null;
  const parsed = parseTyped(typed, text, currency, { locale, hoursPerDay, per: bareUnit === "hour" ? 60 : 1 });
  if (!parsed.ok) return { ok: false, text: parsed.error };
  if (typed === "money") return { ok: true, text: `= ${formatMoney(parsed.value, currency, locale)}` };
  if (typed === "percent") return { ok: true, text: `= ${formatBasisPoints(parsed.value, locale)}` };
  const days = /\d\s*d(ays?)?\b/i.test(text) ? ` (days of ${hoursPerDay} h)` : "";
  return { ok: true, text: `= ${formatDuration(parsed.value, locale)}${days}` };
}

/**
 * A text field for money, a percent or a time that says, as the person types, what it reads: "= $1,200.00"
 * under the field, or why it cannot read it, from the first change on. The line keeps its height (no jump)
 * and is announced politely.
 * A server error is shown until the person changes the value it was about.
 */
export function TypedTextField({
  typed,
  currency,
  locale,
  hoursPerDay,
  bareUnit,
  defaultValue,
  required,
  placeholder,
  inputMode,
  autoFocus,
  onValueChange,
  ...field
}: FieldProps &
  TypedFieldOptions & {
    defaultValue?: string | number | null;
    required?: boolean;
    placeholder?: string;
    inputMode?: "decimal" | "numeric" | "text" | "email";
    autoFocus?: boolean;
    onValueChange?: (text: string) => void;
  }) {
  const id = useId();
  // a prop wins; else the page's settings (TypedInputSettingsProvider)
  const fromPage = useTypedInputSettings();
  locale ??= fromPage.locale;
  hoursPerDay ??= fromPage.hoursPerDay;
  const [text, setText] = useState(defaultValue == null ? "" : String(defaultValue));
  // "edited" = changed since the server last answered: a new answer's error is shown again
  const [edited, setEdited] = useState(false);
  // a stored value shown as it was saved needs no reading; once typed in, the field says what it reads
  const [touched, setTouched] = useState(false);
  const [answered, setAnswered] = useState(field.errors);
  if (answered !== field.errors) {
    setAnswered(field.errors);
    setEdited(false);
  }
  const serverError = edited ? undefined : field.errors?.[field.name];
  const read = readBack(text, { typed, currency, locale, hoursPerDay, bareUnit });
  // before any change, a server error says it all; after one, the live reading does
  const live = serverError || !touched ? null : read;
  const invalid = !!serverError || live?.ok === false;
  return (
    <FieldShell {...field} errors={undefined} id={id}>
      <input
        id={id}
        name={field.name}
        type="text"
        defaultValue={defaultValue ?? undefined}
        required={required}
        placeholder={placeholder}
        inputMode={inputMode}
        autoFocus={autoFocus}
        autoComplete="off"
        onChange={(e) => {
          setText(e.target.value);
          setEdited(true);
          setTouched(true);
          onValueChange?.(e.target.value);
        }}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={describedBy(id, field.hint, serverError, serverError ? null : `${id}-read`)}
        className={control}
      />
      {/* one line under the field, always there (no jump): the server's error, else the live reading */}
      {serverError ? (
        <p id={`${id}-error`} role="alert" className="mt-1 min-h-5 text-sm text-red-700 dark:text-red-400">
          {serverError[0]}
        </p>
      ) : (
        <p id={`${id}-read`} aria-live="polite" data-testid={`${field.name}-read`} className={`mt-1 min-h-5 text-sm tabular-nums ${live?.ok === false ? "text-red-700 dark:text-red-400" : "text-stone-700 dark:text-stone-300"}`}>
          {live?.text ?? ""}
        </p>
      )}
    </FieldShell>
  );
}
