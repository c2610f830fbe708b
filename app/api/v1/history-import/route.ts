import { historyImportSchema } from "@/lib/history-import/schemas";
import { applyImport, listImports, previewImport } from "@/server/history-import";
import { handler, parseBody } from "../_lib/http";

/** The history imports made, newest first. */
export const GET = handler((_req, db) => ({ imports: listImports(db) }));

/**
 * Import time entries (Toggl, Clockify, Harvest) or past jobs from CSV text in a JSON body:
 * { source?, csv, mapping?, fileName?, dateFormat?, fxRates?, dryRun? }. dryRun (the default) answers
 * what would be added and every problem row, writing nothing; dryRun: false writes it in one
 * transaction as one batch (201), or answers 200 with batchId null when the file adds nothing.
 */
export const POST = handler(async (req, db) => {
  const input = await parseBody(req, historyImportSchema);
  if (input.dryRun) return { dryRun: true, ...previewImport(db, input) };
  const result = applyImport(db, input);
  return Response.json({ dryRun: false, ...result }, { status: result.batchId == null ? 200 : 201 });
});
