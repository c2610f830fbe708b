import { useId, type ChangeEvent } from "react";
import { control, describedBy, FieldShell, type FieldProps } from "./field-shell";
import { TypedTextField, type TypedKind } from "./typed-field";

/** The look of a form control written by hand (where a form keeps its value in state). */
export const controlClass = "mt-1 block min-h-10 w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm dark:border-stone-600 dark:bg-stone-900";

/**
 * A labelled text input. With `typed` ("money", "percent", "duration") it reads what is typed the way the
 * server will ("$1,200", "20 %", "1h30") and shows the reading under the field as the person types.
 */
export function TextField(props: TextFieldProps) {
  if (props.typed) {
    const { type: _type, step: _step, min: _min, max: _max, typed, ...rest } = props;
    return <TypedTextField {...rest} typed={typed} />;
  }
  return <PlainTextField {...props} />;
}

type TextFieldProps = FieldProps & {
  type?: string;
  defaultValue?: string | number | null;
  required?: boolean;
  placeholder?: string;
  inputMode?: "decimal" | "numeric" | "text" | "email";
  step?: string;
  min?: string;
  max?: string;
  autoFocus?: boolean;
  /** read money, a percent or a time as typed, and show what was read (see TypedTextField) */
  typed?: TypedKind;
  currency?: string;
  locale?: string;
  hoursPerDay?: number;
  bareUnit?: "hour" | "minute";
  /** called with the text on every change (a form that previews something from it) */
  onValueChange?: (text: string) => void;
};

function PlainTextField({
  type = "text",
  defaultValue,
  required,
  placeholder,
  inputMode,
  step,
  min,
  max,
  autoFocus,
  onValueChange,
  typed: _typed,
  currency: _currency,
  locale: _locale,
  hoursPerDay: _hoursPerDay,
  bareUnit: _bareUnit,
  ...field
}: TextFieldProps) {
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
        onChange={onValueChange ? (e) => onValueChange(e.target.value) : undefined}
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
