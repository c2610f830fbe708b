/** What the quick-capture actions answer the palette: the usual action state, a preview, and once saved, the score change. */
import type { ActionState } from "../action-state";
import type { CapturePage, CapturePreview } from "./resolve";
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
  /** the client (and quote) of the page the palette was opened on, asked for with an empty line */
  page?: CapturePage;
  saved?: QuickCaptureSaved;
}

/** A quick-capture action as the palette receives it: form fields `line`, `clientId`, `quoteId`, `pageClientId`, `pageQuoteId` (parsed by quickCaptureSchema). */
export type QuickCaptureAction = (prev: QuickCaptureState, formData: FormData) => Promise<QuickCaptureState>;
