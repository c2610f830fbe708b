import type { Metadata } from "next";
import { updateSettingsAction } from "@/app/actions/settings";
import { createTemplateAction, deleteTemplateAction, updateTemplateAction } from "@/app/actions/templates";
import { requestDb } from "@/server/database";
import { getSettings } from "@/server/settings";
import { listTemplates } from "@/server/templates";
import { Card, PageHeader } from "@/components/ui/card";
import { SettingsForm } from "@/components/forms/settings-form";
import { TemplatesSection } from "@/components/templates-section";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const db = await requestDb();
  const settings = getSettings(db);
  return (
    <>
      <PageHeader title="Settings">Your money, your time, and how clients are judged.</PageHeader>
      <div className="space-y-6">
        <Card>
          <SettingsForm action={updateSettingsAction} settings={settings} timeZones={Intl.supportedValuesOf("timeZone")} />
        </Card>
        <TemplatesSection templates={listTemplates(db)} actions={{ create: createTemplateAction, update: updateTemplateAction, remove: deleteTemplateAction }} />
      </div>
    </>
  );
}
