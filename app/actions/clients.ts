"use server";
import { upsertClientSchema } from "@/lib/schemas";
import { createClient, deleteClient, updateClient } from "@/server/clients";
import { formAction, formActionFor, idAction } from "./_lib/safe-action";

export const createClientAction = formAction({
  schema: upsertClientSchema,
  run: (db, input) => createClient(db, input),
  redirectTo: (client) => `/clients/${client.id}`,
});

export const updateClientAction = formActionFor({
  schema: upsertClientSchema,
  run: (db, input, id) => updateClient(db, id, input),
});

export const deleteClientAction = idAction({
  run: (db, id) => {
    deleteClient(db, id);
    return "/clients";
  },
});
