import { createClient, listClients } from "@/server/clients";
import { clientListQuerySchema, upsertClientSchema } from "@/lib/schemas";
import { handler, parseBody, searchParams } from "../_lib/http";

export const GET = handler((req, db) => ({ clients: listClients(db, clientListQuerySchema.parse(searchParams(req))) }));
export const POST = handler(async (req, db) => createClient(db, await parseBody(req, upsertClientSchema)), { status: 201 });
