import { z } from "zod";
import { importUntrusted } from "@/db/export";
import { backupDir } from "@/db/env";
import { importModeSchema } from "@/lib/export-schema";
import { fieldErrors } from "@/lib/schemas";
import { HttpError, handler, readJson, searchParams } from "../_lib/http";

const query = z.object({ mode: importModeSchema.default("merge") });

/**
 * Import a whole-book export. ?mode=merge (default) adds it to the book with new ids;
 * ?mode=replace makes the file the book. One transaction, after a backup of a non-empty book.
 */
export const POST = handler(async (req, db) => {
  const q = query.safeParse(searchParams(req));
  if (!q.success) throw new HttpError(400, "Choose an import mode", fieldErrors(q.error));
  const body = await readJson(req).catch((e: unknown) => {
    // a body that is not JSON at all is still a field error: the file
    if (e instanceof HttpError && e.status === 400 && !e.fields) throw new HttpError(400, `${e.message}: the file is not a complete JSON export`, { file: [e.message] });
    throw e;
  });
  const outcome = await importUntrusted(db, body, q.data.mode, backupDir());
  if (!outcome.ok) throw new HttpError(400, outcome.message, outcome.fields);
  return { ...outcome.result, backup: outcome.backup };
});
