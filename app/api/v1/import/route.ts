import { z } from "@/lib/zod";
import { importUntrusted } from "@/server/book";
import { backupDir } from "@/server/env";
import { importModeSchema } from "@/lib/export-schema";
import { AppError, isAppError } from "@/lib/errors";
import { handler, parseWith, readJson, searchParams } from "../_lib/http";

const query = z.object({ mode: importModeSchema.default("merge") });

/**
 * Import a whole-book export. ?mode=merge (default) adds it to the book with new ids;
 * ?mode=replace makes the file the book. One transaction, after a backup of a non-empty book.
 */
export const POST = handler(async (req, db) => {
  const q = parseWith(query, searchParams(req), "Choose an import mode");
  const body = await readJson(req).catch((e: unknown) => {
    // a body that is not JSON at all is still a field error: the file
    if (isAppError(e, "invalid_input") && !Object.keys(e.fields).length) throw new AppError("invalid_input", `${e.message}: the file is not a complete JSON export`, { file: [e.message] });
    throw e;
  });
  const outcome = await importUntrusted(db, body, q.mode, backupDir());
  if (!outcome.ok) throw new AppError("invalid_input", outcome.message, outcome.fields);
  return { ...outcome.result, backup: outcome.backup };
});
