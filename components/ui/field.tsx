import { useId, type ChangeEvent, type ReactNode } from "react";

/** The look of a form control written by hand (where a form keeps its value in state). */
export const controlClass = "mt-1 block min-h-10 w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm dark:border-stone-600 dark:bg-stone-900";

const control =
  "mt-1 block w-full min-h-10 rounded-md border border-stone-300 bg-white px-3 py-2 text-sm text-stone-900 shadow-sm placeholder:text-stone-400 focus:border-sky-600 aria-[invalid=true]:border-red-600 dark:border-stone-600 dark:bg-stone-900 dark:text-stone-100";

interface FieldProps {
  name: string;
  label: string;
  errors?: Record<string, string[]>;
  hint?: ReactNode;
  className?: string;
}

function describedBy(id: string, hint: unknown, err: unknown) {
  const ids = [hint ? `${id}-hint` : null, err ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function FieldShell({ id, name, label, errors, hint, className = "", children }: FieldProps & { id: string; children: ReactNode }) {
  const err = errors?.[name];
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800 dark:text-stone-200">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-stone-600 dark:text-stone-400">
          {hint}
        </p>
      ) : null}
      {err ? (
        <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-red-700 dark:text-red-400">
          {/* the first problem is the one to fix first; two rules failing at once would read as one run-on sentence */}
          {err[0]}
        </p>
      ) : null}
    </div>
  );
}

export function TextField({
  type = "text",
  defaultValue,
  required,
  placeholder,
  inputMode,
  step,
  min,
  max,
  autoFocus,
  ...field
}: FieldProps & {
  type?: string;
  defaultValue?: string | number | null;
  required?: boolean;
  placeholder?: string;
  inputMode?: "decimal" | "numeric" | "text" | "email";
  step?: string;
  min?: string;
  max?: string;
  autoFocus?: boolean;
}) {
  const err = field.errors?.[field.name];
  const id = useId();
  return (
    <FieldShell {...field} id={id}>
      <input
        id={id}
        name={field.name}
        type={type}
        defaultValue={defaultValue ?? undefined}
        required={required}
        placeholder={placeholder}
        inputMode={inputMode}
        step={step}
        min={min}
        max={max}
        autoFocus={autoFocus}
        aria-invalid={err ? true : undefined}
        aria-describedby={describedBy(id, field.hint, err)}
        className={control}
      />
    </FieldShell>
  );
}

export function TextArea({ defaultValue, rows = 3, ...field }: FieldProps & { defaultValue?: string | null; rows?: number }) {
  const err = field.errors?.[field.name];
  const id = useId();
  return (
    <FieldShell {...field} id={id}>
      <textarea
        id={id}
        name={field.name}
        rows={rows}
        defaultValue={defaultValue ?? undefined}
        aria-invalid={err ? true : undefined}
        aria-describedby={describedBy(id, field.hint, err)}
        className={control}
      />
    </FieldShell>
  );
}

/** A labelled select; uncontrolled with defaultValue, or controlled with value + onChange when a form reacts to it. */
export function SelectField({
  options,
  defaultValue,
  value,
  onChange,
  required,
  ...field
}: FieldProps & {
  options: { value: string; label: string }[];
  defaultValue?: string | number | null;
  value?: string;
  onChange?: (value: string) => void;
  required?: boolean;
}) {
  const err = field.errors?.[field.name];
  const id = useId();
  return (
    <FieldShell {...field} id={id}>
      <select
        id={id}
        name={field.name}
        {...(value !== undefined ? { value, onChange: (e: ChangeEvent<HTMLSelectElement>) => onChange?.(e.target.value) } : { defaultValue: defaultValue == null ? undefined : String(defaultValue) })}
        required={required}
        aria-invalid={err ? true : undefined}
        aria-describedby={describedBy(id, field.hint, err)}
        className={control}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function Checkbox({ name, label, defaultChecked }: { name: string; label: string; defaultChecked?: boolean }) {
  return (
    <label className="flex min-h-10 items-center gap-2 text-sm">
      <input type="checkbox" name={name} defaultChecked={defaultChecked} className="size-4 accent-sky-700" />
      {label}
    </label>
  );
}

export function FormMessage({ state }: { state: { status: string; message?: string; fields?: Record<string, string[]> } }) {
  if (state.status === "idle" || !state.message) return null;
  const formErrors = state.fields?._form;
  return (
    <p role={state.status === "error" ? "alert" : "status"} className={`text-sm ${state.status === "error" ? "text-red-700 dark:text-red-400" : "text-emerald-700 dark:text-emerald-400"}`}>
      {state.message}
      {formErrors ? ` ${formErrors.join(" ")}` : ""}
    </p>
  );
}
