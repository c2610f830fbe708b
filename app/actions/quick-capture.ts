"use server";
import { quickCaptureSchema } from "@/lib/quick-capture/resolve";
import { fieldErrors } from "@/lib/schemas";
import { isSignedIn } from "@/server/auth/state";
import { readyDb } from "@/server/database";
import { previewQuickCapture, saveQuickCapture } from "@/server/quick-capture";
import type { QuickCaptureState } from "@/lib/quick-capture/state";
import { errorState, notSignedInState, revalidateEverything } from "./_lib/safe-action";

/** The palette's input, parsed by its schema; an error state naming the line's problem otherwise. */
async function parse(input: unknown): Promise<{ data: ReturnType<typeof quickCaptureSchema.parse> } | { error: QuickCaptureState }> {
  if (!(await isSignedIn())) return { error: notSignedInState() };
  const parsed = quickCaptureSchema.safeParse(input);
  if (!parsed.success) return { error: { status: "error", message: "Please fix the line.", fields: fieldErrors(parsed.error) } };
  return { data: parsed.data };
}

/** What the typed line would log (a dry run: nothing is written). */
export async function previewQuickCaptureAction(input: unknown): Promise<QuickCaptureState> {
  const parsed = await parse(input);
  if ("error" in parsed) return parsed.error;
  try {
    return { status: "ok", preview: previewQuickCapture(await readyDb(), parsed.data) };
  } catch (e) {
    return errorState(e);
  }
}

/** Save what the line says, or — while something is missing — answer with the preview that says what. */
export async function saveQuickCaptureAction(input: unknown): Promise<QuickCaptureState> {
  const parsed = await parse(input);
  if ("error" in parsed) return parsed.error;
  try {
    const db = await readyDb();
    const preview = previewQuickCapture(db, parsed.data);
    if (!preview.ready) return { status: "ok", preview };
    const saved = saveQuickCapture(db, parsed.data);
    revalidateEverything();
    return { status: "ok", preview: saved.preview, saved: { clientId: saved.clientId, clientName: saved.clientName, scoreWords: saved.scoreWords, change: saved.change }, okAt: Date.now() };
  } catch (e) {
    return errorState(e);
  }
}
