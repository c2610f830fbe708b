/** What the quick-capture actions answer the palette: the usual action state, a preview, and once saved, the score change. */
import type { ActionState } from "../action-state";
import type { CapturePreview } from "./resolve";
import type { ScoreChange } from "../score-change";

export interface QuickCaptureSaved {
  clientId: number;
  clientName: string;
  change: ScoreChange;
  /** "Fit score 72 → 64 · Keep → Set boundaries" */
  scoreWords: string;
}

export interface QuickCaptureState extends ActionState {
  preview?: CapturePreview;
  saved?: QuickCaptureSaved;
}

/** A quick-capture action as the palette receives it: form fields `line`, `clientId`, `quoteId` (parsed by quickCaptureSchema). */
export type QuickCaptureAction = (prev: QuickCaptureState, formData: FormData) => Promise<QuickCaptureState>;
