import type { ReactNode } from "react";

/** The parts every labelled field shares: the control's look, the label, hint and error under it. */
export const control =
  "mt-1 block w-full min-h-10 rounded-md border border-stone-300 bg-white px-3 py-2 text-sm text-stone-900 shadow-sm placeholder:text-stone-400 focus:border-sky-600 aria-[invalid=true]:border-red-600 dark:border-stone-600 dark:bg-stone-900 dark:text-stone-100";

export interface FieldProps {
  name: string;
  label: string;
  errors?: Record<string, string[]>;
  hint?: ReactNode;
  className?: string;
}

export function describedBy(id: string, hint: unknown, err: unknown, ...more: (string | null | undefined)[]) {
  const ids = [...more, hint ? `${id}-hint` : null, err ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export function FieldShell({ id, name, label, errors, hint, className = "", children }: FieldProps & { id: string; children: ReactNode }) {
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
