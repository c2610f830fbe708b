"use server";
import { quickCapturePageSchema, quickCaptureSchema } from "@/lib/quick-capture/resolve";
import type { QuickCaptureState } from "@/lib/quick-capture/state";
import { isSignedIn } from "@/server/auth/state";
import { readyDb } from "@/server/database";
import { previewQuickCapture, quickCapturePage, saveQuickCapture } from "@/server/quick-capture";
import { errorState, formValues, notSignedInState, parseForm, revalidateEverything } from "./_lib/safe-action";

/** The palette's fields (line, clientId, quoteId, pageClientId, pageQuoteId) parsed by its schema, as the wrapper parses a form. */
async function parse(formData: FormData) {
  const values = formValues(formData);
  if (!(await isSignedIn())) return { error: notSignedInState(values) as QuickCaptureState };
  const parsed = parseForm(quickCaptureSchema, values, "USD");
  return "error" in parsed ? { error: parsed.error as QuickCaptureState } : { data: parsed.data, values };
}

/**
 * What the typed line would log (a dry run: nothing is written). With nothing typed yet, the client (and
 * quote) of the page the palette was opened on, for it to show as chosen.
 */
export async function previewQuickCaptureAction(_prev: QuickCaptureState, formData: FormData): Promise<QuickCaptureState> {
  if (!String(formData.get("line") ?? "").trim()) {
    const values = formValues(formData);
    if (!(await isSignedIn())) return notSignedInState(values) as QuickCaptureState;
    const page = parseForm(quickCapturePageSchema, values, "USD");
    if ("error" in page) return page.error as QuickCaptureState;
    try {
      return { status: "ok", page: quickCapturePage(await readyDb(), page.data) };
    } catch (e) {
      return errorState(e, values);
    }
  }
  const parsed = await parse(formData);
  if (parsed.error) return parsed.error;
  try {
    return { status: "ok", preview: previewQuickCapture(await readyDb(), parsed.data) };
  } catch (e) {
    return errorState(e, parsed.values);
  }
}

/** Save what the line says, or — while something is missing — answer with the preview that says what. */
export async function saveQuickCaptureAction(_prev: QuickCaptureState, formData: FormData): Promise<QuickCaptureState> {
  const parsed = await parse(formData);
  if (parsed.error) return parsed.error;
  try {
    const db = await readyDb();
    const preview = previewQuickCapture(db, parsed.data);
    if (!preview.ready) return { status: "ok", preview, values: parsed.values };
    const saved = saveQuickCapture(db, parsed.data);
    revalidateEverything();
    return { status: "ok", message: "Logged.", preview: saved.preview, saved: { clientId: saved.clientId, clientName: saved.clientName, scoreWords: saved.scoreWords, change: saved.change }, okAt: Date.now() };
  } catch (e) {
    return errorState(e, parsed.values);
  }
}
