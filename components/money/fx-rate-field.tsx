"use client";
/**
 * The quote form's "Exchange rate" field: "1 EUR = [1.08] USD", shown when the quote is in another
 * currency than the book's. It starts on the rate kept in Settings in force on the quote's date (or the
 * quote's own), follows a change of currency until something is typed (the form holds the value), and previews the amount in the
 * book's currency, exactly (lib/fx-preview.ts). The server's error on `fxRate` shows here, and what was
 * typed is kept.
 */
import { useId } from "react";
import { ArrowRightLeft } from "lucide-react";
import { formatMoney } from "@/lib/money";
import { convertAtTyped, type FxField } from "@/lib/fx-preview";
import { control } from "@/components/ui/field-shell";

export function FxRateField({
  currency,
  bookCurrency,
  start,
  value,
  onValueChange,
  typed,
  amount,
  locale,
  errors,
  className = "",
}: {
  /** the quote's currency, as typed */
  currency: string;
  bookCurrency: string;
  start: FxField;
  /** what the field holds: what was typed (kept after a refused save), else the start */
  value: string;
  onValueChange: (text: string) => void;
  /** something was typed (the start no longer speaks for the value) */
  typed: boolean;
  /** the amount typed, minor units of `currency`; null while it cannot be read */
  amount: number | null;
  locale: string;
  errors?: Record<string, string[]>;
  className?: string;
}) {
  const id = useId();
  const err = errors?.fxRate?.[0];
  const converted = amount != null ? convertAtTyped(amount, value, currency, bookCurrency) : null;
  const hint =
    start.source === "kept" && !typed
      ? `The rate you keep in Settings for ${currency} on this quote’s date. Type another if the client agreed one.`
      : start.source === "none" && !typed
        ? `No rate kept for ${currency} on this date: type what 1 ${currency} is in ${bookCurrency} (or keep one in Settings → Exchange rates).`
        : `What 1 ${currency} is in ${bookCurrency}, as a plain decimal (1.08 or 1,08).`;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800 dark:text-stone-200">
        Exchange rate
      </label>
      <div className="mt-1 flex items-center gap-2 text-sm">
        <span aria-hidden className="whitespace-nowrap">
          1 {currency} =
        </span>
        <input
          id={id}
          name="fxRate"
          inputMode="decimal"
          autoComplete="off"
          value={value}
          onChange={(e) => onValueChange(e.target.value)}
          placeholder="e.g. 1.08"
          aria-invalid={err ? true : undefined}
          aria-describedby={`${id}-preview ${id}-hint${err ? ` ${id}-error` : ""}`}
          className={`${control} mt-0 max-w-36`}
        />
        <span aria-hidden>{bookCurrency}</span>
      </div>
      <p id={`${id}-preview`} aria-live="polite" className="mt-1 flex items-center gap-1.5 text-sm text-stone-800 dark:text-stone-200" data-testid="fx-preview">
        <ArrowRightLeft aria-hidden className="size-3.5 shrink-0" />
        {converted == null
          ? "Type the amount to see it in your currency."
          : converted.ok
            ? `≈ ${formatMoney(converted.amount, bookCurrency, locale)} in your currency`
            : (converted.message ?? `Enter the rate to see the amount in ${bookCurrency}.`)}
      </p>
      <p id={`${id}-hint`} className="mt-1 text-xs text-stone-600 dark:text-stone-400">
        {hint}
      </p>
      {err ? (
        <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-red-700 dark:text-red-400">
          {err}
        </p>
      ) : null}
    </div>
  );
}
