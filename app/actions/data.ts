"use server";
import { z } from "@/lib/zod";
import { formatBytes } from "@/lib/backup-retention";
import { previewClientsCsv } from "@/lib/client-csv";
import { importModeSchema } from "@/lib/export-schema";
import { fieldErrors } from "@/lib/schemas";
import { plural } from "@/lib/text";
import { isSignedIn as signedIn } from "@/server/auth/state";
import { backupDatabase } from "@/server/backups";
import { importUntrusted } from "@/server/book";
import { importClients } from "@/server/csv";
import { readyDb } from "@/server/database";
import { backupDir, backupPolicy, maxBodyBytes } from "@/server/env";
import { errorState, revalidateEverything } from "./_lib/safe-action";
import type { DataActionState } from "@/lib/action-state";

const notSignedIn: DataActionState = { status: "error", message: "Sign in first." };

async function uploadedText(value: FormDataEntryValue | null, what: string): Promise<{ text: string } | { error: string }> {
  const MAX_UPLOAD_BYTES = maxBodyBytes();
  const limit = `The ${what} is larger than ${Math.round(MAX_UPLOAD_BYTES / 1024 / 1024)} MB`;
  if (typeof value === "string") {
    if (value.length > MAX_UPLOAD_BYTES) return { error: limit };
    return value.trim() ? { text: value } : { error: `Choose a ${what}` };
  }
  if (!value || typeof value.text !== "function" || value.size === 0) return { error: `Choose a ${what}` };
  if (value.size > MAX_UPLOAD_BYTES) return { error: limit };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(await value.arrayBuffer()) };
  } catch {
    return { error: `The ${what} is not UTF-8 text` };
  }
}

const importForm = z
  .object({
    mode: importModeSchema,
    confirmReplace: z.boolean(),
  })
  .refine((f) => f.mode !== "replace" || f.confirmReplace, { path: ["confirmReplace"], message: "Tick the box to replace your whole book with the file" });

/** Import a whole-book JSON export (merge or replace), after a backup of the current book. */
export async function importBookAction(_prev: DataActionState, formData: FormData): Promise<DataActionState> {
  if (!(await signedIn())) return notSignedIn;
  const form = importForm.safeParse({ mode: formData.get("mode") ?? undefined, confirmReplace: formData.get("confirmReplace") === "on" });
  if (!form.success) return { status: "error", message: "Please fix the highlighted fields.", fields: fieldErrors(form.error) };
  const upload = await uploadedText(formData.get("file"), "JSON export file");
  if ("error" in upload) return { status: "error", message: upload.error, fields: { file: [upload.error] } };
  let value: unknown;
  try {
    value = JSON.parse(upload.text);
  } catch {
    return { status: "error", message: "The file is not valid JSON (is it complete?). Nothing was changed.", fields: { file: ["Not valid JSON"] } };
  }
  let outcome;
  try {
    outcome = await importUntrusted(await readyDb(), value, form.data.mode, backupDir());
  } catch (e) {
    return errorState(e);
  }
  if (!outcome.ok) return { status: "error", message: `${outcome.message} Nothing was changed.`, fields: { file: [outcome.message], ...outcome.fields } };
  revalidateEverything();
  const c = outcome.result.created;
  return {
    status: "ok",
    okAt: Date.now(),
    message:
      `${form.data.mode === "replace" ? "Replaced your book" : "Added to your book"}: ${plural(c.clients, "client")}, ${plural(c.quotes, "quote")}, ${plural(c.quoteEvents, "negotiation event")}, ` +
      `${plural(c.interactions, "interaction")}, ${plural(c.timeEntries, "time entry", "time entries")}, ${plural(c.services, "service")}, ${plural(c.templates, "template")}` +
      `${c.exchangeRates > 0 ? `, ${plural(c.exchangeRates, "exchange rate")}` : ""}${c.proposals > 0 ? `, ${plural(c.proposals, "proposal")}` : ""}.` +
      (outcome.result.droppedShareLinks > 0
        ? ` ${plural(outcome.result.droppedShareLinks, "proposal")} came without ${outcome.result.droppedShareLinks === 1 ? "its" : "their"} client link: turn the link on again to share ${outcome.result.droppedShareLinks === 1 ? "it" : "them"}.`
        : "") +
      (outcome.result.renamedServices.length ? ` Renamed: ${outcome.result.renamedServices.map((r) => `${r.from} → ${r.to}`).join(", ")}.` : "") +
      (outcome.backup ? ` Your previous book was backed up first.` : ""),
  };
}

/** Parse a clients CSV and show what would be created, row by row. Writes nothing. */
export async function previewClientsCsvAction(_prev: DataActionState, formData: FormData): Promise<DataActionState> {
  if (!(await signedIn())) return notSignedIn;
  const upload = await uploadedText(formData.get("csv"), "CSV file");
  if ("error" in upload) return { status: "error", message: upload.error, fields: { csv: [upload.error] } };
  try {
    const preview = previewClientsCsv(upload.text);
    return { status: "ok", preview, message: `${preview.valid.length} of ${preview.total} rows can be imported.` };
  } catch (e) {
    return errorState(e);
  }
}

/** Create the clients of a CSV in one transaction; rows with errors refuse the file unless skipInvalid. */
export async function importClientsCsvAction(_prev: DataActionState, formData: FormData): Promise<DataActionState> {
  if (!(await signedIn())) return notSignedIn;
  const upload = await uploadedText(formData.get("csv"), "CSV file");
  if ("error" in upload) return { status: "error", message: upload.error, fields: { csv: [upload.error] } };
  let preview;
  try {
    preview = previewClientsCsv(upload.text);
  } catch (e) {
    return errorState(e);
  }
  if (preview.total === 0) return { status: "error", message: "The CSV has no rows under its header line.", fields: { csv: ["No rows to import"] } };
  if (preview.errors.length && formData.get("skipInvalid") !== "on")
    return { status: "error", preview, message: `${preview.errors.length} rows have problems; nothing was imported.`, fields: { csv: ["Fix the rows shown, or import only the valid ones"] } };
  let ids: number[];
  try {
    ids = importClients(await readyDb(), preview.valid.map((r) => r.client));
  } catch (e) {
    return errorState(e);
  }
  revalidateEverything();
  return { status: "ok", okAt: Date.now(), message: `Imported ${plural(ids.length, "client")}${preview.errors.length ? `; skipped ${preview.errors.length} rows with problems` : ""}.` };
}

/** "Back up now": the same online backup as npm run backup (refused when it would not fit; old ones pruned after). */
export async function backupNowAction(): Promise<DataActionState> {
  if (!(await signedIn())) return notSignedIn;
  let result;
  try {
    result = await backupDatabase((await readyDb()).$client, backupDir(), "walkaway", { policy: backupPolicy() });
  } catch (e) {
    return errorState(e);
  }
  revalidateEverything();
  const pruned = result.pruned;
  const removed = pruned.length
    ? ` Removed ${plural(pruned.length, "old backup")} (${formatBytes(pruned.reduce((s, p) => s + p.bytes, 0))}) the retention policy no longer keeps: ${pruned
        .slice(0, 5)
        .map((p) => p.name)
        .join(", ")}${pruned.length > 5 ? `, and ${pruned.length - 5} more` : ""}.`
    : "";
  return { status: "ok", okAt: Date.now(), message: `Backed up to ${result.file} (${formatBytes(result.bytes)}, integrity checked).${removed}` };
}
