"use client";
import { useState } from "react";
import { RANGES, RANGE_LABELS, type Range } from "@/lib/dashboard/filters";

const control =
  "mt-1 block min-h-10 w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm text-stone-900 dark:border-stone-600 dark:bg-stone-900 dark:text-stone-100";

/**
 * Period select plus custom dates. Without JS the form still works (a preset wins over dates, as the
 * hint says); with JS, typing a date switches the period to "Custom dates" and picking a preset
 * clears the dates, so what is sent is what the user sees.
 */
export function PeriodFields({ range, from, to, errors }: { range: Range; from: string | null; to: string | null; errors: Record<string, string[]> }) {
  const [state, setState] = useState({ range, from: from ?? "", to: to ?? "" });
  // the first problem only: two at once would read as one run-on sentence
  const err = (k: string) => errors[k]?.[0];
  return (
    <>
      <div>
        <label htmlFor="dash-range" className="block text-sm font-medium">
          Period
        </label>
        <select
          id="dash-range"
          name="range"
          value={state.range}
          onChange={(e) => {
            const next = e.target.value as Range;
            setState(next === "custom" ? { ...state, range: next } : { range: next, from: "", to: "" });
          }}
          aria-invalid={err("range") ? true : undefined}
          aria-describedby={err("range") ? "dash-range-error" : undefined}
          className={control}
        >
          {RANGES.map((r) => (
            <option key={r} value={r}>
              {RANGE_LABELS[r]}
            </option>
          ))}
        </select>
        {err("range") ? (
          <p id="dash-range-error" className="mt-1 text-sm text-red-700 dark:text-red-400">
            {err("range")}
          </p>
        ) : null}
      </div>
      {(["from", "to"] as const).map((k) => (
        <div key={k}>
          <label htmlFor={`dash-${k}`} className="block text-sm font-medium">
            {k === "from" ? "From" : "To"}
          </label>
          <input
            id={`dash-${k}`}
            name={k}
            type="date"
            value={state[k]}
            onChange={(e) => setState({ ...state, [k]: e.target.value, range: "custom" })}
            aria-invalid={err(k) ? true : undefined}
            aria-describedby={[`dash-dates-hint`, err(k) ? `dash-${k}-error` : null].filter(Boolean).join(" ")}
            className={control}
          />
          {err(k) ? (
            <p id={`dash-${k}-error`} className="mt-1 text-sm text-red-700 dark:text-red-400">
              {err(k)}
            </p>
          ) : null}
        </div>
      ))}
    </>
  );
}
