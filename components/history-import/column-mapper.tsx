"use client";
/**
 * The history import's column mapper: for each field the preset reads, the file's column that fills it
 * (prefilled by the preset, changeable), with what the field means and its error.
 */
import { control } from "@/components/ui/field-shell";
import type { ColumnMapping } from "@/lib/history-import/mapping";
import { FIELD_LABELS, fieldsOf, PRESETS, type ImportField, type ImportSource } from "@/lib/history-import/presets";

const TIME_HELP: Partial<Record<ImportField, string>> = {
  duration: "hh:mm:ss or decimal hours",
  amount: "billable amount of the row",
  currency: "else the one in the amount column's name, or your book's",
};
const JOB_HELP: Partial<Record<ImportField, string>> = {
  amount: "what the job paid",
  currency: "else your book's",
  hours: "the time the job took",
  status: "empty means accepted",
};

export function ColumnMapper({
  id,
  preset,
  header,
  mapping,
  errorFor,
  onChange,
}: {
  id: string;
  preset: (typeof PRESETS)[ImportSource];
  header: readonly string[];
  mapping: ColumnMapping;
  errorFor: (field: string) => string | undefined;
  onChange: (next: ColumnMapping) => void;
}) {
  return (
    <fieldset>
      <legend className="text-sm font-semibold">Columns</legend>
      <p className="text-xs text-stone-600 dark:text-stone-400">Each field reads the column chosen here. Fields marked * are needed on every row.</p>
      <div className="mt-2 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {fieldsOf(preset.kind).map((f) => {
          const required = preset.required.includes(f);
          const err = errorFor(`mapping.${f}`);
          const help = (preset.kind === "time" ? TIME_HELP : JOB_HELP)[f];
          return (
            <div key={f}>
              <label htmlFor={`${id}-map-${f}`} className="block text-sm font-medium">
                {FIELD_LABELS[f]}
                {required ? " *" : ""}
              </label>
              <select
                id={`${id}-map-${f}`}
                value={mapping[f] ?? ""}
                aria-invalid={!!err}
                aria-describedby={err ? `${id}-map-${f}-err` : help ? `${id}-map-${f}-help` : undefined}
                onChange={(e) => onChange({ ...mapping, [f]: e.target.value })}
                className={control}
              >
                <option value="">{required ? "Choose a column…" : "Not in this file"}</option>
                {header.map((h, i) => (
                  <option key={`${h}-${i}`} value={h}>
                    {h || `(column ${i + 1})`}
                  </option>
                ))}
              </select>
              {err ? (
                <p id={`${id}-map-${f}-err`} className="mt-1 text-xs text-red-700 dark:text-red-300">
                  {err}
                </p>
              ) : help ? (
                <p id={`${id}-map-${f}-help`} className="mt-1 text-xs text-stone-600 dark:text-stone-400">
                  {help}
                </p>
              ) : null}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
