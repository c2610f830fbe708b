import type { Metadata } from "next";
import { createClientAction } from "@/app/actions/clients";
import { ClientForm } from "@/components/forms/client-form";
import { Card, PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "Add a client" };

export default function NewClientPage() {
  return (
    <>
      <PageHeader title="Add a client">Who are they, and where did they come from?</PageHeader>
      <Card>
        <ClientForm action={createClientAction} submitLabel="Add client" />
      </Card>
    </>
  );
}
