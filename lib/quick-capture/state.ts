/** What the quick-capture actions answer the palette: the usual action state, a preview, and once saved, the score change. */
import type { ActionState } from "../action-state";
import type { CapturePreview } from "./resolve";
import type { ScoreChange } from "./words";

export interface QuickCaptureSaved {
  clientId: number;
  clientName: string;
  change: ScoreChange;
  /** "Fit score 72 → 64, verdict: Set boundaries" */
  scoreWords: string;
}

export interface QuickCaptureState extends ActionState {
  preview?: CapturePreview;
  saved?: QuickCaptureSaved;
}

/** What the palette sends (parsed again on the server by quickCaptureSchema). */
export interface QuickCaptureRequest {
  line: string;
  clientId: number | null;
  quoteId: number | null;
}

export type QuickCaptureAction = (input: QuickCaptureRequest) => Promise<QuickCaptureState>;
