import { z } from "@/lib/zod";
import { createQuote, listQuotes } from "@/server/quotes";
import { upsertQuoteSchema } from "@/lib/schemas";
import { handler, parseBody, searchParams } from "../_lib/http";

const listQuery = z.object({ clientId: z.coerce.number().int().positive().optional().catch(undefined) });
export const GET = handler((req, db) => ({ quotes: listQuotes(db, listQuery.parse(searchParams(req))) }));
export const POST = handler(async (req, db) => createQuote(db, await parseBody(req, upsertQuoteSchema)), { status: 201 });
