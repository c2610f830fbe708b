"use server";
/**
 * "Bring your history" on the Data page: preview (writes nothing), import (one transaction, one batch)
 * and undo. Same steps as every action (app/actions/_lib/safe-action.ts): session checked, input parsed
 * by its zod schema (lib/history-import/schemas.ts), one use case, errors mapped by code, every page
 * revalidated after a write. The input is an object (the file's text and its column mapping), not a form.
 */
import { historyImportSchema } from "@/lib/history-import/schemas";
import { fieldErrors, idSchema } from "@/lib/schemas";
import { plural } from "@/lib/text";
import { isSignedIn } from "@/server/auth/state";
import { readyDb } from "@/server/database";
import { applyImport, previewImport, undoImport } from "@/server/history-import";
import { errorState, notSignedInState, revalidateEverything } from "./_lib/safe-action";
import type { HistoryImportState } from "@/components/history-import/state";

function parse(input: unknown): { data: ReturnType<typeof historyImportSchema.parse> } | { error: HistoryImportState } {
  const body = input && typeof input === "object" && !Array.isArray(input) ? input : {};
  const parsed = historyImportSchema.safeParse(body);
  if (!parsed.success) return { error: { status: "error", message: "Please fix the highlighted fields.", fields: fieldErrors(parsed.error) } };
  return { data: parsed.data };
}

/** Read the file against the book and show what would be added. Writes nothing. */
export async function previewHistoryImportAction(input: unknown): Promise<HistoryImportState> {
  if (!(await isSignedIn())) return notSignedInState();
  const p = parse(input);
  if ("error" in p) return p.error;
  try {
    const preview = previewImport(await readyDb(), { ...p.data, dryRun: true });
    return { status: "ok", preview };
  } catch (e) {
    return errorState(e);
  }
}

/** Import the file: all of it in one transaction, recorded as one batch that can be undone. */
export async function applyHistoryImportAction(input: unknown): Promise<HistoryImportState> {
  if (!(await isSignedIn())) return notSignedInState();
  const p = parse(input);
  if ("error" in p) return p.error;
  let result;
  try {
    result = applyImport(await readyDb(), { ...p.data, dryRun: false });
  } catch (e) {
    return errorState(e);
  }
  revalidateEverything();
  const c = result.counts;
  const message =
    result.batchId == null
      ? `Nothing to add: ${c.alreadyImported ? `${plural(c.alreadyImported, "row")} already imported` : "no row could be imported"}${c.problemRows ? `, ${plural(c.problemRows, "row")} with problems` : ""}.`
      : `Imported ${result.kind === "jobs" ? `${plural(result.created.quotes.length, "past job")} as ${result.created.quotes.length === 1 ? "a quote" : "quotes"}` : `${plural(c.entriesNew, "time entry", "time entries")} on ${plural(result.quotes.length, "quote")} (${result.created.quotes.length} new)`}, ${plural(result.created.clients.length, "new client")}` +
        `${c.alreadyImported ? `; ${plural(c.alreadyImported, "row")} already imported` : ""}${c.problemRows ? `; skipped ${plural(c.problemRows, "row")} with problems` : ""}.`;
  return { status: "ok", okAt: Date.now(), result, message };
}

/** Undo one import (the rows it created; what the user built on since stays, and the message says so). */
export async function undoHistoryImportAction(batchId: unknown): Promise<HistoryImportState> {
  if (!(await isSignedIn())) return notSignedInState();
  const id = typeof batchId === "number" ? idSchema.safeParse(batchId) : null;
  if (!id?.success) return { status: "error", message: "That import does not exist (any more). Reload the page." };
  let undo;
  try {
    undo = undoImport(await readyDb(), id.data);
  } catch (e) {
    return errorState(e);
  }
  revalidateEverything();
  return { status: "ok", okAt: Date.now(), undo, message: undo.message };
}
