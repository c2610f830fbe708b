import type { Metadata } from "next";
import { createClientAction } from "@/app/actions/clients";
import { ClientForm } from "@/components/forms/client-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requestDb } from "@/server/database";
import { getSettings } from "@/server/settings";

export const metadata: Metadata = { title: "Add a client" };

export default async function NewClientPage() {
  const { paymentTermsDays } = getSettings(await requestDb());
  return (
    <>
      <PageHeader title="Add a client">Who are they, and where did they come from?</PageHeader>
      <Card>
        <ClientForm action={createClientAction} submitLabel="Add client" usualTermsDays={paymentTermsDays} />
      </Card>
    </>
  );
}
