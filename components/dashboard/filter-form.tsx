import Link from "next/link";
import { LEAD_SOURCES, label, type Service } from "@/lib/domain";
import type { DashboardFilters } from "@/lib/dashboard/filters";
import { PeriodFields } from "./period-fields";
import { PhoneCollapsible } from "./phone-collapsible";

const control =
  "mt-1 block min-h-10 w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm text-stone-900 dark:border-stone-600 dark:bg-stone-900 dark:text-stone-100";

/** A plain GET form: the filters live in the URL, so a filtered view can be bookmarked or shared. */
export function FilterForm({ filters, services, errors }: { filters: DashboardFilters; services: Service[]; errors: Record<string, string[]> }) {
  // the first problem only: two at once would read as one run-on sentence
  const err = (k: string) => errors[k]?.[0];
  return (
    <form method="get" action="/dashboard" aria-label="Dashboard filters" className="mb-6 rounded-lg border border-stone-200 bg-white p-4 shadow-sm dark:border-stone-800 dark:bg-stone-900">
      <PhoneCollapsible label="Change the period or filters" defaultOpen={Object.keys(errors).length > 0}>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[repeat(5,minmax(0,1fr))_auto] lg:items-start">
          <PeriodFields range={filters.range} from={filters.from} to={filters.to} errors={errors} />
          <div>
            <label htmlFor="dash-service" className="block text-sm font-medium">
              Service
            </label>
            <select
              id="dash-service"
              name="serviceId"
              defaultValue={filters.serviceId != null ? String(filters.serviceId) : ""}
              aria-invalid={err("serviceId") ? true : undefined}
              aria-describedby={err("serviceId") ? "dash-service-error" : undefined}
              className={control}
            >
              <option value="">All services</option>
              {services.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
            {err("serviceId") ? (
              <p id="dash-service-error" className="mt-1 text-sm text-red-700 dark:text-red-400">
                {err("serviceId")}
              </p>
            ) : null}
          </div>
          <div>
            <label htmlFor="dash-lead" className="block text-sm font-medium">
              Lead source
            </label>
            <select
              id="dash-lead"
              name="leadSource"
              defaultValue={filters.leadSource ?? ""}
              aria-invalid={err("leadSource") ? true : undefined}
              aria-describedby={err("leadSource") ? "dash-lead-error" : undefined}
              className={control}
            >
              <option value="">All lead sources</option>
              {LEAD_SOURCES.map((l) => (
                <option key={l} value={l}>
                  {label(l)}
                </option>
              ))}
            </select>
            {err("leadSource") ? (
              <p id="dash-lead-error" className="mt-1 text-sm text-red-700 dark:text-red-400">
                {err("leadSource")}
              </p>
            ) : null}
          </div>
          <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-1 lg:mt-6">
            <button type="submit" className="inline-flex min-h-10 items-center rounded-md bg-sky-700 px-4 text-sm font-medium text-white hover:bg-sky-800">
              Apply
            </button>
            <Link href="/dashboard" className="inline-flex min-h-10 items-center rounded-md px-3 text-sm text-sky-800 underline-offset-2 hover:underline dark:text-sky-300">
              Reset
            </Link>
          </div>
        </div>
        <p id="dash-dates-hint" className="mt-2 text-xs text-stone-600 dark:text-stone-400">
          From and To apply when the period is &ldquo;Custom dates&rdquo;. Quotes count by the day they were decided (or sent, while open); asks and follow-ups by the day they happened.
        </p>
      </PhoneCollapsible>
    </form>
  );
}
