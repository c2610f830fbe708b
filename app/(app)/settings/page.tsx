import type { Metadata } from "next";
import { reexpressAction, updateSettingsAction } from "@/app/actions/settings";
import { removeDemoAction } from "@/app/actions/demo";
import { currencyUsage } from "@/server/currency";
import { hasDemoData } from "@/server/demo";
import { createTemplateAction, deleteTemplateAction, updateTemplateAction } from "@/app/actions/templates";
import { requestDb } from "@/server/database";
import { getSettings } from "@/server/settings";
import { listTemplates } from "@/server/templates";
import { Card, PageHeader } from "@/components/ui/card";
import { DemoDataCard, OtherCurrencies, SettingsForm } from "@/components/forms/settings-form";
import { TemplatesSection } from "@/components/templates-section";
import { ExchangeRatesSection } from "@/components/settings/exchange-rates";
import { addExchangeRateAction, deleteExchangeRateAction } from "@/app/actions/exchange-rates";
import { listRates } from "@/server/exchange-rates";
import { todayFor } from "@/server/clock";

export const metadata: Metadata = { title: "Settings" };

/** Settings. The long lists (time zones, currencies) are made by the browser, not sent with the page (components/settings/browser-lists.ts). */
export default async function SettingsPage() {
  const db = await requestDb();
  const settings = getSettings(db);
  const usage = currencyUsage(db);
  return (
    <>
      <PageHeader title="Settings">Your money, your time, and how clients are judged.</PageHeader>
      <div className="space-y-6">
        <Card>
          <SettingsForm
            action={updateSettingsAction}
            settings={settings}
            inBook={usage.inBook}
          />
        </Card>
        <ExchangeRatesSection
          rates={listRates(db)}
          bookCurrency={settings.currency}
          today={todayFor(db)}
          locale={settings.locale}
          actions={{ add: addExchangeRateAction, remove: deleteExchangeRateAction }}
        />
        <OtherCurrencies action={reexpressAction} book={usage.book} others={usage.others} />
        <DemoDataCard action={removeDemoAction} present={hasDemoData(db)} />
        <TemplatesSection templates={listTemplates(db)} actions={{ create: createTemplateAction, update: updateTemplateAction, remove: deleteTemplateAction }} />
      </div>
    </>
  );
}
