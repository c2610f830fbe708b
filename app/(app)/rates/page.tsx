import type { Metadata } from "next";
import { applyFloorRateAction, changeServiceRatesAction, createServiceAction, deleteServiceAction, updateServiceAction } from "@/app/actions/services";
import { todayFor } from "@/server/clock";
import { requestDb } from "@/server/database";
import { loadRateCard } from "@/server/services";
import { getSettings } from "@/server/settings";
import { formatMoney } from "@/lib/money";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ServiceForm } from "@/components/forms/service-form";
import { FloorCalculator } from "@/components/floor-calculator";
import { ConfirmButton } from "@/components/confirm-button";
import { RateChangeForm } from "@/components/rate-card/rate-change-form";
import { RateHistory } from "@/components/rate-card/rate-history";
import { TypedInputSettingsProvider } from "@/components/ui/typed-input-settings";

export const metadata: Metadata = { title: "Rate card" };

export default async function RatesPage() {
  const db = await requestDb();
  const settings = getSettings(db);
  const today = todayFor(db);
  const card = loadRateCard(db);
  const services = card.map((c) => c.service);
  const m = (n: number, c: string, unit: string) => `${formatMoney(n, c, settings.locale)}/${unit === "day" ? "day" : "h"}`;
  return (
    <TypedInputSettingsProvider locale={settings.locale} hoursPerDay={settings.hoursPerDay}>
      <PageHeader title="Rate card">Market, target and floor (walk-away) rates for each service you sell.</PageHeader>
      <div className="space-y-6">
        <Card title="Services" id="services">
          {services.length === 0 ? (
            <EmptyState title="No services yet">Add what you sell with your rates: every quote is then compared with your floor, target and market.</EmptyState>
          ) : (
            <ul className="divide-y divide-stone-100 dark:divide-stone-800">
              {card.map(({ service: s, rates }) => (
                <li key={s.id} className="py-3">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <div>
                      <p className="font-medium">{s.name}</p>
                      <p className="text-sm tabular-nums text-stone-600 dark:text-stone-400">
                        Floor {m(s.floorRate, s.currency, s.unit)} · Target {m(s.targetRate, s.currency, s.unit)} · Market {m(s.marketRate, s.currency, s.unit)}
                      </p>
                    </div>
                  </div>
                  <div className="mt-2 max-w-xl">
                    <RateHistory service={s} rates={rates} today={today} locale={settings.locale} />
                  </div>
                  <details className="mt-2">
                    <summary className="inline-flex min-h-10 cursor-pointer items-center text-sm text-sky-800 dark:text-sky-300">Change {s.name} rates from a date</summary>
                    <div className="mt-2">
                      <p className="mb-3 text-xs text-stone-600 dark:text-stone-400">
                        Quotes sent before that day keep the rates they were judged by: raising your rates never turns last year&apos;s work into settling.
                      </p>
                      <RateChangeForm action={changeServiceRatesAction.bind(null, s.id)} service={s} today={today} />
                    </div>
                  </details>
                  <details className="mt-2">
                    <summary className="inline-flex min-h-10 cursor-pointer items-center text-sm text-sky-800 dark:text-sky-300">Edit {s.name}</summary>
                    <div className="mt-2">
                      <p className="mb-3 text-xs text-stone-600 dark:text-stone-400">Changed rates here correct the rates in force today; to raise them from a date, use the rate history.</p>
                      <ServiceForm action={updateServiceAction.bind(null, s.id)} service={s} currency={settings.currency} locale={settings.locale} />
                      <div className="mt-3">
                        <ConfirmButton action={deleteServiceAction.bind(null, s.id)} label={`Delete ${s.name}`} confirm={`Delete ${s.name}? Quotes keep their prices but lose the comparison.`} variant="secondary" />
                      </div>
                    </div>
                  </details>
                </li>
              ))}
            </ul>
          )}
          <div className="mt-4 border-t border-stone-200 pt-4 dark:border-stone-800">
            <h3 className="mb-3 text-sm font-semibold">Add a service</h3>
            <ServiceForm action={createServiceAction} currency={settings.currency} locale={settings.locale} submitLabel="Add service" />
          </div>
        </Card>
        <Card title="Floor-rate calculator" id="floor-calculator">
          <p className="mb-4 text-sm text-stone-600 dark:text-stone-400">The rate below which work loses money: what your year needs, divided by the hours you can actually bill.</p>
          <FloorCalculator applyFloor={applyFloorRateAction} services={services} currency={settings.currency} locale={settings.locale} hoursPerDay={settings.hoursPerDay} />
        </Card>
      </div>
    </TypedInputSettingsProvider>
  );
}
