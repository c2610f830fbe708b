import { z } from "@/lib/zod";
import { previewClientsCsv, rowErrorFields } from "@/lib/client-csv";
import { invalidInput } from "@/lib/errors";
import { importClients } from "@/server/csv";
import { handler, parseWith, searchParams } from "../../_lib/http";
import { readText } from "../_lib/body";

const flag = z
  .enum(["1", "0", "true", "false", ""], { error: "Use 1 or 0" })
  .optional()
  .transform((v) => v === "1" || v === "true");
const query = z.object({ dryRun: flag, skipInvalid: flag });

/**
 * Clients from CSV (first line names the columns: name, company, email, lead_source, status, notes).
 * ?dryRun=1 previews what would be created and each row's errors; otherwise creates them in one
 * transaction. Rows with errors refuse the whole file unless ?skipInvalid=1.
 */
export const POST = handler(async (req, db) => {
  const q = parseWith(query, searchParams(req), "Invalid query");
  const text = await readText(req, /^(text\/(csv|plain)|application\/(csv|vnd\.ms-excel))\b/i, "CSV with Content-Type: text/csv");
  const preview = previewClientsCsv(text);
  const summary = { total: preview.total, columns: preview.columns, errors: preview.errors };
  if (q.dryRun) return { dryRun: true, ...summary, toCreate: preview.valid };
  if (preview.total === 0) throw invalidInput("The CSV has no rows under its header line", { csv: ["No rows to import"] });
  if (preview.errors.length && !q.skipInvalid)
    throw invalidInput(`${preview.errors.length} of ${preview.total} rows have problems; nothing was imported. Fix them, or import with skipInvalid=1.`, rowErrorFields(preview.errors));
  const ids = importClients(db, preview.valid.map((r) => r.client));
  return Response.json({ dryRun: false, ...summary, created: ids.length, ids, skipped: preview.errors.length }, { status: 201 });
});
