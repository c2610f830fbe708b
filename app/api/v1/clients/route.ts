import { createClient, listClients } from "@/server/clients";
import { clientListQuerySchema, upsertClientSchema } from "@/lib/schemas";
import { handler, parseBody, parseWith, searchParams } from "../_lib/http";

export const GET = handler((req, db) => ({ clients: listClients(db, parseWith(clientListQuerySchema, searchParams(req), "Invalid query")) }));
export const POST = handler(async (req, db) => createClient(db, await parseBody(req, upsertClientSchema)), { status: 201 });
