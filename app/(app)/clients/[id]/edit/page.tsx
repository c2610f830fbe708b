import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { deleteClientAction, updateClientAction } from "@/app/actions/clients";
import { requestDb } from "@/server/database";
import { getClient } from "@/server/clients";
import { getSettings } from "@/server/settings";
import { isAppError } from "@/lib/errors";
import { ClientForm } from "@/components/forms/client-form";
import { ConfirmButton } from "@/components/confirm-button";
import { Card, PageHeader } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";

export const metadata: Metadata = { title: "Edit client" };

export default async function EditClientPage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  const db = await requestDb();
  let client;
  try {
    client = getClient(db, id);
  } catch (e) {
    if (isAppError(e, "not_found") || !Number.isSafeInteger(id)) notFound();
    throw e;
  }
  return (
    <>
      <PageHeader title={`Edit ${client.name}`} actions={<ButtonLink href={`/clients/${id}`} variant="secondary">Back to client</ButtonLink>} />
      <Card>
        <ClientForm action={updateClientAction.bind(null, id)} client={client} usualTermsDays={getSettings(db).paymentTermsDays} />
      </Card>
      <Card className="mt-6" title="Delete this client">
        <p className="mb-3 text-sm text-stone-600 dark:text-stone-400">Deletes the client with all their quotes, negotiations and interactions. Export a backup first if you may want them back.</p>
        <ConfirmButton action={deleteClientAction.bind(null, id)} label="Delete client" confirm={`Delete ${client.name} and everything logged about them?`} />
      </Card>
    </>
  );
}
