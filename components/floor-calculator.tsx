"use client";
import { startTransition, useActionState, useMemo, useState } from "react";
import { idle, type FormAction } from "@/lib/action-state";
import type { Service } from "@/lib/domain";
import { floorRate } from "@/lib/floor-rate";
import { formatMoney, parseMoney, toDecimalString } from "@/lib/money";
import { FormMessage } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

const input = "mt-1 block min-h-10 w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm dark:border-stone-600 dark:bg-stone-900";

/** The rate below which work loses money, from a year's goals; live as you type, applied in one click. */
export function FloorCalculator({ services, currency, locale, hoursPerDay, applyFloor }: { services: Service[]; currency: string; locale: string; hoursPerDay: number; applyFloor: FormAction }) {
  const [goal, setGoal] = useState("60000");
  const [expenses, setExpenses] = useState("8000");
  const [tax, setTax] = useState("25");
  const [hours, setHours] = useState("25");
  const [weeks, setWeeks] = useState("44");
  const [serviceId, setServiceId] = useState(services[0] ? String(services[0].id) : "");
  const [state, action, applying] = useActionState(applyFloor, idle);
  const service = services.find((s) => String(s.id) === serviceId);
  const unit = service?.unit ?? "hour";
  const cur = service?.currency ?? currency;

  const result = useMemo(() => {
    const g = parseMoney(goal, cur);
    const e = parseMoney(expenses || "0", cur);
    const t = Number(tax.replace(",", "."));
    const h = Number(hours.replace(",", "."));
    const w = Number(weeks);
    if (g == null || e == null || !Number.isFinite(t) || !Number.isFinite(h) || !Number.isInteger(w)) return { error: "Fill in every field with a number." };
    try {
      return { ok: floorRate({ yearlyIncomeGoal: g, yearlyExpenses: e, taxRateBp: Math.round(t * 100), billableHoursPerWeek: h, workingWeeks: w, unit, hoursPerDay, currency: cur, locale }) };
    } catch (err) {
      return { error: err instanceof Error ? err.message : "Check the numbers." };
    }
  }, [goal, expenses, tax, hours, weeks, unit, hoursPerDay, cur, locale]);

  const fields: [string, string, (v: string) => void, string][] = [
    ["Take-home income goal per year", goal, setGoal, cur],
    ["Business expenses per year", expenses, setExpenses, cur],
    ["Tax rate", tax, setTax, "%"],
    ["Billable hours per week", hours, setHours, "h"],
    ["Working weeks per year", weeks, setWeeks, "weeks"],
  ];
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <div className="grid gap-3 sm:grid-cols-2">
        {fields.map(([labelText, value, set, suffix], i) => (
          <div key={labelText}>
            <label htmlFor={`floor-calc-${i}`} className="block text-sm font-medium">
              {labelText} <span className="text-xs text-stone-500 dark:text-stone-400">({suffix})</span>
            </label>
            <input id={`floor-calc-${i}`} inputMode="decimal" value={value} onChange={(e) => set(e.target.value)} className={input} />
          </div>
        ))}
      </div>
      <div className="rounded-md bg-stone-50 p-4 dark:bg-stone-800/50" aria-live="polite">
        {"ok" in result && result.ok ? (
          <>
            <p className="text-sm text-stone-600 dark:text-stone-400">Your floor rate{service ? ` for ${service.name}` : ""}</p>
            <p className="text-3xl font-bold tabular-nums" data-testid="floor-result">
              {formatMoney(result.ok.rate, cur, locale)}/{unit === "day" ? "day" : "h"}
            </p>
            <p className="mt-2 text-xs text-stone-600 dark:text-stone-400">{result.ok.formula}</p>
            {services.length ? (
              <form
                action={action}
                // by hand, so React does not reset the service picker after applying
                onSubmit={(e) => {
                  e.preventDefault();
                  const data = new FormData(e.currentTarget);
                  startTransition(() => action(data));
                }}
                className="mt-4 flex flex-wrap items-end gap-2"
              >
                <div>
                  <label htmlFor="floor-apply-service" className="block text-sm font-medium">
                    Apply as the floor of
                  </label>
                  <select id="floor-apply-service" name="serviceId" value={serviceId} onChange={(e) => setServiceId(e.target.value)} className={input}>
                    {services.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.name} (per {s.unit})
                      </option>
                    ))}
                  </select>
                </div>
                <input type="hidden" name="floorRate" value={toDecimalString(result.ok.rate, cur)} />
                <SubmitButton variant="secondary" pending={applying} pendingText="Applying…">Apply floor</SubmitButton>
                <div className="w-full">
                  <FormMessage state={state} />
                </div>
              </form>
            ) : (
              <p className="mt-3 text-sm">
                Add a service under{" "}
                <a href="#services" className="text-sky-800 underline underline-offset-2 dark:text-sky-300">
                  Services
                </a>{" "}
                above to apply this floor to it.
              </p>
            )}
          </>
        ) : (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {"error" in result ? result.error : null}
          </p>
        )}
      </div>
    </div>
  );
}
