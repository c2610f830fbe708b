import { quickCaptureApiSchema } from "@/lib/quick-capture/resolve";
import { previewQuickCapture, saveQuickCapture } from "@/server/quick-capture";
import { handler, parseBody } from "../_lib/http";

/** Quick capture: `{ line, clientId?, quoteId?, dryRun? }` → the preview (dry run, 200) or the saved record with the score change (201). */
export const POST = handler(async (req, db) => {
  const { dryRun, ...input } = await parseBody(req, quickCaptureApiSchema);
  if (dryRun) return { preview: previewQuickCapture(db, input) };
  return Response.json(saveQuickCapture(db, input), { status: 201 });
});
